"""Attribution kinds: news agencies named without a name the tagger knows, and analysts introduced in an
appositive or a relative clause (captures written for these tests; invented people and places)."""

from __future__ import annotations

import pytest
from test_events_extract import events_of

MEETING = "Calderan President Ilse Moravec met Orsenian Prime Minister Teodor Vasko in Valmor on Monday"


def _kinds(nlp, text: str) -> set[tuple[str, str]]:
    return {(a.kind, a.by) for e in events_of(nlp, text) for a in e.attributions}


@pytest.mark.parametrize(
    "text",
    [
        f"The Calderan news agency reported that {MEETING}.",
        f"Calpress news agency reported that {MEETING}.",
        f"{MEETING}, the state news agency Calpress said.",
    ],
)
def test_news_agency_is_agency(nlp, text):
    kinds = _kinds(nlp, text)
    assert kinds and {k for k, _ in kinds} == {"agency"}, kinds


def test_agency_alone_is_no_news_agency(nlp):
    """'the agency said' with no news word may be any body: not classed as a news agency."""
    kinds = _kinds(nlp, f"{MEETING}, the agency said in a statement.")
    assert "agency" not in {k for k, _ in kinds}, kinds


@pytest.mark.parametrize(
    "text",
    [
        f"{MEETING}. Anselm Kroy, an analyst at the Dravo Institute, said they discussed gas prices.",
        f"{MEETING}. The talks focused on gas prices, said Anselm Kroy, who teaches international relations "
        "at Valmor University.",
    ],
)
def test_analyst_in_apposition_or_relative_clause_is_analysis(nlp, text):
    kinds = _kinds(nlp, text)
    assert ("analysis", "Anselm Kroy") in kinds and ("official", "Anselm Kroy") not in kinds, kinds


def test_scholar_at_a_university_is_analysis(nlp):
    """A person placed at a university in a relative clause reads events: analysis, not official."""
    text = (
        f"{MEETING}. Marit Solberg, who follows Orsenian trade policy at the University of Dravo, said the "
        "talks were a sign of warmer ties."
    )
    kinds = _kinds(nlp, text)
    assert ("analysis", "Marit Solberg") in kinds, kinds


def test_official_who_asked_not_to_be_named_is_unnamed(nlp):
    text = f"An Orsenian official who asked not to be named said that {MEETING}."
    kinds = {k for k, _ in _kinds(nlp, text)}
    assert "unnamed" in kinds and "official" not in kinds, kinds
