"""ask's general rules for reading questions, each on invented captures where it decides the answer.

Each test fails when its rule is removed: a name that is both a party and a place, common nouns and
nationalities that are not parties, "which officials", the topic after "about", the source after
"according to", days in the question, undated events for "did ... on <day>", speech-act verbs as
discussion, hyphenated words, the weekday, the reporting document's mention first, long accounts,
"did they discuss X?", "who wrote", "summarize", "how many hours", adverbs, and a named source who
took no part.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from readout.answer.compose import MAX_CITATIONS, Captures, mention_citations
from readout.answer.question import content_words, stem
from readout.model import Attribution, DateValue, Evidence, Topic
from readout.store import open_store
from readout.store.synthetic import (
    annotate_simply,
    article_from_lines,
    event_from_mentions,
    mention_of,
    write_store,
)

NAMES = {
    "Ivo Rask": ("Ivo Rask", "PERSON"),
    "Rask": ("Ivo Rask", "PERSON"),
    "Eda Morn": ("Eda Morn", "PERSON"),
    "Morn": ("Eda Morn", "PERSON"),
    "Pol Arden": ("Pol Arden", "PERSON"),
    "Arden": ("Pol Arden", "PERSON"),
    "Tolvan": ("Tolvan", "GPE"),
    "Kordale": ("Kordale", "GPE"),
    "Dornach": ("Dornach", "GPE"),
    "Velish": ("Velish", "NORP"),
    "Vessa": ("Vessa", "GPE"),
    "Nils Hobb": ("Nils Hobb", "PERSON"),
    "Hobb": ("Nils Hobb", "PERSON"),
}

CAPTURES = {
    "tolvan.txt": [
        "Tolvan warns its neighbours",
        "",
        "Foreign minister Ivo Rask said Tolvan would strike neighbouring states that arm Velish rebels.",
        "",
        "Velish rebels received new rifles from smugglers, officials said.",
    ],
    "kordale.txt": [
        "Rask in Kordale",
        "",
        "Ivo Rask visited Kordale on 9 October 2021 for talks with mayor Eda Morn, joined by port chief "
        "Pol Arden.",
        "",
        "Rask and Morn discussed the harbour tolls, the city council said.",
        "",
        "Talk also turned to the ferry to Dornach.",
        "",
        "Morn asked Rask for money to dredge the harbour.",
        "",
        "Militias once threatened Kordale, the mayor recalled.",
        "",
        "Analyst Nils Hobb said the harbour tolls would rise within the year.",
    ],
    "kordale-recap.txt": [
        "A look back",
        "",
        "Since their meeting in Kordale, Rask and Morn have not spoken.",
    ],
    "long-talks.txt": [
        "Morn and Rask talk again",
        "",
        "In Vessa, Morn and Rask discussed the toll bridge.",
        "",
        "Morn and Rask discussed the grain silos.",
        "",
        "Morn and Rask discussed the night trains.",
        "",
        "Morn and Rask discussed the river police.",
        "",
        "Morn and Rask discussed the salt mines.",
        "",
        "Morn and Rask discussed the postal union.",
        "",
        "Morn and Rask discussed the fishing fleet.",
        "",
        "The talks lasted six hours.",
    ],
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    ann = {s: annotate_simply(article_from_lines(s, lines), NAMES) for s, lines in CAPTURES.items()}
    threat = mention_of(
        ann["tolvan.txt"],
        "would strike",
        type="THREATEN",
        cameo="130",
        actor=("Tolvan",),
        recipient=("neighbouring states",),
        participants=("Tolvan", "neighbouring states"),
    )
    arms = mention_of(
        ann["tolvan.txt"],
        "new rifles",
        type="AID",
        cameo="070",
        actor=("smugglers",),
        recipient=("Velish rebels",),
        participants=("smugglers", "Velish rebels"),
    )
    day = DateValue(
        value="2021-10-09",
        stated="9 October 2021",
        evidence=(Evidence("kordale.txt", (3, 3), "9 October 2021"),),
    )
    visit = mention_of(
        ann["kordale.txt"],
        "visited Kordale",
        mode="visit",
        actor=("Ivo Rask",),
        recipient=("Eda Morn",),
        participants=("Eda Morn", "Ivo Rask"),
        also_present=("Pol Arden",),
        place="Kordale",
        date=day,
        topics=(
            Topic("the harbour tolls", "kordale.txt", (5, 5)),
            Topic("money to dredge the harbour", "kordale.txt", (9, 9)),
        ),
        attributions=(
            Attribution("the city council", "official", None, "what was discussed", "kordale.txt", (5, 5)),
            Attribution("Nils Hobb", "analysis", None, "analysis of the talks", "kordale.txt", (13, 13)),
            Attribution("a port official", "unnamed", None, "what was discussed", "kordale.txt", (7, 7)),
        ),
    )
    recap = mention_of(ann["kordale-recap.txt"], "Since their meeting", participants=("Eda Morn", "Ivo Rask"))
    militias = mention_of(
        ann["kordale.txt"],
        "Militias once",
        type="THREATEN",
        cameo="130",
        actor=("Militias",),
        recipient=("Kordale",),
        participants=("Militias", "Kordale"),
    )
    long_talks = mention_of(
        ann["long-talks.txt"],
        "toll bridge",
        participants=("Eda Morn", "Ivo Rask"),
        place="Vessa",
        duration="six hours",
        topics=tuple(
            Topic(t, "long-talks.txt", (n, n))
            for n, t in zip(
                range(3, 16, 2),
                (
                    "toll bridge",
                    "grain silos",
                    "night trains",
                    "river police",
                    "salt mines",
                    "postal union",
                    "fishing fleet",
                ),
                strict=True,
            )
        ),
    )
    # The recap's back-reference comes first among the visit's mentions, as linking may order them.
    visit_event = event_from_mentions("visit", [visit, recap])
    visit_event = replace(visit_event, mentions=(*recap.mentions, *visit.mentions))
    events = [
        event_from_mentions("threat", [threat]),
        event_from_mentions("arms", [arms]),
        visit_event,
        event_from_mentions("militias", [militias]),
        event_from_mentions("long", [long_talks]),
    ]
    per_capture = {
        "tolvan.txt": [threat, arms],
        "kordale.txt": [visit, militias],
        "kordale-recap.txt": [recap],
        "long-talks.txt": [long_talks],
    }
    path = tmp_path_factory.mktemp("rules") / "rules.db"
    with open_store(write_store(path, ann, per_capture, events), create=False) as st:
        yield st


def test_a_name_that_is_both_a_party_and_a_place_matches_either(store, ask):
    a = ask("Did Rask visit Kordale?", store)
    assert a.status == "answered" and a.event == "visit" and a.answer.startswith("Yes")


def test_common_nouns_and_nationalities_are_not_parties(store, ask):
    a = ask("Did Tolvan threaten states that arm Velish rebels?", store)
    assert a.status == "answered" and a.event == "threat"


def test_which_officials_asks_who(store, ask):
    a = ask("Which officials were present at Rask's talks in Kordale?", store)
    assert a.status == "answered" and "Pol Arden" in a.answer


def test_a_name_in_the_topic_is_what_was_discussed(store, ask):
    a = ask("What did Rask and Morn discuss about Dornach?", store)
    assert a.status == "answered" and a.event == "visit"
    assert {c.lines for c in a.citations} == {(7, 7)}  # only what the captures say of Dornach


def test_a_topic_the_captures_never_mention_has_no_answer(store, ask):
    a = ask("What did Rask and Morn discuss about fishing rights in Kordale?", store)
    assert a.status == "no_answer" and "fishing rights" in a.answer


def test_according_to_names_the_source_not_a_party(store, ask):
    a = ask("Where did Rask meet Morn according to the city council?", store)
    assert a.status == "answered" and a.event == "visit" and "Kordale" in a.answer
    b = ask("Where did Rask meet Morn according to Arden?", store)
    assert b.status == "no_answer"  # Arden was there, but the captures give nothing on his word


def test_a_day_in_the_question_must_be_the_events_day(store, ask):
    assert ask("Did Rask visit Kordale on 9 October 2021?", store).status == "answered"
    assert ask("Did Rask visit Kordale on 10 October 2021?", store).status == "no_answer"
    assert ask("Did Rask visit Kordale on October 10th, 2021?", store).status == "no_answer"


def test_did_with_a_time_and_an_undated_event_is_not_yes(store, ask):
    a = ask("Did Tolvan threaten neighbouring states in March 2020?", store)
    assert a.status == "no_answer" and "March 2020" in a.answer


def test_a_request_is_read_as_what_was_said(store, ask):
    a = ask("What did Morn ask Rask for in Kordale?", store)
    assert a.status == "answered" and "dredge" in a.answer


def test_hyphenated_words_are_read_as_their_parts():
    words = content_words("What is the source for the three-hour talks?")
    assert "three" in words and "hour" in words


def test_which_day_of_the_week_is_answered_with_the_weekday(store, ask):
    a = ask("On which day of the week did Rask visit Kordale?", store)
    assert a.status == "answered" and "Saturday" in a.answer and a.date.value == "2021-10-09"


def test_the_reporting_documents_mention_is_cited_before_a_back_reference(store):
    visit = next(e for e in store.events() if e.id == "visit")
    (citation,) = mention_citations(Captures(store), visit, limit=1)
    assert citation.source == "kordale.txt"


def test_a_long_account_is_cited_beyond_five_sentences(store, ask):
    a = ask("What did Morn and Rask discuss in Vessa?", store)
    assert a.status == "answered" and a.event == "long"
    assert len({c.lines for c in a.citations}) >= 6 and MAX_CITATIONS >= 6


@pytest.mark.parametrize(
    "question",
    [
        "",
        "   ",
        '"',
        "NEAR(Rask Morn)",
        "Rask AND Morn OR",
        "Rask* ^Morn col:Kordale -Arden",
        "What did Rask discuss'; DROP TABLE events;--",
        'Morn"); DELETE FROM sentences; --',
        "\x00 Did Rask\x00 visit Kordale?",
        "Что обсуждали Раск и Морн в Кордале?",
        "¿Qué discutieron Rask y Morn en Kordale?",
        "拉斯克和莫恩讨论了什么？",
        "When did Rask visit Kordale on 31 February 2021?",
        "What did Rask and Morn discuss about",
        "according to according to",
        "Rask " * 20000,
    ],
)
def test_any_question_is_data_and_gets_an_answer(store, question, ask):
    events = len(store.events())
    a = ask(question, store)
    assert a.status in ("answered", "no_answer", "ambiguous")
    assert len(store.events()) == events


def test_stems_meet_across_spellings_of_one_word():
    assert stem("countries") == stem("country") and stem("supplying") == stem("supply")


def test_did_they_discuss_needs_a_sentence_that_says_so(store, ask):
    yes = ask("Did Rask and Morn discuss the harbour tolls in Kordale?", store)
    assert yes.status == "answered" and yes.answer.startswith("Yes") and yes.citations[0].lines == (5, 5)
    no = ask("Did Rask and Morn discuss fishing rights in Kordale?", store)
    assert no.status == "no_answer" and "fishing rights" in no.answer


def test_who_wrote_asks_for_the_source(store, ask):
    a = ask("Who wrote that Rask and Morn discussed the harbour tolls?", store)
    assert a.status == "answered" and "the city council" in a.answer


def test_summarize_asks_what_was_discussed(store, ask):
    a = ask("Summarize the talks of Rask and Morn in Kordale.", store)
    assert a.status == "answered" and "harbour tolls" in a.answer


def test_how_many_hours_asks_how_long(store, ask):
    a = ask("How many hours did Morn and Rask talk in Vessa?", store)
    assert a.status == "answered" and "six hours" in a.answer


def test_an_adverb_is_not_a_subject(store, ask):
    a = ask("Did Rask ever visit Kordale?", store)
    assert a.status == "answered" and a.answer.startswith("Yes")


def test_a_named_source_who_took_no_part_is_read_as_the_source(store, ask):
    a = ask("What did Nils Hobb say about the Kordale talks?", store)
    assert a.status == "answered" and a.event == "visit"
    assert {c.lines for c in a.citations} == {(13, 13)}
    assert any("analysis" in c and "Nils Hobb" in c for c in a.caveats)
    assert not any("unnamed" in c for c in a.caveats)  # that rests on another source's word
