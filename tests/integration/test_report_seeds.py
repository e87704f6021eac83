"""The report over a store built from the seeds: a card per event, a section per capture, escaped text."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from conftest import SEEDS
from rich.console import Console

from readout.pipeline.build import build_store
from readout.records import plain
from readout.report import reading_order, write_report
from readout.store import open_store

pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="needs the seeds")


class Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.events: list[str] = []
        self.captures: list[str] = []
        self.blockquotes = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "article" and "event" in classes:
            self.events.append(a["data-event-id"])
        if tag == "article" and "capture" in classes:
            self.captures.append(a["id"])
        self.blockquotes += tag == "blockquote"


def test_report_of_the_seeds(tmp_path, nlp, contract):
    db = tmp_path / "seeds.db"
    build_store([str(SEEDS)], db, "auto", Console(stderr=True, quiet=True))
    with open_store(db, create=False) as store:
        page = write_report(store, tmp_path / "report")
        events, manifest = store.events(), store.manifest()
    html = page.read_text(encoding="utf-8")
    parsed = Ids()
    parsed.feed(html)
    assert parsed.events == [e.id for e in reading_order(events)] and events
    assert parsed.captures == [f"capture-{e.id}" for e in manifest if e.status == "ok"]
    assert parsed.blockquotes >= len(events)  # every event cites at least one sentence
    twin = json.loads((tmp_path / "report" / "events.json").read_text())
    contract("events_output", twin)
    assert twin == {"events": plain(events)}
    island = re.search(r'<script type="application/json" id="events-data">(.*?)</script>', html, re.S).group(
        1
    )
    assert json.loads(island) == twin
    # Reader comments of the seeds are in the page only folded away, inside <details>.
    assert html.count("<details>") >= 2
