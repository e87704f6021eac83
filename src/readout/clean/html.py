"""HTML mode: trafilatura's extraction mapped onto the rendered page, then trimmed by the text classifier.

Stages, in order:
1. render the markup to line-addressable text (``readout.clean.render``): that text is ``Article.text``
   and every ``lines`` pair points into it; pages over libxml2's limits are rejected with the reason,
   or (nesting over 256 levels after some text) read as far as the parser goes;
2. trafilatura (``bare_extraction``, comments apart) reads body, comments, title and author;
3. its body blocks and comment blocks are mapped back to rendered line numbers (``map_blocks``); body
   lines inside a markup area named for reader comments become comment lines (``is_comment_area``);
4. the publication date: htmldate in its strict setting, kept only when its evidence is found in the page
   (a published-time meta field, JSON-LD, a ``<time>`` element, the URL, or a line beside the headline,
   or labelled just after the body; never an update stamp, a clock above the headline, a teaser's date or
   an ambiguous 03/04/2021); failing that, a date line in those places read as text mode reads one (in
   any of its languages); failing that, unknown;
5. the text-mode classifier (``readout.clean.text.clean_rendered``) labels every line, treating
   trafilatura's lines as strong priors, and assembles the article;
6. reconciliation with trafilatura, which stays the base: its body lines that the classifier dropped
   without a rule are put back (``keep_extracted_prose``), one-line links to other pages are dropped
   (``drop_link_pointers``), and comments end where trafilatura's comments end (``trim_comment_tail``).
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, timezone

from htmldate import find_date
from htmldate.core import DATE_ATTRIBUTES, ITEMPROP_ATTRS_ORIGINAL
from htmldate.extractors import try_date_expr
from lxml import etree
from trafilatura import bare_extraction

from readout.clean import CleanContext
from readout.clean.hints import ExtractionHints
from readout.clean.published import DATELINE_PARAGRAPHS, FULL_DATE, find_published, parse_day
from readout.clean.render import DEPTH_LIMIT, SIZE_LIMIT, parse, render_with_links
from readout.clean.text import clean_rendered
from readout.errors import InputError
from readout.model import Article, Capture, Comment, Published, Removal, make_paragraphs

NOT_WORD = re.compile(r"\W+")
# trafilatura's output elements that hold several rendered blocks, and the blocks inside them.
TEI_CONTAINERS = frozenset({"list", "table", "quote", "div"})
TEI_BLOCKS = ("list", "item", "table", "row", "cell", "quote", "p", "head")
# A rendered line this short (in letters and digits) must equal a whole extracted block (or one of its
# lines) to count as extracted: "Share" or "Read more" must not match by occurring inside a paragraph.
MIN_SUBSTRING_KEY = 25
# Lines around the headline where a stated date is the article's own: from a few lines above the title
# (a kicker or dateline over it) to the body's first line (bylines and datelines sit between); further
# away it is a capture-time clock, a teaser's date or a comment's timestamp.
DATE_LINES_BEFORE_TITLE = 6
# A line trafilatura took as body is kept when it reads as prose (this many words, ending a sentence)
# even if the classifier's position rules dropped it: trafilatura alone scores 0.960 shingle F1, so the
# trim may only remove what is clearly not article (short widgets, prompts), never a standfirst.
RESTORE_MIN_WORDS = 8
# Inside the body (between the first and last body lines the classifier kept), a line trafilatura took
# is put back whatever its length when the classifier dropped it only for where it stands, not by a rule
# of its own (a subhead, a list item, a one-line paragraph between paragraphs). Those removals carry
# this phrase in their reason; lines a rule removed (share links, notices, captions) stay removed.
POSITIONAL_REASON = "outside the article's main block"
SENTENCE_END = re.compile(r"[.!?…。][\"'”’»)\]]*$")
# A body line whose characters are mostly link text, short and not a sentence, points to another page
# ("Read more: <headline>", a related link trafilatura kept): article prose links a few words at most.
LINK_POINTER_SHARE = 0.6
LINK_POINTER_MAX_WORDS = 15
# A rendered line longer than this is no paragraph of an article (spaCy refuses texts over 1,000,000
# characters, and the longest real paragraphs are a few thousand): the page is rejected with the line's
# length rather than cleaned into a silent loss. Same limit as ingest's for plain-text lines.
MAX_RENDERED_LINE_CHARS = 1_000_000
# htmldate's strict setting: no free-text search of the whole page (which finds capture-time widgets,
# comment timestamps, teaser dates and copyright years), the original publication, not the last update.
# Class and id words that name a reader-comment area, in the languages of the pages readout meets (the
# words of trafilatura's own comment selectors, plus replies, responses and reactions, which it misses).
# Matched as whole words of the attribute ("responses", "comment-list", "readerReplies"), never inside
# another word ("responsive"). Lines of trafilatura's body rendered inside such an element (comments it
# missed and left in the body) become comment lines for the classifier, unless the element holds most
# of the body (a wrapper named "article-with-comments"); other lines are left to trafilatura and the
# classifier, which already know threads, forms and counters.
COMMENT_WORDS = frozenset({
    "comment", "comments", "commentlist", "disqus", "reply", "replies", "response", "responses",
    "reaction", "reactions", "talkback", "kommentar", "kommentare", "commentaire", "commentaires",
    "comentario", "comentarios", "commento", "commenti", "reactie", "reacties", "komentarz", "komentarze",
})
CLASS_WORDS = re.compile(r"[A-Z]?[a-z]+")
# A marked area holding more than this share of trafilatura's body words is a wrapper, not comments.
COMMENT_AREA_MAX_BODY_SHARE = 0.5
DATE_OPTIONS = {"extensive_search": False, "original_date": True}
# htmldate's own lower bound: earlier "dates" on news pages are founding years and archive links.
EARLIEST_DATE = datetime(1995, 1, 1)
# Day-precise date expressions inside a line (the whole line may hold several, or too many digits for
# htmldate's parser): "5 March 2024", "March 5th, 2024", "2024-03-05", "05.03.2024", "5/3/2024".
MONTH_WORD = r"[A-Za-zÀ-ÿ]{3,10}\.?"
STATED_DATE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+{MONTH_WORD},?\s+\d{{4}}\b"
    rf"|\b{MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{4}\b")
# A date labelled as the page's last change ("Updated 9 January 2023", "Last modified on ...", "Stand:",
# "mis à jour le ..."), in the languages of FOREIGN_MONTHS in readout.clean.published: the day a page was
# changed is not the day it was published, and a page stating only that leaves its publication unknown.
# German "Stand" only before a colon or a number ("Stand: 03.04.2021"), not the English word.
UPDATE_LABEL = re.compile(
    r"\b(updated|modified|aktualisiert|stand(?=\s*:|\s+\d)|mis à jour|actualizado|atualizado|aggiornato"
    r"|bijgewerkt|обновлено)\b", re.IGNORECASE)
# What ends the label of one date in a busy line ("Updated 14:32, 5 March | First published 4 March"):
# separators between a byline's parts, or the previous date.
LABEL_BREAK = re.compile(r"[|·•;]|\s[–—-]\s")
# "03/04/2021": the 3rd of April or the 4th of March depending on the site's country, which the page
# does not say (htmldate reads it day first); dotted dates ("03.04.2021") are day first wherever they
# are written. A slashed date whose two first numbers are both possible months and differ is no evidence.
AMBIGUOUS_SLASHED = re.compile(r"(\d{1,2})/(\d{1,2})/\d{4}")
# A page that declares its language (``<html lang>``, ``og:locale``) as one written day first settles it:
# every European language readout reads, and English outside the United States. "en" alone, "en-US"
# (WordPress's default, whatever the site's country) and no declaration leave it open.
DAY_FIRST_LANGUAGES = frozenset({"de", "fr", "es", "it", "pt", "nl", "ru", "pl", "da", "sv", "nb", "nn", "no",
                                 "fi", "cs", "sk", "ro", "el", "tr", "uk", "bg", "hr", "sr", "sl", "ca"})
DAY_FIRST_ENGLISH = frozenset({"gb", "uk", "ie", "au", "nz", "in", "za"})
# A line beside the headline that links another page by a headline ("See also: Valley flood defences to be
# raised, 12 June 2019") is a teaser, and its date that page's. Author links are names of two or three
# words; a link of this many words is another story's headline.
TEASER_LINK_MIN_WORDS = 4
# Some sites state the date under the article ("Posted on 4 August 2019 in Walks", "Veröffentlicht am
# ..."): the first few lines after the body are read too, but only when labelled as the publication, since
# the lines after a body are also tags, share links, teasers and the first comment's timestamp.
DATE_LINES_AFTER_BODY = 3
PUBLISHED_LABEL = re.compile(
    r"^\W{0,3}(published|first published|posted on|date published|publication date|veröffentlicht|publié"
    r"|publicado|pubblicato|gepubliceerd|опубликовано)\b", re.IGNORECASE)
JSON_LD_PUBLISHED = re.compile(r'"(datePublished|dateCreated|uploadDate)"\s*:\s*"([^"]{6,40})"')
URL_DATE = re.compile(r"/(19|20)(\d\d)[/-](\d\d?)[/-](\d\d?)(?:/|[-_.]|$)")
PUBLISHED_META = frozenset(DATE_ATTRIBUTES) | frozenset(ITEMPROP_ATTRS_ORIGINAL)


def key(text: str) -> str:
    """Letters and digits only, lower case: whitespace and punctuation differ between renderers."""
    return NOT_WORD.sub("", text).lower()


def map_blocks(lines: list[str], blocks: list[str]) -> frozenset[int]:
    """1-based numbers of the rendered lines that hold the extracted ``blocks``' text."""
    block_keys = {key(b) for b in blocks} | {key(part) for b in blocks for part in b.split("\n")}
    block_keys.discard("")
    joined = "".join(key(b) for b in blocks)
    found = set()
    for number, line in enumerate(lines, start=1):
        line_key = key(line)
        if not line_key:
            continue
        if line_key in block_keys or (len(line_key) >= MIN_SUBSTRING_KEY and line_key in joined):
            found.add(number)
    return frozenset(found)


