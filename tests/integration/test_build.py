"""build over a folder: idempotent, incremental, every input accounted for once, failures contained.

The language and event stages are replaced by small fakes here (the real ones are exercised by the
kill test and the seed gate), so these tests check build's own bookkeeping quickly and exactly.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from rich.console import Console

from readout.model import DateValue, Event, EventMention, Mention
from readout.pipeline import build
from readout.records import manifest_record
from readout.store import open_store
from readout.store.synthetic import annotate_simply, event_from_mentions

MEETING = re.compile(r"(?P<a>[A-Z][a-z]+) met (?P<b>[A-Z][a-z]+) in (?P<place>[A-Z][a-z]+)")


class Fakes:
    """Stages that read "A met B in P" sentences; they record which captures they were given."""

    def __init__(self) -> None:
        self.annotated: list[str] = []
        self.links = 0

    def annotate(self, articles, nlp, settings):
        self.annotated += [a.source for a in articles]
        return [(annotate_simply(a, {}), None) for a in articles]

    def extract(self, annotated, doc) -> list[EventMention]:
        if "EXPLODE" in annotated.article.text:
            raise RuntimeError("extractor failure")
        out = []
        for s in annotated.sentences:
            m = MEETING.search(s.text)
            if m:
                out.append(
                    EventMention(
                        type="CONSULT",
                        mode=None,
                        cameo="040",
                        actor=(m["a"], m["b"]),
                        recipient=(),
                        participants=(m["a"], m["b"]),
                        also_present=(),
                        place=m["place"],
                        date=DateValue(),
                        duration=None,
                        topics=(),
                        attributions=(),
                        mentions=(Mention(annotated.article.source, s.lines, s.start, s.end, s.text),),
                        source=annotated.article.source,
                    )
                )
        return out

    def link(self, mentions) -> list[Event]:
        self.links += 1
        groups: dict[tuple, list[EventMention]] = {}
        for m in mentions:
            groups.setdefault((tuple(sorted(m.participants)), m.place), []).append(m)
        return [
            event_from_mentions(hashlib.sha1(repr(k).encode()).hexdigest()[:12], ms)
            for k, ms in groups.items()
        ]


@pytest.fixture
def fakes(monkeypatch) -> Fakes:
    fakes = Fakes()
    stages = build.Stages(
        load_nlp=lambda: None, annotate=fakes.annotate, extract=fakes.extract, link=fakes.link
    )
    monkeypatch.setattr(build, "default_stages", lambda: stages)
    return fakes


def _write(folder: Path, name: str, *lines: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(folder: Path, db: Path):
    return build.build_store([str(folder)], db, "auto", Console(stderr=True, quiet=True))


def _captures(folder: Path) -> None:
    _write(
        folder,
        "a.txt",
        "Harbour talks",
        "",
        "Arlo met Bettina in Quarry on a cold morning.",
        "",
        "They talked about ferries.",
    )
    _write(folder, "b.txt", "Second visit", "", "Cyra met Dagny in Lindholm after the storm.")
    _write(
        folder,
        "c.txt",
        "Harbour talks",
        "",
        "Arlo met Bettina in Quarry on a cold morning.",
        "",
        "They talked about ferries.",
    )  # the same text as a.txt: a duplicate
    _write(folder, "d.txt", "   ", "")  # whitespace only: rejected by ingest


def test_second_build_adds_nothing(tmp_path, fakes, contract):
    _captures(tmp_path / "in")
    db = tmp_path / "s.db"
    first = _run(tmp_path / "in", db)
    assert (first.inputs, first.captures, first.new, first.duplicates, first.rejected) == (4, 2, 2, 1, 1)
    assert first.events == 2 and first.relinked
    with open_store(db, create=False) as store:
        manifest, events = store.manifest(), store.events()
    contract("manifest", manifest_record(manifest))
    assert sorted(Path(e.source).name for e in manifest) == ["a.txt", "b.txt", "c.txt", "d.txt"]
    dup = next(e for e in manifest if e.source.endswith("c.txt"))
    assert dup.status == "duplicate" and dup.duplicate_of.endswith("a.txt")

    fakes.annotated.clear()
    second = _run(tmp_path / "in", db)
    assert (second.new, second.captures, second.relinked) == (0, 2, False)
    assert fakes.annotated == [] and fakes.links == 1
    with open_store(db, create=False) as store:
        assert store.manifest() == manifest and store.events() == events


def test_adding_a_capture_processes_only_it_and_relinks(tmp_path, fakes):
    _captures(tmp_path / "in")
    db = tmp_path / "s.db"
    _run(tmp_path / "in", db)
    fakes.annotated.clear()
    new = _write(tmp_path / "in", "e.txt", "Third meeting", "", "Arlo met Bettina in Quarry again.")
    summary = _run(tmp_path / "in", db)
    assert fakes.annotated == [str(new)]
    assert summary.new == 1 and summary.relinked and fakes.links == 2
    with open_store(db, create=False) as store:
        events = store.events()
    quarry = next(e for e in events if e.place == "Quarry")
    assert len(events) == 2 and len(quarry.documents) == 2  # relinked: the new mention joined the old event


def test_copy_of_a_stored_capture_under_a_new_name_is_a_duplicate(tmp_path, fakes):
    _captures(tmp_path / "in")
    db = tmp_path / "s.db"
    _run(tmp_path / "in", db)
    _write(tmp_path / "more", "b-copy.txt", "Second visit", "", "Cyra met Dagny in Lindholm after the storm.")
    summary = _run(tmp_path / "more", db)
    assert (summary.new, summary.duplicates) == (0, 1)
    with open_store(db, create=False) as store:
        entry = store.manifest_entry(str(tmp_path / "more" / "b-copy.txt"))
    assert entry.status == "duplicate" and entry.duplicate_of.endswith("b.txt")


def test_failures_are_contained(tmp_path, fakes, monkeypatch):
    folder = tmp_path / "in"
    _captures(folder)
    _write(folder, "x.txt", "Bad extractor day", "", "EXPLODE met Nobody in Nowhere.")
    real_clean = build.clean_capture

    def clean(capture, mode, context):
        if capture.source.endswith("b.txt"):
            raise ValueError("cleaner broke")
        return real_clean(capture, mode, context)

    monkeypatch.setattr(build, "clean_capture", clean)
    summary = _run(folder, tmp_path / "s.db")
    assert summary.rejected == 2 and any("x.txt" in w for w in summary.warnings)
    with open_store(tmp_path / "s.db", create=False) as store:
        by_name = {Path(e.source).name: e for e in store.manifest()}
        assert by_name["b.txt"].status == "rejected" and "cleaner broke" in by_name["b.txt"].reason
        assert by_name["x.txt"].status == "ok" and "EXPLODE" in store.capture_text(by_name["x.txt"].source)
    fakes.annotated.clear()
    again = _run(folder, tmp_path / "s.db")  # the rejected text is not retried: same text, same failure
    assert (again.new, again.rejected, fakes.annotated) == (0, 2, [])


def test_show_and_missing_store_errors(tmp_path, fakes):
    from readout.errors import StoreError

    _captures(tmp_path / "in")
    db = tmp_path / "s.db"
    _run(tmp_path / "in", db)
    with open_store(db, create=False) as store:
        assert store.capture_text("a.txt").split("\n")[2].startswith("Arlo met Bettina")
        with pytest.raises(StoreError, match="rejected"):
            store.capture_text("d.txt")
        with pytest.raises(StoreError, match="no capture"):
            store.capture_text("zzz.txt")
    with pytest.raises(StoreError, match="no store"):
        open_store(tmp_path / "absent.db", create=False)
    assert not (tmp_path / "absent.db").exists()


def test_near_duplicate_names_the_capture_it_repeats(tmp_path, fakes):
    folder = tmp_path / "in"
    body = [
        f"Paragraph {n}: Arlo met Bettina in Quarry to talk about ferries, tolls and harbour fees."
        for n in range(12)
    ]
    _write(folder, "first.txt", "Harbour talks", "", *body)
    _write(folder, "second.txt", "Harbour talks", "", *body, "", "Updated at noon with one more line.")
    summary = _run(folder, tmp_path / "s.db")
    assert summary.near_duplicates == 1 and summary.new == 2
    with open_store(tmp_path / "s.db", create=False) as store:
        second = store.manifest_entry(str(folder / "second.txt"))
    assert second.status == "ok" and second.near_duplicate_of == str(folder / "first.txt")


def test_a_broken_worker_pool_hands_its_batches_back(tmp_path, fakes):
    from concurrent.futures.process import BrokenProcessPool

    class Broken:
        def map(self, *args):
            raise BrokenProcessPool("no workers here")

    _captures(tmp_path / "in")
    batch = [(entry, capture, False) for entry, capture in build.captures([str(tmp_path / "in")]) if capture]
    stages = build.default_stages()
    (outcomes,) = build._outcomes([batch], "auto", stages, build.DEFAULT_SETTINGS, Broken())
    assert [o.entry.source for o in outcomes] == [entry.source for entry, _, _ in batch]
    assert all(o.annotated is not None and o.rejection is None for o in outcomes)
    assert sorted(fakes.annotated) == sorted(entry.source for entry, _, _ in batch)
