"""Bytes to verbatim text: byte-order mark, declared charset or detection, then mojibake repair only.

The decoded text is what citations quote, so nothing is normalised: ftfy runs with every fixer that
changes more than broken encodings switched off (quotes, ligatures, widths, line breaks, control
characters, Unicode normalisation, HTML entities).
"""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterator

import ftfy
from charset_normalizer import from_bytes
from ftfy.badness import BADNESS_RE

from readout.errors import InputError
from readout.ingest import rules

BYTE_ORDER_MARKS = (  # UTF-32 first: its little-endian mark begins with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
# What the fixers we keep act on besides mojibake that ``is_bad`` sees: C1 controls and lone surrogates.
C1_OR_SURROGATE = re.compile("[\x80-\x9f\ud800-\udfff]")
# Typographic characters that ftfy's badness test counts as "common" or as opening/closing punctuation
# and nothing else: every pattern of that test needs at least one other non-ASCII character (an accented
# letter, a currency or box symbol, a mojibake lead byte), so a line whose only non-ASCII characters are
# these is never flagged, and the test (microseconds per character) is skipped for it.
TYPOGRAPHIC_CHARS = "’‘“”„«»–—…\xa0·"  # the middle dot, like the dashes, only after Â, Ã, Î, Ð, Ø or Ù
# A character that is neither ASCII nor one of those: only a line holding one (not plain) may be mojibake.
NOT_PLAIN = re.compile(f"[^\x00-\x7f{TYPOGRAPHIC_CHARS}]")
HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)

MOJIBAKE_ONLY = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_encoding=True, restore_byte_a0=True,
    replace_lossy_sequences=True, decode_inconsistent_utf8=True, fix_c1_controls=True,
    fix_latin_ligatures=False, fix_character_width=False, uncurl_quotes=False, fix_line_breaks=False,
    fix_surrogates=True, remove_control_chars=False, normalization=None, explain=False,
)


def charset_of(content_type: str | None) -> str | None:
    """The charset named by an HTTP Content-Type header, if any."""
    match = HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.decode("ascii", "ignore") if isinstance(name, bytes) else name).name
    except LookupError:
        return None


def _strict(data: bytes, encoding: str | None) -> str | None:
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """The text of ``data``; raises InputError (empty, binary, undecodable) with a reason a person reads.

    Order: a byte-order mark; strict UTF-8 (a non-ASCII byte sequence that is valid UTF-8 is almost never
    meant as another encoding, and many pages mislabel it); the charset declared by the HTTP header or
    the page's <meta>; charset-normalizer's detection. Then ftfy repairs mojibake, and only that.
    """
    if not data:
        raise InputError("empty file (0 bytes)")
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            text = _strict(data, encoding)
            if text is None:
                raise InputError(f"undecodable: starts with a {encoding} byte-order mark "
                                 f"but is not valid {encoding}")
            return repair(text)
    if b"\x00" in data:
        raise InputError("binary content (NUL bytes): not a text, HTML, WARC or JSON Lines capture")
    text = _strict(data, "utf-8")
    if text is None:
        meta = META_CHARSET.search(data[:rules.CHARSET_WINDOW])
        text = _strict(data, _codec(declared)) or _strict(data, _codec(meta.group(1) if meta else None))
    if text is None:
        text = _detected(data)
    return repair(text)


def _detected(data: bytes) -> str:
    """charset-normalizer's choice, but windows-1252 when it fits nearly as well (see the rule)."""
    matches = list(from_bytes(data))
    if not matches:
        raise InputError("undecodable: no text encoding fits its bytes (binary or corrupted data)")
    best = min(m.chaos for m in matches)
    western = [m for m in matches if m.encoding == "cp1252" and m.chaos <= best + rules.CP1252_CHAOS_MARGIN]
    return str(western[0] if western else matches[0])


# Every pattern of ftfy's badness test matches at most this many characters, one of them non-ASCII: a line
# is tested only around its non-ASCII characters, in windows this wide on each side (a Latin line with a
# few accented names costs a few windows, not a scan of every character).
BADNESS_REACH = 8
# Above this share of non-ASCII characters (Cyrillic, Arabic, Greek text) the windows cover the whole line:
# it is tested in one piece.
WINDOWED_MAX_SHARE = 0.1
NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _bad(line: str) -> bool:
    """ftfy's ``is_bad`` on one line, searched only near its non-ASCII characters (same answer)."""
    positions = [m.start() for m in NON_ASCII.finditer(line)]
    if len(positions) > WINDOWED_MAX_SHARE * len(line):
        return BADNESS_RE.search(line) is not None
    start, end = -1, -1
    for position in positions:
        low, high = max(0, position - BADNESS_REACH), position + BADNESS_REACH + 1
        if low > end:
            if end > start and BADNESS_RE.search(line, start, end):
                return True
            start = low
        end = high
    return end > start and BADNESS_RE.search(line, start, end) is not None


def repair(text: str) -> str:
    """Mojibake repaired, everything else verbatim.

    ftfy only changes a line that its badness test flags (or that holds C1 controls or surrogates), and
    an ASCII line never is; so text whose non-ASCII lines all pass is returned at once: same result,
    without running the badness regex over long ASCII lines (inline scripts) at a microsecond a character.
    The text's non-ASCII characters are found first by deleting its ASCII bytes in C (``_non_ascii``):
    the regex scans that follow run over those few characters, not over the whole text.
    """
    if text.isascii():
        return text
    rare = _non_ascii(text)
    if C1_OR_SURROGATE.search(rare):
        return ftfy.fix_text(text, MOJIBAKE_ONLY)
    unplain = set(rare).difference(TYPOGRAPHIC_CHARS)
    if not unplain:
        return text  # typographic characters only: never flagged (see ``TYPOGRAPHIC_CHARS``)
    lines = (_lines_holding(text, unplain) if len(unplain) <= FOUND_BY_CHARACTER_MAX
             else _unplain_lines(text))
    return ftfy.fix_text(text, MOJIBAKE_ONLY) if any(_bad(line) for line in lines) else text


# ASCII bytes, deleted from a text's UTF-8 form to leave its other characters (whole sequences, in order).
ASCII_BYTES = bytes(range(128))
# Up to this many distinct non-plain characters (a Latin page's accented names), their lines are found by
# ``str.find`` per character; more (a Cyrillic or Greek page), by one regex scan of the text.
FOUND_BY_CHARACTER_MAX = 8


def _non_ascii(text: str) -> str:
    """The text's non-ASCII characters, in order: its UTF-8 bytes without the ASCII ones, decoded."""
    return text.encode("utf-8", "surrogatepass").translate(None, ASCII_BYTES).decode("utf-8", "surrogatepass")


def _lines_holding(text: str, characters: set[str]) -> list[str]:
    """The lines of ``text`` (split on line feeds) that hold one of ``characters``, each once, in order."""
    spans: set[tuple[int, int]] = set()
    for char in characters:
        found = text.find(char)
        while found >= 0:
            start = text.rfind("\n", 0, found) + 1
            end = text.find("\n", found)
            end = len(text) if end < 0 else end
            spans.add((start, end))
            found = text.find(char, end)
    return [text[start:end] for start, end in sorted(spans)]


def _unplain_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` (split on line feeds) that hold a ``NOT_PLAIN`` character, each once, in order:
    found by one scan for those characters, the plain lines never split out or looked at."""
    end = -1
    for found in NOT_PLAIN.finditer(text):
        if found.start() <= end:
            continue  # in the line just given
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.start())
        end = len(text) if end < 0 else end
        yield text[start:end]


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:rules.ID_CHARS]
