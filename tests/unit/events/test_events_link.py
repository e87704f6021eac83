"""Linking across captures: one record per real-world event, look-alikes kept apart, stable ids."""

from __future__ import annotations

import itertools

from events_support import annotate

from readout.events import extract_events, link_events

FIRST = (
    "Chilean President Lucia Vera received Peruvian Prime Minister Hugo Salas in Santiago.\n\n"
    "The two leaders discussed fishing rights."
)
SECOND = (
    "Peruvian Prime Minister Hugo Salas visited Santiago and held talks with President Lucia Vera, "
    "according to a statement by the Chilean presidency."
)
LATER = (
    "Chilean President Lucia Vera met Peruvian Prime Minister Hugo Salas in Santiago on 9 October 2021.\n\n"
    "Vera said that since their last meeting a few months ago in Santiago, trade had doubled."
)
OLDER_DATED = "On 3 February 2019, the Chilean navy shelled a Peruvian trawler."


def mentions(nlp, *texts: str):
    out = []
    for n, text in enumerate(texts):
        annotated, doc = annotate(nlp, text, source=f"capture-{n}.txt")
        out.extend(extract_events(annotated, doc))
    return out


def consults(events):
    return [e for e in events if e.type == "CONSULT"]


def test_two_captures_of_one_meeting_merge(nlp):
    (meeting,) = consults(link_events(mentions(nlp, FIRST, SECOND)))
    assert set(meeting.documents) == {"capture-0.txt", "capture-1.txt"}
    assert meeting.actor == ("Hugo Salas",) and meeting.recipient == ("Lucia Vera",)


def test_same_city_meetings_apart_and_back_reference_joins_the_earlier(nlp):
    events = consults(link_events(mentions(nlp, FIRST, LATER, OLDER_DATED)))
    assert len(events) == 2
    dated = next(e for e in events if e.date.value)
    undated = next(e for e in events if not e.date.value)
    assert dated.date.value == "2021-10-09" and dated.documents == ("capture-1.txt",)
    assert set(undated.documents) == {"capture-0.txt", "capture-1.txt"}  # the back-reference is its mention
    assert events.index(dated) < events.index(undated)  # undated last


def test_conflicting_places_keep_records_apart(nlp):
    other = "Chilean President Lucia Vera received Peruvian Prime Minister Hugo Salas in Valparaiso."
    assert len(consults(link_events(mentions(nlp, FIRST, other)))) == 2


def test_ids_do_not_depend_on_order(nlp):
    found = mentions(nlp, FIRST, SECOND, LATER)
    ids = {tuple(sorted(e.id for e in link_events(list(order)))) for order in itertools.permutations(found)}
    assert len(ids) == 1


def test_the_same_two_people_on_the_same_stated_day_are_one_meeting_despite_a_misread_place(nlp):
    dated = ("Chilean President Lucia Vera met Peruvian Prime Minister Hugo Salas in Santiago "
             "on 9 October 2021.")
    elsewhere = "President Lucia Vera met Prime Minister Hugo Salas in Valparaiso on 9 October 2021."
    (meeting,) = consults(link_events(mentions(nlp, dated, elsewhere)))
    assert set(meeting.documents) == {"capture-0.txt", "capture-1.txt"}


def test_a_merged_meeting_is_placed_in_the_city_before_the_country_or_the_palace(nlp):
    texts = [f"Hugo Salas met Lucia Vera {where} on 3 May 2021." for where in (
        "at the Halvor Palace", "in Portugal", "in Porto")]
    for order in itertools.permutations(texts):
        (meeting,) = consults(link_events(mentions(nlp, *order)))
        assert meeting.place == "Porto", (order, meeting.place)
