"""Text-mode cleaning: every line of a capture labelled content, metadata, chrome or comment.

The cascade, in order (all steps linear in the number of lines):
1. line features: words, function-word density in the capture's own language, sentence shape, script;
2. the reader-comment thread after the article (``comments.py``): its lines are comments, never body;
3. rule labels (``rules.py``): copyright and legal notices, captions and credits, bylines, date lines,
   capture-time widgets, counters, links, menus and share bars, pointers, lines repeated on other pages
   of the site or within the capture, lines in another language than the article;
4. the body: the run of lines with the highest score, where a prose line scores its words and every
   other line costs (hard chrome more than any paragraph, a short in-article box such as a newsletter
   prompt or a "Read also" heading only as soft chrome); HTML hints act as strong priors; inside the run,
   names and labels of one or two words, pull quotes and a closing author biography are not body;
5. the headline: a headline-shaped line before the body (its repeats are metadata);
6. paragraphs (``opinion`` when in the outlet's own voice), the stated publication date, and every
   removal with its reason, merged into runs.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from itertools import chain
from typing import NamedTuple

from readout.clean import CleanContext, comments, rules
from readout.clean.context import normalise_line
from readout.clean.hints import ExtractionHints
from readout.clean.published import DATE_LINE_MAX_CHARS, find_published, is_date_line
from readout.model import Article, Capture, Comment, Lines, Published, Removal, make_paragraphs

CONTENT, METADATA, CHROME, COMMENT = "content", "metadata", "chrome", "comment"
# Possessive quantifiers: nothing follows that could make the engine give back a letter, so the same words
# are found without the engine keeping backtracking points (a tenth faster over every line).
WORD = re.compile(r"\w++(?:['’]\w++)*+", re.UNICODE)
TERMINAL = (".", "!", "?", "…", "。", "！", "？", "؟")
CLOSERS = "”\"’')]»*"
OPENERS = "“\"‘'«„(¿¡*-–— "  # what may come before a sentence's first letter
ENOUGH_ASCII_LETTERS = re.compile(rf"[A-Za-z](?:[^A-Za-z]*[A-Za-z]){{{rules.SCRIPT_MIN_LETTERS - 1}}}")
# ASCII letters of each case, deleted from a line's bytes to count them (``bytes.translate`` deletes in C).
ASCII_UPPER = string.ascii_uppercase.encode("ascii")
ASCII_LOWER = string.ascii_lowercase.encode("ascii")
DIGIT = re.compile(r"\d")
# What every alternative of ``rules.CREDIT_TAIL`` needs somewhere in the line: a slash, an agency name
# (getty, reuters, afp, ap photo), a closing parenthesis at the end, or a colon with a photo word (photo,
# picture, image, credit). Cheaper than the pattern's search, and most lines have none, so the search runs
# only where it can match.


def may_be_credit(lower: str) -> bool:
    """False only when ``rules.CREDIT_TAIL`` cannot match the lower-cased line. The cues are tested one by
    one with ``in`` (each a scan in C), not through a generator, which would cost more than the scans."""
    return ("/" in lower or lower.endswith(")") or "getty" in lower or "reuters" in lower or "afp" in lower
            or "ap photo" in lower or (":" in lower and ("photo" in lower or "picture" in lower
                                                       or "image" in lower or "credit" in lower)))


# Words without which a line with no digit is no capture-time widget or relative timestamp.
TIME_CUES = ("left", "countdown", "today", "now", "yesterday")
TIME_CUE = re.compile("|".join(TIME_CUES))
# Every cue of the phrase tests below in one factored search of a lower-cased line: the credit cues
# (``may_be_credit``; the photo words alone, a superset), the time cues, the comment form and boilerplate
# phrases and "sign up". A line holding none of them (most) is spared each test's own scans.
PHRASE_CUE = re.compile(rules.factored_alternatives([
    "/", r"\)$", "getty", "reuters", "afp", "ap photo", "photo", "picture", "image", "credit", "sign up",
    *TIME_CUES, rules.FORM_OR_BOILERPLATE_SEARCH.pattern]))
# Code points ``line_features`` counts as CJK characters (two make a word).
CJK_CHAR = re.compile("[\u3040-\u9fff]")
# Quoted spans: curly and guillemet quotations, and straight double quotes around text.
QUOTED = re.compile(r"“[^”]*”|«[^»]*»|\"[^\"\n]*\"")
UNCLOSED_QUOTE = re.compile(r"[“«]")
NAV_SEPARATORS = re.compile(r"\s*[|•·»›/>]\s*")  # ">" too: breadcrumbs ("Home > News > Press releases")
NAV_SEPARATOR_CHAR = re.compile("[|•·»›/>]")
BREADCRUMB = re.compile(r"\S \s*[>›»]\s* \S|\S\s+[>›»]\s+\S")
NO_WORDS: frozenset[str] = frozenset()
QUOTE_MARKS = re.compile("[“”\"'‘’«»„]")
# Characters outside the Latin letter blocks ``script_of`` counts as Latin: when none of them is a letter,
# the line is Latin (or letterless) and the per-character loop is skipped.
NOT_LATIN = re.compile("[^\x00-\u024f\u1e00-\u1eff]")
# Tried on every line: skipped at once on a line whose first character opens no match (``rules.Anchored``).
POSITION_COUNTER = rules.Anchored(rules.POSITION_COUNTER)


def _stopword_languages() -> dict[str, tuple[str, ...]]:
    """Each function word with the languages it belongs to, so that counting is one lookup per token."""
    languages: dict[str, tuple[str, ...]] = {}
    for language, words in rules.STOPWORDS.items():
        for word in words:
            languages[word] = (*languages.get(word, ()), language)
    return languages


STOPWORD_LANGUAGES = _stopword_languages()


class Line(NamedTuple):
    """Features of one non-blank line (``number`` is 1-based); a named tuple, cheap to build per line."""

    number: int
    text: str
    words: int
    stop_ratio: float
    terminal: bool
    capital: bool
    sentence: bool
    prose: bool
    script: str | None
    foreign: bool
    nav: bool
    caps: bool
    lower: str  # ``text`` in lower case, as the phrase tests read it


def script_of(text: str) -> str | None:
    """The script most of a text's letters are in (latin, cyrillic, arabic, cjk...), None if few letters."""
    text = text[:rules.SCRIPT_SAMPLE_CHARS]
    if text.isascii():
        return "latin" if ENOUGH_ASCII_LETTERS.search(text) else None
    if not any(char.isalpha() for char in NOT_LATIN.findall(text)):  # accents and curly quotes only
        return "latin" if sum(map(str.isalpha, text)) >= rules.SCRIPT_MIN_LETTERS else None
    counts: Counter[str] = Counter()
    for char in text:
        if not char.isalpha():
            continue
        code = ord(char)
        if code < 0x250 or 0x1E00 <= code < 0x1F00:
            counts["latin"] += 1
        elif 0x400 <= code < 0x530:
            counts["cyrillic"] += 1
        elif 0x600 <= code < 0x800 or 0xFB50 <= code < 0xFF00:
            counts["arabic"] += 1
        elif 0x3040 <= code < 0xA000 or 0xAC00 <= code < 0xD7B0:
            counts["cjk"] += 1
        else:
            counts[unicodedata.name(char, "other").split(" ")[0].lower()] += 1
    total = sum(counts.values())
    if total < rules.SCRIPT_MIN_LETTERS:
        return None
    script, n = counts.most_common(1)[0]
    return script if n / total >= rules.SCRIPT_SHARE else None


