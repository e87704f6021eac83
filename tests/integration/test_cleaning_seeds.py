"""Quality gate: text-mode cleaning of the five seed captures against ../shared/gold/cleaning.json.

The floors are the issue's targets. They are pinned here and never lowered silently.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from readout.clean import clean_capture
from readout.clean.context import build_context
from readout.clean.evaluate import evaluate_cleaning, read_capture
from readout.model import ManifestEntry
from readout.records import clean_record

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS, GOLD = SHARED / "seeds", SHARED / "gold"

F1_FLOOR = 0.98
LEAKS_CEILING = 0
TITLES_FLOOR = 5


@pytest.fixture(scope="module")
def report():
    return evaluate_cleaning(GOLD / "cleaning.json", SEEDS)


def test_word_f1_floor(report):
    assert report.f1 >= F1_FLOOR, report.lines()


def test_no_comment_line_in_any_body(report):
    assert report.leaks <= LEAKS_CEILING, report.lines()


def test_every_title_right(report):
    assert report.titles >= TITLES_FLOOR, report.lines()


def test_no_publication_date_on_the_seeds(report):
    assert report.published == 0, report.lines()


def test_records_follow_the_contract(contract, seed_paths):
    captures = [read_capture(Path(p)) for p in seed_paths]
    context = build_context(captures)
    for capture in captures:
        article = clean_capture(capture, "text", context)
        contract("clean_record", clean_record(ManifestEntry(capture.source, None, capture.id, "ok"), article))
