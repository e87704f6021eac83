"""Reader-comment threads in a flattened page: where they start, who wrote what, where they stop.

A thread is recognised by structure, never by a site's wording:
1. its start: a thread header ("12 Comments", "Leave a Reply", "Comments are closed") or comment
   furniture (timestamps, "X says:" author lines, reply/like counters), after the article has begun and
   confirmed by what follows (controls, timestamps, or alternating author and comment lines); under a
   short article, without a header, only by what no byline has (reply controls, "X says:", text between
   entries);
2. the header stack (sorting, sign-in and notification controls) is page chrome;
3. entries: a short name-like line (or "X says:") opens a comment, the lines after it are its text,
   timestamps and reply/like counters belong to it;
4. its end: a legal footer, a comment form, a related-articles list, or a stack of counters with no
   comment after it.
Headers, controls, timestamps and footers are read in the languages readout reads: the English patterns
of ``rules`` with their ``*_OTHER`` lexicons and patterns, as data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readout.clean import rules
from readout.clean.published import FULL_DATE
from readout.model import Comment

COMMENT = "comment"
CHROME = "chrome"
REASON_THREAD = "reader comment thread"
REASON_HEADER = "comment thread header and controls"
REASON_CLOSED = "comments-closed notice"


@dataclass(frozen=True)
class Thread:
    """The comment thread of a capture: labels for its lines (1-based), its comments, where it starts."""

    labels: dict[int, tuple[str, str]]
    comments: tuple[Comment, ...]
    start: int | None  # first line of the thread (header included), None when there is none


NO_THREAD = Thread({}, (), None)


def _union(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """Alternative patterns as one: a line that matches none of them is tried once, not once per pattern."""
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns), re.IGNORECASE)


def _phrases(phrases: frozenset[str], tail: str = r"[\s›»\d]*") -> re.Pattern[str]:
    """A line that is one of ``phrases`` (lower case; matched in any case) after bullets and before ``tail``
    (arrows and a count of a control: "Teilen ›", "Me gusta 7"): the phrases written as a tree of shared
    prefixes, so that the regex engine tries the few that start with a line's first letter, not every one."""
    return re.compile(rf"^[\s•·]*{rules.prefix_tree(phrases)}{tail}$", re.IGNORECASE)


# What may follow a header phrase: a count in brackets, a colon or a full stop.
HEADER_TAIL = r"\s*(\(\d+\))?\s*[:.!]?\s*"
# The other languages' headers and forms: phrases and patterns of variable shape in one.
HEADER_OTHER = _union(_phrases(rules.HEADER_PHRASES_OTHER, HEADER_TAIL), rules.THREAD_HEADER_OTHER)
# The header patterns in one: a line none of them matches is not tried against each (most lines).
HEADER_CUE = rules.Anchored(_union(rules.THREAD_CLOSED, rules.THREAD_HEADER, rules.THREAD_COUNT,
                                   HEADER_OTHER))
# Headers, controls and forms in English and in the other languages (``rules.*_OTHER``), and the other
# start-anchored patterns of thread parsing, each skipped at once on a line whose first two characters
# open none of its matches (``rules.Anchored``): most lines of a page.
REPLY_CONTROL = rules.Anchored(_union(_phrases(rules.REPLY_PHRASES), rules.REPLY_CONTROL))
THREAD_CONTROLS = rules.Anchored(_union(
    rules.THREAD_CONTROLS, _phrases(rules.REPLY_PHRASES | rules.CONTROL_PHRASES_OTHER),
    rules.THREAD_CONTROLS_OTHER, rules.REPLY_CONTROL))
THREAD_HEADER = rules.Anchored(_union(rules.THREAD_HEADER, HEADER_OTHER))
COMMENT_FORM_HEADER = rules.Anchored(_union(rules.COMMENT_FORM_HEADER,
                                            _phrases(rules.FORM_PHRASES_OTHER, HEADER_TAIL)))
(COPYRIGHT, RELATED_HEADING, THREAD_CLOSED, THREAD_COUNT) = (
    rules.Anchored(pattern) for pattern in (rules.COPYRIGHT, rules.RELATED_HEADING, rules.THREAD_CLOSED,
                                            rules.THREAD_COUNT))
