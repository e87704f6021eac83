"""The general rules added while scoring the invented stories (tests/data/events/stories), one per test,
each on a short capture written for it (invented people and places; none of the stories' sentences)."""

from __future__ import annotations

from events_support import annotate

from readout.events import extract_events, link_events
from readout.events.candidates import candidate
from readout.events.dateline import dateline_place
from readout.events.evidence import date_of
from readout.events.roles import EntityIndex
from readout.events.speech import accounts
from readout.events.topics import topics_of
from readout.model import UNKNOWN_DATE, DateValue, EventMention, Mention


def _candidates(nlp, text: str, word: str):
    annotated, doc = annotate(nlp, text)
    index = EntityIndex(annotated, doc)
    return [c for t in doc if t.text == word and (c := candidate(t, index)) is not None]


def _meetings(nlp, text: str, **kw):
    annotated, doc = annotate(nlp, text, **kw)
    return [e for e in extract_events(annotated, doc) if e.type == "CONSULT"]


def test_calling_on_someone_without_an_ask_is_a_visit(nlp):
    text = "Foreign Minister Anna Lindqvist called on President Pedro Alvarez at his residence."
    (visit,) = _candidates(nlp, text, "called")
    assert (visit.type, visit.mode) == ("CONSULT", "visit")
    assert [v.name for v in visit.actor] == ["Anna Lindqvist"]
    (appeal,) = _candidates(nlp, "Anna Lindqvist called on Pedro Alvarez to release the prisoners.", "called")
    assert appeal.type == "REQUEST"


def test_a_bare_call_noun_is_a_phone_call_and_a_call_for_something_an_appeal(nlp):
    (phone,) = _candidates(nlp, "The call between Anna Lindqvist and Pedro Alvarez lasted an hour.", "call")
    assert (phone.type, phone.mode) == ("CONSULT", "phone")
    (appeal,) = _candidates(nlp, "Anna Lindqvist renewed her call for a ceasefire.", "call")
    assert appeal.type == "REQUEST"


def test_a_month_is_never_where_a_meeting_was_held(nlp):
    text = "Prime Minister Anna Lindqvist praised the pipeline deal after her visit to Gdansk in March."
    for meeting in _meetings(nlp, text):
        assert meeting.place != "March"


def test_dated_visit_in_passing_is_another_occasion(nlp):
    text = (
        "Anna Lindqvist and Pedro Alvarez met in Porto on the forum's first day.\n\n"
        "For Lindqvist it was a second bilateral in three months after her visit to Madrid in March."
    )
    found = _meetings(nlp, text)
    (main,) = [m for m in found if not m.back_reference]
    assert main.place == "Porto"
    assert any(m.back_reference for m in found)


def test_wire_dateline_names_the_city_of_a_meeting_that_names_none(nlp):
    text = "OSTRAVA, June 9 (Agency) - Anna Lindqvist met Pedro Alvarez on the sidelines of a regional forum."
    annotated, doc = annotate(nlp, text)
    assert dateline_place(doc) == "Ostrava"
    (meeting,) = _meetings(nlp, text)
    assert meeting.place == "Ostrava"
    assert dateline_place(annotate(nlp, "NATO, the alliance, met in Brussels.")[1]) is None


def test_object_pronoun_is_the_subject_of_the_clause_above(nlp):
    (received,) = _candidates(
        nlp,
        "Pedro Alvarez arrived at the airport and was driven to the palace, where President Anna Lindqvist "
        "received him.",
        "received",
    )
    assert [v.name for v in received.actor] == ["Pedro Alvarez"]
    assert [v.name for v in received.recipient] == ["Anna Lindqvist"]


def test_a_bare_title_is_the_one_person_introduced_with_it(nlp):
    text = (
        "President Pedro Alvarez spoke with Chancellor Anna Lindqvist on Tuesday.\n\n"
        "The Chancellor called the President to discuss fishing quotas."
    )
    (called,) = _candidates(nlp, text, "called")
    assert {v.name for v in called.actor + called.recipient} == {"Anna Lindqvist", "Pedro Alvarez"}


