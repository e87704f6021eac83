"""Gate: the gold questions on the five seeds, scored by the judge's own scorer, through the CLI.

Builds the seeds once with `readout build`, asks each question of ../shared/gold/questions.json with
`readout ask --json` (exactly as ../shared/tools/check-seeds does) and runs score.py's `answers`.
Also checks the contract of every answer, that stdout holds only JSON, and `readout show`.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import GOLD, SEEDS, SHARED

READOUT = Path(sys.executable).parent / "readout"
pytestmark = pytest.mark.skipif(
    not READOUT.exists() or not SEEDS.exists(), reason="needs readout and the seeds"
)


def _readout(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(READOUT), *args], capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL
    )


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    built = _readout("build", str(SEEDS), "--db", str(db))
    assert built.returncode == 0, built.stderr
    return db


def _scorer():
    spec = importlib.util.spec_from_file_location("score", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_questions_all_right(seed_db, tmp_path, contract):
    questions = json.loads((GOLD / "questions.json").read_text())["questions"]
    for n, q in enumerate(questions):
        asked = _readout("ask", q["q"], "--db", str(seed_db), "--json")
        assert asked.returncode == 0, asked.stderr
        answer = json.loads(asked.stdout)  # stdout holds the JSON and nothing else
        contract("answer", answer)
        (tmp_path / f"{n}.json").write_text(asked.stdout)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        right, total = _scorer().answers(GOLD / "questions.json", tmp_path, SEEDS)
    assert right == total, printed.getvalue()


def test_show_prints_cited_lines(seed_db):
    name = sorted(SEEDS.glob("*.txt"))[0]
    shown = _readout("show", str(name), "--db", str(seed_db), "--lines", "1-3")
    assert shown.returncode == 0, shown.stderr
    lines = name.read_text(encoding="utf-8").split("\n")
    assert shown.stdout.splitlines()[0].split("  ", 1)[1] == lines[0]
    assert len(shown.stdout.splitlines()) == 3


def test_missing_store_is_a_clear_error(tmp_path):
    asked = _readout("ask", "Who met whom?", "--db", str(tmp_path / "none.db"), "--json")
    assert asked.returncode != 0 and "no store" in asked.stderr and asked.stdout == ""
