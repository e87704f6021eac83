"""HTML to the line-addressable text that an HTML capture's citations quote.

Every block-level element's text starts a new line and blocks are set apart by a blank line, as in
plain-text captures; ``<br>`` breaks a line inside a block; scripts, styles, templates and the
``<head>`` are dropped; whitespace inside a block collapses as a browser shows it (``<pre>`` kept).
Alongside the text, what the markup knows about each line: its share of link text, and whether it
lies inside an element a caller marks (reader-comment areas). The walk is iterative, so a deeply
nested page cannot exhaust Python's stack; libxml2 stops at its own limits (huge_tree off: 256 levels
of nesting, 10 MB in one text node), and ``parse`` reports which one cut the page, never hides it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
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
# libxml2's safety limits (huge_tree off) and what each means for the page, as the parser reports them.
DEPTH_ERROR = "Excessive depth"
SIZE_ERROR = "Buffer size limit exceeded"
DEPTH_LIMIT = "depth"  # nesting over 256 levels: the parser drops what lies deeper
SIZE_LIMIT = "size"  # a single text node over 10 MB: the parser drops it


@dataclass(frozen=True)
class Rendered:
    """The rendered text and the parser limit that cut the page short, if any."""

    text: str
    limit: str | None


def parse(markup: str) -> tuple[etree._Element | None, str | None]:
    """The lxml tree (or None) and which of libxml2's limits, if any, cut the page short."""
    parser = HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, huge_tree=False)
    try:
        tree = fromstring(XML_DECLARATION.sub("", markup, count=1), parser=parser)
    except (etree.ParserError, ValueError):
        return None, None
    messages = " ".join(entry.message for entry in parser.error_log)
    limit = SIZE_LIMIT if SIZE_ERROR in messages else DEPTH_LIMIT if DEPTH_ERROR in messages else None
    return tree, limit


def _is_hidden(element: etree._Element) -> bool:
    return element.get("hidden") is not None or element.get("aria-hidden") == "true"


def render(markup: str) -> Rendered:
    """The page as text: one block per line group, blocks separated by a blank line."""
    tree, limit = parse(markup)
    return Rendered(render_tree(tree) if tree is not None else "", limit)


@dataclass(frozen=True)
class RenderedLines:
    """The rendered text with what the markup says about each line (index 0 is line 1)."""

    text: str
    link_shares: tuple[float, ...]  # share of the line's characters inside links
    marked: frozenset[int]  # 1-based lines with text inside an element that ``mark`` picked


def render_tree(tree: etree._Element) -> str:
    """The text of a parsed page (read only: the tree is not changed)."""
    return render_with_links(tree).text


def _never(_: etree._Element) -> bool:
    return False


def render_with_links(tree: etree._Element, mark: Callable[[etree._Element], bool] = _never) -> RenderedLines:
    """The text of a parsed page, each line's share of link text (a line that is mostly link text
    points elsewhere: menus, "read more"), and the lines inside elements that ``mark`` picks."""
    blocks: list[list[tuple[str, float, bool]]] = []
    pieces: list[tuple[str, bool, bool]] = []
    state = {"pre": 0, "link": 0, "mark": 0}
    marking: set[int] = set()

    def flush() -> None:
        lines: list[list[str]] = [[]]
        linked: list[int] = [0]
        marked: list[bool] = [False]
        for text, in_link, in_mark in pieces:
            for k, part in enumerate(text.split("\n")):
                if k:
                    lines.append([])
                    linked.append(0)
                    marked.append(False)
                lines[-1].append(part)
                if in_link:
                    linked[-1] += len(part.replace(" ", ""))
                if in_mark and part.strip():
                    marked[-1] = True
        pieces.clear()
        block = []
        for parts, link_chars, is_marked in zip(lines, linked, marked, strict=True):
            line = "".join(parts)
            line = line.strip() if state["pre"] == 0 else line.rstrip()
            if line.strip():
                block.append((line, min(1.0, link_chars / max(1, len(line.replace(" ", "")))), is_marked))
        if block:
            blocks.append(block)

    def add(text: str | None) -> None:
        if text:
            shown = text if state["pre"] else SPACES.sub(" ", text)
            pieces.append((shown, state["link"] > 0, state["mark"] > 0))

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
                pieces.append(("\n", False, False))
            state["pre"] += tag == "pre"
            state["link"] += tag == "a"
            if mark(element):
                marking.add(id(element))
                state["mark"] += 1
            add(element.text)
        else:
            if id(element) in skipped:
                skipped.discard(id(element))
            else:
                if tag in BLOCK_TAGS:
                    flush()
                state["pre"] -= tag == "pre"
                state["link"] -= tag == "a"
                if id(element) in marking:
                    marking.discard(id(element))
                    state["mark"] -= 1
                if tag in ("td", "th"):
                    pieces.append((" ", False, False))
            add(element.tail)
    flush()
    text_lines: list[str] = []
    shares: list[float] = []
    marked_lines: set[int] = set()
    for k, block in enumerate(blocks):
        if k:
            text_lines.append("")
            shares.append(0.0)
        for line, share, is_marked in block:
            text_lines.append(line)
            shares.append(share)
            if is_marked:
                marked_lines.add(len(text_lines))
    text = "\n".join(text_lines) + ("\n" if blocks else "")
    return RenderedLines(text, tuple(shares), frozenset(marked_lines))