def test_the_two_leaders_are_the_pair_just_named(nlp):
    text = (
        "Pedro Alvarez asked Anna Lindqvist on Tuesday to free the detained sailors.\n\n"
        "The two leaders agreed to reopen the ferry link."
    )
    (agreed,) = _candidates(nlp, text, "agreed")
    assert {v.name for v in agreed.actor} == {"Pedro Alvarez", "Anna Lindqvist"}


def test_trailing_speaker_with_a_name_in_apposition(nlp):
    text = "The leaders agreed to reopen the rail link, a spokeswoman, Marta Keller, told reporters."
    annotated, doc = annotate(nlp, text)
    assert "Marta Keller" in [a.by for a in accounts(annotated, doc, EntityIndex(annotated, doc))]


def test_unnamed_source_framing_a_named_speaker_is_kept(nlp):
    text = (
        "According to two officials familiar with the talks, Pedro Alvarez told Anna Lindqvist that the "
        "border would stay closed."
    )
    annotated, doc = annotate(nlp, text)
    kinds = {a.kind for a in accounts(annotated, doc, EntityIndex(annotated, doc))}
    assert "unnamed" in kinds


def test_a_year_that_dates_a_thing_is_not_the_meetings_date(nlp):
    text = "Anna Lindqvist and Pedro Alvarez discussed a joint bid for the 2031 regional games."
    annotated, doc = annotate(nlp, text)
    # the helper's dates read only days; the language layer also gives a bare year as an interval
    from readout.model import DateMention, Evidence

    at = annotated.article.body.index("2031")
    bounds = DateValue(earliest="2031-01-01", latest="2031-12-31", stated="2031",
                       evidence=(Evidence("t", (1, 1), "2031"),))
    year = DateMention("2031", at, at + 4, (1, 1), bounds)
    annotated = type(annotated)(annotated.article, annotated.sentences, annotated.entities, (year,))
    assert date_of(annotated, list(doc.sents)) == UNKNOWN_DATE


def test_a_conditional_response_is_a_threat(nlp):
    text = "The minister said Valdoria would take every necessary measure if missiles were deployed nearby."
    (take,) = _candidates(nlp, text, "take")
    assert take.type == "THREATEN"
    assert _candidates(nlp, "Valdoria would take part in the talks if invited.", "take") == []


def test_topics_keep_every_item_of_a_list_and_no_person(nlp):
    text = (
        "Anna Lindqvist thanked Pedro Alvarez and discussed the Ostra-Velk dam, gas transit and the "
        "reopening of the border crossing."
    )
    annotated, doc = annotate(nlp, text)
    found = [t.text for t in topics_of(annotated, doc, [])]
    assert any("Ostra-Velk dam" in t for t in found)
    assert any("gas transit" in t for t in found)
    assert any("border crossing" in t for t in found)
    assert "Pedro Alvarez" not in found


# Each capture's own sentence, with no words in common: linking must rest on time, not on shared text.
WORDS = {"a.txt": "Lindqvist hosted Alvarez.", "b.txt": "Talks took place between both.",
         "c.txt": "Another round happened in spring."}


def _mention(source: str, day: str | None = None, reported: str | None = None, place: str | None = "Ostrava",
             back: bool = False) -> EventMention:
    return EventMention(
        type="CONSULT", mode=None, cameo="040", actor=("Anna Lindqvist", "Pedro Alvarez"), recipient=(),
        participants=("Anna Lindqvist", "Pedro Alvarez"), also_present=(), place=place,
        date=DateValue(value=day) if day else UNKNOWN_DATE, duration=None, topics=(), attributions=(),
        mentions=(Mention(source, (1, 1), 0, 10, WORDS[source]),), source=source,
        back_reference=back, reported=reported,
    )


def test_publication_days_link_an_undated_report_to_the_dated_meeting():
    dated = _mention("a.txt", day="2025-03-14")
    week_later = _mention("b.txt", reported="2025-03-21")
    year_later = _mention("c.txt", reported="2026-03-21")
    events = link_events([dated, week_later, year_later])
    docs = sorted(sorted(e.documents) for e in events)
    assert docs == [["a.txt", "b.txt"], ["c.txt"]]


