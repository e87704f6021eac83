"""What cleaning may know beyond one capture: lines that repeat across captures of one site.

A menu, a footer or a donation widget repeats on every page of a site, an article's sentences do not.
``build_context`` groups captures by host (or by folder when a capture has no URL) and keeps the
normalised lines that occur in at least two captures of a group.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import PurePath
from urllib.parse import urlsplit

from readout.clean import CleanContext
from readout.model import Capture

# A line must appear in this many captures of one site to be its furniture: two is the least evidence
# of repetition, and an article sentence quoted verbatim in two captures of one site is rare.
MIN_CAPTURES = 2
# Lines longer than this are prose even when repeated (a syndicated paragraph), never site furniture.
MAX_CHARS = 200
# Curly and straight quotation marks are one character for comparison: pages mix them in repeats.
QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def normalise_line(line: str) -> str:
    """The form a line is compared in: whitespace collapsed, case and quotation marks folded."""
    folded = " ".join(line.split()).casefold()
    return folded if folded.isascii() else folded.translate(QUOTES)  # the quotes are never ASCII


def site_of(capture: Capture) -> str:
    """The host of the capture's URL, or the folder of its source when it has none."""
    if capture.url:
        host = urlsplit(capture.url).hostname
        if host:
            return host.removeprefix("www.")
    return str(PurePath(capture.source.split("#", 1)[0]).parent)


def build_context(captures: Iterable[Capture]) -> CleanContext:
    """The lines found in ``MIN_CAPTURES`` or more captures of the same site (host, else folder). A site
    with fewer captures than that can have no such line: its captures are not read line by line."""
    sites: dict[str, list[Capture]] = defaultdict(list)
    for capture in captures:
        sites[site_of(capture)].append(capture)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for site, members in sites.items():
        if len(members) < MIN_CAPTURES:
            continue
        for capture in members:
            seen = {normalise_line(line) for line in capture.text.split("\n")}
            counts[site].update(line for line in seen if line and len(line) <= MAX_CHARS)
    repeated = {line for per_site in counts.values() for line, n in per_site.items() if n >= MIN_CAPTURES}
    return CleanContext(site_boilerplate=frozenset(repeated))
