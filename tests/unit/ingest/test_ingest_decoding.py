"""Decoding keeps text verbatim: declared or detected encodings, mojibake repaired, nothing else touched."""

from __future__ import annotations

import codecs
import random

import ftfy
import ftfy.bad_codecs  # noqa: F401 - registers the sloppy-windows-1252 codec
import pytest

from readout.errors import InputError
from readout.ingest.decode import MOJIBAKE_ONLY, decode_bytes, repair

CURLY = "\u201cWe will meet again,\u201d she said \u2014 twice\u2026 \ufb01nal \uff21 caf\u00e9"


def test_utf8_kept_verbatim_quotes_ligatures_and_widths_untouched():
    assert decode_bytes(CURLY.encode("utf-8")) == CURLY


def test_mojibake_is_repaired_and_quotes_stay_curly():
    broken = CURLY.encode("utf-8").decode("sloppy-windows-1252")  # UTF-8 read as Windows-1252
    assert broken != CURLY
    assert decode_bytes(broken.encode("utf-8")) == CURLY


def test_byte_order_marks():
    assert decode_bytes(codecs.BOM_UTF16_LE + "Talks resumed.".encode("utf-16-le")) == "Talks resumed."
    assert decode_bytes(codecs.BOM_UTF8 + b"Talks resumed.") == "Talks resumed."


def test_declared_meta_charset_is_used_when_not_utf8():
    html = '<html><head><meta charset="windows-1251"></head><body><p>Встреча министров</p></body></html>'
    assert "Встреча министров" in decode_bytes(html.encode("windows-1251"))


def test_undeclared_latin_text_is_detected_as_western():
    text = "Le ministre a re\u00e7u son homologue \u00e0 l'\u00e9glise; d\u00e9j\u00e0 na\u00efve.\n"
    assert decode_bytes(text.encode("windows-1252")) == text


def test_crlf_and_control_characters_are_kept():
    assert decode_bytes("a\r\nb\x0cc\u00e9".encode()) == "a\r\nb\x0cc\u00e9"


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content"),
])
def test_bad_bytes_raise_a_readable_reason(data, reason):
    with pytest.raises(InputError, match=reason):
        decode_bytes(data)


def _mixed_texts(count: int) -> list[str]:
    """Lines mixing ASCII prose, typographic marks, accented names, other scripts, C1 controls and mojibake
    (UTF-8 read as Windows-1252), in every order: where the shortcuts of ``repair`` could go wrong."""
    rng = random.Random(11)
    pieces = ["Talks resumed on Monday.", "\u201cWe agreed,\u201d she said \u2014 twice\u2026",
              "Mr M\u00fcller and Ms Kova\u010d", "Встреча вечером",
              "caf\u00e9 \u00b0C \u00a9 2021", "\x85 a C1 control", "\u00e9t\u00e9".encode().decode("cp1252"),
              "price \u20ac5 \u00b7 \u00bd", "\u65e5\u672c\u8a9e\u306e\u6587", "plain ascii line"]
    return ["\n".join(rng.choice(pieces) + " " + rng.choice(pieces) for _ in range(rng.randint(1, 6)))
            for _ in range(count)]


def test_repair_gives_what_ftfy_gives_on_mixed_text():
    for text in _mixed_texts(300):
        assert repair(text) == ftfy.fix_text(text, MOJIBAKE_ONLY), text
