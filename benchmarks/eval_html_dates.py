"""Publication dates of HTML pages: readout's HTML mode against htmldate, on hand-written pages.

The pages (tests/data/html/dates/*.html) are invented news pages that state their dates the ways real
sites do (published-time meta, itemprop, JSON-LD with a later dateModified, ``<time>`` in the byline, a
visible date line in several languages and formats, the URL) or state none, beside the usual traps
(copyright ranges, capture-time widgets, teasers', comments' and footnotes' dates, cookie banners,
"site last updated", updated-only pages). truth.json gives each page's URL and its publication day; a
page whose day the page does not state has ``"stated": false`` and can only be unknown or wrong.

Per method, over the pages: right (the true day), wrong (another day) and unknown (no date). A wrong date
is a defect, an unknown one honest. Methods:
- htmldate default: ``find_date`` with its defaults (extensive search, the latest date);
- htmldate as trafilatura calls it: extensive search, the original date;
- htmldate strict: no extensive search, the original date;
- readout's HTML mode: ``clean_capture(capture, "html").published``.

These pages are written by the people tuning the rules, so the figures are optimistic: real pages hide
their dates in more ways than these.

    .venv/bin/python benchmarks/eval_html_dates.py [--pages]
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from htmldate import find_date

from readout.clean import clean_capture
from readout.ingest.decode import content_id
from readout.model import Capture

FOLDER = Path(__file__).resolve().parents[1] / "tests" / "data" / "html" / "dates"


def htmldate(extensive: bool, original: bool) -> Callable[[Capture], str | None]:
    def run(capture: Capture) -> str | None:
        return find_date(capture.text, url=capture.url, extensive_search=extensive, original_date=original)
    return run


def readout(capture: Capture) -> str | None:
    published = clean_capture(capture, "html").published
    return published.date if published else None


METHODS: dict[str, Callable[[Capture], str | None]] = {
    "htmldate default (extensive, latest)": htmldate(True, False),
    "htmldate as trafilatura calls it": htmldate(True, True),
    "htmldate strict (original, no search)": htmldate(False, True),
    "readout --mode html": readout,
}


def outcome(found: str | None, truth: str) -> str:
    return "unknown" if found is None else "right" if found == truth else "wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", action="store_true", help="print each page's outcome per method")
    args = parser.parse_args()
    truth = json.loads((FOLDER / "truth.json").read_text(encoding="utf-8"))
    captures = {}
    for name, entry in truth.items():
        markup = (FOLDER / name).read_text(encoding="utf-8")
        captures[name] = Capture(name, entry["url"], content_id(markup), markup, "html")
    stated = sum(entry["stated"] for entry in truth.values())
    print(f"{len(truth)} pages, {stated} stating their publication day, {len(truth) - stated} not stating it")
    print(f"{'method':40} {'right':>12} {'wrong':>12} {'unknown':>12}   wrong on unstated")
    for label, method in METHODS.items():
        counts = {"right": 0, "wrong": 0, "unknown": 0}
        unstated_wrong = 0
        for name, entry in truth.items():
            found = method(captures[name])
            result = outcome(found, entry["date"])
            counts[result] += 1
            unstated_wrong += result == "wrong" and not entry["stated"]
            if args.pages and result != "right":
                print(f"    {label[:20]:20} {name:42} {result:8} found {found} truth {entry['date']}")
        cells = " ".join(f"{counts[k]:3d} {100 * counts[k] / len(truth):6.1f}%" for k in counts)
        print(f"{label:40} {cells}   {unstated_wrong}")


if __name__ == "__main__":
    main()
