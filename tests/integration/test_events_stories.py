"""Gate over invented stories (tests/data/events/stories): the judge's events figures on captures that no
rule was written from.

Twelve flattened news captures (wire copy with datelines, official readouts, an analysis piece with
unnamed sources, an opinion column, a live page with no date, pages with a capture-time widget or a day
without a year) tell five invented meetings, two or three captures each. Their gold (gold.json, in the
judge's events.json format) was written before the pipeline first ran on them. First sight: meetings
right 1/5, false dates 0, secondary 9/10, attributions 7/18, roles 1/5, topics 5/20. The floors below are
the figures reached after general fixes (linking, roles, sources, topics); they are the judge's own
scorer (../shared/tools/score.py, imported as check-seeds runs it), never a copy of it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from readout.events.evaluate import build_events
from readout.events.export import EXPORTERS

STORIES = Path(__file__).resolve().parents[1] / "data" / "events" / "stories"
SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "tools" / "score.py"
FIGURES = re.compile(
    r"meetings right (\d+)/(\d+) false dates (\d+) secondary (\d+)/(\d+) attributions (\d+)/(\d+) "
    r"roles (\d+)/(\d+) topics (\d+)/(\d+)"
)


def _scorer():
    spec = importlib.util.spec_from_file_location("readout_judge_score_stories", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(tmp_path_factory, folder: Path):
    """(figures, notes, records): the judge's events scoring of one folder's events output."""
    if not SCORER.exists():
        pytest.skip("no ../shared/tools/score.py")
    captures = tmp_path_factory.mktemp(folder.name)
    for path in folder.glob("*.txt"):
        shutil.copy(path, captures / path.name)
    records = json.loads(EXPORTERS["json"](build_events(captures)))
    out = captures / "events.json"
    out.write_text(json.dumps(records), encoding="utf-8")
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        _scorer().events(str(folder / "gold.json"), str(out))
    lines = printed.getvalue().splitlines()
    match = FIGURES.search(lines[-1])
    assert match, lines[-1]
    return [int(x) for x in match.groups()], "\n".join(lines), records


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    return _score(tmp_path_factory, STORIES)


def test_story_events_keep_their_floors(scored, contract):
    figures, notes, records = scored
    contract("events_output", records)
    right, total, false, secondary, _, attributions, _, roles, _, topics, topics_total = figures
    assert (right, total) == (5, 5), notes
    assert false == 0, notes
    assert secondary >= 10, notes
    assert attributions >= 18, notes
    assert roles >= 5, notes
    assert topics >= 16 and topics_total == 20, notes


def test_capture_time_widget_and_yearless_days_give_no_day(scored):
    """The call (a weekday under a 'JANUARY 2026' widget, a dateline day without a year) and the forum
    meeting ('June 9', no year) stay undated: no record commits to a day the captures do not state."""
    _, _, records = scored
    stated = set(json.loads((STORIES / "gold.json").read_text())["stated_days"])
    for event in records["events"]:
        date = event["date"]
        day = date["value"] or (date["earliest"] if date["earliest"] == date["latest"] else None)
        assert day is None or day in stated, event["id"]


def test_heldout_stories_keep_their_floors(tmp_path_factory, contract):
    """Six more captures (heldout/), written after the first round of fixes and scored once before any
    further change: first sight meetings right 0/3, false dates 0, secondary 2/5, attributions 0/8, roles
    0/3, topics 0/11. A second round of general fixes was then made on them, so these floors are no
    longer a held-out measure; they keep what was reached."""
    figures, notes, records = _score(tmp_path_factory, STORIES / "heldout")
    contract("events_output", records)
    right, total, false, secondary, _, attributions, _, roles, _, topics, _ = figures
    assert right >= 2 and total == 3, notes
    assert false == 0, notes
    assert secondary >= 4, notes
    assert attributions >= 6, notes
    assert roles >= 3, notes
    assert topics >= 8, notes
