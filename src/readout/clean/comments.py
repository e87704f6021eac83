"""Reader-comment threads in a flattened page: where they start, who wrote what, where they stop.

A thread is recognised by structure, never by a site's wording:
1. its start: a thread header ("12 Comments", "Leave a Reply", "Comments are closed") or comment
   furniture (timestamps, "X says:" author lines, reply/like counters), after the article has begun and
   confirmed by what follows (controls, timestamps, or alternating author and comment lines);
2. the header stack (sorting and notification controls) is page chrome;
3. entries: a short name-like line (or "X says:") opens a comment, the lines after it are its text,
   timestamps and reply/like counters belong to it;
4. its end: a legal footer, a comment form, a related-articles list, or a stack of counters.
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
# The three header patterns in one: a line none of them matches is not tried against each (most lines).
HEADER_CUE = rules.Anchored(re.compile("|".join(f"(?:{p.pattern})" for p in (
    rules.THREAD_CLOSED, rules.THREAD_HEADER, rules.THREAD_COUNT)), re.IGNORECASE))
# The start-anchored patterns of thread parsing, each skipped at once on a line whose first two characters
# open none of its matches (``rules.Anchored``): most lines of a page.
(THREAD_CONTROLS, THREAD_HEADER, COPYRIGHT, COMMENT_FORM_HEADER, RELATED_HEADING, THREAD_CLOSED,
 THREAD_COUNT) = (rules.Anchored(pattern) for pattern in (
    rules.THREAD_CONTROLS, rules.THREAD_HEADER, rules.COPYRIGHT, rules.COMMENT_FORM_HEADER,
    rules.RELATED_HEADING, rules.THREAD_CLOSED, rules.THREAD_COUNT))
# Words without one of which no line is an "X says:" author line, and marks without which none is an
# "X · 3h" author stamp: cheap tests before the two patterns, which cost microseconds per line.
SAYS_VERBS = ("says", "said", "wrote", "writes", "replied")
# The same words as one search of a lower-cased line: one pass instead of a generator over the words.
SAYS_CUE = re.compile("|".join(SAYS_VERBS))
STAMP_MARKS = frozenset("•·|")


def _says(text: str) -> re.Match[str] | None:
    """``AUTHOR_SAYS`` or ``AUTHOR_STAMP`` matched against a line, the cheap tests first."""
    if SAYS_CUE.search(text.lower()):
        found = rules.AUTHOR_SAYS.match(text)
        if found:
            return found
    return rules.AUTHOR_STAMP.match(text) if not STAMP_MARKS.isdisjoint(text) else None


def _terminal(text: str) -> bool:
    return text.rstrip("”\"’')]»").endswith((".", "!", "?", "…", ":", ";", ",", "。", "！", "？"))


def is_control(text: str) -> bool:
    """Sorting, notification, voting and reply controls, counters and timestamps of a comment widget."""
    return bool(THREAD_CONTROLS.match(text) or rules.COMMENT_TIMESTAMP.match(text)
                or rules.NUMERIC_ONLY.match(text) or THREAD_HEADER.match(text) or is_date_stamp(text))


def is_date_stamp(text: str) -> bool:
    """A line that is only a date (a comment's posting day under its author)."""
    stripped = text.strip()
    return len(stripped) <= rules.DATE_STAMP_MAX_CHARS and FULL_DATE.fullmatch(stripped) is not None


def is_author_like(text: str) -> bool:
    """A name or handle on its own line: 1-4 tokens, no sentence punctuation, not a link or a control."""
    stripped = text.strip()
    return (0 < len(stripped.split()) <= rules.COMMENT_AUTHOR_MAX_WORDS
            and len(stripped) <= rules.COMMENT_AUTHOR_MAX_CHARS
            and any(c.isalpha() for c in stripped) and not _terminal(stripped)
            and not rules.URL.match(stripped) and not is_control(stripped)
            and not THREAD_HEADER.match(stripped))


def is_thread_end(text: str) -> bool:
    """Page furniture that closes a thread: legal footer, comment form, related list, menu, boilerplate."""
    lower = text.lower()
    return bool(COPYRIGHT.match(text) or rules.COMMENT_FORM_SEARCH.search(lower)
                or COMMENT_FORM_HEADER.match(text) or RELATED_HEADING.match(text)
                or rules.NAV_LINE.match(text)
                or (len(text.split()) <= rules.BOILERPLATE_MAX_WORDS
                    and rules.has_boilerplate(lower)))


def _confirmed(lines: list[str], after: list[int]) -> bool:
    """Whether the lines after a header look like a thread: controls, timestamps or author rhythm."""
    window = after[:rules.CONFIRM_WINDOW]
    if any(rules.AUTHOR_SAYS.match(lines[i]) or rules.COMMENT_TIMESTAMP.match(lines[i])
           or rules.AUTHOR_STAMP.match(lines[i]) or THREAD_CONTROLS.match(lines[i])
           or is_date_stamp(lines[i]) for i in window):
        return True
    authors = sum(1 for k, i in enumerate(window[:-1])
                  if is_author_like(lines[i]) and not is_author_like(lines[window[k + 1]]))
    return authors >= rules.CONFIRM_AUTHORS


def _entries(lines: list[str], window: list[int]) -> int:
    """Comment entries opening in ``window``: "X says:" and "X · 3h" lines, and short name lines directly
    followed by a timestamp or a date."""
    count = 0
    for k, i in enumerate(window):
        text = lines[i].strip()
        if len(text.split()) > rules.AUTHOR_LINE_MAX_WORDS:
            continue
        if _says(text):
            count += 1
        elif k + 1 < len(window) and is_author_like(text):
            following = lines[window[k + 1]].strip()
            if len(following) <= rules.COMMENT_AUTHOR_MAX_CHARS and (
                    rules.COMMENT_TIMESTAMP.match(following) or is_date_stamp(following)):
                count += 1
    return count


def _headerless(lines: list[str], nonblank: list[int], k: int) -> bool:
    """Whether a thread may open without a header at the k-th line after the article's start: the article
    comes first (enough prose before it: a byline and its date under the standfirst look like an author and
    a stamp), and the rhythm of entries repeats (a live blog's timestamps between paragraphs do not)."""
    i = nonblank[k]
    return (_prose_words(lines[:i]) >= rules.THREAD_MIN_ARTICLE_WORDS
            and _entries(lines, nonblank[k:k + rules.THREAD_ENTRY_WINDOW]) >= rules.THREAD_MIN_ENTRIES)


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
        return (len(text.strip()) <= rules.COMMENT_AUTHOR_MAX_CHARS
                and bool(rules.COMMENT_TIMESTAMP.match(text) or is_date_stamp(text)))

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
        if (SAYS_CUE.search(text.lower()) and rules.AUTHOR_SAYS.match(text)
                and _confirmed(lines, nonblank[k + 1:]) and _headerless(lines, nonblank, k)):
            return i
        if (not STAMP_MARKS.isdisjoint(text) and rules.AUTHOR_STAMP.match(text)
                and _confirmed(lines, nonblank[k + 1:]) and _headerless(lines, nonblank, k)):
            return i
        if not (0 < words <= rules.COMMENT_AUTHOR_MAX_WORDS and len(text) <= rules.COMMENT_AUTHOR_MAX_CHARS
                and not _terminal(text)):
            continue  # the test below needs an author-like line: its cheap part first (few words, short)
        stamped = k + 1 < len(nonblank) and stamp(k + 1)
        replied = k + 2 < len(nonblank) and reply(k + 2) and not is_control(lines[nonblank[k + 1]])
        if not (stamped or replied) or not is_author_like(text):
            continue
        if stamped and _confirmed(lines, nonblank[k + 2:]) and _headerless(lines, nonblank, k):
            return i
        if (replied and _confirmed(lines, nonblank[k + 3:])
                and _prose_words(lines[:i]) >= rules.THREAD_MIN_ARTICLE_WORDS):
            return i  # author, comment, "Reply": a thread without header or timestamps
    return None


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

    def ended(text: str) -> bool:
        if text not in ends:
            ends[text] = is_thread_end(text)
        return ends[text]

    expect_text = False
    counters = 0
    for pos in range(k, len(nonblank)):
        i = nonblank[pos]
        text = lines[i].strip()
        if ended(text):
            break
        if rules.NUMERIC_ONLY.match(text):
            counters = counters + 1 if pos and nonblank[pos - 1] == i - 1 else 1
            if counters >= rules.THREAD_END_COUNTERS:
                labels.pop(i, None)  # the previous counter opened the footer, not the thread
                if entries and entries[-1][1] and entries[-1][1][-1] == i - 1:
                    entries[-1][1].pop()
                break
        else:
            counters = 0
        says = _says(text)
        if is_control(text):
            if entries:
                entries[-1][1].append(i)
                labels[i + 1] = (COMMENT, REASON_THREAD)
            else:
                labels[i + 1] = (CHROME, REASON_HEADER)
            continue
        if says and len(text.split()) <= rules.AUTHOR_LINE_MAX_WORDS:
            entries.append((says.group("name").strip(), [i]))
            expect_text = True
        elif expect_text and entries:
            entries[-1][1].append(i)
            expect_text = False
        elif is_author_like(text) and pos + 1 < len(nonblank) and not ended(lines[nonblank[pos + 1]]):
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
                if not (author is not None and i == indices[0]) and not is_control(lines[i].strip())]
        comments.append(Comment(author=author, text="\n".join(body), lines=(indices[0] + 1, indices[-1] + 1)))
    return Thread(labels=labels, comments=tuple(comments), start=start + 1)
