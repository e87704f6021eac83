"""Decoded text to a Capture, or a Rejection that says why the text is not a capture readout can use."""

from __future__ import annotations

from readout.ingest import rules
from readout.ingest.decode import content_id
from readout.ingest.sniff import longest_line, looks_like_markup
from readout.model import Capture, Rejection


def _megabytes(chars: int) -> str:
    return f"{chars / 1_000_000:.1f} million characters"


def make_capture(source: str, url: str | None, text: str) -> Capture | Rejection:
    """A Capture of ``text`` (already decoded and repaired), its format decided by content."""
    if not text.strip():
        return Rejection(source, url, "no text: the capture holds only whitespace")
    markup = looks_like_markup(text)
    if markup and len(text) > rules.MAX_HTML_CHARS:
        return Rejection(source, url, f"HTML page of {_megabytes(len(text))} is larger than any news page "
                                      f"(limit {_megabytes(rules.MAX_HTML_CHARS)}); not processed")
    if not markup and len(text) > rules.MAX_TEXT_LINE_CHARS:  # a shorter text has no line that long
        length, number = longest_line(text)
        if length > rules.MAX_TEXT_LINE_CHARS:
            limit = _megabytes(rules.MAX_TEXT_LINE_CHARS)
            return Rejection(source, url, f"line {number} is {_megabytes(length)} long with no line break: "
                                          f"not an article's text (limit {limit} per line); not processed")
    kind = "html" if markup else "text"
    return Capture(source=source, url=url, id=content_id(text), text=text, format=kind)