def test_a_capture_with_no_time_joins_the_only_meeting_of_its_parties():
    dated = _mention("a.txt", day="2025-03-14")
    timeless = _mention("b.txt", place=None)
    (event,) = link_events([dated, timeless])
    assert set(event.documents) == {"a.txt", "b.txt"}
    other = _mention("c.txt", day="2025-09-02")
    assert len(link_events([dated, other, timeless])) == 3  # two candidates: no way to choose


# Rules added after scoring the held-out stories (tests/data/events/stories/heldout).


def test_a_subject_hung_off_the_dateline_takes_its_place(nlp):
    """The parse the rule is for, fixed by hand (the tagger gives it on some wire copy, not on demand):
    the dateline city as the subject, the real subject in apposition to it."""
    from spacy.tokens import Doc

    from readout.events.dateline import dateline_tokens
    from readout.events.extract import _past_dateline
    from readout.events.roles import Value

    words = ["VELA", ",", "May", "7", "(", "Wire", ")", "-", "President", "Pedro", "Alvarez", "met", "Anna",
             "Lindqvist", "."]
    spaces = [False, True, True, True, False, False, True, True, True, True, True, True, True, False, False]
    heads = [11, 0, 0, 2, 5, 2, 5, 0, 10, 10, 0, 11, 13, 11, 11]
    deps = ["nsubj", "punct", "npadvmod", "nummod", "punct", "appos", "punct", "punct", "compound",
            "compound", "appos", "ROOT", "compound", "dobj", "punct"]
    starts = [True] + [False] * 14
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, sent_starts=starts)
    annotated, _ = annotate(nlp, doc.text)
    index = EntityIndex(annotated, doc)
    dateline = dateline_tokens(doc)
    assert 0 in dateline
    (value,) = _past_dateline([Value("VELA", "ORG", 0)], dateline, doc, index)
    assert value.name == "Pedro Alvarez"


def test_people_on_a_visit_are_the_visitors(nlp):
    text = (
        "President Pedro Alvarez met Prime Minister Anna Lindqvist in Orvik.\n\n"
        "Foreign Minister Karl Ruud accompanied Lindqvist on the one-day visit."
    )
    (meeting,) = _meetings(nlp, text)
    assert meeting.actor == ("Anna Lindqvist",) and meeting.recipient == ("Pedro Alvarez",)
    assert "Karl Ruud" in meeting.also_present


def test_a_title_read_as_an_organisation_gives_way_to_the_person_beside_it(nlp):
    from readout.events.roles import resolve
    from readout.model import Entity

    text = "Anna Lindqvist spoke with the Minister of Foreign Affairs of Orvia, Karl Ruud."
    annotated, doc = annotate(nlp, text)
    body = annotated.article.body
    at = body.index("Minister")
    words = "Minister of Foreign Affairs of"
    title = Entity(words, "ORG", words, at, at + len(words), (1, 1))
    annotated = type(annotated)(annotated.article, annotated.sentences, (*annotated.entities, title),
                                annotated.dates)
    index = EntityIndex(annotated, doc)
    minister = next(t for t in doc if t.text == "Minister")
    assert resolve(minister, index).name == "Karl Ruud"


def test_the_city_of_a_venue_and_of_a_where_clause(nlp):
    text = "President Pedro Alvarez received Anna Lindqvist at the Bergen presidential residence."
    (palace,) = _meetings(nlp, text)
    assert palace.place == "Bergen"
    (where,) = _meetings(
        nlp, "Anna Lindqvist spent the day in Bergen, where she held talks with President Pedro Alvarez."
    )
    assert where.place == "Bergen"


def test_talks_named_in_passing_are_the_documents_meeting_when_none_leads(nlp):
    text = "Premier Anna Lindqvist returned home late on Wednesday after talks with President Pedro Alvarez."
    (meeting,) = _meetings(nlp, text)
    assert set(meeting.participants) == {"Anna Lindqvist", "Pedro Alvarez"}


def test_force_under_a_modal_and_a_condition_is_a_threat(nlp):
    text = "Valdoria could expel the Orvian diplomats if the border stays closed, a government source said."
    (expel,) = _candidates(nlp, text, "expel")
    assert expel.type == "THREATEN"


