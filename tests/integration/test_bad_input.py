"""Every capture format and every kind of bad input in ONE ``readout clean`` run: each input accounted
for exactly once, the readable ones cleaned, the others rejected with a reason, exit status 0."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HTML_DATA = Path(__file__).resolve().parents[1] / "data" / "html"
ARTICLE = (
    "Ferry talks resume in Skarholm\n\nThe transport ministers of Ostrand and Velmora met in Skarholm "
    "on Monday to discuss the winter ferry timetable.\n\nThey agreed to keep two crossings a day "
    "running until March, officials said.\n"
)
DEEP = "<html><body>" + "<div>" * 10_000 + "buried" + "</div>" * 10_000 + "</body></html>"
DEEP_AFTER_TEXT = (
    "<html><body><h1>Quay repairs approved</h1><p>The harbour board of Skarholm approved "
    "repairs to the north quay on Friday after a two-hour meeting with the town's mayor.</p>"
    + "<div>" * 10_000
    + "buried"
    + "</div>" * 10_000
    + "</body></html>"
)


def _warc(path: Path, pages: list[tuple[str, bytes, str]], gz: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gz)
    for url, body, content_type in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
        )
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def _wet(path: Path, url: str, text: str) -> None:
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        writer.write_record(
            writer.create_warc_record(
                url, "conversion", payload=io.BytesIO(text.encode()), warc_content_type="text/plain"
            )
        )


@pytest.fixture(scope="module")
def collection(tmp_path_factory) -> tuple[Path, dict[str, tuple[str, str | None]]]:
    """Inputs and the (status, reason fragment) expected for each source."""
    root = tmp_path_factory.mktemp("inputs")
    expected: dict[str, tuple[str, str | None]] = {}

    def put(name: str, data: bytes | str, status: str, reason: str | None = None) -> None:
        path = root / name
        path.write_bytes(data.encode() if isinstance(data, str) else data)
        expected[str(path)] = (status, reason)

    put("a_article.txt", ARTICLE, "ok")
    put("a_copy.txt", ARTICLE, "duplicate", "same content as")
    harbour = (HTML_DATA / "harbour_talks.html").read_bytes()
    put("b_page.html", harbour, "ok")
    put("b_page2.htm.gz", gzip.compress((HTML_DATA / "river_summit_nodate.html").read_bytes()), "ok")
    put("c_empty.txt", b"", "rejected", "empty file")
    put("c_binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 40, "rejected", "binary content")
    put("c_undecodable.txt", b"\xef\xbb\xbfTalks \xff\xfe\xc3 resumed", "rejected", "undecodable")
    compressed = gzip.compress(ARTICLE.encode() * 200)
    put("c_truncated.txt.gz", compressed[: len(compressed) // 2], "rejected", "truncated gzip")
    put("c_one_line.txt", "meeting " * 6_300_000, "rejected", "long with no line break")
    put("c_deep.html", DEEP, "rejected", "nested deeper")
    put("c_deep_after_text.html", DEEP_AFTER_TEXT, "ok")

    border = (HTML_DATA / "border_visit_countdown.html").read_text()
    pages = [
        ("http://ledger.example/1", harbour, "text/html; charset=utf-8"),
        ("http://ledger.example/logo.png", b"\x89PNG\r\n", "image/png"),
        ("http://ledger.example/2", border.encode(), "text/html"),
    ]
    _warc(root / "d_pages.warc.gz", pages, gz=True)
    # read after d_cut.warc (sorted order), which holds the same two pages
    expected[f"{root / 'd_pages.warc.gz'}#1"] = ("duplicate", "same content as")
    expected[f"{root / 'd_pages.warc.gz'}#2"] = ("duplicate", "same content as")
    whole = _warc(root / "scratch.bin", pages[:1] + pages[2:] + pages[:1], gz=False)
    (root / "scratch.bin").unlink()
    (root / "d_cut.warc").write_bytes(whole[: int(len(whole) * 0.85)])
    expected[f"{root / 'd_cut.warc'}#1"] = ("duplicate", "b_page.html")
    expected[f"{root / 'd_cut.warc'}#2"] = ("ok", None)
    expected[f"{root / 'd_cut.warc'}#3"] = ("rejected", "truncated")
    _wet(root / "e_text.wet", "http://wire.example/ferry", ARTICLE.replace("Monday", "Tuesday"))
    expected[f"{root / 'e_text.wet'}#1"] = ("ok", None)
    lines = [
        json.dumps({"url": "http://j.example/1", "text": ARTICLE.replace("Monday", "Friday")}),
        '{"url": "http://j.example/2", "text": "cut off',
        json.dumps({"html": border.replace("Tuesday", "Monday")}),
    ]
    (root / "f_records.jsonl").write_text("\n".join(lines) + "\n")
    expected[f"{root / 'f_records.jsonl'}#1"] = ("ok", None)
    expected[f"{root / 'f_records.jsonl'}#2"] = ("rejected", "not a valid JSON line")
    expected[f"{root / 'f_records.jsonl'}#3"] = ("ok", None)
    (root / "g_empty_folder").mkdir()
    expected[str(root / "g_empty_folder")] = ("rejected", "no readable capture")
    expected[str(root / "z_missing.txt")] = ("rejected", "no such file")
    return root, expected


@pytest.fixture(scope="module")
def run(collection):
    root, expected = collection
    paths = sorted(str(p) for p in root.iterdir()) + [str(root / "z_missing.txt")]
    readout = Path(sys.executable).parent / "readout"
    done = subprocess.run(
        [str(readout), "clean", *paths, "--jsonl"], capture_output=True, text=True, timeout=300, check=False
    )
    return done, [json.loads(line) for line in done.stdout.splitlines()]


def test_exit_zero_and_stdout_is_only_jsonl(run):
    done, records = run
    assert done.returncode == 0, done.stderr
    assert len(records) == len(done.stdout.splitlines())


def test_every_input_accounted_for_once_with_its_status_and_reason(collection, run):
    _, expected = collection
    _, records = run
    assert sorted(r["source"] for r in records) == sorted(expected)
    for record in records:
        status, reason = expected[record["source"]]
        assert record["status"] == status, record["source"]
        if reason:
            assert reason in record["reason"], (record["source"], record["reason"])
        if status == "rejected":
            assert record["body"] is None and record["reason"]
        if status == "ok":
            assert record["body"] and record["mode"] in ("text", "html")


def test_records_validate_against_the_contract(run, contract):
    _, records = run
    for record in records:
        contract("clean_record", record)


def test_container_records_keep_their_urls(run):
    _, records = run
    urls = {r["source"].rsplit("/", 1)[-1]: r["url"] for r in records}
    assert urls["d_cut.warc#2"] == "http://ledger.example/2"
    assert urls["e_text.wet#1"] == "http://wire.example/ferry"
    assert urls["f_records.jsonl#1"] == "http://j.example/1"
