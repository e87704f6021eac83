"""Readers for one file: a single document, a WARC/WET archive, or JSON Lines.

Each yields its captures in order. A container's records are captures of their own, ``source`` =
``PATH#N`` (N counts the records that carry a page). Damage stops a container where it starts: the
records read before it are kept, and one Rejection accounts for the rest.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from readout.errors import InputError
from readout.ingest import rules
from readout.ingest.capture import make_capture
from readout.ingest.decode import charset_of, decode_bytes, repair
from readout.model import Capture, Rejection
from readout.settings import Settings

GZIP_MAGIC = b"\x1f\x8b"
# What a damaged stream raises: gzip ends early (EOFError), corrupt deflate data (zlib.error), a bad
# gzip header (gzip.BadGzipFile, an OSError), a malformed WARC header (ArchiveLoadFailed, ValueError).
DAMAGE = (EOFError, zlib.error, OSError, ArchiveLoadFailed, ValueError)
HTML_TYPES = ("text/html", "application/xhtml")


def container_kind(path: Path) -> str:
    """``warc``, ``jsonl`` or ``document`` from the name; a ``.gz`` suffix is looked through."""
    name = path.name.lower().removesuffix(".gz")
    suffix = Path(name).suffix
    if suffix in rules.WARC_SUFFIXES:
        return "warc"
    if suffix in rules.JSONL_SUFFIXES:
        return "jsonl"
    return "document"


def _opened(path: Path) -> BinaryIO:
    """The file's bytes, decompressed when it starts with the gzip magic (whatever its name says)."""
    stream = path.open("rb")
    if stream.read(2) == GZIP_MAGIC:
        stream.close()
        return gzip.open(path, "rb")  # type: ignore[return-value]
    stream.seek(0)  # a plain file is read through the stream that probed it: one open, not two
    return stream


# Bytes asked of a stream per read: a read of the whole limit at once (64 MB) would allocate that much for
# every capture, however small; pieces under the allocator's threshold for a fresh mapping cost nothing.
READ_CHUNK = 64 * 1024