# Verbs of "X says:" author lines, which end them (a colon aside), and marks without which no line is an
# "X · 3h" author stamp: cheap tests before the patterns, which cost microseconds per line.
SAYS_VERBS = ("says", "said", "wrote", "writes", "replied")
SAYS_ENDINGS = SAYS_VERBS + rules.SAYS_VERBS_OTHER
# Enough of a line's end to hold the longest of those verbs, a colon and spaces.
SAYS_TAIL_CHARS = max(map(len, SAYS_ENDINGS)) + 4
STAMP_MARKS = frozenset("•·|")
DIGIT = re.compile(r"\d")


def _says_line(text: str) -> re.Match[str] | None:
    """An "X says:" author line in any of the languages (``AUTHOR_SAYS``, ``AUTHOR_SAYS_OTHER``): only a
    line that ends on one of the verbs is tried against the patterns."""
    if not text[-SAYS_TAIL_CHARS:].lower().rstrip(" \t:").endswith(SAYS_ENDINGS):
        return None
    return rules.AUTHOR_SAYS.match(text) or rules.AUTHOR_SAYS_OTHER.match(text)


def _says(text: str) -> re.Match[str] | None:
    """``AUTHOR_SAYS`` (in any language) or ``AUTHOR_STAMP`` matched against a line, the cheap tests first."""
    found = _says_line(text)
    if found:
        return found
    if STAMP_MARKS.isdisjoint(text) or REPLY_CONTROL.match(text):  # "Like · Reply · 2d" names nobody
        return None
    return rules.AUTHOR_STAMP.match(text)


def _initial_end(text: str) -> bool:
    """A name that ends on an initial ("Marta R.", "Günter S."): its full stop closes no sentence."""
    return len(text) >= 3 and text[-1] == "." and text[-2].isupper() and text[-3] == " "


def _terminal(text: str) -> bool:
    return text.rstrip("”\"’')]»").endswith((".", "!", "?", "…", ":", ";", ",", "。", "！", "？"))


def is_control(text: str) -> bool:
    """Sorting, notification, voting and reply controls, counters and timestamps of a comment widget."""
    return bool(THREAD_CONTROLS.match(text) or rules.NUMERIC_ONLY.match(text) or THREAD_HEADER.match(text)
                or is_stamp(text))


def is_stamp(text: str) -> bool:
    """A comment's timestamp or posting date (``COMMENT_TIMESTAMP`` and ``COMMENT_TIMESTAMP_OTHER``,
    ``is_date_stamp``). All fit in ``rules.STAMP_MAX_CHARS`` and need a digit unless the line opens with a
    word of ``rules.STAMP_WORDS``, and the other languages' pattern a cue of ``rules.STAMP_CUES_OTHER``:
    cheap tests that spare most lines the patterns."""
    if len(text) > rules.STAMP_MAX_CHARS and len(text.strip()) > rules.STAMP_MAX_CHARS:
        return False
    if not DIGIT.search(text):  # no date either
        if not text.strip(" \t•·").lower().startswith(rules.STAMP_WORDS):
            return False
        return bool(rules.COMMENT_TIMESTAMP.match(text) or rules.COMMENT_TIMESTAMP_OTHER.match(text))
    if rules.COMMENT_TIMESTAMP.match(text) or is_date_stamp(text):
        return True
    return _other_stamp_cue(text) and rules.COMMENT_TIMESTAMP_OTHER.match(text) is not None


def _other_stamp_cue(text: str) -> bool:
    """Whether a line with a digit may match ``COMMENT_TIMESTAMP_OTHER`` (``rules.STAMP_CUES_OTHER``)."""
    for cue in rules.STAMP_CUES_OTHER:
        if cue in text:
            return True
    return len(text.strip()) <= rules.STAMP_BARE_MAX_CHARS


def is_date_stamp(text: str) -> bool:
    """A line that is only a date (a comment's posting day under its author)."""
    stripped = text.strip()
    return len(stripped) <= rules.DATE_STAMP_MAX_CHARS and FULL_DATE.fullmatch(stripped) is not None


def is_author_like(text: str) -> bool:
    """A name or handle on its own line: 1-4 tokens, no sentence punctuation, not a link or a control."""
    stripped = text.strip()
    return _name_like(stripped) and not is_control(stripped)