def _texts(element: etree._Element | None) -> list[str]:
    """The text of each block of a trafilatura body, in order: top-level blocks (paragraphs, headings,
    quotes), and inside a list, table or quote each item, cell, row and paragraph too, since the
    renderer puts each of those on its own line."""
    if element is None:
        return []
    blocks = []
    for child in element:
        for block in child.iter(*TEI_BLOCKS) if child.tag in TEI_CONTAINERS else (child,):
            text = " ".join("".join(block.itertext()).split())
            if text:
                blocks.append(text)
    return blocks


def is_comment_area(element: etree._Element) -> bool:
    """Whether the element's class or id names a reader-comment area (see COMMENT_WORDS)."""
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return any(word.lower() in COMMENT_WORDS for word in CLASS_WORDS.findall(names))


def _marked_comments(lines: list[str], marked: frozenset[int], content: frozenset[int]) -> frozenset[int]:
    """The marked lines, unless they hold most of the body trafilatura read (the mark is a wrapper)."""
    def words(numbers: frozenset[int]) -> int:
        return sum(len(lines[n - 1].split()) for n in numbers)

    body_words = words(content)
    if body_words and words(marked & content) > COMMENT_AREA_MAX_BODY_SHARE * body_words:
        return frozenset()
    return marked


def _day(expression: str | None, today: datetime) -> str | None:
    if not expression:
        return None
    return try_date_expr(expression, "%Y-%m-%d", False, EARLIEST_DATE, today)