def tokens(text: str) -> list[str]:
    return WORD.findall(text.lower())


def detect_language(texts: list[str], script: str | None) -> str | None:
    """The capture's language, from function-word counts among the languages of its script."""
    return language_of_tokens([tokens(text) for text in texts], script)


def language_of_tokens(token_lists: list[list[str]], script: str | None) -> str | None:
    """``detect_language`` over texts already split into lower-case tokens (each line is tokenised once)."""
    # Function words only, counted in the order of the text (the order breaks ties between languages): the
    # filter is one set lookup per token, and the count runs over the few function words left.
    counts = Counter(filter(STOPWORD_LANGUAGES.__contains__, chain.from_iterable(token_lists)))
    hits: dict[str, int] = {}
    for token, n in counts.items():
        for language in STOPWORD_LANGUAGES[token]:
            hits[language] = hits.get(language, 0) + n
    candidates = {lang: n for lang, n in hits.items()
                  if rules.LANGUAGE_SCRIPT.get(lang, "latin") == (script or "latin")}
    if script == "cjk":
        return None
    if not candidates:
        return None
    language, n = max(candidates.items(), key=lambda item: item[1])
    return language if n >= rules.LANGUAGE_MIN_HITS else None


def _terminal(text: str) -> bool:
    return text.rstrip().rstrip(CLOSERS).endswith(TERMINAL)


def sample(text: str) -> str:
    """The text itself, or its head and tail when it is longer than ``rules.FEATURE_SAMPLE_CHARS``."""
    if len(text) <= rules.FEATURE_SAMPLE_CHARS:
        return text
    half = rules.FEATURE_SAMPLE_CHARS // 2
    return f"{text[:half]} {text[-half:]}"


def line_features(number: int, text: str, lower: str, words: list[str], language: str | None,
                  doc_script: str | None) -> Line:
    """The features of one line, measured against the capture's language and script. A very long line is
    measured on its head and tail (``sample``), its word count scaled up: bounded time on any input.
    ``lower`` and ``words``: the sample in lower case and its tokens, which the caller has already."""
    full_length = len(text)
    if full_length > rules.FEATURE_SAMPLE_CHARS:
        text = sample(text)
    ascii_only = text.isascii()
    cjk = 0 if ascii_only else len(CJK_CHAR.findall(text)) // 2
    count = (len(words) + cjk) * full_length // max(1, len(text))
    own = rules.STOPWORDS.get(language or "", NO_WORDS)
    own_hits = sum(map(own.__contains__, words))
    stop_ratio = own_hits / len(words) if words and own else (1.0 if count else 0.0)
    tail = text.rstrip()
    terminal = tail.rstrip(CLOSERS).endswith(TERMINAL)
    first = text.lstrip(OPENERS)[:1]  # a capital letter or a figure opens a sentence
    capital = not first.islower() if first.isalpha() else first.isdigit()
    if ascii_only:  # script_of's own first test, without the call
        script = "latin" if ENOUGH_ASCII_LETTERS.search(text[:rules.SCRIPT_SAMPLE_CHARS]) else None
    else:
        script = script_of(text)
    foreign = bool(script and doc_script and script != doc_script)
    if (not foreign and own and script == "latin" and len(words) >= 4
            and stop_ratio < rules.FOREIGN_CHECK_BELOW):
        others: dict[str, int] = {}  # a plain dict: a Counter costs more to build than this line's count
        for w in filter(STOPWORD_LANGUAGES.__contains__, words):
            for lang in STOPWORD_LANGUAGES[w]:
                others[lang] = others.get(lang, 0) + 1
        others.pop(language, None)  # the article's own language is no other
        other = max(others.values(), default=0)
        foreign = other >= rules.FOREIGN_MIN_HITS and other > rules.FOREIGN_FACTOR * own_hits
    lead_in = tail.endswith(":") and count >= rules.LEAD_IN_MIN_WORDS
    sentence = (terminal or lead_in) and capital and count >= rules.SENTENCE_MIN_WORDS and stop_ratio > 0
    prose = sentence or (count >= rules.PROSE_MIN_WORDS and stop_ratio >= rules.PROSE_MIN_STOPWORD_RATIO
                         and (terminal or count >= rules.LONG_LINE_WORDS))
    if not prose and count >= rules.LIST_ITEM_MIN_WORDS and stop_ratio > 0 and rules.LIST_ITEM.match(text):
        prose = True  # an item of a list inside the article ("- fees will be reviewed after a year;")
    nav = not sentence and bool(words) and _nav(text, words)
    caps = count <= rules.CAPS_MAX_WORDS and _capitals(text)
    return Line(number, text, count, stop_ratio, terminal, capital, sentence, prose, script, foreign, nav,
                caps, lower)


