"""HTML to the line-addressable text that an HTML capture's citations quote.

Every block-level element's text starts a new line and blocks are set apart by a blank line, as in
plain-text captures; ``<br>`` breaks a line inside a block; scripts, styles, templates and the
``<head>`` are dropped; whitespace inside a block collapses as a browser shows it (``<pre>`` kept).
The walk is iterative, so a deeply nested page cannot exhaust Python's stack; libxml2 stops parsing
at its own depth limit (huge_tree off), and that truncation is reported, never hidden.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
from lxml.html import HTMLParser, fromstring

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol",
    "p", "pre", "section", "summary", "table", "tbody", "tfoot", "thead", "tr", "ul",
})
# Not shown by a browser, or not text at all.
DROPPED_TAGS = frozenset({
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "select", "option", "datalist", "map", "audio", "video", "source", "track", "input", "textarea",
})
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
SPACES = re.compile(r"\s+")
DEPTH_ERROR = "Excessive depth"


@dataclass(frozen=True)
class Rendered:
    """The rendered text and what the parser could not read."""

    text: str
    truncated_by_depth: bool


def parse(markup: str) -> tuple[etree._Element | None, bool]:
    """The lxml tree (or None) and whether libxml2 stopped at its nesting-depth limit."""
    parser = HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, huge_tree=False)
    try:
        tree = fromstring(XML_DECLARATION.sub("", markup, count=1), parser=parser)
    except (etree.ParserError, ValueError):
        return None, False
    deep = any(DEPTH_ERROR in entry.message for entry in parser.error_log)
    return tree, deep


def _is_hidden(element: etree._Element) -> bool:
    return element.get("hidden") is not None or element.get("aria-hidden") == "true"


def render(markup: str) -> Rendered:
    """The page as text: one block per line group, blocks separated by a blank line."""
    tree, deep = parse(markup)
    return Rendered(render_tree(tree) if tree is not None else "", deep)


def render_tree(tree: etree._Element) -> str:
    """The text of a parsed page (read only: the tree is not changed)."""
    return render_with_links(tree)[0]


def render_with_links(tree: etree._Element) -> tuple[str, tuple[float, ...]]:
    """The text of a parsed page, and for each of its lines the share of its characters inside links
    (index 0 is line 1): a line that is mostly link text points elsewhere (menus, "read more")."""
    blocks: list[list[tuple[str, float]]] = []
    pieces: list[tuple[str, bool]] = []
    state = {"pre": 0, "link": 0}

    def flush() -> None:
        lines: list[list[str]] = [[]]
        linked: list[int] = [0]
        for text, in_link in pieces:
            for k, part in enumerate(text.split("\n")):
                if k:
                    lines.append([])
                    linked.append(0)
                lines[-1].append(part)
                if in_link:
                    linked[-1] += len(part.replace(" ", ""))
        pieces.clear()
        block = []
        for parts, link_chars in zip(lines, linked, strict=True):
            line = "".join(parts)
            line = line.strip() if state["pre"] == 0 else line.rstrip()
            if line.strip():
                block.append((line, min(1.0, link_chars / max(1, len(line.replace(" ", ""))))))
        if block:
            blocks.append(block)

    def add(text: str | None) -> None:
        if text:
            pieces.append((text if state["pre"] else SPACES.sub(" ", text), state["link"] > 0))

    walker = etree.iterwalk(tree, events=("start", "end"))
    skipped: set[int] = set()
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in DROPPED_TAGS or not tag or _is_hidden(element):
                skipped.add(id(element))
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS:
                flush()
            elif tag == "br":
                pieces.append(("\n", False))
            state["pre"] += tag == "pre"
            state["link"] += tag == "a"
            add(element.text)
        else:
            if id(element) in skipped:
                skipped.discard(id(element))
            else:
                if tag in BLOCK_TAGS:
                    flush()
                state["pre"] -= tag == "pre"
                state["link"] -= tag == "a"
                if tag in ("td", "th"):
                    pieces.append((" ", False))
            add(element.tail)
    flush()
    text_lines: list[str] = []
    shares: list[float] = []
    for k, block in enumerate(blocks):
        if k:
            text_lines.append("")
            shares.append(0.0)
        text_lines += [line for line, _ in block]
        shares += [share for _, share in block]
    return "\n".join(text_lines) + ("\n" if blocks else ""), tuple(shares)
