"""Meeting records: parties, visitor and host, people present, place, date honesty, duration, back-references,
topics and every source of the account. Captures written for these tests."""

from __future__ import annotations

from events_support import annotate

from readout.events import extract_events

VISIT = """French President Jules Marchand met his German counterpart Greta Vogel in Berlin \
on Wednesday, 4 March 2020, in the presence of foreign ministers Anton Keil and Paul Ricard.

The two leaders talked for three hours. \
They discussed the energy crisis and the need for a joint border force.

"We agreed on a common plan for refugees," Vogel said.

Sources close to the French presidency told reporters that the talks were difficult.

The state news agency Dernier Presse reported that \
Marchand also thanked Vogel for the support of German firefighters.

Analyst Rita Fenn said it was likely that the leaders also discussed tariffs."""


def meetings(nlp, text: str, **kw):
    annotated, doc = annotate(nlp, text, **kw)
    return [e for e in extract_events(annotated, doc) if e.type == "CONSULT" and not e.back_reference], (
        annotated,
        doc,
    )


def test_meeting_record_has_parties_host_and_people_present(nlp):
    (meeting,), _ = meetings(nlp, VISIT)
    assert set(meeting.participants) == {"Jules Marchand", "Greta Vogel"}
    assert meeting.actor == ("Jules Marchand",) and meeting.recipient == (
        "Greta Vogel",
    )  # Berlin: Vogel hosts
    assert set(meeting.also_present) == {"Anton Keil", "Paul Ricard"}
    assert meeting.place == "Berlin"
    assert meeting.date.value == "2020-03-04"
    assert meeting.duration == "three hours"


def test_meeting_sources_by_kind(nlp):
    (meeting,), _ = meetings(nlp, VISIT)
    kinds = {(a.kind, a.by) for a in meeting.attributions}
    assert ("participant", "Greta Vogel") in kinds
    assert any(k == "unnamed" and "Sources close" in by for k, by in kinds)
    assert any(k == "agency" and "Presse" in by for k, by in kinds)
    assert ("analysis", "Rita Fenn") in kinds


def test_meeting_topics_are_phrases_of_the_text(nlp):
    (meeting,), (annotated, _) = meetings(nlp, VISIT)
    texts = " | ".join(t.text for t in meeting.topics)
    assert "energy crisis" in texts and "joint border force" in texts
    for topic in meeting.topics:
        assert topic.text.split()[0] in annotated.article.text


def test_weekday_and_day_month_without_year_stay_unknown(nlp):
    text = (
        "Kenyan Foreign Minister Joel Otieno visited Kampala on Tuesday, March 3, "
        "and met President Ruth Nabirye."
    )
    (meeting,), _ = meetings(nlp, text)
    assert meeting.date.value is None and meeting.date.earliest is None
    assert "March 3" in (meeting.date.stated or "")
    assert meeting.actor == ("Joel Otieno",) and meeting.recipient == ("Ruth Nabirye",)


def test_visit_to_a_place_makes_the_visitor_the_actor(nlp):
    text = (
        "Defence Minister Ola Berg paid a working visit to Helsinki to hold talks with President Aino Koski."
    )
    (meeting,), _ = meetings(nlp, text)
    assert meeting.mode == "visit" and meeting.place == "Helsinki"
    assert meeting.actor == ("Ola Berg",) and meeting.recipient == ("Aino Koski",)


def test_received_puts_the_guest_first(nlp):
    text = "Chilean President Lucia Vera received Peruvian Prime Minister Hugo Salas in Santiago."
    (meeting,), _ = meetings(nlp, text)
    assert meeting.actor == ("Hugo Salas",) and meeting.recipient == ("Lucia Vera",)


def test_back_reference_is_its_own_mention(nlp):
    text = (
        "Norwegian Prime Minister Ivar Lund met Swedish Prime Minister Elsa Berg in Oslo on 2 May 2019.\n\n"
        "Lund said that since their last meeting a year ago in Stockholm, trade has grown."
    )
    annotated, doc = annotate(nlp, text)
    found = [e for e in extract_events(annotated, doc) if e.type == "CONSULT"]
    back = [e for e in found if e.back_reference]
    assert len(back) == 1 and back[0].place == "Stockholm"
    assert set(back[0].participants) == {"Ivar Lund", "Elsa Berg"}
    current = [e for e in found if not e.back_reference]
    assert current[0].place == "Oslo" and current[0].date.value == "2019-05-02"


def test_opinion_paragraphs_source_no_fact(nlp):
    text = (
        "Chilean President Lucia Vera received Peruvian Prime Minister Hugo Salas in Santiago.\n\n"
        "We believe this meeting was a mistake, and Peru attacked Chilean interests for years."
    )
    annotated, doc = annotate(nlp, text, kinds=["content", "opinion"])
    found = extract_events(annotated, doc)
    (meeting,) = [e for e in found if e.type == "CONSULT"]
    assert not meeting.opinion
    assert any(a.kind == "editorial" for a in meeting.attributions)
    assert all(e.opinion for e in found if e.type == "ASSAULT")


def test_unnamed_source_of_a_threat(nlp):
    text = (
        "A source close to the Valdorian government said that Valdoria will strike any convoy "
        "crossing the border."
    )
    annotated, doc = annotate(nlp, text)
    (event,) = extract_events(annotated, doc)
    assert event.type == "THREATEN"
    assert event.attributions[0].kind == "unnamed"


def test_place_from_the_headline_when_the_body_names_none(nlp):
    text = "Chilean President Lucia Vera held talks with Peruvian Prime Minister Hugo Salas."
    (meeting,), _ = meetings(nlp, text, title="Vera and Salas meet in Santiago")
    assert meeting.place == "Santiago"
    assert meeting.actor == ("Hugo Salas",) and meeting.recipient == ("Lucia Vera",)


def test_a_third_person_meeting_one_party_is_another_meeting(nlp):
    text = (
        "Chilean President Lucia Vera received Peruvian Prime Minister Hugo Salas in Santiago.\n\n"
        "Later that day, Lucia Vera met Bolivian President Evo Rocha."
    )
    found, _ = meetings(nlp, text)
    assert sorted(sorted(m.participants) for m in found) == [
        ["Evo Rocha", "Lucia Vera"],
        ["Hugo Salas", "Lucia Vera"],
    ]