def _nav(text: str, words: list[str]) -> bool:
    """Mostly navigation words, or three or more short items between separators, or a breadcrumb trail of
    two or more ("Press releases > 2026")."""
    if sum(map(rules.NAV_WORDS.__contains__, words)) >= rules.NAV_SHARE * len(words):
        return True
    if NAV_SEPARATOR_CHAR.search(text) is None:
        return False
    items = [item for item in NAV_SEPARATORS.split(text.strip()) if item]
    trail = BREADCRUMB.search(text) is not None
    least = rules.BREADCRUMB_ITEMS_MIN if trail else rules.NAV_ITEMS_MIN
    longest = (rules.BREADCRUMB_ITEM_MAX_WORDS if trail and len(items) >= rules.BREADCRUMB_LONG_TRAIL
               else rules.NAV_ITEM_MAX_WORDS)
    return (len(items) >= least
            and all(len(i.split()) <= longest for i in items) and not _table_row(items))


def _table_row(items: list[str]) -> bool:
    """Cells of a table of figures ("Chemicals | 2.4 | 2.6 | +8%"): half of them hold a digit; menus don't."""
    return (len(items) >= rules.TABLE_MIN_CELLS
            and 2 * sum(DIGIT.search(item) is not None for item in items) >= len(items))


def _capitals(text: str) -> bool:
    """Written in capitals: most cased letters upper case, and enough letters to tell. A line whose letters
    after the first are all lower case (most menu items and labels) has at most one capital against at
    least one small letter, never the share needed: told at once, without counting."""
    if text[1:].islower():
        return False
    if text.isascii():
        data = text.encode("ascii")
        upper = len(data) - len(data.translate(None, ASCII_UPPER))
        lower = len(data) - len(data.translate(None, ASCII_LOWER))
        letters = upper + lower
    else:
        letters = sum(map(str.isalpha, text))
        upper = sum(map(str.isupper, text))
        lower = sum(map(str.islower, text))
    cased = upper + lower
    return letters >= rules.CAPS_MIN_LETTERS and cased > 0 and upper >= rules.CAPS_SHARE * cased


def _pointer(line: Line, link_aware: bool, prefixed: bool = True) -> bool:
    """A short line leading to other material: "Watch the video:", "Original article:", "(Read more:".
    ``prefixed``: False when the line's first characters open no ``rules.POINTER_PREFIX``."""
    stripped = line.text.strip()
    if prefixed and not link_aware and not line.sentence and rules.POINTER_PREFIX.match(stripped):
        return True
    if not stripped.endswith(":") or line.words > rules.POINTER_MAX_WORDS:
        return False
    return stripped.startswith("(") or any(w in rules.POINTER_WORDS for w in tokens(stripped))


