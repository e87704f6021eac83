"""Bad input becomes a Rejection with a reason a person understands; what can be read is kept."""

from __future__ import annotations

import gzip
import json

from readout.ingest import read_inputs
from readout.ingest.rules import MAX_TEXT_LINE_CHARS
from readout.model import Capture, Rejection

from .builders import page, write_jsonl, write_warc


def run(*paths) -> list[Capture | Rejection]:
    return list(read_inputs([str(p) for p in paths]))


def reasons(items) -> dict[str, str]:
    return {i.source: i.reason for i in items if isinstance(i, Rejection)}


def test_missing_path_empty_file_binary_and_empty_folder(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n \t\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp_path / "nothing").mkdir()
    (tmp_path / "nothing" / "logo.png").write_bytes(b"\x89PNG")
    got = reasons(run(tmp_path / "absent.txt", tmp_path / "empty.txt", tmp_path / "blank.txt",
                      tmp_path / "image.txt", tmp_path / "nothing", tmp_path / "no*.html"))
    assert got[str(tmp_path / "absent.txt")] == "no such file or folder"
    assert got[str(tmp_path / "empty.txt")].startswith("empty file")
    assert got[str(tmp_path / "blank.txt")].startswith("no text")
    assert got[str(tmp_path / "image.txt")].startswith("binary content")
    assert got[str(tmp_path / "nothing")].startswith("the folder holds no readable capture")
    assert got[str(tmp_path / "no*.html")] == "no file matches this pattern"


def test_truncated_gzip_is_rejected(tmp_path):
    data = gzip.compress(("A line about the harbour.\n" * 500).encode())
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    [rejection] = run(tmp_path / "cut.txt.gz")
    assert "truncated gzip" in rejection.reason


def test_truncated_warc_keeps_the_records_before_the_damage(tmp_path):
    pages = [(f"http://w.example/{n}", page(f"Title {n}", f"Paragraph {n}.").encode(), "text/html")
             for n in range(1, 4)]
    for gz in (True, False):
        whole = write_warc(tmp_path / f"w.warc{'.gz' if gz else ''}", pages, gzip=gz).read_bytes()
        cut = tmp_path / f"cut.warc{'.gz' if gz else ''}"
        cut.write_bytes(whole[: int(len(whole) * 0.7)])
        items = run(cut)
        assert [type(i).__name__ for i in items] == ["Capture", "Capture", "Rejection"]
        assert items[2].source == f"{cut}#3"
        assert "truncated" in items[2].reason or "damaged" in items[2].reason


def test_malformed_warc_is_one_rejection(tmp_path):
    (tmp_path / "bad.warc").write_text("WARC/1.0\r\nthis is not a header\r\n\r\n")
    [rejection] = run(tmp_path / "bad.warc")
    assert rejection.source == f"{tmp_path / 'bad.warc'}#1" and "record" in rejection.reason


def test_broken_json_line_is_rejected_alone(tmp_path):
    path = write_jsonl(tmp_path / "r.jsonl", [{"text": "First record."}, '{"text": "no end', "",
                                             [1, 2], {"title": "no body"}, {"text": "Last record."}])
    items = run(path)
    assert [(i.source, type(i).__name__) for i in items] == [
        (f"{path}#{n}", kind) for n, kind in
        enumerate(["Capture", "Rejection", "Rejection", "Rejection", "Capture"], start=1)]
    assert items[1].reason.startswith("not a valid JSON line")
    assert "neither a 'text' nor an 'html'" in items[3].reason


def test_single_line_of_50_mb_is_rejected_quickly_with_its_length(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text("meeting " * 6_300_000)  # 50.4 MB, no line break
    [rejection] = run(path)
    assert "line 1 is 50.4 million characters long" in rejection.reason


def test_a_long_line_under_the_limit_is_kept(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * (MAX_TEXT_LINE_CHARS // 5 - 1))
    [capture] = run(path)
    assert isinstance(capture, Capture)


def test_jsonl_record_with_a_50_mb_text_is_rejected(tmp_path):
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps({"text": "x" * 50_000_000}) + "\n" + json.dumps({"text": "Fine."}) + "\n")
    first, second = run(path)
    assert isinstance(first, Rejection) and "long with no line break" in first.reason
    assert isinstance(second, Capture) and second.text == "Fine."