def _meta_evidence(tree: etree._Element, date: str, today: datetime) -> str | None:
    for meta in tree.iter("meta"):
        for attribute in ("property", "name", "itemprop"):
            field = (meta.get(attribute) or "").lower()
            if field in PUBLISHED_META and _day(meta.get("content") or meta.get("datetime"), today) == date:
                return f"meta {field}"
    return None


def _itemprop_evidence(tree: etree._Element, date: str, today: datetime) -> str | None:
    """Any element marked ``itemprop="datePublished"`` (a span or div of microdata, not only a meta or a
    time element) whose machine-readable value or text is that day: its shown text may be a form the line
    evidence refuses ("11/02/2019"), while the markup says which day it is."""
    for element in tree.iter():
        if not isinstance(element.tag, str) or (element.get("itemprop") or "").lower() != "datepublished":
            continue
        for value in (element.get("content"), element.get("datetime"), "".join(element.itertext()).strip()):
            if value and not is_ambiguous(value) and _day(value, today) == date:
                return f"{element.tag} itemprop datePublished"
    return None


def _json_ld_evidence(tree: etree._Element, date: str, today: datetime) -> str | None:
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "") or not script.text:
            continue
        for field, value in JSON_LD_PUBLISHED.findall(script.text):
            if _day(value, today) == date:
                return f"json-ld {field}"
    return None


