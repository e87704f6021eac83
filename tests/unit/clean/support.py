"""Helpers for the cleaning tests: build a capture from text written in the test, read labels back."""

from __future__ import annotations

import hashlib

from readout.clean import CleanContext
from readout.clean.hints import ExtractionHints
from readout.clean.text import clean_rendered, clean_text
from readout.model import Article, Capture


def capture(text: str, source: str = "test.txt", url: str | None = None) -> Capture:
    return Capture(source=source, url=url, id=hashlib.sha256(text.encode()).hexdigest()[:16], text=text,
                   format="text")


def clean(text: str, context: CleanContext | None = None, hints: ExtractionHints | None = None) -> Article:
    if hints is not None:
        return clean_rendered("test.html", None, "x" * 16, "html", text, context or CleanContext(), hints)
    return clean_text(capture(text), context or CleanContext())


def body_lines(article: Article) -> list[int]:
    """First line of each body paragraph."""
    return [p.lines[0] for p in article.paragraphs]


def removal(article: Article, line: int) -> tuple[str, str] | None:
    """(label, reason) of the removal covering ``line``, None when the line was kept."""
    for r in article.removed:
        if r.lines[0] <= line <= r.lines[1]:
            return r.label, r.reason
    return None


ARTICLE = """Ministers meet in Tovana to discuss fishing quotas

The foreign ministers of Karesia and Ostria met in Tovana on Tuesday to discuss fishing quotas in the gulf.

Both sides said the talks had been useful and that officials would meet again before the spring season.

A spokesperson for the Ostrian ministry said the question of the maritime boundary had not been settled."""
