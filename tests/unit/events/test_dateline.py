"""The agency a wire report's dateline credits is a source of the whole report (events/dateline.py and the
last account of events/speech.py), on short captures written for it (invented people, places, agencies)."""

from __future__ import annotations

from events_support import annotate

from readout.events import extract_events
from readout.events.dateline import dateline_credit
from readout.events.roles import EntityIndex
from readout.events.speech import account_for, accounts

WIRE = ("ORVENNA, June 9 (KPA) - President Anna Lindqvist met Prime Minister Pedro Alvarez in Orvenna on "
        "Tuesday.\n\nThe two leaders discussed fishing quotas and the new ferry line.")


def _credit(nlp, text: str) -> str | None:
    found = dateline_credit(annotate(nlp, text)[1])
    return found[0] if found else None


def test_the_bracketed_agency_of_a_full_dateline_is_its_credit(nlp):
    assert _credit(nlp, WIRE) == "KPA"
    assert _credit(nlp, "LUSSEN (Marrow Wire) - Anna Lindqvist arrived in Lussen on Monday.") == "Marrow Wire"


def test_a_bracket_that_names_no_agency_is_no_credit(nlp):
    # a figure, or a place after the city, or a sentence with no dateline at all
    assert _credit(nlp, "ORVENNA, June 9 (2024) - Anna Lindqvist met Pedro Alvarez on Tuesday.") is None
    assert _credit(nlp, "The visit (KPA reported) - a first - went well for Anna Lindqvist.") is None
    assert _credit(nlp, "ORVENNA, June 9 - Anna Lindqvist met Pedro Alvarez (KPA) on Tuesday.") is None


def test_the_meeting_of_a_wire_report_carries_its_agency(nlp):
    annotated, doc = annotate(nlp, WIRE)
    (meeting,) = [e for e in extract_events(annotated, doc) if e.type == "CONSULT" and not e.back_reference]
    agency = [a for a in meeting.attributions if a.kind == "agency"]
    assert [(a.by, a.claim, a.lines) for a in agency] == [("KPA", "the meeting took place", (1, 1))]


def test_a_source_named_inside_the_report_keeps_its_own_words(nlp):
    text = (WIRE + '\n\nThe talks were "frank and long", the ministry spokeswoman Ilse Varn said.\n\n'
            '"Both sides want the ferry running by spring."')
    annotated, doc = annotate(nlp, text)
    found = accounts(annotated, doc, EntityIndex(annotated, doc))
    assert found[-1].kind == "agency" and found[-1].speaker is None  # speaks for no party
    body = annotated.article.body
    inner = account_for(found, body.index("frank"))
    bare = account_for(found, body.index("Both sides"))  # a quotation with no verb: the speaker before it
    assert inner is not None and bare is not None
    assert "Ilse Varn" in inner.by and bare.by == inner.by and inner.kind == "official"
    assert account_for(found, body.index("fishing")).kind == "agency"