def _time_evidence(tree: etree._Element, date: str, today: datetime, window_text: str) -> str | None:
    """A ``<time datetime>`` of that day marked as the publication, or shown under the headline
    (``window_text``; above it, a clock)."""
    for element in tree.iter("time"):
        if _day(element.get("datetime"), today) != date:
            continue
        itemprop = (element.get("itemprop") or "").lower()
        if itemprop == "datepublished" or element.get("pubdate") is not None:
            return "time element datePublished"
        shown = " ".join("".join(element.itertext()).split())
        if shown and shown in window_text:
            return f'time element "{shown[:60]}" beside the headline'
    return None


def _url_evidence(tree: etree._Element, url: str | None, date: str) -> str | None:
    """The day in the capture's URL, or in the page's canonical URL (which htmldate also reads)."""
    canonical = [link.get("href") for link in tree.iter("link")
                 if (link.get("rel") or "").lower() == "canonical"]
    og_url = [meta.get("content") for meta in tree.iter("meta") if (meta.get("property") or "") == "og:url"]
    for name, candidate in [("url", url), *(("canonical url", c) for c in canonical + og_url)]:
        match = URL_DATE.search(candidate or "")
        if match and f"{match[1]}{match[2]}-{int(match[3]):02d}-{int(match[4]):02d}" == date:
            return name
    return None


def writes_day_first(tree: etree._Element) -> bool:
    """Whether the page declares a language written day first (see DAY_FIRST_LANGUAGES)."""
    declared = [tree.get("lang") or "", *(meta.get("content") or "" for meta in tree.iter("meta")
                                          if (meta.get("property") or "").lower() == "og:locale")]
    for code in declared:
        language, _, region = code.strip().lower().replace("_", "-").partition("-")
        if language in DAY_FIRST_LANGUAGES or (language == "en" and region in DAY_FIRST_ENGLISH):
            return True
    return False


def is_ambiguous(expression: str, day_first: bool = False) -> bool:
    """Whether a slashed numeric date could be read day first or month first (see AMBIGUOUS_SLASHED) on
    a page that does not say it writes day first (``writes_day_first``); htmldate reads it day first."""
    found = AMBIGUOUS_SLASHED.search(expression)
    return (not day_first and bool(found) and int(found[1]) <= 12 and int(found[2]) <= 12
            and found[1] != found[2])


def stated_days(text: str, today: datetime, day_first: bool = False) -> list[str]:
    """The days a line states as something other than its last change: each date expression in it,
    unless the label just before it says the page was updated (see UPDATE_LABEL) or it is ambiguous;
    the whole line too when it reads as one date ("14 June 2023, 10:15") and carries no update label."""
    days = []
    previous = 0
    for match in STATED_DATE.finditer(text):
        label = LABEL_BREAK.split(text[previous:match.start()])[-1]
        previous = match.end()
        if not UPDATE_LABEL.search(label) and not is_ambiguous(match.group(0), day_first):
            days.append(_day(match.group(0), today))
    if not UPDATE_LABEL.search(text) and not is_ambiguous(text, day_first):
        days.append(_day(text, today))
    return [day for day in days if day]


