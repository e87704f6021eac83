"""The store: migrations, JSON round trips, idempotent writes, search with user text as data."""

from __future__ import annotations

from dataclasses import replace

import pytest

from readout.errors import StoreError
from readout.model import ManifestEntry
from readout.store import fts_query, open_store
from readout.store.codec import annotated_from_json, annotation_json, dumps, event_from_json
from readout.store.schema import MIGRATIONS
from readout.store.synthetic import generated_collection


def _collection(count: int = 3):
    return list(generated_collection(count, seed=3))


def test_migrations_are_recorded_once(tmp_path):
    db = tmp_path / "s.db"
    with open_store(db, create=True) as store:
        names = [r[0] for r in store.conn.execute("SELECT name FROM schema_migrations ORDER BY name")]
        assert names == [m.name for m in MIGRATIONS]
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with open_store(db, create=False) as store:
        assert store.conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == len(MIGRATIONS)


def test_a_newer_or_foreign_database_is_refused(tmp_path):
    db = tmp_path / "s.db"
    with open_store(db, create=True) as store:
        store.conn.execute("INSERT INTO schema_migrations VALUES ('9999_from_the_future', 'now')")
    with pytest.raises(StoreError, match="newer readout"):
        open_store(db, create=False)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a readout store"):
        open_store(junk, create=False)


def test_records_round_trip_through_json():
    for _, annotated, _, event in _collection():
        again = annotated_from_json(dumps(annotated.article), annotation_json(annotated))
        assert again == annotated
        assert event_from_json(dumps(event)) == event


def test_writes_are_idempotent_and_read_back(tmp_path):
    rows = _collection()
    with open_store(tmp_path / "s.db", create=True) as store:
        for _ in range(2):
            for entry, annotated, mentions, _ in rows:
                store.put_capture(entry, annotated, mentions)
        assert store.events_stale
        store.replace_events([event for *_, event in rows])
        assert not store.events_stale
        assert [e.source for e in store.manifest()] == [entry.source for entry, *_ in rows]
        assert store.capture_count() == 3
        assert store.conn.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == 3
        sentences = sum(len(a.sentences) for _, a, _, _ in rows)
        assert store.conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == sentences
        assert store.events() == [event for *_, event in rows]
        assert store.event_mentions() == [m for _, _, ms, _ in rows for m in ms]
        first = rows[0][1]
        assert store.annotated(first.article.source) == first
        assert store.capture_text(first.article.source) == first.article.text


def test_a_source_whose_content_changed_replaces_its_capture(tmp_path):
    (entry, annotated, mentions, _), (_, other, other_mentions, _) = _collection(2)
    moved = replace(other, article=replace(other.article, source=entry.source))
    with open_store(tmp_path / "s.db", create=True) as store:
        store.put_capture(entry, annotated, mentions)
        store.put_capture(ManifestEntry(entry.source, None, moved.article.id, "ok"), moved, other_mentions)
        assert store.capture_count() == 1
        assert store.capture_text(entry.source) == other.article.text
        assert store.search_sentences([annotated.article.text.split()[0]], limit=5) == []


def test_search_treats_every_word_as_data(tmp_path):
    rows = _collection()
    with open_store(tmp_path / "s.db", create=True) as store:
        for entry, annotated, mentions, _ in rows:
            store.put_capture(entry, annotated, mentions)
        hostile = ['"', "NEAR(", "zz*", "-", "qq) NOT (ww", "col:val", "'; DROP TABLE sentences;--", "^x"]
        assert store.search_sentences(hostile) == []  # no error, and FTS operators matched nothing
        visitor = rows[0][1].article.title.split()[0]
        hits = store.search_sentences([visitor.lower(), "*"], limit=3)
        assert hits and visitor in hits[0].text
        only = store.search_sentences([visitor.lower()], sources=[rows[1][0].source], limit=3)
        assert all(h.source == rows[1][0].source for h in only)
    assert fts_query(['a"b', "or"]) == '"a""b" OR "or"'


def test_events_by_id_leaves_out_dates_that_rule_a_range_out(tmp_path):
    rows = _collection(3)
    with open_store(tmp_path / "s.db", create=True) as store:
        store.replace_events([event for *_, event in rows])
        day = rows[0][3].date.value
        ids = [event.id for *_, event in rows]
        kept = store.events_by_id(ids, within=[(day, day)])
        assert rows[0][3] in kept and all(e.date.value == day for e in kept)


def test_a_killed_writer_leaves_no_half_capture(tmp_path):
    (entry, annotated, mentions, _), *_ = _collection(1)
    db = tmp_path / "s.db"
    with open_store(db, create=True) as store:
        with pytest.raises(TypeError):  # a mention that cannot be written, after the capture row was
            store.put_capture(entry, annotated, [*mentions, {"not", "json"}])
        assert store.manifest() == [] and store.capture_count() == 0
        assert store.conn.execute("SELECT count(*) FROM sentences").fetchone()[0] == 0
