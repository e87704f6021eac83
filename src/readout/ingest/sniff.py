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
    """True for an HTML page or fragment: a doctype/root tag near the start, a markup tag opening the
    text (plain prose never starts with one), or many markup tags."""
    head = text[:rules.SNIFF_CHARS]
    if ROOT_TAG.search(head[:rules.ROOT_TAG_WINDOW]) or MARKUP_TAG.match(head.lstrip("\ufeff \t\r\n")):
        return True
    return any(count >= rules.MIN_MARKUP_TAGS for count, _ in enumerate(MARKUP_TAG.finditer(head), start=1))


def longest_line(text: str) -> tuple[int, int]:
    """(length, 1-based number) of the longest line."""
    lengths = list(map(len, text.split("\n")))
    longest = max(lengths)
    return longest, lengths.index(longest) + 1