def _line_evidence(lines: list[str], window: list[int], date: str, today: datetime,
                   headline: int | None, day_first: bool = False) -> str | None:
    """A line of the window that states the day: as a whole ("14 June 2023"), or in a date expression
    inside it ("Updated 14:32, 5 March 2024 | First published 4 March 2024"), never as its update. Above
    the ``headline`` only a line labelled as the publication: a bare date there is the page's clock
    ("Tuesday, 24 November 2026", the day of the capture), as text mode reads it too."""
    for number in window:
        text = lines[number - 1].strip()
        if headline and number < headline and not PUBLISHED_LABEL.match(text):
            continue
        if text and date in stated_days(text, today, day_first):
            return f'line {number}: "{text[:120]}"'
    return None


def teaser_lines(tree: etree._Element, lines: list[str], window: list[int]) -> frozenset[int]:
    """Lines of ``window`` holding a link to another page by a headline (see TEASER_LINK_MIN_WORDS)."""
    headlines = {key(text) for text in (" ".join("".join(a.itertext()).split()) for a in tree.iter("a")
                                        if a.get("href"))
                 if len(text.split()) >= TEASER_LINK_MIN_WORDS}
    headlines.discard("")
    if not headlines:
        return frozenset()
    line_keys = {n: key(lines[n - 1]) for n in window}
    return frozenset(n for n in window if any(h in line_keys[n] for h in headlines))


def _labelled_tail(lines: list[str], content: frozenset[int], comments: frozenset[int]) -> list[int]:
    """The lines just after the body that label a publication date (see DATE_LINES_AFTER_BODY)."""
    if not content:
        return []
    after = [n for n in range(max(content) + 1, len(lines) + 1) if lines[n - 1].strip()]
    return [n for n in after[:DATE_LINES_AFTER_BODY]
            if n not in comments and PUBLISHED_LABEL.match(lines[n - 1].strip())]


def own_date_lines(tree: etree._Element, lines: list[str], title_line: int | None, content: frozenset[int],
                   comments: frozenset[int] = frozenset()) -> list[int]:
    """The lines whose stated date is the article's: the window around the headline (``_date_window``)
    and labelled lines just after the body (``_labelled_tail``), without teasers (``teaser_lines``)."""
    window = _date_window(lines, title_line, content)
    candidates = [*window, *_labelled_tail(lines, content, comments)]
    teasers = teaser_lines(tree, lines, candidates)
    return [n for n in candidates if n not in teasers]


def _date_window(lines: list[str], title_line: int | None, content: frozenset[int]) -> range:
    """Lines where a stated date belongs to the article: just above the headline to the body's first line."""
    nonblank = [n for n, text in enumerate(lines, start=1) if text.strip()]
    anchor = title_line or (min(content) if content else None)
    if anchor is None or anchor not in nonblank:
        return range(0)
    position = nonblank.index(anchor)
    first = nonblank[max(0, position - DATE_LINES_BEFORE_TITLE)]
    body_start = min((n for n in content if n >= anchor), default=anchor)
    return range(first, body_start + 1)


def labelled_part_date(lines: list[str], numbers: list[int]) -> Published | None:
    """The first date labelled as the publication in one part of a busy line ("Updated 11:20, 9 January
    2025 | First published 08:00, 7 January 2025"), which text mode's date lines pass over whole."""
    for number in numbers:
        text = lines[number - 1].strip()
        for part in LABEL_BREAK.split(text):
            found = FULL_DATE.search(part) if PUBLISHED_LABEL.match(part.strip()) else None
            day = parse_day(found.group(0)) if found else None
            if day:
                return Published(day.isoformat(), f'line {number}: "{text[:120]}"')
    return None