def rule_label(line: Line, site_furniture: bool, link_aware: bool = False) -> tuple[str, str, float] | None:
    """A label, its reason and its cost in the body score, when a rule decides the line on its own.
    ``link_aware``: the caller (HTML mode) knows which text was a link and judges "Read more: ..." itself."""
    text, lower = line.text, line.lower  # stripped already
    starts = rules.LINE_START_BY_PREFIX.get(text[:2], rules.ALL_LINE_START)  # the patterns that may match
    if "copyright" in starts and rules.COPYRIGHT.match(text):
        return CHROME, "copyright notice", rules.HARD_CHROME_COST
    if "cookie" in lower and rules.CONSENT_BANNER.search(lower) and rules.SECOND_PERSON.search(lower):
        return CHROME, "legal, consent or subscription notice", rules.HARD_CHROME_COST
    furniture_sized = len(text) <= rules.FURNITURE_MAX_CHARS
    # prose runs each test below on its own conditions; a short line is first searched for any cue at all
    cued = line.prose or PHRASE_CUE.search(lower) is not None
    if ("caption" in starts and rules.CAPTION.match(text)) or (
            cued and furniture_sized and not line.sentence and may_be_credit(lower)
            and (rules.CREDIT_TAIL.search(lower) or rules.AGENCY_CREDIT_TAIL.search(text))):
        return METADATA, "image caption or credit", 0.0
    if (line.words <= rules.BYLINE_MAX_WORDS and (not line.sentence or line.words <= 5)
            and "byline" in starts and rules.BYLINE.match(text)):
        return METADATA, "byline", 0.0
    if ((text[0] == "(" and rules.WIRE_CREDIT.match(text)) or (
            line.words <= rules.DESK_BYLINE_MAX_WORDS and lower.endswith(rules.DESK_BYLINE_ENDS))):
        return METADATA, "byline", 0.0
    # Dates, counters and stamps hold a figure, and are short (or no prose): the searches below need one.
    digit = ((len(text) <= DATE_LINE_MAX_CHARS or not line.prose
              or line.words <= max(rules.RELATIVE_TIME_MAX_WORDS, rules.READING_TIME_MAX_WORDS))
             and DIGIT.search(text) is not None)
    if digit and is_date_line(text):
        return METADATA, "date line", 0.0
    if line.words <= rules.READING_TIME_MAX_WORDS and (  # without a figure only the anchored label fits
            rules.READING_TIME.search(text) if digit
            else "reading_time" in starts and rules.READING_TIME.match(text)):
        return METADATA, "relative timestamp or reading time", 0.0
    if line.words <= rules.RELATIVE_TIME_MAX_WORDS or not line.prose:  # stamps and widgets are short
        timely = digit or (cued and TIME_CUE.search(lower) is not None)
        if (timely and line.words <= rules.RELATIVE_TIME_MAX_WORDS
                and rules.RELATIVE_TIME_SEARCH.search(lower)):
            return METADATA, "relative timestamp or reading time", 0.0
        if timely and furniture_sized and not line.prose and rules.CAPTURE_TIME_WIDGET_SEARCH.search(lower):
            return CHROME, "capture-time widget (date or countdown of the capture)", rules.SOFT_CHROME_COST
    if "url" in starts and rules.URL.match(text):
        return CHROME, "bare link", rules.SOFT_CHROME_COST
    if line.words <= rules.SKIP_LINK_MAX_WORDS and (
            ("ad_label" in starts and rules.AD_LABEL.match(text))
            or ("skip_link" in starts and rules.SKIP_LINK.match(text))):
        return CHROME, "advertisement label or skip link", rules.SOFT_CHROME_COST
    if ("numeric_only" in starts and rules.NUMERIC_ONLY.match(text)) or (
            digit and line.words <= 3 and "position_counter" in starts
            and rules.POSITION_COUNTER.match(text)):
        return CHROME, "figures and symbols only (a counter or widget)", rules.SOFT_CHROME_COST
    if site_furniture:
        return CHROME, "repeated on other captures of the same site", rules.HARD_CHROME_COST
    if line.foreign:
        return CHROME, "in another language than the article", rules.HARD_CHROME_COST
    if line.nav:  # before the costlier phrase searches: most lines of a page's furniture are menus
        return CHROME, "navigation, share or account links", rules.SOFT_CHROME_COST
    if cued and line.words <= rules.BOILERPLATE_MAX_WORDS and (
            rules.FORM_OR_BOILERPLATE_SEARCH.search(lower) or "sign up" in lower):
        if rules.COMMENT_FORM_SEARCH.search(lower):
            return CHROME, "comment form", rules.HARD_CHROME_COST
        if rules.has_boilerplate(lower):
            cost = rules.HARD_CHROME_COST if line.words > rules.LABEL_MAX_WORDS else rules.SOFT_CHROME_COST
            return CHROME, "legal, consent or subscription notice", cost
    if "thread_header" in starts and rules.THREAD_HEADER.match(text):
        return CHROME, "comment count or comment prompt", rules.SOFT_CHROME_COST
    if (line.words <= rules.HEADING_MAX_WORDS and "related_heading" in starts
            and rules.RELATED_HEADING.match(text)):
        return CHROME, "heading of a list of other articles", rules.HARD_CHROME_COST
    if not line.sentence and "tags_prefix" in starts and rules.TAGS_PREFIX.match(text):
        return CHROME, "tags or topics", rules.SOFT_CHROME_COST
    if _pointer(line, link_aware, "pointer_prefix" in starts):
        return CHROME, "pointer to other material", rules.SOFT_CHROME_COST
    if line.caps:
        return CHROME, "label or widget in capitals", rules.SOFT_CHROME_COST
    return None


def best_span(scores: list[float]) -> tuple[int, int] | None:
    """The run of positions with the highest positive sum (Kadane), as inclusive indices."""
    best, best_span_, running, start = 0.0, None, 0.0, 0
    for i, score in enumerate(scores):
        if running <= 0:
            running, start = score, i
        else:
            running += score
        if running > best:
            best, best_span_ = running, (start, i)
    return best_span_


def headline_shaped(line: Line) -> bool:
    """A headline: 3-25 words, capitalised, no closing full stop, not a menu, a label or a pointer."""
    stripped = line.text.strip()
    return (rules.TITLE_MIN_WORDS <= line.words <= rules.TITLE_MAX_WORDS and line.capital
            and not stripped.rstrip(CLOSERS).endswith((".", ":", ";", ",")) and not line.nav
            and not line.caps and not line.foreign)


def is_opinion(text: str) -> bool:
    """The outlet's own first-person voice, looked for outside quotation marks."""
    head = text[:rules.FEATURE_SAMPLE_CHARS].lower()
    if not any(map(head.__contains__, rules.OPINION_CUES)) or not rules.OPINION_MARKERS.search(head):
        return False
    return bool(rules.OPINION_MARKERS.search(outside_quotes(sample(text)).lower()))


def outside_quotes(text: str) -> str:
    """The text with quoted spans removed; an unclosed quotation runs to the end, a leading close quote
    ends one opened in an earlier paragraph."""
    closes = [i for i in (text.find("”"), text.find("»")) if i >= 0]
    opens = [i for i in (text.find("“"), text.find("«")) if i >= 0]
    if closes and (not opens or min(closes) < min(opens)):
        text = text[min(closes) + 1:]
    text = QUOTED.sub(" ", text)
    unclosed = UNCLOSED_QUOTE.search(text)
    return text[:unclosed.start()] if unclosed else text


def clean_text(capture: Capture, context: CleanContext) -> Article:
    """The article of a plain-text capture: ``clean_rendered`` over its text with no hints."""
    return clean_rendered(capture.source, capture.url, capture.id, "text", capture.text, context, None)


