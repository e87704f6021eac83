"""Small containers built by hand for the ingest tests: WARC/WET archives and JSON Lines."""

from __future__ import annotations

import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def page(title: str, paragraph: str) -> str:
    return (f"<!DOCTYPE html><html><head><title>{title}</title></head><body><h1>{title}</h1>"
            f"<p>{paragraph}</p></body></html>")


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], gzip: bool) -> Path:
    """A WARC of HTTP responses ``(url, body, content type)``, each followed by its request record."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for url, body, content_type in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
            writer.write_record(writer.create_warc_record(url, "request",
                                                          payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")))
    return path


def write_wet(path: Path, texts: list[tuple[str, str]]) -> Path:
    """A WET file: a warcinfo record, then one conversion record per ``(url, text)``."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "hand-built"}))
        for url, text in texts:
            record = writer.create_warc_record(url, "conversion", payload=io.BytesIO(text.encode()),
                                               warc_content_type="text/plain")
            writer.write_record(record)
    return path


def write_jsonl(path: Path, lines: list[object | str]) -> Path:
    """JSON Lines; a ``str`` item is written as it is (to make a broken line)."""
    path.write_text("".join((item if isinstance(item, str) else json.dumps(item)) + "\n" for item in lines),
                    encoding="utf-8")
    return path