def stated_date(tree: etree._Element, lines: list[str], title_line: int | None, content: frozenset[int],
                today: datetime, comments: frozenset[int] = frozenset()) -> Published | None:
    """The date a line beside the headline states, read as text mode reads date lines
    (``readout.clean.published.find_published``: a labelled line, a byline or date line under the
    headline, or a dateline opening the body; in the languages of its month names, never an update stamp,
    a clock above the headline or an ambiguous 03/04/2021). For pages where htmldate's strict setting
    finds no date, or one the page does not back: their only date is often a visible byline in a format
    or language htmldate does not read without its free-text search, which would also read traps.
    Not a teaser's line, nor a day after ``today`` (an event announced) or before EARLIEST_DATE."""
    window = _date_window(lines, title_line, content)
    if not window:
        return None
    own_lines = own_date_lines(tree, lines, title_line, content, comments)
    body = sorted(n for n in content if n >= window.start)
    article = (title_line or window.stop - 1, window.stop - 1)
    found = (labelled_part_date(lines, own_lines)
             or find_published(lines, own_lines, body[:DATELINE_PARAGRAPHS], article))
    if found is None or not EARLIEST_DATE <= datetime.fromisoformat(found.date) <= today:
        return None
    return found


def choose_date(tree: etree._Element, date: str | None, url: str | None, lines: list[str],
                title_line: int | None, content: frozenset[int], today: datetime,
                comments: frozenset[int] = frozenset()) -> Published | None:
    """htmldate's ``date`` where the page backs it (``date_evidence``), else the date stated beside the
    headline (``stated_date``), else None: an unknown date is honest, a wrong one a defect."""
    return (date_evidence(tree, date, url, lines, title_line, content, today, comments)
            or stated_date(tree, lines, title_line, content, today, comments))


def _today() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def publication_date(markup: str, url: str | None, lines: list[str], title_line: int | None,
                     content: frozenset[int], today: datetime | None = None,
                     comments: frozenset[int] = frozenset()) -> Published | None:
    """htmldate's strict date for ``markup`` kept only with its evidence, else a date stated beside the
    headline (see ``choose_date``)."""
    today = today or _today()
    tree, _ = parse(markup)
    if tree is None:
        return None
    date = find_date(tree, url=url, max_date=today.strftime("%Y-%m-%d"), **DATE_OPTIONS)
    return choose_date(tree, date, url, lines, title_line, content, today, comments)


def date_evidence(tree: etree._Element, date: str | None, url: str | None, lines: list[str],
                  title_line: int | None, content: frozenset[int], today: datetime,
                  comments: frozenset[int] = frozenset()) -> Published | None:
    """``date`` with where the page states it, or None when the page does not back it (never a widget,
    a teaser's date, a comment's timestamp or a copyright footer, which lie outside these places)."""
    if not date:
        return None
    window = _date_window(lines, title_line, content)
    below = [n for n in window if not title_line or n >= title_line]
    below_text = " ".join(" ".join(lines[n - 1].split()) for n in below)
    own_lines = own_date_lines(tree, lines, title_line, content, comments)
    evidence = (_meta_evidence(tree, date, today) or _itemprop_evidence(tree, date, today)
                or _json_ld_evidence(tree, date, today) or _time_evidence(tree, date, today, below_text)
                or _url_evidence(tree, url, date)
                or _line_evidence(lines, own_lines, date, today, title_line, writes_day_first(tree)))
    return Published(date, evidence) if evidence else None


def _title_line(lines: list[str], title: str | None, content: frozenset[int]) -> int | None:
    """The rendered line holding the headline: the last match before the body (menus repeat titles)."""
    title_key = key(title or "")
    if not title_key:
        return None
    matches = [n for n, text in enumerate(lines, start=1) if key(text) == title_key]
    body_start = min(content) if content else len(lines) + 1
    before = [n for n in matches if n < body_start]
    return before[-1] if before else (matches[0] if matches else None)


