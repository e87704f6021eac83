"""The store's schema as named migrations, applied in order and recorded in ``schema_migrations``.

A migration is never edited once released: a change to the schema is a new migration appended here, so
a store built by an older readout is brought forward on open and never rebuilt from scratch.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone

from readout.errors import StoreError


@dataclass(frozen=True)
class Migration:
    name: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_captures_and_manifest",
        """
        -- One row per stored capture, keyed by the content hash of its decoded text: storing the same
        -- capture twice is a no-op, which is what makes build idempotent and incremental.
        CREATE TABLE captures (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            url TEXT,
            article TEXT NOT NULL,      -- Article as JSON (readout.records.plain)
            annotation TEXT NOT NULL,   -- sentences, entities, dates, reference date as JSON
            stored_at TEXT NOT NULL
        );
        -- Every input exactly once, in the order first seen; written in the transaction that stores
        -- the capture's results, so a killed build never leaves an entry without its data or back.
        CREATE TABLE manifest (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            source TEXT NOT NULL UNIQUE,
            url TEXT,
            id TEXT,
            status TEXT NOT NULL CHECK (status IN ('ok', 'duplicate', 'rejected')),
            reason TEXT,
            duplicate_of TEXT,
            near_duplicate_of TEXT
        );
        CREATE INDEX manifest_id ON manifest(id);
        CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    """,
    ),
    Migration(
        "0002_sentences_and_names",
        """
        CREATE TABLE sentences (
            id INTEGER PRIMARY KEY,
            capture_id TEXT NOT NULL REFERENCES captures(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            first_line INTEGER NOT NULL,
            last_line INTEGER NOT NULL,
            kind TEXT NOT NULL          -- the paragraph's kind: content | opinion
        );
        CREATE INDEX sentences_capture ON sentences(capture_id, n);
        -- Word tokens of canonical entity names, so a question's words resolve to names by index.
        CREATE TABLE entity_tokens (
            capture_id TEXT NOT NULL REFERENCES captures(id) ON DELETE CASCADE,
            token TEXT NOT NULL,
            canonical TEXT NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY (capture_id, token, canonical, label)
        ) WITHOUT ROWID;
        CREATE INDEX entity_tokens_token ON entity_tokens(token);
        -- BM25 over sentences; the text lives once, in ``sentences`` (external content).
        CREATE VIRTUAL TABLE sentence_search USING fts5(
            text, content='sentences', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
        );
    """,
    ),
    Migration(
        "0003_events",
        """
        CREATE TABLE event_mentions (
            id TEXT PRIMARY KEY,        -- content hash of the mention's JSON
            capture_id TEXT NOT NULL REFERENCES captures(id) ON DELETE CASCADE,
            n INTEGER NOT NULL,
            mention TEXT NOT NULL       -- EventMention as JSON
        );
        CREATE INDEX event_mentions_capture ON event_mentions(capture_id, n);
        -- Linked events, replaced as a whole in one transaction after the captures are stored.
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            n INTEGER NOT NULL,         -- the linker's order (by date)
            type TEXT NOT NULL,
            date_from TEXT,             -- the day, or the earliest bound the captures support
            date_to TEXT,               -- the day, or the latest bound
            event TEXT NOT NULL         -- Event as JSON
        );
        -- Word tokens of each event's people and place, for finding a question's events by index.
        CREATE TABLE event_tokens (
            event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
            token TEXT NOT NULL,
            role TEXT NOT NULL,         -- person | place
            name TEXT NOT NULL,
            PRIMARY KEY (event_id, token, role, name)
        ) WITHOUT ROWID;
        CREATE INDEX event_tokens_token ON event_tokens(token);
    """,
    ),
)


def applied(conn: sqlite3.Connection) -> list[str]:
    conn.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    return [row[0] for row in conn.execute("SELECT name FROM schema_migrations ORDER BY name")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations this store lacks, each in its own transaction; return their names."""
    done = applied(conn)
    known = {m.name for m in MIGRATIONS}
    unknown = [name for name in done if name not in known]
    if unknown:
        raise StoreError(
            f"the store was written by a newer readout (migrations {', '.join(unknown)}); "
            "upgrade readout or build a new store"
        )
    new = []
    for migration in MIGRATIONS:
        if migration.name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                (migration.name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
        new.append(migration.name)
    return new


def _statements(sql: str) -> list[str]:
    """The statements of a migration script, split where sqlite3 says a statement is complete."""
    out, current = [], ""
    for line in sql.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            out.append(current.strip())
            current = ""
    if current.strip():
        out.append(current.strip())
    return out