def _name_like(stripped: str) -> bool:
    """The shape of a name or handle (``is_author_like`` without the test for controls and headers)."""
    return (0 < len(stripped.split()) <= rules.COMMENT_AUTHOR_MAX_WORDS
            and len(stripped) <= rules.COMMENT_AUTHOR_MAX_CHARS
            and any(c.isalpha() for c in stripped) and (not _terminal(stripped) or _initial_end(stripped))
            and not rules.URL.match(stripped))


def is_thread_end(text: str) -> bool:
    """Page furniture that closes a thread: legal footer, comment form, related list, menu, boilerplate."""
    lower = text.lower()
    words = len(text.split())
    return bool(COPYRIGHT.match(text) or rules.COMMENT_FORM_SEARCH.search(lower)
                or COMMENT_FORM_HEADER.match(text) or RELATED_HEADING.match(text)
                or rules.NAV_LINE.match(text)
                or (words <= rules.BOILERPLATE_MAX_WORDS and rules.has_boilerplate(lower))
                or (words <= rules.THREAD_END_MAX_WORDS and rules.THREAD_END_OTHER.search(lower) is not None))


def _confirmed(lines: list[str], after: list[int]) -> bool:
    """Whether the lines after a header look like a thread: controls, timestamps or author rhythm."""
    window = after[:rules.CONFIRM_WINDOW]
    if any(_says_line(lines[i]) or is_stamp(lines[i]) or rules.AUTHOR_STAMP.match(lines[i])
           or THREAD_CONTROLS.match(lines[i]) for i in window):
        return True
    authors = sum(1 for k, i in enumerate(window[:-1])
                  if is_author_like(lines[i]) and not is_author_like(lines[window[k + 1]]))
    return authors >= rules.CONFIRM_AUTHORS


def _entries(lines: list[str], window: list[int]) -> list[tuple[int, int]]:
    """Comment entries opening in ``window``: "X says:" and "X · 3h" lines, and short name lines directly
    followed by a timestamp or a date; each as the positions in ``window`` of its first and last line."""
    found = []
    for k, i in enumerate(window):
        text = lines[i].strip()
        if len(text.split()) > rules.AUTHOR_LINE_MAX_WORDS:
            continue
        if _says(text):
            found.append((k, k))
        elif k + 1 < len(window) and _name_like(text):  # is_author_like, its costlier test last
            following = lines[window[k + 1]].strip()
            if (len(following) <= rules.COMMENT_AUTHOR_MAX_CHARS and is_stamp(following)
                    and not is_control(text)):
                found.append((k, k + 1))
    return found


def _headerless(lines: list[str], nonblank: list[int], k: int) -> bool:
    """Whether a thread may open without a header at the k-th line after the article's start: the article
    comes first (enough prose before it: a byline and its date under the standfirst look like an author and
    a stamp), and the rhythm of entries repeats (a live blog's timestamps between paragraphs do not).

    Under a short article, once the article has begun (``_article_begun``), the first entry must show what
    no byline has: it is an "X says:" line, a reply control follows its text (before the next entry), or,
    in a window without reply controls, text alternates with entries at least ``THREAD_MIN_ENTRIES_SHORT``
    times in the short gaps of comments."""
    i = nonblank[k]
    window = nonblank[k:k + rules.THREAD_ENTRY_WINDOW]
    entries = _entries(lines, window)
    if len(entries) < rules.THREAD_MIN_ENTRIES:
        return False
    if _prose_words(lines[:i]) >= rules.THREAD_MIN_ARTICLE_WORDS:
        return True
    if entries[0][0] != 0 or not _article_begun(lines, nonblank, k):
        return False
    if _says_line(lines[i].strip()):
        return True
    first_gap = window[entries[0][1] + 1:min(entries[1][0], entries[0][1] + 2 + rules.COMMENT_GAP_MAX)]
    if any(REPLY_CONTROL.match(lines[j].strip()) for j in first_gap):
        return True
    if any(REPLY_CONTROL.match(lines[j].strip()) for j in window):
        return False  # the comments below have reply controls and this entry none: a byline above them
    return _alternating(lines, window, entries) >= rules.THREAD_MIN_ENTRIES_SHORT


def _alternating(lines: list[str], window: list[int], entries: list[tuple[int, int]]) -> int:
    """How many entries in a row, from the first, are each followed by a short gap holding text (not a
    stamp or control): a comment's rhythm; a byline block stacks names and dates with no text between."""
    count = 0
    for n, (_, last) in enumerate(entries):
        end = entries[n + 1][0] if n + 1 < len(entries) else last + 1 + rules.COMMENT_GAP_MAX
        gap = window[last + 1:end]
        if not gap or len(gap) > rules.COMMENT_GAP_MAX or all(is_control(lines[j].strip()) for j in gap):
            break
        count += 1
    return count