def extraction_hints(capture: Capture, lines: list[str], tree: etree._Element,
                     today: datetime | None = None, marked_comments: frozenset[int] = frozenset(),
                     ) -> ExtractionHints:
    """What trafilatura read, as rendered line numbers. ``tree`` is the page
    as parsed for rendering; trafilatura parses its own copy, as it does when run alone. Its call to
    htmldate gets the strict setting, and that date is kept only with evidence."""
    today = today or _today()
    date_params = {**DATE_OPTIONS, "max_date": today.strftime("%Y-%m-%d")}
    document = bare_extraction(capture.text, url=capture.url, include_comments=True, with_metadata=True,
                               include_tables=True, date_extraction_params=date_params)
    if document is None:
        return ExtractionHints()
    body = _texts(document.body)
    comments = _texts(document.commentsbody)
    content = map_blocks(lines, body)
    marked = _marked_comments(lines, marked_comments, content) & content
    comment_lines = (map_blocks(lines, comments) - content) | marked
    content = content - marked
    title_line = _title_line(lines, document.title, content)
    content = content - {title_line} if title_line else content
    published = choose_date(tree, document.date, capture.url, lines, title_line, content, today,
                            comment_lines)
    return ExtractionHints(
        content_lines=content, comment_lines=comment_lines, title=document.title, byline=document.author,
        published_date=published.date if published else None,
        published_evidence=published.evidence if published else None)


def _is_prose(text: str) -> bool:
    return len(text.split()) >= RESTORE_MIN_WORDS and bool(SENTENCE_END.search(text.strip()))


def _without(removal: Removal, restored: set[int], lines: list[str]) -> list[Removal]:
    """``removal`` split around the restored lines, each piece trimmed of blank edge lines."""
    first, last = removal.lines
    if not restored & set(range(first, last + 1)):
        return [removal]
    pieces, current = [], []
    for n in range(first, last + 1):
        if n in restored:
            pieces.append(current)
            current = []
        else:
            current.append(n)
    pieces.append(current)
    out = []
    for piece in pieces:
        nonblank = [n for n in piece if lines[n - 1].strip()]
        if nonblank:
            out.append(Removal((nonblank[0], nonblank[-1]), removal.label, removal.reason))
    return out


def _positional(article: Article) -> set[int]:
    """Lines the classifier removed only for their position (no rule of their own, never comments:
    those removals have their own label and reason)."""
    return {n for r in article.removed if POSITIONAL_REASON in r.reason
            for n in range(r.lines[0], r.lines[1] + 1)}


def keep_extracted_prose(article: Article, hints: ExtractionHints, lines: list[str]) -> Article:
    """The article with the lines of trafilatura's body that the classifier dropped only for their
    position (no rule of their own, not a comment) put back: prose lines anywhere, and any line inside
    the body's extent."""
    body = {n for p in article.paragraphs for n in range(p.lines[0], p.lines[1] + 1)}
    candidates = _positional(article) & (hints.content_lines - hints.comment_lines) - body
    candidates = {n for n in candidates if n <= len(lines)}
    prose = {n for n in candidates if _is_prose(lines[n - 1])}
    extent = sorted((body | prose) & hints.content_lines)
    inside = range(extent[0], extent[-1] + 1) if extent else range(0)
    restore = sorted(prose | {n for n in candidates if n in inside})
    if not restore:
        return article
    items = [(p.text, p.lines, p.kind) for p in article.paragraphs]
    items += [(lines[n - 1].strip(), (n, n), "content") for n in restore]
    removed = tuple(piece for removal in article.removed for piece in _without(removal, set(restore), lines))
    paragraphs = make_paragraphs(sorted(items, key=lambda item: item[1][0]))
    return dataclasses.replace(article, paragraphs=paragraphs, removed=removed)


