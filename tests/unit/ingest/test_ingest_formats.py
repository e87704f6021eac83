"""read_inputs over every format: sources, urls, formats, ids and record numbering."""

from __future__ import annotations

import gzip
import os

from readout.ingest import read_inputs
from readout.ingest.decode import content_id
from readout.model import Capture, Rejection

from .builders import page, write_jsonl, write_warc, write_wet

ARTICLE = "The council of Marrowby met on Friday.\nIt agreed to rebuild the old bridge.\n"


def run(*paths: str) -> list[Capture | Rejection]:
    return list(read_inputs([str(p) for p in paths]))


def test_text_file_keeps_the_path_as_given_and_hashes_the_text(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    [capture] = run(path)
    assert capture == Capture(str(path), None, content_id(ARTICLE), ARTICLE, "text")
    assert len(capture.id) >= 16


def test_folder_is_walked_recursively_in_sorted_order_with_folder_relative_sources(tmp_path, monkeypatch):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed line.\n")
    (tmp_path / "a.txt").write_text("Ay line.\n")
    (tmp_path / "c.htm").write_text(page("Sea", "A ferry sank."))
    (tmp_path / "notes.md").write_text("not a capture")
    (tmp_path / ".hidden.txt").write_text("skipped")
    monkeypatch.chdir(tmp_path.parent)
    sources = [c.source for c in run(tmp_path.name)]
    assert sources == [os.path.join(tmp_path.name, n) for n in ("a.txt", "c.htm", os.path.join("b", "z.txt"))]


def test_glob_expands_sorted(tmp_path):
    for name in ("2.txt", "1.txt", "x.html"):
        (tmp_path / name).write_text(f"Line of {name}.\n")
    assert [c.source for c in run(tmp_path / "*.txt")] == [str(tmp_path / "1.txt"), str(tmp_path / "2.txt")]


def test_format_is_decided_by_content_not_extension(tmp_path):
    (tmp_path / "page.txt").write_text(page("Hill", "A road closed."))
    (tmp_path / "plain.html").write_text("Just words about a road, with one <p> quoted.\n")
    (tmp_path / "fragment.txt").write_text("<p>The road reopened on Monday.</p>\n")
    by_name = {os.path.basename(c.source): c.format for c in run(tmp_path)}
    assert by_name == {"page.txt": "html", "plain.html": "text", "fragment.txt": "html"}


def test_gzipped_html(tmp_path):
    path = tmp_path / "p.html.gz"
    path.write_bytes(gzip.compress(page("Dam", "The dam held.").encode()))
    [capture] = run(path)
    assert capture.format == "html" and "The dam held." in capture.text


def test_warc_records_are_numbered_captures_with_urls(tmp_path):
    pages = [("http://news.example/1", page("One", "First.").encode(), "text/html; charset=utf-8"),
             ("http://news.example/logo.png", b"\x89PNG\r\n", "image/png"),
             ("http://news.example/2", page("Two", "Second.").encode(), "text/html")]
    for gz in (True, False):
        path = write_warc(tmp_path / f"c.warc{'.gz' if gz else ''}", pages, gzip=gz)
        captures = run(path)
        assert [(c.source, c.url, c.format) for c in captures] == [
            (f"{path}#1", "http://news.example/1", "html"), (f"{path}#2", "http://news.example/2", "html")]


def test_warc_response_decoded_with_its_http_charset(tmp_path):
    body = page("Caf\u00e9", "Le caf\u00e9 est ferm\u00e9 \u00e0 midi.").encode("latin-1")
    pages = [("http://x.example/", body, "text/html; charset=iso-8859-1")]
    path = write_warc(tmp_path / "l.warc", pages, False)
    [capture] = run(path)
    assert "Le caf\u00e9 est ferm\u00e9 \u00e0 midi." in capture.text


def test_wet_conversion_records_are_text_captures(tmp_path):
    texts = [("http://a.example/", ARTICLE), ("http://b.example/", "Other.\n")]
    path = write_wet(tmp_path / "s.wet.gz", texts)
    captures = run(path)
    assert [(c.source, c.url, c.format, c.text) for c in captures] == [
        (f"{path}#{n}", url, "text", text) for n, (url, text) in enumerate(texts, start=1)]


def test_jsonl_records_text_or_html(tmp_path):
    path = write_jsonl(tmp_path / "r.jsonl", [{"url": "http://j.example/1", "text": ARTICLE},
                                             {"html": page("Lake", "The lake froze.")}])
    first, second = run(path)
    assert (first.source, first.url, first.format) == (f"{path}#1", "http://j.example/1", "text")
    assert first.text == ARTICLE
    assert (second.source, second.url, second.format) == (f"{path}#2", None, "html")


def test_same_text_gets_the_same_id_whatever_the_container(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    write_jsonl(tmp_path / "r.jsonl", [{"text": ARTICLE}])
    ids = {c.id for c in run(tmp_path)}
    assert len(ids) == 1