def units_of(raw: list[str]) -> dict[int, list[int]]:
    """Non-blank lines grouped into units: a long line that breaks mid-sentence (no terminal punctuation)
    and is followed by one starting in lower case is hard-wrapped, and the two are read as one paragraph."""
    units: dict[int, list[int]] = {}
    head: int | None = None
    stripped = ""  # the previous line, stripped: a wrapped line continues it
    for i, text in enumerate(raw):
        previous, stripped = stripped, text.strip()
        if not stripped:
            head = None
            continue
        if (head is not None and len(previous) >= rules.WRAP_MIN_CHARS and not _terminal(previous)
                and (stripped[:1].islower() or _open_ended(previous)) and not _byline_line(stripped)):
            units[head].append(i)
        else:
            head = i
            units[head] = [i]
    return units


def _scores(features: dict[int, Line], labels: dict[int, tuple[str, str]], costs: dict[int, float],
            keys: dict[int, str], repeats: Counter[str], limit: int, hints: ExtractionHints | None
            ) -> list[float]:
    """Each unit's worth to the body (at its first line): prose its words, anything else a cost."""
    scores = [0.0] * limit
    for i, line in features.items():
        if i >= limit:
            continue
        if i in labels:
            scores[i] = -costs.get(i, rules.HARD_CHROME_COST if labels[i][0] != METADATA else 0.0)
        elif line.prose:
            scores[i] = float(line.words)
        elif repeats[keys[i]] > 1 and line.words <= rules.REPEAT_MAX_WORDS:
            scores[i] = -rules.SOFT_CHROME_COST
        else:
            scores[i] = -(rules.SHORT_LINE_COST + rules.SHORT_LINE_COST_PER_WORD * line.words)
        if hints and hints.content_lines:
            if i + 1 in hints.content_lines and labels.get(i, (CONTENT,))[0] != CHROME:
                scores[i] = max(scores[i], float(line.words), rules.HINT_MIN_SCORE)
            elif i + 1 not in hints.content_lines and scores[i] >= 0:
                scores[i] = -rules.SOFT_CHROME_COST
    return scores


def clean_rendered(source: str, url: str | None, id: str, mode: str, text: str, context: CleanContext,
                   hints: ExtractionHints | None) -> Article:
    """Label every line of ``text`` (split on newlines, 1-based) and assemble the article."""
    raw = text.split("\n")
    units = units_of(raw)
    heads = list(units)
    # Most units are one line: its stripped text without a join, and its sample without a call.
    texts = {h: raw[h].strip() if len(unit) == 1 else " ".join(raw[j].strip() for j in unit)
             for h, unit in units.items()}
    keys = {h: normalise_line(text) for h, text in texts.items()}
    samples = {h: text if len(text) <= rules.FEATURE_SAMPLE_CHARS else sample(text)
               for h, text in texts.items()}
    doc_script = script_of(sample(" ".join(samples[h] for h in heads[:400])))
    lowers = {h: samples[h].lower() for h in heads}
    words = {h: WORD.findall(lowers[h]) for h in heads}  # ``tokens`` of each sample
    language = language_of_tokens(list(words.values()), doc_script)
    features = {h: line_features(h + 1, texts[h], lowers[h], words[h], language, doc_script) for h in heads}
    labels: dict[int, tuple[str, str]] = {}  # first line of a unit (0-based) -> (label, reason)
    costs: dict[int, float] = {}

    first_prose = next((h for h in heads if features[h].prose), None)
    thread = comments.parse_thread(raw, first_prose)
    for number, label in thread.labels.items():
        labels[number - 1] = label
    thread_comments: list[Comment] = list(thread.comments)
    if hints and hints.comment_lines:
        thread_comments += _hinted_comments(raw, hints.comment_lines, labels)

    furniture = {h for h in heads if keys[h] in context.site_boilerplate}
    furniture_prose = sum(features[h].words for h in furniture if features[h].prose)
    if furniture_prose:  # the capture's prose is counted only when some of it is site furniture
        prose_words = sum(features[h].words for h in heads if features[h].prose)
        if furniture_prose / prose_words >= rules.SITE_PROSE_SHARE:
            furniture = {h for h in furniture if not features[h].prose}
    repeats = Counter(keys.values())
    for h in heads:
        if h not in labels:
            decided = rule_label(features[h], h in furniture, link_aware=hints is not None)
            if decided:
                labels[h], costs[h] = decided[:2], decided[2]
    _caption_continuations(raw, heads, features, labels)
    _author_biographies(raw, texts, labels)
    _inline_boxes(heads, features, labels, costs)

    limit = (thread.start - 1) if thread.start is not None and first_prose is not None else len(raw)
    span = best_span(_scores(features, labels, costs, keys, repeats, limit, hints))
    if span:
        span = (span[0], units[span[1]][-1])

    title_head = _find_title(texts, keys, features, labels, span, repeats, hints)
    standfirst = _standfirst(heads, features, labels, title_head, span)
    body: list[int] = []
    for h in heads:
        if h in labels or h == title_head:
            continue
        if h == standfirst:
            body.append(h)
            continue
        if title_head is not None and keys[h] == keys[title_head]:
            labels[h] = (METADATA, "repeated headline")
        elif (repeats[keys[h]] > 1 and features[h].words <= rules.REPEAT_MAX_WORDS
              and not features[h].sentence):
            labels[h] = (CHROME, "repeated within the capture (menu or widget)")
        elif (span and span[0] <= h <= span[1] and not hints and not features[h].prose
              and _label_like(features[h])):
            labels[h] = (METADATA, "short label inside the article's block (name, role or label)")
        elif span and span[0] <= h <= span[1] and (
                features[h].prose or not hints or not hints.content_lines or h + 1 in hints.content_lines):
            body.append(h)
        elif features[h].prose:
            labels[h] = (CHROME, "prose outside the article's main block (teaser, promotion or footer)")
        else:
            labels[h] = (CHROME, "short line outside the article's main block")

    body = _without_pull_quotes(body, texts, features, labels)
    if len(body) > 1 and rules.BIO_LINE.match(texts[body[-1]]):  # "Jane Roe is a freelance writer ..."
        labels[body.pop()] = (METADATA, "author biography")
    title = texts[title_head] if title_head is not None else (hints.title if hints else None)
    if not body:
        body, title = _one_sentence(features, labels, title_head, thread.labels)
        if title is None and title_head is not None:
            title_head = None
    title_lines: Lines | None = None
    if title_head is not None:
        title_lines = (title_head + 1, units[title_head][-1] + 1)

    paragraphs = [("\n".join(raw[j].strip() for j in units[h]), (h + 1, units[h][-1] + 1)) for h in body]
    line_labels = {j: labels[h] for h in labels for j in units.get(h, [h])}
    outside = sorted(j + 1 for j, (label, _) in line_labels.items()
                     if label in (METADATA, CHROME) and (j + 1) not in thread.labels)
    first_line = title_lines[0] if title_lines else (paragraphs[0][1][0] if paragraphs else 1)
    last_line = paragraphs[-1][1][1] if paragraphs else len(raw)
    if hints is not None:  # HTML: the extractor's date (htmldate, with its evidence) is the stated one
        published = (Published(hints.published_date, hints.published_evidence)
                     if hints.published_date and hints.published_evidence else None)
    else:
        published = find_published(raw, outside, [lines[0] for _, lines in paragraphs],
                                   (first_line, last_line))
    return Article(
        source=source, url=url, id=id, mode=mode, text=text, title=title, title_lines=title_lines,
        byline=_byline(raw, line_labels, hints), published=published, language=language,
        paragraphs=make_paragraphs(_kinds(paragraphs)), comments=tuple(thread_comments),
        removed=_removals(raw, line_labels, title_lines))


