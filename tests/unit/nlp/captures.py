"""Small captures written for these tests: invented people, places and dates, one paragraph per line."""

from __future__ import annotations

import hashlib

from readout.model import Article, Published, make_paragraphs


def article(paragraphs: list[str], source: str = "test.txt", published: Published | None = None,
            header: int = 2) -> Article:
    """An Article whose paragraphs are lines ``header + 1, header + 3, ...`` of its text (blank between)."""
    lines = ["Header line", ""][:header]
    items = []
    for text in paragraphs:
        first = len(lines) + 1
        lines.extend(text.split("\n"))
        items.append((text, (first, len(lines)), "content"))
        lines.append("")
    text = "\n".join(lines)
    return Article(source=source, url=None, id=hashlib.sha256(text.encode()).hexdigest()[:16], mode="text",
                   text=text, title=None, title_lines=None, byline=None, published=published,
                   language="en", paragraphs=make_paragraphs(items))
