"""General role and source rules (captures written for these tests; invented people and places): a
dateline is never a role on any record, a head count or whoever-in-general is no party, and a source's
kind follows from how the text introduces it."""

from __future__ import annotations

from events_support import annotate
from test_events_extract import events_of

from readout.events.extract import extract_with_counts
from readout.events.roles import EntityIndex
from readout.events.speech import accounts

DATELINE = "PORTAVA, 3 March 2025 (ZNA) — "


def _roles(events) -> list[str]:
    return [name for e in events for name in e.actor + e.recipient]


def test_dateline_is_never_a_role_of_any_record(nlp):
    """Not only meetings: a passive accusation under a dateline must not take the filing place as a party,
    and keeps the accused (the parser reads the dateline as a second passive subject: the one nearest the
    verb is the real one)."""
    annotated, doc = annotate(nlp, DATELINE + "Kelmora was accused on Monday of shelling the town of Osk.")
    records, _ = extract_with_counts(annotated, doc)
    assert all("portava" not in name.lower() for name in _roles(records)), [
        (e.type, e.actor, e.recipient) for e in records
    ]
    assert any(e.type == "ACCUSE" and e.recipient == ("Kelmora",) for e in records), records


def test_dateline_leaves_the_real_actor(nlp):
    found = events_of(nlp, DATELINE + "Dravia on Monday urged Kelmora to withdraw its troops from Osk.")
    assert any(e.type == "REQUEST" and e.actor == ("Dravia",) for e in found), found
    assert all("portava" not in name.lower() for name in _roles(found)), found


def test_indefinite_group_is_no_party(nlp):
    """'any regional country' is whoever would do it, not a party; the army stays the actor."""
    annotated, doc = annotate(nlp, "The Dravian army warned any regional country that joins the blockade.")
    records, dropped = extract_with_counts(annotated, doc)
    assert records and all("country" not in name.lower() for name in _roles(records)), records
    assert any("army" in " ".join(e.actor).lower() for e in records), records
    assert dropped["role is generic"] >= 1, dropped


def test_bare_quantity_is_no_party(nlp):
    found = events_of(nlp, "Dravia sent food aid to millions in Kelmora last winter.")
    assert found and all(name.lower() != "millions" for name in _roles(found)), found


def test_bare_generic_plural_is_no_party(nlp):
    found = events_of(nlp, "Kelmora accused countries of arming the rebels in the north.")
    assert found and all(name.lower() != "countries" for name in _roles(found)), found
    assert any(e.actor == ("Kelmora",) for e in found), found


def test_generic_plural_left_bare_is_no_party(nlp):
    """'countries in the region': the place is cut off the role, which is left a bare 'countries'."""
    found = events_of(nlp, "Kelmora sent weapons to countries in the region.")
    assert found and all(name.lower() != "countries" for name in _roles(found)), found


def test_speaker_demand_of_other_countries_has_no_generic_recipient(nlp):
    """A source saying 'other countries must not ...' asks no party in particular."""
    found = events_of(
        nlp, "Ines Varga, the Kelmoran foreign minister, said other countries must not interfere in the vote."
    )
    assert any(e.type == "REQUEST" and e.actor == ("Ines Varga",) for e in found), found
    assert all("countries" not in name.lower() for name in _roles(found)), found


def test_counted_named_group_stays(nlp):
    """A number with the group it counts ('twelve protesters') names who was acted on: kept."""
    found = events_of(nlp, "Police arrested twelve protesters in the Orsenian capital on Monday.")
    assert any("protesters" in " ".join(e.recipient).lower() for e in found), found


def test_generic_value_that_is_the_only_party_stays(nlp):
    """With no other party the generic value is the sentence's only reading of the target: kept."""
    found = events_of(nlp, "Any regional country that hosts the talks will be targeted.")
    assert any(e.recipient == ("regional country",) for e in found), [(e.type, e.recipient) for e in found]


def _kinds(nlp, text: str) -> set[tuple[str, str]]:
    annotated, doc = annotate(nlp, text)
    return {(a.kind, a.by) for a in accounts(annotated, doc, EntityIndex(annotated, doc))}


def test_indefinite_source_is_unnamed(nlp):
    """'an aide to the premier said': a person the text does not name is unnamed, not an official."""
    kinds = _kinds(
        nlp, "Teodor Vasko met Ilse Moravec in Valmor on Monday, an aide to the Calderan premier said."
    )
    assert {k for k, _ in kinds} == {"unnamed"}, kinds


def test_source_familiar_with_is_unnamed(nlp):
    kinds = _kinds(nlp, "Teodor Vasko will meet Ilse Moravec in Valmor, people familiar with the plan said.")
    assert {k for k, _ in kinds} == {"unnamed"}, kinds


def test_named_spokesperson_stays_official(nlp):
    kinds = _kinds(nlp, "Teodor Vasko met Ilse Moravec in Valmor, presidential spokesman Anders Holt said.")
    assert "official" in {k for k, _ in kinds} and "unnamed" not in {k for k, _ in kinds}, kinds


def test_untagged_scholar_at_an_institute_is_analysis(nlp):
    """A name the tagger misses, placed at a research body: the person reads events, and is the source."""
    kinds = _kinds(nlp, 'Ines Talvik of the Brenna Policy Institute said the talks "were only a start".')
    assert ("analysis", "Ines Talvik") in kinds and not {k for k, _ in kinds} - {"analysis"}, kinds
