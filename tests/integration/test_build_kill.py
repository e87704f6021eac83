"""SIGKILL `readout build` partway through 200 captures, rerun: nothing lost, nothing twice.

Runs the real pipeline (spaCy, events) in a subprocess over tiny invented captures, kills it once some
captures are committed, reruns it, and compares with a clean run: the manifest holds each input once
and the linked events are the same.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from readout.records import manifest_record
from readout.store import open_store

READOUT = Path(sys.executable).parent / "readout"
PEOPLE = ["Amara Voss", "Bertil Nyquist", "Celine Ardent", "Dmitri Halloran", "Esme Quarrie", "Farid Olundo"]
PLACES = ["Kessmar", "Veldra", "Tamsk", "Orlin", "Serrin"]
COUNT = 200


def _write_captures(folder: Path) -> None:
    folder.mkdir()
    for n in range(COUNT):
        a, b = PEOPLE[n % 6], PEOPLE[(n // 6 + 1 + n) % 6]
        if a == b:
            b = PEOPLE[(PEOPLE.index(a) + 1) % 6]
        place = PLACES[n % 5]
        text = (
            f"Talks in {place}\n\nForeign minister {a} met foreign minister {b} in {place}, "
            f"the ministry said in bulletin {n}.\n"
        )
        (folder / f"{n:03d}.txt").write_text(text, encoding="utf-8")


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM manifest WHERE status = 'ok'").fetchone()[0]
    except sqlite3.Error:
        return 0


def _build(folder: Path, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(READOUT), "build", str(folder), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.skipif(not READOUT.exists(), reason="needs the installed readout command")
def test_sigkill_then_rerun_equals_a_clean_run(tmp_path, contract):
    folder = tmp_path / "captures"
    _write_captures(folder)
    killed_db = tmp_path / "killed.db"
    process = subprocess.Popen(
        [str(READOUT), "build", str(folder), "--db", str(killed_db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 240
    while _stored(killed_db) < 5 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait() == -signal.SIGKILL, "build finished before it could be killed"
    at_kill = _stored(killed_db)
    assert 5 <= at_kill < COUNT

    rerun = _build(folder, killed_db)
    assert rerun.returncode == 0, rerun.stderr
    clean_db = tmp_path / "clean.db"
    clean = _build(folder, clean_db)
    assert clean.returncode == 0, clean.stderr

    with open_store(killed_db, create=False) as store:
        manifest, events = store.manifest(), store.events()
    with open_store(clean_db, create=False) as store:
        clean_manifest, clean_events = store.manifest(), store.events()
    contract("manifest", manifest_record(manifest))
    sources = [e.source for e in manifest]
    assert len(sources) == len(set(sources)) == COUNT
    assert all(e.status == "ok" for e in manifest)
    assert len(events) == len(clean_events) > 0
    assert sorted(e.id for e in events) == sorted(e.id for e in clean_events)
    assert [(e.source, e.status) for e in manifest] == [(e.source, e.status) for e in clean_manifest]
