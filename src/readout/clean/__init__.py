"""Cleaning: split a capture into the article, its metadata, and what is not the article.

Stages, in order:
1. mode: ``text`` for plain-text captures and WET records, ``html`` for markup (``auto`` decides by content);
2. html mode only: trafilatura extracts body, metadata and comments; the page is rendered to the
   line-addressable text that citations quote, and the text-mode classifier trims what it leaves in;
3. text mode: every line labelled content, metadata, chrome or comment, with a reason for each removal;
4. the headline, byline and a publication date the capture states (never a capture-time widget).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from readout.model import Article, Capture


@dataclass(frozen=True)
class CleanContext:
    """What cleaning may know beyond one capture: lines that repeat across captures of one site."""

    site_boilerplate: frozenset[str] = field(default_factory=frozenset)


def detect_mode(capture: Capture) -> str:
    return "html" if capture.format == "html" else "text"


def clean_capture(capture: Capture, mode: str = "auto", context: CleanContext | None = None) -> Article:
    """The article of one capture, cleaned in ``mode`` (auto, text or html)."""
    context = context or CleanContext()
    chosen = detect_mode(capture) if mode == "auto" else mode
    if chosen == "html":
        from readout.clean.html import clean_html

        return clean_html(capture, context)
    from readout.clean.text import clean_text

    return clean_text(capture, context)
