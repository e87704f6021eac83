"""Roles are parties: a common noun that is the event's own object or topic is never an actor or a
recipient (captures written for these tests; invented people and places)."""

from __future__ import annotations

from test_events_extract import events_of


def _roles(events) -> list[str]:
    return [name for e in events for name in e.actor + e.recipient]


def test_rejecting_a_threat_has_no_threat_as_recipient(nlp):
    """'rejected the threat': the threat is what was rejected, not a party (event noun of the lexicon)."""
    found = events_of(nlp, "The Tarnish interior ministry rejected the threat on Friday evening.")
    assert found and all("threat" not in name.lower() for name in _roles(found)), found


def test_rejecting_a_demand_or_allegation_has_no_noun_recipient(nlp):
    """The recipient of rejecting a demand or an allegation is whoever made it, else empty."""
    for text in ("Talvora rejected the demand on Tuesday.", "Talvora dismissed the allegation as baseless."):
        found = events_of(nlp, text)
        assert found and all(e.recipient == () for e in found), [(e.type, e.recipient) for e in found]


def test_event_noun_is_no_actor(nlp):
    """'Sanctions will help ...': sanctions are an act, not who acts (the AGREE has no actor 'Sanctions')."""
    found = events_of(
        nlp, "Sanctions on a fishing company will help settle the quarrel between Talvora and Orsenia, "
        "the paper said."
    )
    assert all("sanctions" not in name.lower() for name in _roles(found)), found


def test_side_by_side_is_no_role(nlp):
    found = events_of(nlp, "Volunteers from Kessa are fighting side by side with the Dravan army.")
    assert all(name.lower() != "side" for name in _roles(found)), [(e.type, e.recipient) for e in found]


def test_named_parties_stay(nlp):
    """The filter keeps group nouns: protesters arrested are the recipient."""
    found = events_of(nlp, "Police arrested dozens of protesters in the Orsenian capital on Monday.")
    assert any("protesters" in " ".join(e.recipient).lower() for e in found), found


def test_a_plan_gives_way_to_its_author(nlp):
    """Protesting 'the government's plan': the plan is no party, the government that made it is."""
    found = events_of(
        nlp, "Thousands of Dravans protested in Valmor on Saturday against the government's plan to raise "
        "fuel prices."
    )
    assert [(e.type, e.recipient) for e in found] == [("PROTEST", ("government",))]


def test_condition_on_any_party_is_no_event(nlp):
    """'Any state that supports X will ...' is a condition on whoever would act, not an event."""
    assert events_of(nlp, "Any state that supports the Kessan rebels will face consequences.") == []
    assert events_of(nlp, "Any state supplying the Kessan rebels with rifles will be punished.") == []
    found = events_of(nlp, "The group that attacked Orsenian ships on Monday was identified by the navy.")
    assert [e.type for e in found] == ["ASSAULT"]