def drop_link_pointers(article: Article, lines: list[str], link_shares: tuple[float, ...]) -> Article:
    """The article without one-line body paragraphs that are links to other pages (see the rule)."""
    def pointer(n: int) -> bool:
        text = lines[n - 1].strip()
        return (n <= len(link_shares) and link_shares[n - 1] >= LINK_POINTER_SHARE
                and len(text.split()) <= LINK_POINTER_MAX_WORDS and not SENTENCE_END.search(text))

    dropped = [p for p in article.paragraphs if p.lines[0] == p.lines[1] and pointer(p.lines[0])]
    if not dropped or len(dropped) == len(article.paragraphs):
        return article
    kept = [(p.text, p.lines, p.kind) for p in article.paragraphs if p not in dropped]
    removed = [*article.removed, *(Removal(p.lines, "chrome", "a link to another page: mostly link text, "
                                                            "not a sentence") for p in dropped)]
    return dataclasses.replace(article, paragraphs=make_paragraphs(kept),
                               removed=tuple(sorted(removed, key=lambda r: r.lines)))


def trim_comment_tail(article: Article, hints: ExtractionHints, lines: list[str]) -> Article:
    """Comments cut at the last line trafilatura read as a comment: what follows the thread (the page's
    footer, its links and notices) is chrome, whatever the text classifier's thread parser took."""
    if not hints.comment_lines:
        return article
    last = max(hints.comment_lines)
    comments = []
    for comment in article.comments:
        if comment.lines[0] > last:
            continue
        if comment.lines[1] > last:
            end = max(n for n in range(comment.lines[0], last + 1) if lines[n - 1].strip())
            kept = [lines[n - 1].strip() for n in range(comment.lines[0], end + 1) if lines[n - 1].strip()]
            if comment.author and kept and kept[0] == comment.author.strip():
                kept = kept[1:]
            if not kept:
                continue
            comment = Comment(comment.author, "\n".join(kept), (comment.lines[0], end))
        comments.append(comment)
    removed = []
    for removal in article.removed:
        first, end = removal.lines
        if removal.label != "comment" or end <= last:
            removed.append(removal)
            continue
        if first <= last:
            removed.append(Removal((first, last), removal.label, removal.reason))
        after = [n for n in range(max(first, last + 1), end + 1) if lines[n - 1].strip()]
        if after:
            removed.append(Removal((after[0], after[-1]), "chrome", "after the reader comments (footer)"))
    return dataclasses.replace(article, comments=tuple(comments), removed=tuple(removed))


def clean_html(capture: Capture, context: CleanContext) -> Article:
    """The article of an HTML capture; ``Article.text`` is the rendered page its lines refer to."""
    tree, limit = parse(capture.text)
    if limit == SIZE_LIMIT:
        raise InputError("the page holds a single text of more than 10 MB, over the HTML parser's limit; "
                         "not an article")
    if tree is None:
        raise InputError("the HTML parser could not read the page")
    rendered = render_with_links(tree, is_comment_area)
    text, link_shares = rendered.text, rendered.link_shares
    if not text.strip():
        if limit == DEPTH_LIMIT:
            raise InputError("HTML nested deeper than the parser's limit (256 levels) before any text; "
                             "the page cannot be read")
        raise InputError("the HTML page shows no text")
    lines = text.split("\n")
    longest = max(range(len(lines)), key=lambda k: len(lines[k]))
    if len(lines[longest]) > MAX_RENDERED_LINE_CHARS:
        raise InputError(f"rendered line {longest + 1} is {len(lines[longest]) / 1e6:.1f} million characters "
                         "long with no break: not an article's text")
    hints = extraction_hints(capture, lines, tree, marked_comments=rendered.marked)
    article = clean_rendered(source=capture.source, url=capture.url, id=capture.id, mode="html",
                             text=text, context=context, hints=hints)
    published = Published(hints.published_date, hints.published_evidence) if hints.published_date else None
    article = drop_link_pointers(keep_extracted_prose(article, hints, lines), lines, link_shares)
    article = trim_comment_tail(article, hints, lines)
    return dataclasses.replace(article, published=published)