def _hinted_comments(raw: list[str], comment_lines: frozenset[int], labels: dict[int, tuple[str, str]]
                     ) -> list[Comment]:
    """Comments from lines an HTML extractor took as comments and the thread parser did not: one per run."""
    found: list[Comment] = []
    run: list[int] = []
    for number in sorted(comment_lines):
        index = number - 1
        if index >= len(raw) or not raw[index].strip() or index in labels:
            continue
        labels[index] = (COMMENT, "reader comment (marked by the HTML extractor)")
        if run and number - run[-1] > 2:
            found.append(Comment(None, "\n".join(raw[n - 1].strip() for n in run), (run[0], run[-1])))
            run = []
        run.append(number)
    if run:
        found.append(Comment(None, "\n".join(raw[n - 1].strip() for n in run), (run[0], run[-1])))
    return found


def _find_title(texts: dict[int, str], keys: dict[int, str], features: dict[int, Line],
                labels: dict[int, tuple[str, str]], span: tuple[int, int] | None, repeats: Counter[str],
                hints: ExtractionHints | None) -> int | None:
    """The headline's line: the extractor's title where it is a line, else a headline-shaped line before the
    body, preferring one the page repeats before the body (page title and headline), else the one nearest
    the body outside any list (menu, key points). A short line repeated after the body too is furniture; a
    long one may be the headline listed again among the most read."""
    if hints and hints.title:
        wanted = tokens(hints.title)
        return next((h for h in texts if tokens(texts[h]) == wanted), None)
    end = span[0] if span else len(texts) + max(texts, default=0) + 1
    heads = list(texts)
    if span and _credited(span[0], heads, texts, features, labels):
        return span[0]  # the block opens with a headline and its byline or date: the article's own head
    before = [h for h in texts if h < end][-rules.TITLE_SEARCH_LINES:]
    candidates = [h for h in before if h not in labels and headline_shaped(features[h])]
    after_credit = {h for h in candidates if _follows_credit(h, heads, labels, candidates)}
    if len(after_credit) < len(candidates):  # headline, byline or date, then a label: the headline
        candidates = [h for h in candidates if h not in after_credit]
    before_keys = Counter(keys[h] for h in before)
    candidates = [h for h in candidates
                  if before_keys[keys[h]] == repeats[keys[h]]
                  or features[h].words >= rules.TITLE_LISTED_MIN_WORDS]
    before_key_list = list(before_keys)  # each key once: whether another line echoes it
    # Repeated before the body (page title and headline), or only after it (the headline listed again
    # among the most read) when no other candidate stands nearer the body: a site's name heads the page
    # and ends its footer, far from the article.
    repeated = [h for h in candidates if before_keys[keys[h]] > 1 or _echoed(keys[h], before_key_list)
                or (repeats[keys[h]] > 1 and h == candidates[-1])]
    if repeated:
        return repeated[0]
    if candidates:
        listed = _list_members(texts, features, labels)
        candidates = [h for h in candidates if h not in listed]
    if candidates:
        nearest = candidates[-1]
        previous = [h for h in before if h < nearest]
        if previous and previous[-1] in candidates:
            return previous[-1]  # two headline-shaped lines in a row: headline, then standfirst
        return nearest
    if span and span[0] in features:
        first = features[span[0]]
        rest = [h for h in texts if span[0] < h <= span[1] and h not in labels]
        ends_statement = texts[span[0]].rstrip().rstrip(CLOSERS).endswith((".", "…", "。"))
        if headline_shaped(first) and not ends_statement and rest and span[0] not in labels:
            return span[0]
    return None


def _label_like(line: Line) -> bool:
    """A short line that is no subheading: a name, a role or a label ("Jane Roe", "Health correspondent");
    list items, lead-ins and table rows stay in the article."""
    stripped = line.text.strip()
    return (line.words < rules.SUBHEADING_MIN_WORDS and not stripped.endswith(":")
            and not rules.LIST_ITEM.match(stripped) and not _table_row(NAV_SEPARATORS.split(stripped)))