def test_a_bare_pair_subject_is_the_two_just_named(nlp):
    text = "Pedro Alvarez met Anna Lindqvist in Orvik and the two pledged to settle the quota dispute."
    (pledged,) = _candidates(nlp, text, "pledged")
    assert {v.name for v in pledged.actor} == {"Pedro Alvarez", "Anna Lindqvist"}


def test_a_party_speaking_by_surname_is_a_participant():
    from readout.events.evidence import _as_party

    assert _as_party("Alvarez", {"Pedro Alvarez", "Anna Lindqvist"}) == "Pedro Alvarez"
    assert _as_party("Ruud", {"Pedro Alvarez", "Anna Lindqvist"}) == "Ruud"


def test_a_that_clause_the_parser_left_loose_is_still_reported(nlp):
    from readout.events.speech import _that_clause

    text = "The premier told the radio on arrival that Alvarez had agreed to a joint commission."
    annotated, doc = annotate(nlp, text)
    told = next(t for t in doc if t.text == "told")
    assert [t.text for t in _that_clause(told)] == ["agreed"]
    later = "The talks continue to stall, and it is clear that nothing will change."
    doc = annotate(nlp, later)[1]
    assert _that_clause(next(t for t in doc if t.text == "continue")) == []


def test_a_coordinated_clause_with_its_own_subject_is_its_own_event(nlp):
    text = "Pedro Alvarez met Anna Lindqvist in Bergen, and Valdoria welcomed the decision."
    annotated, doc = annotate(nlp, text)
    types = {e.type for e in extract_events(annotated, doc)}
    assert {"CONSULT", "SUPPORT"} <= types


def test_a_list_item_parsed_as_an_apposition_is_still_a_topic(nlp):
    text = (
        "The ministers discussed defence cooperation, joint air-policing over the strait and the training "
        "of officers."
    )
    annotated, doc = annotate(nlp, text)
    found = " | ".join(t.text for t in topics_of(annotated, doc, []))
    assert "air-policing" in found and "training of officers" in found


def test_people_a_meeting_was_attended_by_are_present_not_another_meeting(nlp):
    text = (
        "President Anna Lindqvist met Chancellor Pedro Alvarez in Porto on Tuesday to discuss rail tolls.\n\n"
        "The meeting was also attended by Foreign Minister Jonas Lunde and Defence Minister Petra Holm."
    )
    (meeting,) = _meetings(nlp, text)
    assert set(meeting.participants) == {"Anna Lindqvist", "Pedro Alvarez"}
    assert set(meeting.also_present) == {"Jonas Lunde", "Petra Holm"}


def test_the_day_a_meeting_was_defended_is_not_the_day_it_was_held(nlp):
    text = ("Chancellor Anna Lindqvist on 12 October 2026 defended her meeting with President Pedro Alvarez "
            "in Porto, telling parliament that talking was not giving in.")
    (meeting,) = _meetings(nlp, text)
    assert meeting.date.value is None and not meeting.date.evidence
    text = "Anna Lindqvist on 12 October 2026 held a meeting with President Pedro Alvarez in Porto."
    (meeting,) = _meetings(nlp, text)
    assert meeting.date.value == "2026-10-12"  # a light verb hands its day to the meeting


def test_a_meeting_verb_that_governs_another_event_noun_still_dates_the_meeting(nlp):
    text = ("TOVANA, June 3 (Wirepost) - Karesian President Anna Lindqvist met Ostrian President "
            "Pedro Alvarez in Tovana on Wednesday, her first visit to Ostria since taking office, as the "
            "neighbours sought to end a row over grain.")
    (meeting,) = _meetings(nlp, text)  # the parser hangs "visit" on "met", which names the meeting itself
    assert "Wednesday" in [e.text for e in meeting.date.evidence]


def test_the_verb_of_calling_gives_a_calls_direction_not_the_first_name_in_the_sentence(nlp):
    text = ("President Asta Vell held a telephone conversation with Chancellor Ivo Karst on Monday.\n\n"
            "Chancellor Karst called President Vell to discuss the detained trawler.")
    (call,) = [m for m in _meetings(nlp, text) if not m.back_reference]
    assert call.mode == "phone"
    assert (call.actor, call.recipient) == (("Ivo Karst",), ("Asta Vell",))
