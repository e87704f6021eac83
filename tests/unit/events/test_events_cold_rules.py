"""General rules found on cold evaluation sets written outside the repository (none of their sentences
here): each test is a short capture written for it, with invented people and places, and fails when its
rule is removed."""

from __future__ import annotations

from events_support import annotate

from readout.events import extract_events


def _meetings(nlp, text: str):
    annotated, doc = annotate(nlp, text)
    return [e for e in extract_events(annotated, doc) if e.type == "CONSULT" and not e.back_reference]


def test_welcoming_a_person_is_hosting_a_visit_and_welcoming_a_decision_is_not(nlp):
    (visit,) = _meetings(nlp, "President Ilse Marwen welcomed Prime Minister Oto Brask in Selby on Monday.")
    assert (visit.mode, visit.actor, visit.recipient) == ("visit", ("Oto Brask",), ("Ilse Marwen",))
    annotated, doc = annotate(nlp, "President Ilse Marwen welcomed the decision of the court on Monday.")
    assert [e.type for e in extract_events(annotated, doc)] == ["SUPPORT"]


def test_a_conversation_is_a_call_only_when_the_text_says_so(nlp):
    text = ("Ilse Marwen and Oto Brask met in Selby on Monday, in their first conversation since the "
            "border was closed.")
    assert [m.mode for m in _meetings(nlp, text)] == [None]
    call = "Ilse Marwen held a telephone conversation with Oto Brask on Monday."
    assert [m.mode for m in _meetings(nlp, call)] == ["phone"]


def test_a_meeting_placed_at_a_venue_is_placed_in_the_venues_city(nlp):
    text = ("Anna Lindqvist and Pedro Alvarez held talks at the Varga Palace on Monday.\n\n"
            "The Varga Palace in Porto was restored last year.")
    (meeting,) = _meetings(nlp, text)
    assert meeting.place == "Porto"
    wire = "PORTO, May 4 (KNA) - Anna Lindqvist and Pedro Alvarez held talks at the Varga Palace on Monday."
    (filed,) = _meetings(nlp, wire)
    assert filed.place == "Porto"  # the venue's city, from the dateline


def test_people_joining_talks_in_a_participle_are_present_not_parties(nlp):
    text = ("Anna Lindqvist and Pedro Alvarez held talks in Porto on Monday, joined by the foreign minister "
            "Marta Koval.")
    (meeting,) = _meetings(nlp, text)
    assert meeting.also_present == ("Marta Koval",)
    assert "Marta Koval" not in meeting.participants


def test_a_person_set_off_by_a_comma_after_a_common_noun_is_the_one_met(nlp):
    text = ("On Thursday evening, Anna Lindqvist held a brief meeting with the forum's host, Prime Minister "
            "Marta Koval, at her residence in Porto.")
    (meeting,) = _meetings(nlp, text)
    assert "Marta Koval" in meeting.participants
    annotated, doc = annotate(nlp, "Anna Lindqvist met the host, Marta Koval said on Friday.")
    assert all("Marta Koval" not in e.participants for e in extract_events(annotated, doc))


def test_a_meeting_of_the_two_is_between_the_pair_the_sentence_named(nlp):
    text = ("Foreign Minister Anna Lindqvist said she had raised the case of the detained sailors with Prime "
            "Minister Pedro Alvarez when the two held talks in Porto on Tuesday.")
    (meeting,) = _meetings(nlp, text)
    assert set(meeting.participants) == {"Anna Lindqvist", "Pedro Alvarez"}


def test_speaking_to_an_outlet_before_a_statement_is_an_interview_not_a_call(nlp):
    text = ("Speaking to the Harbour Gazette by telephone from the airport, Anna Lindqvist said the talks "
            "had been useful.")
    assert _meetings(nlp, text) == []
    assert len(_meetings(nlp, "Anna Lindqvist spoke by telephone with Pedro Alvarez on Monday.")) == 1


def test_calling_something_irresponsible_is_an_accusation_not_a_call(nlp):
    text = 'The foreign ministry of Ostria called the remarks "irresponsible" on Monday.'
    annotated, doc = annotate(nlp, text)
    assert [(e.type, e.cameo) for e in extract_events(annotated, doc)] == [("ACCUSE", "111")]
    assert [m.mode for m in _meetings(nlp, "Anna Lindqvist called Pedro Alvarez on Monday.")] == ["phone"]
    quoted = "The ministry of Ostria called the remarks \"irresponsible\" and said the balloons were safe."
    annotated, doc = annotate(nlp, quoted)  # the parser hangs the quoted adjective on the object
    assert "ACCUSE" in [e.type for e in extract_events(annotated, doc)]


def test_a_date_inside_a_reference_point_does_not_date_the_meeting(nlp):
    text = ("Anna Lindqvist held private talks with Pedro Alvarez in Porto.\n\n"
            "The visit came shortly before the first anniversary of Alvarez's swearing-in on "
            "9 November 2025.")
    (meeting,) = _meetings(nlp, text)
    assert meeting.date.value is None
    (dated,) = _meetings(nlp, "Anna Lindqvist met Pedro Alvarez in Porto on 3 May 2024 before the summit.")
    assert dated.date.value == "2024-05-03"
