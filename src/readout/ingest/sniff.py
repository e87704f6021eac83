"""Is a capture markup or plain text? Decided by content: extensions lie, and JSON records have none."""

from __future__ import annotations

import re

from readout.ingest import rules

ROOT_TAG = re.compile(r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE)
MARKUP_TAG = re.compile(
    r"</?(?:p|div|span|a|br|hr|li|ul|ol|table|tr|td|h[1-6]|article|section|header|footer|nav|main|aside"
    r"|meta|link|script|style|title|img|em|strong|b|i|figure|figcaption|time|form|input|button|iframe)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)


def looks_like_markup(text: str) -> bool:
    """True for an HTML page or fragment: a doctype/root tag near the start, or many markup tags."""
    head = text[:rules.SNIFF_CHARS]
    if ROOT_TAG.search(head[:rules.ROOT_TAG_WINDOW]):
        return True
    return any(count >= rules.MIN_MARKUP_TAGS for count, _ in enumerate(MARKUP_TAG.finditer(head), start=1))


def longest_line(text: str) -> tuple[int, int]:
    """(length, 1-based number) of the longest line, without splitting a 50 MB text into a list."""
    best, best_number, number, start = 0, 1, 1, 0
    while True:
        end = text.find("\n", start)
        stop = len(text) if end < 0 else end
        if stop - start > best:
            best, best_number = stop - start, number
        if end < 0:
            return best, best_number
        start, number = end + 1, number + 1
