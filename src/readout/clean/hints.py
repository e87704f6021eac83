"""What an HTML extractor tells the text-mode classifier about the rendered page's lines."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExtractionHints:
    """Line numbers (1-based, into the rendered text) that trafilatura took as body or as comments,
    and the metadata it read. The classifier treats them as strong priors and still trims."""

    content_lines: frozenset[int] = field(default_factory=frozenset)
    comment_lines: frozenset[int] = field(default_factory=frozenset)
    title: str | None = None
    byline: str | None = None
    published_date: str | None = None  # YYYY-MM-DD, from htmldate
    published_evidence: str | None = None  # "meta article:published_time", ...