def _inline_boxes(heads: list[int], features: dict[int, Line], labels: dict[int, tuple[str, str]],
                  costs: dict[int, float]) -> None:
    """A short run of in-article furniture (newsletter box, "Read more" heading and its link, advertisement)
    between prose and a sentence that resumes the article costs as soft chrome, so that the body bridges it;
    the link under such a heading is furniture too. A footer's run is followed by no sentence."""
    k = 0
    while k < len(heads):
        if heads[k] not in labels:
            k += 1
            continue
        end = k
        while end < len(heads) and heads[end] in labels:
            end += 1
        run = heads[k:end]
        before = heads[k - 1] if k else None
        after = heads[end:end + 2]
        boxed = (0 < len(run) <= rules.INLINE_BOX_MAX_LINES and before is not None
                 and features[before].prose and all(labels[h][1] in rules.INLINE_BOX_REASONS for h in run))
        heading = boxed and labels[run[-1]][1] == "heading of a list of other articles"
        if (heading and len(after) > 1 and not features[after[0]].sentence and features[after[1]].sentence
                and after[1] not in labels and features[after[0]].words <= rules.TITLE_MAX_WORDS):
            labels[after[0]] = (CHROME, "pointer to other material")  # the linked headline under "Read more"
            costs[after[0]] = rules.SOFT_CHROME_COST
            after = after[1:]
        elif heading and after and features[after[0]].sentence:
            _teasers(heads[end:], features, labels)  # sentences right under a list heading: its teasers
            after = []
        if boxed and after and after[0] not in labels and features[after[0]].sentence:
            for h in run:
                costs[h] = min(costs.get(h, rules.SOFT_CHROME_COST), rules.SOFT_CHROME_COST)
        k = end


def _teasers(following: list[int], features: dict[int, Line], labels: dict[int, tuple[str, str]]) -> None:
    """The items under a heading of other articles when they are teaser sentences: short lines in a row,
    up to the first labelled or long line."""
    for h in following:
        if h in labels or features[h].words > rules.TEASER_MAX_WORDS:
            return
        labels[h] = (CHROME, "teaser of another article (under a list heading)")


def _without_pull_quotes(body: list[int], texts: dict[int, str], features: dict[int, Line],
                         labels: dict[int, tuple[str, str]]) -> list[int]:
    """The body without pull quotes: short lines that repeat a sentence of another body paragraph."""
    folded = {h: _quote_free(texts[h]) for h in body}
    joined = "\n".join(folded.values())  # a line's text occurs once there (its own) unless repeated
    kept = []
    for h in body:
        short = (features[h].words <= rules.PULL_QUOTE_MAX_WORDS
                 and len(folded[h]) >= rules.PULL_QUOTE_MIN_CHARS)
        if short and joined.count(folded[h]) > 1:
            labels[h] = (CHROME, "pull quote (repeats a sentence of the article)")
        else:
            kept.append(h)
    return kept


def _quote_free(text: str) -> str:
    """A line compared for repetition: lower case, without quotation marks, spaces collapsed."""
    return " ".join(QUOTE_MARKS.sub("", text.lower()).split()).rstrip(".,;:!?…")


def _caption_continuations(raw: list[str], heads: list[int], features: dict[int, Line],
                           labels: dict[int, tuple[str, str]]) -> None:
    """Caption text that a caption line announces: the line after a bare marker ("Image caption,",
    "Photo:"), or a line directly under a caption that breaks off without closing punctuation."""
    caption = (METADATA, "image caption or credit")
    for previous, h in zip(heads, heads[1:], strict=False):
        if h in labels:
            continue
        counter = POSITION_COUNTER.match(raw[previous]) is not None  # a gallery's "2 of 8"
        if labels.get(previous) != caption and not counter:
            continue
        line = features[h]
        bare_marker = rules.CAPTION_MARKER.match(raw[previous]) is not None or counter
        run_on = h == previous + 1 and not line.terminal and line.words <= rules.CAPTION_MAX_WORDS
        if (bare_marker and line.words <= rules.CAPTION_MAX_WORDS) or run_on:
            labels[h] = caption


def _author_biographies(raw: list[str], texts: dict[int, str], labels: dict[int, tuple[str, str]]) -> None:
    """A line about the byline's author ("Jane Roe is our correspondent in ...") is metadata."""
    author = _byline(raw, labels, None)
    if not author:
        return
    bio = re.compile(rf"^\W*{re.escape(author)}\s+{rules.BIO_VERBS}\b")
    for h, text in texts.items():
        if h not in labels and bio.match(text):
            labels[h] = (METADATA, "author biography")


def _open_ended(text: str) -> bool:
    """A line ending on an article, a conjunction or a possessive ("... with a", "... of the"): no sentence
    or headline ends so, the next line continues it even when it starts with a capital."""
    return text.rsplit(None, 1)[-1] in rules.WRAP_OPEN_WORDS


def _byline_line(text: str) -> bool:
    """A short line naming an author in lower-case lead-in ("di Giulia Ferretti", "by Jane Roe"): a byline
    under a headline, not the wrapped end of it."""
    found = rules.BYLINE.match(text)
    return (found is not None and found.group("name")[:1].isupper()
            and len(text.split()) <= rules.BYLINE_MAX_WORDS)


def _similar(a: int, b: int) -> bool:
    """Two line lengths (in words) alike enough to be items of one list."""
    return max(a, b) <= rules.LIST_LENGTH_RATIO * max(1, min(a, b))


