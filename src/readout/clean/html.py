"""HTML mode: trafilatura's extraction mapped onto the rendered page, then trimmed by the text classifier.

Stages, in order:
1. render the markup to line-addressable text (``readout.clean.render``): that text is ``Article.text``
   and every ``lines`` pair points into it;
2. trafilatura (``bare_extraction``, comments apart) reads body, comments, title and author;
3. its body blocks and comment blocks are mapped back to rendered line numbers (``map_blocks``);
4. the publication date: htmldate in its strict setting, kept only when its evidence is found in the page
   (a published-time meta field, JSON-LD, a ``<time>`` element, the URL, or a line beside the headline);
5. the text-mode classifier (``readout.clean.text.clean_rendered``) labels every line, treating
   trafilatura's lines as strong priors, and assembles the article.
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
from readout.clean.render import parse, render_with_links
from readout.errors import InputError
from readout.model import Article, Capture, Published, Removal, make_paragraphs

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
# htmldate's strict setting: no free-text search of the whole page (which finds capture-time widgets,
# comment timestamps and teaser dates), the original publication rather than the last update.
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
DATE_OPTIONS = {"extensive_search": False, "original_date": True}
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


def _day(expression: str | None, today: datetime) -> str | None:
    if not expression:
        return None
    return try_date_expr(expression, "%Y-%m-%d", False, datetime(1995, 1, 1), today)


def _meta_evidence(tree: etree._Element, date: str, today: datetime) -> str | None:
    for meta in tree.iter("meta"):
        for attribute in ("property", "name", "itemprop"):
            field = (meta.get(attribute) or "").lower()
            if field in PUBLISHED_META and _day(meta.get("content") or meta.get("datetime"), today) == date:
                return f"meta {field}"
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
    """A ``<time datetime>`` of that day marked as the publication, or shown beside the headline."""
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


def _url_evidence(url: str | None, date: str) -> str | None:
    match = URL_DATE.search(url or "")
    if match and f"{match[1]}{match[2]}-{int(match[3]):02d}-{int(match[4]):02d}" == date:
        return "url"
    return None


def _line_evidence(lines: list[str], window: range, date: str, today: datetime) -> str | None:
    for number in window:
        text = lines[number - 1].strip()
        if text and _day(text, today) == date:
            return f'line {number}: "{text[:120]}"'
    return None


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


def _today() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def publication_date(markup: str, url: str | None, lines: list[str], title_line: int | None,
                     content: frozenset[int], today: datetime | None = None) -> Published | None:
    """htmldate's strict date for ``markup``, kept only with its evidence (see ``date_evidence``)."""
    today = today or _today()
    tree, _ = parse(markup)
    if tree is None:
        return None
    date = find_date(tree, url=url, max_date=today.strftime("%Y-%m-%d"), **DATE_OPTIONS)
    return date_evidence(tree, date, url, lines, title_line, content, today)


def date_evidence(tree: etree._Element, date: str | None, url: str | None, lines: list[str],
                  title_line: int | None, content: frozenset[int], today: datetime) -> Published | None:
    """``date`` with where the page states it, or None when the page does not back it (never a widget,
    a teaser's date, a comment's timestamp or a copyright footer, which lie outside these places)."""
    if not date:
        return None
    window = _date_window(lines, title_line, content)
    window_text = " ".join(" ".join(lines[n - 1].split()) for n in window)
    evidence = (_meta_evidence(tree, date, today) or _json_ld_evidence(tree, date, today)
                or _time_evidence(tree, date, today, window_text) or _url_evidence(url, date)
                or _line_evidence(lines, window, date, today))
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
                     today: datetime | None = None) -> tuple[ExtractionHints, int | None]:
    """What trafilatura read, as rendered line numbers; plus the headline's line. ``tree`` is the page
    as parsed for rendering; trafilatura parses its own copy, as it does when run alone. Its call to
    htmldate gets the strict setting, and that date is kept only with evidence."""
    today = today or _today()
    date_params = {**DATE_OPTIONS, "max_date": today.strftime("%Y-%m-%d")}
    document = bare_extraction(capture.text, url=capture.url, include_comments=True, with_metadata=True,
                               include_tables=True, date_extraction_params=date_params)
    if document is None:
        return ExtractionHints(), None
    body = _texts(document.body)
    comments = _texts(document.commentsbody)
    content = map_blocks(lines, body)
    comment_lines = map_blocks(lines, comments) - content
    title_line = _title_line(lines, document.title, content)
    content = content - {title_line} if title_line else content
    published = date_evidence(tree, document.date, capture.url, lines, title_line, content, today)
    hints = ExtractionHints(
        content_lines=content, comment_lines=comment_lines, title=document.title, byline=document.author,
        published_date=published.date if published else None,
        published_evidence=published.evidence if published else None)
    return hints, title_line


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
    """Lines the classifier removed only for their position (no rule of their own)."""
    return {n for r in article.removed if POSITIONAL_REASON in r.reason
            for n in range(r.lines[0], r.lines[1] + 1)}


def keep_extracted_prose(article: Article, hints: ExtractionHints, lines: list[str]) -> Article:
    """The article with the lines of trafilatura's body that the classifier dropped without a rule put
    back: its prose lines anywhere, and any line inside the body's extent."""
    body = {n for p in article.paragraphs for n in range(p.lines[0], p.lines[1] + 1)}
    taken = body | {n for c in article.comments for n in range(c.lines[0], c.lines[1] + 1)}
    if article.title_lines:
        taken |= set(range(article.title_lines[0], article.title_lines[1] + 1))
    candidates = {n for n in hints.content_lines - hints.comment_lines if n not in taken and n <= len(lines)}
    prose = {n for n in candidates if _is_prose(lines[n - 1])}
    extent = sorted((body | prose) & hints.content_lines)
    inside = range(extent[0], extent[-1] + 1) if extent else range(0)
    positional = _positional(article)
    restore = sorted(prose | {n for n in candidates if n in inside and n in positional})
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


def clean_html(capture: Capture, context: CleanContext) -> Article:
    """The article of an HTML capture; ``Article.text`` is the rendered page its lines refer to."""
    from readout.clean.text import clean_rendered

    tree, truncated_by_depth = parse(capture.text)
    text, link_shares = render_with_links(tree) if tree is not None else ("", ())
    if not text.strip():
        if truncated_by_depth:
            raise InputError("HTML nested deeper than the parser's limit (256 levels) before any text; "
                             "the page cannot be read")
        raise InputError("the HTML page shows no text")
    lines = text.split("\n")
    hints, _ = extraction_hints(capture, lines, tree)
    article = clean_rendered(source=capture.source, url=capture.url, id=capture.id, mode="html",
                             text=text, context=context, hints=hints)
    published = Published(hints.published_date, hints.published_evidence) if hints.published_date else None
    article = drop_link_pointers(keep_extracted_prose(article, hints, lines), lines, link_shares)
    return dataclasses.replace(article, published=published)

