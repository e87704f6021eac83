"""The SQLite store: captures with their language layer, event mentions, linked events and the manifest.

stdlib sqlite3 in WAL mode. Every capture is written in one transaction (its capture row, manifest
row, article and annotation JSON, sentences for search, name tokens and event mentions), so a build
killed at any moment leaves each capture either wholly stored or absent, and a rerun finishes the job
without duplicating anything. Linking replaces the events table as a whole, in one transaction; the
``events_stale`` flag, set with every stored capture and cleared by linking, tells a rerun that a
killed build never got that far.

Reads used by ``ask`` go through indexes (name tokens, FTS5 over sentences) so that answering stays
fast on a store of many thousands of captures; no SQL is ever built from user text.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from readout.errors import StoreError
from readout.model import Annotated, Article, Event, EventMention, Lines, ManifestEntry
from readout.store.codec import (
    annotated_from_json,
    annotation_json,
    article_from_json,
    dumps,
    entry_from_row,
    event_from_json,
    mention_from_json,
)
from readout.store.schema import migrate

__all__ = ["Store", "StoredSentence", "open_store", "name_tokens"]

TOKEN = re.compile(r"\w+", re.UNICODE)
# Name tokens shorter than this ("al", "de", initials) would tie unrelated names together.
MIN_NAME_TOKEN = 3
# SQLite caps bound parameters per statement; id lists are sent in chunks below it.
PARAMETER_CHUNK = 500


def name_tokens(name: str) -> set[str]:
    """The lower-case word tokens of a name by which a question may refer to it ("al-Hakim" -> hakim)."""
    return {t for t in (w.lower() for w in TOKEN.findall(name)) if len(t) >= MIN_NAME_TOKEN}


def fts_query(words: Iterable[str]) -> str:
    """An FTS5 query that treats every word as data: each quoted as a string, joined by OR."""
    quoted = ['"' + w.replace('"', '""') + '"' for w in words if w]
    return " OR ".join(quoted)


@dataclass(frozen=True)
class StoredSentence:
    """A sentence of a stored capture, with where it sits and (for search hits) its BM25 score."""

    source: str
    capture_id: str
    n: int
    text: str
    start: int
    end: int
    lines: Lines
    kind: str
    score: float = 0.0


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), PARAMETER_CHUNK):
        yield items[i : i + PARAMETER_CHUNK]


def _marks(items: list[str]) -> str:
    return ",".join("?" * len(items))


class Store:
    """One open store. Use through ``open_store`` as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.conn.close()

    # --- writes -------------------------------------------------------------------------------------

    def _transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    def put_entry(self, entry: ManifestEntry) -> bool:
        """Record a duplicate or rejected input; False when the manifest already says exactly this."""
        with self._transaction():
            return self._put_manifest(entry)

    def put_capture(
        self, entry: ManifestEntry, annotated: Annotated, mentions: Iterable[EventMention]
    ) -> None:
        """Store one processed capture and its event mentions, in one transaction."""
        article = annotated.article
        with self._transaction():
            self._put_manifest(entry)
            if self.conn.execute("SELECT 1 FROM captures WHERE id = ?", (entry.id,)).fetchone():
                return
            self.conn.execute(
                "INSERT INTO captures (id, source, url, article, annotation, stored_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (entry.id, entry.source, entry.url, dumps(article), annotation_json(annotated), _now()),
            )
            kinds = [(p.start, p.end, p.kind) for p in article.paragraphs]
            for n, sentence in enumerate(annotated.sentences):
                kind = next((k for a, b, k in kinds if a <= sentence.start < b + 1), "content")
                cursor = self.conn.execute(
                    "INSERT INTO sentences (capture_id, n, text, start, end, first_line, last_line, kind) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        entry.id,
                        n,
                        sentence.text,
                        sentence.start,
                        sentence.end,
                        sentence.lines[0],
                        sentence.lines[1],
                        kind,
                    ),
                )
                self.conn.execute(
                    "INSERT INTO sentence_search (rowid, text) VALUES (?, ?)",
                    (cursor.lastrowid, sentence.text),
                )
            # Both the canonical name's words and the words the capture spells it with (a transliteration
            # variant), so that a question may use either.
            tokens = {
                (token, e.canonical, e.label)
                for e in annotated.entities
                for token in name_tokens(e.canonical) | name_tokens(e.text)
            }
            self.conn.executemany(
                "INSERT INTO entity_tokens (capture_id, token, canonical, label) VALUES (?, ?, ?, ?)",
                [(entry.id, *t) for t in sorted(tokens)],
            )
            rows, seen = [], set()
            for n, mention in enumerate(mentions):
                text = dumps(mention)
                key = hashlib.sha256(f"{entry.id}\n{text}".encode()).hexdigest()[:24]
                if key not in seen:
                    seen.add(key)
                    rows.append((key, entry.id, n, text))
            self.conn.executemany(
                "INSERT INTO event_mentions (id, capture_id, n, mention) VALUES (?, ?, ?, ?)", rows
            )
            self._set_state("events_stale", "1")

    def replace_events(self, events: Iterable[Event]) -> None:
        """The linked events, replacing the previous ones, in one transaction; clears ``events_stale``."""
        with self._transaction():
            self.conn.execute("DELETE FROM event_tokens")
            self.conn.execute("DELETE FROM events")
            for n, event in enumerate(events):
                date = event.date
                self.conn.execute(
                    "INSERT INTO events (id, n, type, date_from, date_to, event) VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        event.id,
                        n,
                        event.type,
                        date.value or date.earliest,
                        date.value or date.latest,
                        dumps(event),
                    ),
                )
                people = {*event.participants, *event.also_present, *event.actor, *event.recipient}
                tokens = {(t, "person", name) for name in people for t in name_tokens(name)}
                if event.place:
                    tokens |= {(t, "place", event.place) for t in name_tokens(event.place)}
                self.conn.executemany(
                    "INSERT INTO event_tokens (event_id, token, role, name) VALUES (?, ?, ?, ?)",
                    [(event.id, *t) for t in sorted(tokens)],
                )
            self._set_state("events_stale", "0")

    def _put_manifest(self, entry: ManifestEntry) -> bool:
        row = self.conn.execute("SELECT * FROM manifest WHERE source = ?", (entry.source,)).fetchone()
        if row is not None and entry_from_row(row) == entry:
            return False
        if row is not None and row["id"] != entry.id and row["status"] == "ok":
            self._forget(row["id"], except_source=entry.source)
        self.conn.execute(
            "INSERT INTO manifest (source, url, id, status, reason, duplicate_of, near_duplicate_of) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source) DO UPDATE SET "
            "url = excluded.url, id = excluded.id, "
            "status = excluded.status, reason = excluded.reason, duplicate_of = excluded.duplicate_of, "
            "near_duplicate_of = excluded.near_duplicate_of",
            (
                entry.source,
                entry.url,
                entry.id,
                entry.status,
                entry.reason,
                entry.duplicate_of,
                entry.near_duplicate_of,
            ),
        )
        return True

    def _forget(self, capture_id: str, except_source: str) -> None:
        """Drop a capture whose source now holds other content, unless another input still holds it."""
        other = self.conn.execute(
            "SELECT 1 FROM manifest WHERE id = ? AND status = 'ok' AND source != ?",
            (capture_id, except_source),
        ).fetchone()
        if other:
            return
        for row in self.conn.execute(
            "SELECT id, text FROM sentences WHERE capture_id = ?", (capture_id,)
        ).fetchall():
            self.conn.execute(
                "INSERT INTO sentence_search (sentence_search, rowid, text) VALUES ('delete', ?, ?)",
                (row["id"], row["text"]),
            )
        self.conn.execute("DELETE FROM captures WHERE id = ?", (capture_id,))
        self._set_state("events_stale", "1")

    def set_unfinished_batch(self, capture_ids: list[str] | None) -> None:
        """Record the batch whose captures are being committed (None: it is done).

        The language layer names entities across the batch it is given, so a build killed halfway
        through committing a batch must annotate that same batch again on the rerun, not only its
        uncommitted remainder, to store what a clean run would."""
        with self._transaction():
            if capture_ids is None:
                self.conn.execute("DELETE FROM state WHERE key = 'unfinished_batch'")
            else:
                self._set_state("unfinished_batch", json.dumps(capture_ids))

    def unfinished_batch(self) -> list[str]:
        row = self.conn.execute("SELECT value FROM state WHERE key = 'unfinished_batch'").fetchone()
        return json.loads(row["value"]) if row else []

    def _set_state(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO state (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # --- reads: manifest and captures -----------------------------------------------------------------

    @property
    def events_stale(self) -> bool:
        row = self.conn.execute("SELECT value FROM state WHERE key = 'events_stale'").fetchone()
        return bool(row) and row["value"] == "1"

    def manifest(self) -> list[ManifestEntry]:
        return [entry_from_row(r) for r in self.conn.execute("SELECT * FROM manifest ORDER BY seq")]

    def manifest_entry(self, source: str) -> ManifestEntry | None:
        row = self.conn.execute("SELECT * FROM manifest WHERE source = ?", (source,)).fetchone()
        return entry_from_row(row) if row else None

    def stored_source(self, capture_id: str) -> str | None:
        """The source a capture with this content hash is stored under, or None if it is not stored."""
        row = self.conn.execute("SELECT source FROM captures WHERE id = ?", (capture_id,)).fetchone()
        return row["source"] if row else None

    def capture_count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM captures").fetchone()[0]

    def _capture_row(self, source: str, columns: str) -> sqlite3.Row:
        """The stored capture behind ``source`` (as the manifest names it, or by its file name if unique)."""
        entry = self.conn.execute("SELECT * FROM manifest WHERE source = ?", (source,)).fetchone()
        if entry is None:
            like = [
                r
                for r in self.conn.execute("SELECT * FROM manifest ORDER BY seq")
                if Path(r["source"]).name == Path(source).name
            ]
            if len(like) > 1:
                raise StoreError(
                    f"{source!r} names {len(like)} captures; give the source as the manifest does"
                )
            entry = like[0] if like else None
        if entry is None:
            raise StoreError(f"no capture {source!r} in the store; `readout manifest` lists them")
        if entry["status"] == "rejected":
            raise StoreError(f"{entry['source']} was rejected and not stored: {entry['reason']}")
        row = self.conn.execute(f"SELECT {columns} FROM captures WHERE id = ?", (entry["id"],)).fetchone()
        if row is None:
            raise StoreError(
                f"{entry['source']} is in the manifest but its capture is not stored; rerun build"
            )
        return row

    def capture_text(self, source: str) -> str:
        """The line-addressable text that citations quote (``Article.text``)."""
        return article_from_json(self._capture_row(source, "article")["article"]).text

    def article(self, source: str) -> Article:
        return article_from_json(self._capture_row(source, "article")["article"])

    def annotated(self, source: str) -> Annotated:
        row = self._capture_row(source, "article, annotation")
        return annotated_from_json(row["article"], row["annotation"])

    def articles(self) -> Iterator[tuple[ManifestEntry, Article]]:
        """Every stored capture's article, in manifest order, with its manifest entry."""
        rows = self.conn.execute(
            "SELECT m.*, c.article AS article FROM manifest m JOIN captures c ON c.id = m.id "
            "WHERE m.status = 'ok' ORDER BY m.seq"
        )
        for row in rows:
            yield entry_from_row(row), article_from_json(row["article"])

    # --- reads: events ---------------------------------------------------------------------------------

    def event_mentions(self) -> list[EventMention]:
        """All stored mentions, in the order their captures were stored."""
        rows = self.conn.execute(
            "SELECT e.mention FROM event_mentions e JOIN captures c ON c.id = e.capture_id "
            "ORDER BY c.rowid, e.n"
        )
        return [mention_from_json(r["mention"]) for r in rows]

    def events(self) -> list[Event]:
        return [event_from_json(r["event"]) for r in self.conn.execute("SELECT event FROM events ORDER BY n")]

    def events_by_id(self, ids: Iterable[str], within: Iterable[tuple[str, str]] = ()) -> list[Event]:
        """The events with these ids, in the store's (date) order.

        ``within``: day ranges the event's date must be able to fall in; an event whose day or bounds
        rule a range out is left unread (one with an unknown date stays)."""
        wanted = sorted(set(ids))
        condition, bounds = "", []
        for low, high in within:
            condition += " AND NOT (date_from IS NOT NULL AND date_from > ?)"
            condition += " AND NOT (date_to IS NOT NULL AND date_to < ?)"
            bounds += [high, low]
        found: list[tuple[int, Event]] = []
        for chunk in _chunks(wanted):
            rows = self.conn.execute(
                f"SELECT n, event FROM events WHERE id IN ({_marks(chunk)}){condition}", [*chunk, *bounds]
            )
            found += [(r["n"], event_from_json(r["event"])) for r in rows]
        return [event for _, event in sorted(found, key=lambda pair: pair[0])]

    def event_names(self, tokens: Iterable[str]) -> list[tuple[str, str, str, str]]:
        """``(event_id, token, role, name)`` for every event person or place having one of ``tokens``."""
        wanted = sorted(set(tokens))
        out: list[tuple[str, str, str, str]] = []
        for chunk in _chunks(wanted):
            out += [
                tuple(r)
                for r in self.conn.execute(
                    f"SELECT event_id, token, role, name FROM event_tokens WHERE token IN ({_marks(chunk)})",
                    chunk,
                )
            ]
        return out

    def event_ids_in_range(self, earliest: str, latest: str) -> list[str]:
        """Events whose date (or bounds) can fall within ``earliest``..``latest`` and is not unknown."""
        rows = self.conn.execute(
            "SELECT id FROM events WHERE (date_from IS NOT NULL OR date_to IS NOT NULL) "
            "AND (date_from IS NULL OR date_from <= ?) AND (date_to IS NULL OR date_to >= ?)",
            (latest, earliest),
        )
        return [r["id"] for r in rows]

    def entity_names(self, tokens: Iterable[str]) -> list[tuple[str, str, str]]:
        """``(token, canonical, label)`` for entity names in any capture having one of ``tokens``."""
        wanted = sorted(set(tokens))
        out: set[tuple[str, str, str]] = set()
        for chunk in _chunks(wanted):
            out |= {
                tuple(r)
                for r in self.conn.execute(
                    "SELECT DISTINCT token, canonical, label FROM entity_tokens "
                    f"WHERE token IN ({_marks(chunk)})",
                    chunk,
                )
            }
        return sorted(out)

    # --- reads: sentences ------------------------------------------------------------------------------

    def sentences_of(self, source: str) -> list[StoredSentence]:
        """Every sentence of one capture, in order."""
        rows = self.conn.execute(
            "SELECT s.*, c.source AS source FROM sentences s JOIN captures c ON c.id = s.capture_id "
            "WHERE c.id = (SELECT id FROM manifest WHERE source = ?) ORDER BY s.n",
            (source,),
        )
        return [_sentence(r) for r in rows]

    def search_sentences(
        self, words: Iterable[str], sources: Iterable[str] | None = None, limit: int = 50
    ) -> list[StoredSentence]:
        """Sentences holding any of ``words``, best BM25 first; only of ``sources`` when given."""
        query = fts_query(words)
        if not query:
            return []
        sql = (
            "SELECT s.*, c.source AS source, bm25(sentence_search) AS score FROM sentence_search "
            "JOIN sentences s ON s.id = sentence_search.rowid JOIN captures c ON c.id = s.capture_id "
            "WHERE sentence_search MATCH ?"
        )
        params: list[object] = [query]
        if sources is not None:
            wanted = sorted(set(sources))
            if not wanted:
                return []
            sql += f" AND c.id IN (SELECT id FROM manifest WHERE source IN ({_marks(wanted)}))"
            params += wanted
        sql += " ORDER BY score LIMIT ?"
        params.append(limit)
        return [_sentence(r) for r in self.conn.execute(sql, params)]


def _sentence(row: sqlite3.Row) -> StoredSentence:
    keys = row.keys()
    return StoredSentence(
        source=row["source"],
        capture_id=row["capture_id"],
        n=row["n"],
        text=row["text"],
        start=row["start"],
        end=row["end"],
        lines=(row["first_line"], row["last_line"]),
        kind=row["kind"],
        score=-row["score"] if "score" in keys else 0.0,
    )


class _Transaction:
    """``BEGIN IMMEDIATE`` .. ``COMMIT``, or ``ROLLBACK`` on any error (the connection is in autocommit)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


def open_store(db: Path, create: bool) -> Store:
    """Open (and with ``create``, make) the store at ``db``, bringing its schema up to date."""
    db = Path(db)
    if not create and not db.exists():
        raise StoreError(f"no store at {db}: build one first with `readout build PATH... --db {db}`")
    try:
        if create:
            db.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(db, isolation_level=None, timeout=30)
    except (sqlite3.Error, OSError) as error:
        raise StoreError(f"cannot open the store {db}: {error}") from error
    conn.row_factory = sqlite3.Row
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        # NORMAL in WAL mode: a committed transaction survives the process being killed (only a power
        # cut can lose the last ones), at a fraction of FULL's fsyncs per capture.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise StoreError(f"{db} is not a readout store ({error})") from error
    except StoreError:
        conn.close()
        raise
    return Store(conn, db)