def _list_members(texts: dict[int, str], features: dict[int, Line], labels: dict[int, tuple[str, str]]
                  ) -> set[int]:
    """Lines in a run of three or more consecutive short non-sentence lines of similar length: a menu, a
    list of related headlines or of key points, never the headline."""
    members: set[int] = set()
    run: list[int] = []
    for h in [*texts, -1]:
        short = (h >= 0 and not features[h].sentence and features[h].words <= rules.TITLE_MAX_WORDS
                 and labels.get(h, (CONTENT,))[0] != METADATA)  # a byline or date under a headline is no item
        if short and run and h == run[-1] + 1 and _similar(features[run[-1]].words, features[h].words):
            run.append(h)
            continue
        if len(run) >= rules.LIST_MIN_LINES:
            members.update(run)
        run = [h] if short else []
    return members


CREDIT_REASONS = ("byline", "date line")


def _credited(h: int, heads: list[int], texts: dict[int, str], features: dict[int, Line],
              labels: dict[int, tuple[str, str]]) -> bool:
    """A headline-shaped line, not a statement, directly followed by a byline or a date line, and not
    itself under another headline-shaped line (then it is the standfirst)."""
    k = heads.index(h)
    following = heads[k + 1] if k + 1 < len(heads) else None
    above = heads[k - 1] if k else None
    if above is not None and above not in labels and headline_shaped(features[above]):
        return False
    return (h not in labels and headline_shaped(features[h]) and following is not None
            and labels.get(following, ("", ""))[1] in CREDIT_REASONS
            and not texts[h].rstrip().rstrip(CLOSERS).endswith((".", "…", "。")))


def _follows_credit(h: int, heads: list[int], labels: dict[int, tuple[str, str]], candidates: list[int]
                    ) -> bool:
    """A candidate right after a byline or date line that itself follows another candidate: the label
    under an article's head ("Headline / 3 May 2026 / Press Office"), not the headline."""
    k = heads.index(h)
    return (k >= 2 and labels.get(heads[k - 1], ("", ""))[1] in CREDIT_REASONS
            and heads[k - 2] in candidates)


def _echoed(key: str, others: list[str]) -> bool:
    """Whether another line is this one followed by a site name ("Headline | Site", "Headline - Site"), as a
    page's title repeats its headline."""
    return any(other != key and other.startswith(key)
               and other[len(key):].lstrip()[:1] in rules.TITLE_SEPARATORS for other in others)


def _standfirst(heads: list[int], features: dict[int, Line], labels: dict[int, tuple[str, str]],
                title_head: int | None, span: tuple[int, int] | None) -> int | None:
    """The line right after the headline when it is a headline-shaped summary left outside the body block:
    a standfirst, which article benchmarks count as body."""
    if title_head is None or span is None:
        return None
    after = [h for h in heads if h > title_head]
    if not after or after[0] >= span[0] or after[0] in labels:
        return None
    line = features[after[0]]
    summary = ((headline_shaped(line) or line.sentence) and line.words >= rules.STANDFIRST_MIN_WORDS
               and line.stop_ratio >= rules.PROSE_MIN_STOPWORD_RATIO and not line.nav)
    return after[0] if summary else None


def _one_sentence(features: dict[int, Line], labels: dict[int, tuple[str, str]], title_head: int | None,
                  thread_labels: dict[int, tuple[str, str]]) -> tuple[list[int], str | None]:
    """A capture with no body block: its lone headline, else its best sentence, is the body, not a title."""
    if title_head is not None:
        return [title_head], None
    pool = [h for h, (label, reason) in labels.items()
            if h in features and label == CHROME and (h + 1) not in thread_labels
            and reason.startswith(("prose outside", "short line outside"))]
    if not pool:
        return [], None
    best = max(pool, key=lambda h: (features[h].sentence, features[h].words))
    del labels[best]
    return [best], None


def _kinds(paragraphs: list[tuple[str, Lines]]) -> list[tuple[str, Lines, str]]:
    """Each paragraph's kind: opinion in the outlet's own voice, and the editorial coda that follows one
    in the second half of the body; content otherwise."""
    out: list[tuple[str, Lines, str]] = []
    coda = False
    for k, (text, lines) in enumerate(paragraphs):
        marked = is_opinion(text)
        if marked and k >= rules.OPINION_CODA_FROM * len(paragraphs):
            coda = True
        opinion = marked or (coda and not rules.REPORTED_SPEECH.search(sample(text).lower()))
        out.append((text, lines, "opinion" if opinion else "content"))
    return out


def _byline(raw: list[str], labels: dict[int, tuple[str, str]], hints: ExtractionHints | None) -> str | None:
    """The author named by the first byline line, without its lead-in and trailing punctuation."""
    for i in sorted(labels):
        if labels[i][0] != METADATA or labels[i][1] not in ("byline", "date line"):
            continue
        match = rules.BYLINE.match(raw[i].strip()) or rules.BYLINE_INLINE.search(raw[i])
        if match:
            return rules.BYLINE_TRAIL.sub("", match.group("name")).strip() or None
    return hints.byline if hints else None


def _removals(raw: list[str], labels: dict[int, tuple[str, str]], title_lines: Lines | None
              ) -> tuple[Removal, ...]:
    """Every labelled line outside the body and the headline, consecutive equal labels merged into runs."""
    title = set(range(title_lines[0] - 1, title_lines[1])) if title_lines else set()
    runs: list[tuple[int, int, str, str]] = []
    for i in sorted(labels):
        if i in title:
            continue
        label, reason = labels[i]
        if runs and runs[-1][2:] == (label, reason) and (
                i == runs[-1][1] + 1 or not any(map(str.strip, raw[runs[-1][1] + 1:i]))):  # blanks between
            runs[-1] = (runs[-1][0], i, label, reason)
        else:
            runs.append((i, i, label, reason))
    return tuple(Removal((a + 1, b + 1), label, reason) for a, b, label, reason in runs)
