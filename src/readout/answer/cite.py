"""Citations that quote the capture verbatim: a sentence (or its first lines), checked against the lines.

A citation's text must be found in the capture's line-addressable text (``Article.text``) within the
lines it names, with quotes, dashes and spaces folded as a reader comparing by eye would; it spans at
most ``MAX_LINES`` lines. Text that cleaning changed is never quoted: the lines themselves are.
"""

from __future__ import annotations

import unicodedata

from readout.model import Citation, Lines

# Contract: each citation spans at most five lines ("cite sentences, not pages").
MAX_LINES = 5
ELLIPSIS = " … "
QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)


def fold(text: str) -> str:
    """Text as compared for quoting: NFKC, typographic quotes and dashes plain, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(QUOTES).split())


def _joined(capture_lines: list[str], first: int, last: int) -> tuple[str, list[tuple[int, int]]]:
    """The folded non-blank lines first..last joined by spaces, with (offset, line number) of each."""
    joined, starts = "", []
    for number in range(max(1, first), min(last, len(capture_lines)) + 1):
        line = fold(capture_lines[number - 1])
        if line:
            starts.append((len(joined) + (1 if joined else 0), number))
            joined = f"{joined} {line}" if joined else line
    return joined, starts


def _lines_hit(starts: list[tuple[int, int]], joined_len: int, at: int, end: int) -> list[int]:
    hit = []
    for k, (offset, number) in enumerate(starts):
        stop = starts[k + 1][0] if k + 1 < len(starts) else joined_len + 1
        if offset < end and stop > at:
            hit.append(number)
    return hit


def quote(capture_lines: list[str], source: str, lines: Lines, text: str) -> Citation | None:
    """A citation of ``text`` found within ``lines`` of the capture, narrowed to the lines that hold it.

    A sentence running over more than ``MAX_LINES`` lines is cited by its first lines. When the text is
    not found (cleaning changed it), the lines themselves are quoted instead.
    """
    first, last = lines
    joined, starts = _joined(capture_lines, first, last)
    if not starts:
        return None
    wanted = fold(text)
    at = joined.find(wanted) if wanted else -1
    if at >= 0:
        hit = _lines_hit(starts, len(joined), at, at + len(wanted))
        if hit[-1] - hit[0] + 1 <= MAX_LINES:
            return Citation(source=source, lines=(hit[0], hit[-1]), text=" ".join(text.split()))
        first = hit[0]
    kept = [
        capture_lines[n - 1].strip() for n in range(first, min(first + MAX_LINES, len(capture_lines) + 1))
    ]
    numbers = [n for n, line in zip(range(first, first + MAX_LINES), kept, strict=False) if line]
    if not numbers:
        return None
    return Citation(
        source=source, lines=(numbers[0], numbers[-1]), text=" ".join(line for line in kept if line)
    )


def verified(capture_lines: list[str], citation: Citation) -> bool:
    """Whether every piece of the citation's text sits within its lines (the check a reader makes)."""
    joined, _ = _joined(capture_lines, *citation.lines)
    pieces = [fold(p) for p in citation.text.split(ELLIPSIS.strip())]
    return citation.lines[1] - citation.lines[0] < MAX_LINES and all(p in joined for p in pieces if p)