def _article_begun(lines: list[str], nonblank: list[int], k: int) -> bool:
    """Whether sentences (``SENTENCE_MIN_WORDS`` words, closing punctuation) stand between the first prose
    line, which may be the headline, the standfirst or a forum's opening post, and the k-th line after it:
    under those a byline or a post's author line is no comment."""
    count = 0
    for i in nonblank[:k]:
        text = lines[i].strip()
        if len(text.split()) >= rules.SENTENCE_MIN_WORDS and _terminal(text) and not _initial_end(text):
            count += 1
            if count >= rules.THREAD_MIN_SENTENCES_SHORT:
                return True
    return False


def _prose_words(lines: list[str]) -> int:
    """Words in sentence-like lines (closing punctuation, eight words or more): a cheap measure of prose."""
    total = 0
    for text in lines:
        words = len(text.split())
        if words >= 8 and _terminal(text.strip()):
            total += words
    return total


def find_start(lines: list[str], first_prose: int | None) -> int | None:
    """Index (0-based) of the line that opens the comment thread, or None.

    A header opens a thread when what follows looks like one, or when it counts comments and more prose
    lies before it than after it (a flattened page can run author and comment into one line)."""
    if first_prose is None:
        return None
    nonblank = [i for i in range(first_prose + 1, len(lines)) if lines[i].strip()]

    def stamp(j: int) -> bool:  # the j-th line after the article is a short timestamp or date
        text = lines[nonblank[j]]
        return len(text.strip()) <= rules.COMMENT_AUTHOR_MAX_CHARS and is_stamp(text)

    def reply(j: int) -> bool:  # the j-th line after the article is a short reply or vote control
        text = lines[nonblank[j]]
        return len(text.strip()) <= rules.COMMENT_AUTHOR_MAX_CHARS and bool(THREAD_CONTROLS.match(text))

    for k, i in enumerate(nonblank):
        text = lines[i].strip()
        if len(text) > rules.THREAD_CUE_MAX_CHARS:
            continue  # headers, author lines and stamps are short; prose never opens a thread
        if HEADER_CUE.match(text):
            if THREAD_CLOSED.match(text):
                return i
            if THREAD_HEADER.match(text) and _confirmed(lines, nonblank[k + 1:]):
                return i
            if THREAD_COUNT.match(text) and _prose_words(lines[:i]) > _prose_words(lines[i + 1:]):
                return i
        words = len(text.split())
        if words > rules.AUTHOR_LINE_MAX_WORDS:
            continue
        if _says_line(text) and _confirmed(lines, nonblank[k + 1:]) and _headerless(lines, nonblank, k):
            return i
        if (not STAMP_MARKS.isdisjoint(text) and rules.AUTHOR_STAMP.match(text)
                and _confirmed(lines, nonblank[k + 1:]) and _headerless(lines, nonblank, k)):
            return i
        if not (0 < words <= rules.COMMENT_AUTHOR_MAX_WORDS and len(text) <= rules.COMMENT_AUTHOR_MAX_CHARS
                and (not _terminal(text) or _initial_end(text))):
            continue  # the test below needs an author-like line: its cheap part first (few words, short)
        stamped = k + 1 < len(nonblank) and stamp(k + 1)
        replied = k + 2 < len(nonblank) and reply(k + 2) and not is_control(lines[nonblank[k + 1]])
        if not (stamped or replied) or not is_author_like(text):
            continue
        if stamped and _confirmed(lines, nonblank[k + 2:]) and _headerless(lines, nonblank, k):
            return i
        # Author, comment, "Reply": a thread without header or timestamps; under a short article only with
        # a reply control (a vote or share button can follow a byline and its standfirst).
        if replied and _confirmed(lines, nonblank[k + 3:]) and (
                _prose_words(lines[:i]) >= rules.THREAD_MIN_ARTICLE_WORDS
                or (REPLY_CONTROL.match(lines[nonblank[k + 2]]) and _article_begun(lines, nonblank, k))):
            return i
    return None