def read_at_most(stream: BinaryIO, limit: int) -> bytes:
    """The stream's first ``limit`` bytes, or all of them when it holds fewer (what ``stream.read(limit)``
    returns), read piece by piece."""
    chunks: list[bytes] = []
    total = 0
    while total < limit:
        chunk = stream.read(min(READ_CHUNK, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _damage_reason(error: BaseException) -> str:
    if isinstance(error, EOFError):
        return "the compressed data ends early (truncated gzip)"
    if isinstance(error, (zlib.error, gzip.BadGzipFile)):
        return f"the compressed data is corrupt ({error})"
    if isinstance(error, (ArchiveLoadFailed, ValueError, OSError)) and str(error):
        return str(error)
    return "a record is malformed or cut off"


def read_document(source: str, path: Path, settings: Settings) -> Iterator[Capture | Rejection]:
    """One file (gzipped or not) holding one capture; a WARC inside a misnamed file is read as WARC."""
    try:
        size = path.stat().st_size
        if size > settings.max_capture_bytes:
            yield Rejection(source, None, f"file of {size:,} bytes is larger than the "
                                          f"{settings.max_capture_bytes:,}-byte limit for one capture")
            return
        with _opened(path) as stream:
            data = read_at_most(stream, settings.max_capture_bytes + 1)
    except DAMAGE as error:
        yield Rejection(source, None, f"cannot read the file: {_damage_reason(error)}")
        return
    if len(data) > settings.max_capture_bytes:
        yield Rejection(source, None, f"decompresses to more than the {settings.max_capture_bytes:,}-byte "
                                      "limit for one capture")
        return
    if data.startswith(b"WARC/"):
        yield from read_warc(source, path, settings)
        return
    try:
        text = decode_bytes(data)
    except InputError as error:
        yield Rejection(source, None, str(error))
        return
    yield make_capture(source, None, text)


def _warc_page(record) -> tuple[str, str | None] | None:
    """(kind, declared charset) of a record that carries a page, else None.

    Pages are HTML responses with a 2xx status (a redirect or an error page is not the article),
    HTML resource records, and WET conversion records (the text of a page).
    """
    kind = record.rec_type
    if kind == "conversion":
        return "text", None
    if kind not in ("response", "resource"):
        return None
    if kind == "response":
        if record.http_headers is None:
            return None
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type") or ""
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    if content_type and not any(t in content_type.lower() for t in HTML_TYPES):
        return None
    return "html", charset_of(content_type)


def read_warc(source: str, path: Path, settings: Settings) -> Iterator[Capture | Rejection]:
    """The page records of a WARC or WET file (gzipped per record or not), in order."""
    number = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type is None:  # warcio's reading of a header cut off mid-way
                    raise ValueError("a record header is cut off (truncated archive)")
                page = _warc_page(record)
                if page is None:
                    continue
                number += 1
                here = f"{source}#{number}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                data = record.content_stream().read(settings.max_capture_bytes + 1)
                if len(data) > settings.max_capture_bytes:
                    yield Rejection(here, url,
                                    f"record larger than the {settings.max_capture_bytes:,}-byte limit")
                    continue
                missing = getattr(record.raw_stream, "limit", 0)
                if missing:
                    yield Rejection(here, url, f"the record is truncated: {missing:,} bytes of its content "
                                               "are missing (the archive ends early)")
                    continue
                yield _record_capture(here, url, data, page[1])
    except Exception as error:  # noqa: BLE001 - warcio raises arbitrary errors on malformed archives
        kept = f"the {number} record(s) before it were kept" if number else "no record could be read"
        yield Rejection(f"{source}#{number + 1}", None,
                        f"the archive is damaged after record {number}: {_damage_reason(error)}; {kept}")


def _record_capture(source: str, url: str | None, data: bytes, charset: str | None) -> Capture | Rejection:
    try:
        text = decode_bytes(data, charset)
    except InputError as error:
        return Rejection(source, url, str(error))
    return make_capture(source, url, text)


def read_jsonl(source: str, path: Path, settings: Settings) -> Iterator[Capture | Rejection]:
    """One capture per non-blank line ``{url?, text|html}``; a broken line is rejected, the rest read."""
    number = 0
    try:
        with _opened(path) as stream:
            while True:
                line = stream.readline(settings.max_capture_bytes + 1)
                if not line:
                    break
                if not line.strip():
                    continue
                number += 1
                here = f"{source}#{number}"
                if len(line) > settings.max_capture_bytes:
                    _skip_rest_of_line(stream)
                    yield Rejection(here, None, f"line longer than the {settings.max_capture_bytes:,}-byte "
                                                "limit for one capture")
                    continue
                yield _json_record(here, line)
    except DAMAGE as error:
        yield Rejection(f"{source}#{number + 1}", None,
                        f"the file is damaged after record {number}: {_damage_reason(error)}; "
                        f"the {number} record(s) before it were kept")


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while True:
        chunk = stream.readline(1 << 20)
        if not chunk or chunk.endswith(b"\n"):
            return


def _json_record(source: str, line: bytes) -> Capture | Rejection:
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        detail = error.msg if isinstance(error, json.JSONDecodeError) else "not UTF-8"
        return Rejection(source, None, f"not a valid JSON line ({detail})")
    if not isinstance(record, dict):
        return Rejection(source, None, f"a JSON {type(record).__name__}, not an object with text or html")
    url = record.get("url") if isinstance(record.get("url"), str) else None
    content = next((record[k] for k in ("html", "text") if isinstance(record.get(k), str)), None)
    if content is None:
        return Rejection(source, url, "the record has neither a 'text' nor an 'html' string")
    if "\x00" in content:
        return Rejection(source, url, "binary content (NUL characters) in the record's text")
    return make_capture(source, url, repair(content))
