"""Extraction rules on captures written for these tests (invented people and places, real countries where
the rule needs a gazetteer). Each test fails when the lexicon entry or rule it names is removed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from events_support import annotate

from readout.events import extract_events

DATA = Path(__file__).resolve().parents[2] / "data"

SENTENCES = [
    json.loads(line)
    for name in ("sentences.jsonl", "harder.jsonl")
    for line in (DATA / "events" / name).read_text().splitlines()
]


def events_of(nlp, text: str, **kw):
    annotated, doc = annotate(nlp, text, **kw)
    return extract_events(annotated, doc)


def _holds(want: str, values) -> bool:
    words = [w for w in want.lower().split() if len(w) > 3]
    joined = " ".join(values).lower()
    return not words or any(w in joined for w in words)


@pytest.mark.parametrize("row", SENTENCES, ids=[r["text"][:40] for r in SENTENCES])
def test_one_sentence_gives_its_event(nlp, row):
    """Every PLOVER type from a one-sentence capture, with its actor; one record, not one per type."""
    found = events_of(nlp, row["text"])
    assert len(found) <= 2
    assert row["type"] in {e.type for e in found}, [(e.type, e.actor) for e in found]
    same = [e for e in found if e.type == row["type"]]
    assert any(_holds(row["actor"], e.actor + e.participants) for e in same)


def test_sentence_set_meets_the_bars(nlp):
    """The whole set: right type >= 90%, type+actor+recipient >= 70% (bars on unseen news: 60/40)."""
    typed = full = 0
    for row in SENTENCES:
        same = [e for e in events_of(nlp, row["text"]) if e.type == row["type"]]
        typed += bool(same)
        full += any(
            _holds(row["actor"], e.actor + e.participants)
            and _holds(row["recipient"], e.recipient + e.participants)
            for e in same
        )
    assert typed / len(SENTENCES) >= 0.9
    assert full / len(SENTENCES) >= 0.7


def test_passive_turns_roles_round(nlp):
    (event,) = events_of(nlp, "Three Norwegian sailors were detained by Icelandic coast guards.")
    assert event.type == "COERCE"
    assert "coast guards" in " ".join(event.actor) and "sailors" in " ".join(event.recipient)


def test_future_force_is_a_threat_and_future_aid_a_promise(nlp):
    (threat,) = events_of(nlp, "Marovia will attack the rebel bases.")
    assert (threat.type, threat.cameo) == ("THREATEN", "138")
    (promise,) = events_of(nlp, "Ostria will send medical teams to Lunaria.")
    assert promise.type == "AGREE"


def test_negated_cooperation_is_a_refusal(nlp):
    (event,) = events_of(nlp, "Ostria did not support the resolution on Lunaria.")
    assert event.type == "REJECT"
    assert events_of(nlp, "Ostria did not attack Lunaria.") == []


def test_light_verb_hands_its_event_to_the_noun(nlp):
    (event,) = events_of(nlp, "Ostria imposed sanctions on Marovian banks.")
    assert event.type == "SANCTION" and event.actor == ("Ostria",)
    (lifted,) = events_of(nlp, "Ostria lifted sanctions on Marovian banks.")
    assert (lifted.type, lifted.mode) == ("RETREAT", "ease")


def test_a_one_sided_actor_is_never_its_recipient(nlp):
    for event in events_of(nlp, "Valdoria accused Valdoria's neighbours and Ostria of spying."):
        assert not set(event.actor) & set(event.recipient)


def test_reported_claim_keeps_its_speaker(nlp):
    text = (
        "Ostria's foreign ministry spokesman Ivo Laner said that Marovian troops shelled the village of Tarn."
    )
    (event,) = events_of(nlp, text)
    assert event.type == "ASSAULT"
    (item,) = event.attributions
    assert (item.by, item.kind) == ("Ivo Laner", "official")


def test_pronoun_subject_of_reported_clause_is_the_speaker(nlp):
    (event,) = events_of(nlp, "Marovia said it would impose sanctions on Ostrian officials.")
    assert event.actor == ("Marovia",)


def test_deontic_speech_is_a_request_by_the_speaker(nlp):
    text = 'Lunarian President Mara Ostrovic said: "It is necessary for all foreign troops to leave Lunaria."'
    found = events_of(nlp, text)
    requests = [e for e in found if e.type == "REQUEST"]
    assert requests and requests[0].actor == ("Mara Ostrovic",)


def test_roles_are_names_not_clauses(nlp):
    for row in SENTENCES:
        for event in events_of(nlp, row["text"]):
            for value in event.actor + event.recipient:
                assert len(value.split()) <= 8


def test_a_statement_given_is_not_aid(nlp):
    assert events_of(nlp, "Lunarian President Mara Ostrovic gave a press statement in Kessel.") == []
    (aid,) = events_of(nlp, "Lunarian President Mara Ostrovic gave ten ambulances to Kessel.")
    assert aid.type == "AID"


def test_a_vow_to_use_force_is_a_threat(nlp):
    (event,) = events_of(nlp, "Marovia vowed to attack the rebel camps.")
    assert (event.type, event.cameo) == ("THREATEN", "138")
    (promise,) = events_of(nlp, "Marovia vowed to send doctors to the flooded towns.")
    assert promise.type == "AGREE"


def test_reciprocal_act_between_two_parties_is_coded_first_to_second(nlp):
    (event,) = events_of(nlp, "Ostria and Marovia exchanged fire along the border.")
    assert (event.type, event.actor, event.recipient) == ("ASSAULT", ("Ostria",), ("Marovia",))


def test_lexicon_and_sentences_cover_all_sixteen_plover_types():
    from readout.events.lexicon import PLOVER_TYPES, predicates

    assert {e.type for entries in predicates().values() for e in entries} == set(PLOVER_TYPES)
    assert {row["type"] for row in SENTENCES} == set(PLOVER_TYPES)


def test_the_party_of_an_event_object_is_its_counterpart_not_the_event(nlp):
    (event,) = events_of(nlp, "Marovia ruled out talks with the rebels.")
    assert (event.type, event.recipient) == ("REJECT", ("rebels",))
