"""Gate: `readout annotate` on the five seeds, scored by ../shared/tools/score.py, meets the pinned floors.

The floors are the issue's targets and are never lowered silently: mentions found >= 0.95, one
canonical name per person and place, the three target dates right, no widget or footer date, no offset
that misses its text.
"""

from __future__ import annotations

import importlib.util
import json
import re

import pytest
from conftest import GOLD, SEEDS, SHARED

MIN_MENTIONS_FOUND = 0.95
DATES_RIGHT = 3


def _scorer():
    spec = importlib.util.spec_from_file_location("seed_score", SHARED / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def records(seed_paths):
    from readout.pipeline.run import annotate_all
    from readout.records import annotate_record

    return [annotate_record(entry, annotated) for entry, annotated in annotate_all(seed_paths)]


def test_records_meet_the_contract(records, contract):
    assert len(records) == len(list(SEEDS.glob("*.txt")))
    for record in records:
        contract("annotate_record", record)


def test_seed_scores_meet_the_floors(records, tmp_path, capsys):
    out = tmp_path / "annotate.jsonl"
    out.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    _scorer().annotate(str(GOLD / "cleaning.json"), str(out), str(SEEDS))
    last = capsys.readouterr().out.strip().splitlines()[-1]
    figures = re.search(
        r"mentions found (\d+)/(\d+) \(([\d.]+)\) canonical consistent (\d+)/(\d+) "
        r"dates right (\d+)/(\d+) trap dates (\d+) offsets wrong (\d+)",
        last,
    )
    assert figures, last
    numbers = [int(g) for i, g in enumerate(figures.groups()) if i != 2]
    found, total, consistent, people, dates_right, _, traps, offsets = numbers
    assert found / total >= MIN_MENTIONS_FOUND, last
    assert consistent == people, last
    assert dates_right == DATES_RIGHT, last
    assert traps == 0, last
    assert offsets == 0, last