def _continues(lines: list[str], nonblank: list[int], pos: int) -> bool:
    """Whether the pos-th of the non-blank lines goes on with the thread: a control other than a counter, or
    the opening of a comment entry (``_entries``)."""
    if pos >= len(nonblank):
        return False
    text = lines[nonblank[pos]].strip()
    if not rules.NUMERIC_ONLY.match(text) and is_control(text):
        return True
    return any(start == 0 for start, _ in _entries(lines, nonblank[pos:pos + 2]))


def parse_thread(lines: list[str], first_prose: int | None) -> Thread:
    """The thread after the article, if any: labels of its lines and its comments."""
    start = find_start(lines, first_prose)
    if start is None:
        return NO_THREAD
    labels: dict[int, tuple[str, str]] = {}
    nonblank = [i for i in range(start, len(lines)) if lines[i].strip()]
    k = 0
    while k < len(nonblank) and (THREAD_HEADER.match(lines[nonblank[k]])
                                 or THREAD_CONTROLS.match(lines[nonblank[k]])
                                 or rules.NUMERIC_ONLY.match(lines[nonblank[k]])):
        i = nonblank[k]
        reason = REASON_CLOSED if THREAD_CLOSED.match(lines[i]) else REASON_HEADER
        labels[i + 1] = (CHROME, reason)
        k += 1
    entries: list[tuple[str | None, list[int]]] = []  # (author, line indices) per comment
    ends: dict[str, bool] = {}  # is_thread_end of each text: a line is asked about again as the next one

    def ended(text: str) -> bool:  # a reply control is never the end ("Like · Reply · 2d" looks like a menu)
        if text not in ends:
            ends[text] = is_thread_end(text) and not REPLY_CONTROL.match(text)
        return ends[text]

    def entry_within(pos: int, within: int) -> bool:  # a comment entry opens in the ``within`` lines from pos
        return bool(_entries(lines, nonblank[pos:pos + within]))

    expect_text = False
    counters = 0
    controls: set[int] = set()  # lines of the loop below that are controls, out of the comments' text
    for pos in range(k, len(nonblank)):
        i = nonblank[pos]
        text = lines[i].strip()
        if not entries and not _continues(lines, nonblank, pos):
            # Above the first comment: sign-in links and notices, chrome when the first entry comes soon
            # after them (a line that would end the thread, if it does within the confirming window).
            reach = rules.CONFIRM_WINDOW if ended(text) else rules.HEADER_STACK_LINES
            if entry_within(pos + 1, reach):
                labels[i + 1] = (CHROME, REASON_HEADER)
                continue
        if ended(text):
            break
        if rules.NUMERIC_ONLY.match(text):
            counters = counters + 1 if pos and nonblank[pos - 1] == i - 1 else 1
            # A stack of counters opens the footer, unless a control (not one more counter) or the next
            # comment follows it: then it is the votes under a comment.
            if counters >= rules.THREAD_END_COUNTERS and not _continues(lines, nonblank, pos + 1):
                labels.pop(i, None)  # the previous counter opened the footer, not the thread
                if entries and entries[-1][1] and entries[-1][1][-1] == i - 1:
                    entries[-1][1].pop()
                break
        else:
            counters = 0
        if is_control(text):
            controls.add(i)
            if entries and not THREAD_HEADER.match(text):  # "Load more comments" is the widget's
                entries[-1][1].append(i)
                labels[i + 1] = (COMMENT, REASON_THREAD)
            else:
                labels[i + 1] = (CHROME, REASON_HEADER)
            continue
        says = _says(text)
        if says and len(text.split()) <= rules.AUTHOR_LINE_MAX_WORDS:
            entries.append((says.group("name").strip(), [i]))
            expect_text = True
        elif expect_text and entries:
            entries[-1][1].append(i)
            expect_text = False
        elif _name_like(text) and pos + 1 < len(nonblank) and not ended(lines[nonblank[pos + 1]]):
            entries.append((text, [i]))
            expect_text = True
        elif entries:
            entries[-1][1].append(i)
        else:
            entries.append((None, [i]))
        labels[i + 1] = (COMMENT, REASON_THREAD)
    comments = []
    for author, indices in entries:
        if not indices:
            continue
        body = [lines[i].strip() for i in indices
                if not (author is not None and i == indices[0]) and i not in controls]
        comments.append(Comment(author=author, text="\n".join(body), lines=(indices[0] + 1, indices[-1] + 1)))
    return Thread(labels=labels, comments=tuple(comments), start=start + 1)
