"""The sample that `make demo` builds: its meetings as a reader of those captures would state them.

The samples are captures written for this project (samples/); each assertion is what their text says,
so a rule that misreads a topic as a venue or lets another event's date into a meeting's evidence fails
here, on the job users run first.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from readout.pipeline.build import build_store
from readout.store import open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def meetings(tmp_path_factory, nlp):
    db = tmp_path_factory.mktemp("samples") / "samples.db"
    build_store([str(SAMPLES)], db, "auto", Console(stderr=True, quiet=True))
    with open_store(db, create=False) as store:
        return {frozenset(e.participants): e for e in store.events() if e.type == "CONSULT"}


def test_the_summit_is_placed_where_it_was_held_not_on_the_river_discussed(meetings):
    summit = meetings[frozenset({"Ilario Benn", "Sefa Oduya"})]
    assert summit.place == "Lunetto"  # "met on Thursday in Lunetto"; the talks were *on* the river
    assert summit.date.value == "2024-09-12"


def test_a_meetings_date_evidence_holds_only_mentions_of_that_day(meetings):
    summit = meetings[frozenset({"Ilario Benn", "Sefa Oduya"})]
    assert [e.text for e in summit.date.evidence] == ["Thursday"]  # not "July": the detention's month
    visit = meetings[frozenset({"Odo Vantrell", "Tamsin Achterberg"})]
    assert (visit.place, visit.date.value) == ("Porta Seren", "2024-10-14")
    assert "Tuesday" not in [e.text for e in visit.date.evidence]  # the next, planned meeting's day


def test_a_call_has_no_place(meetings):
    call = meetings[frozenset({"Ilario Benn", "Odile Haskar"})]
    assert call.mode == "phone" and call.place is None
