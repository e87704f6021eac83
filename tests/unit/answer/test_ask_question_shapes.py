"""ask's rules for question shapes that name more than parties and places, on invented captures.

Each test fails when its rule is removed: a list of topics under a discussion lead-in, the meeting
before another ("last met ... before"), a gathering's name ("on the sidelines of the X Forum"), the host
of a visit, a person described by a place and a title ("X's defence minister") with the words of the
threat, a second clause ("..., and what did they agree?"), a columnist's view from their own piece, and
two people who never met.
"""

from __future__ import annotations

import pytest

from readout.model import Attribution, DateValue, Evidence
from readout.store import open_store
from readout.store.synthetic import (
    annotate_simply,
    article_from_blocks,
    article_from_lines,
    mention_of,
    write_tagged_store,
)

NAMES = {
    "Ivo Dorn": ("Ivo Dorn", "PERSON"),
    "Dorn": ("Ivo Dorn", "PERSON"),
    "Mara Pell": ("Mara Pell", "PERSON"),
    "Pell": ("Mara Pell", "PERSON"),
    "Kai Tenn": ("Kai Tenn", "PERSON"),
    "Tenn": ("Kai Tenn", "PERSON"),
    "Anik Rusk": ("Anik Rusk", "PERSON"),
    "Rusk": ("Anik Rusk", "PERSON"),
    "Lina Sarr": ("Lina Sarr", "PERSON"),
    "Sarr": ("Lina Sarr", "PERSON"),
    "Oto Brel": ("Oto Brel", "PERSON"),
    "Brel": ("Oto Brel", "PERSON"),
    "Rhea Vos": ("Rhea Vos", "PERSON"),
    "Varsk": ("Varsk", "GPE"),
    "Olmet": ("Olmet", "GPE"),
    "Lakeshore": ("Lakeshore", "GPE"),
    "Velmar": ("Velmar", "GPE"),
    "Ostra": ("Ostra", "GPE"),
}

VISIT = [
    "Dorn receives Pell in Varsk",
    "",
    "VARSK, May 4 (XNA) - Premier Ivo Dorn received Chancellor Mara Pell for a state visit at the Granite "
    "Hall on the sidelines of the Lakeshore Forum on 4 May 2023.",
    "",
    "Dorn and Pell last met in 2015 in Olmet, when Pell hosted talks on river tolls.",
    "",
    "During their talks, the two leaders discussed:",
    "- the tolls on the Vessa river;",
    "- a new rail link to the coast;",
    "- grain storage.",
    "",
    "On the eve of the forum, Pell met Premier Kai Tenn in Varsk, the office of Kai Tenn said.",
    "",
    "The Lakeshore region holds the forum every spring.",
    "",
    "After the talks, these papers were signed:",
    "- a customs memorandum;",
]
THREAT = [
    "Velmar warns Ostra",
    "",
    "Velmar's defence minister warned Ostra on Monday over the drone flights.",
    "",
    "If the drones return, our forces have the authority to destroy them and to strike their bases, "
    "Minister Anik Rusk said.",
    "",
    "Rusk spoke at a briefing in the capital.",
]
THREAT_AGAIN = [
    "Rusk repeats warning",
    "",
    "Defence Minister Anik Rusk of Velmar warned Ostra again on Tuesday.",
]
CALL = [
    "Sarr calls Brel",
    "",
    "President Lina Sarr spoke by phone with President Oto Brel on Friday.",
    "",
    "The two presidents agreed to reopen the Kessa border post.",
]
COLUMN = (
    "Dorn and Pell smiled for the cameras, but their meeting achieved little beyond a promise on tolls.\n\n"
    "The grain question was left for another year, as usual.\n\n"
    "Rhea Vos writes this column independently."
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    articles = {
        "visit.txt": article_from_lines("visit.txt", VISIT),
        "threat.txt": article_from_lines("threat.txt", THREAT),
        "threat2.txt": article_from_lines("threat2.txt", THREAT_AGAIN),
        "call.txt": article_from_lines("call.txt", CALL),
        "column.txt": article_from_blocks("column.txt", COLUMN, byline="Rhea Vos"),
    }
    ann = {s: annotate_simply(a, NAMES) for s, a in articles.items()}
    day = DateValue(
        value="2023-05-04", stated="4 May 2023", evidence=(Evidence("visit.txt", (3, 3), "4 May 2023"),)
    )
    tenn = Attribution("Kai Tenn", "official", None, "what was discussed", "visit.txt", (12, 12))
    visit = dict(
        mode="visit",
        actor=("Mara Pell",),
        recipient=("Ivo Dorn",),
        participants=("Mara Pell", "Ivo Dorn"),
        place="Varsk",
        date=day,
        attributions=(tenn,),
    )
    threat = dict(type="THREATEN", cameo="130", actor=("Anik Rusk",), recipient=("Ostra",))
    rows = {
        "visit.txt": [
            ("visit", mention_of(ann["visit.txt"], "received Chancellor", **visit)),
            ("visit", mention_of(ann["visit.txt"], "the two leaders discussed", **visit)),
            (
                "olmet",
                mention_of(
                    ann["visit.txt"], "last met", participants=("Ivo Dorn", "Mara Pell"), place="Olmet"
                ),
            ),
            (
                "tenn",
                mention_of(
                    ann["visit.txt"],
                    "met Premier Kai Tenn",
                    participants=("Mara Pell", "Kai Tenn"),
                    place="Varsk",
                ),
            ),
        ],
        "threat.txt": [("threat", mention_of(ann["threat.txt"], "warned Ostra", **threat))],
        "threat2.txt": [("threat2", mention_of(ann["threat2.txt"], "warned Ostra", **threat))],
        "call.txt": [
            (
                "call",
                mention_of(
                    ann["call.txt"],
                    "spoke by phone",
                    mode="phone",
                    actor=("Lina Sarr",),
                    recipient=("Oto Brel",),
                    participants=("Lina Sarr", "Oto Brel"),
                ),
            )
        ],
    }
    path = tmp_path_factory.mktemp("shapes") / "shapes.db"
    with open_store(write_tagged_store(path, ann, rows), create=False) as st:
        yield st


def _lines(answer, source: str) -> set[int]:
    return {n for c in answer.citations if c.source == source for n in range(c.lines[0], c.lines[1] + 1)}


def test_items_of_a_discussion_list_are_cited(ask, store):
    a = ask("What did Dorn and Pell discuss in Varsk?", store)
    assert a.status == "answered"
    assert {8, 9, 10} <= _lines(a, "visit.txt")
    assert "rail link" in a.answer and "grain storage" in a.answer
    # A list after a lead-in that closes with another verb ("were signed:") is not of topics.
    assert 17 not in _lines(a, "visit.txt")


def test_last_meeting_before_another_is_the_earlier_one(ask, store):
    a = ask("Where did Dorn and Pell last meet before the state visit?", store)
    assert a.status == "answered" and a.event == "olmet"
    assert "Olmet" in a.answer and "2015" in a.answer  # the year the record lacks, in the capture's words
    assert 5 in _lines(a, "visit.txt")


def test_a_gathering_name_is_not_a_place(ask, store):
    a = ask("What did Dorn and Pell discuss on the sidelines of the Lakeshore Forum?", store)
    assert a.status == "answered" and a.event == "visit"


def test_the_host_is_the_visits_recipient_even_when_named(ask, store):
    a = ask("Who was the host when Pell met Dorn in Varsk?", store)
    assert a.status == "answered"
    assert a.answer.startswith("Ivo Dorn was the host")
    assert "received" in a.answer and 3 in _lines(a, "visit.txt")


def test_a_person_described_by_place_and_title_with_the_threats_words(ask, store):
    a = ask("What did Velmar's defence minister threaten?", store)
    # Two reports of the same actor's threat are answered together, not called ambiguous.
    assert a.status == "answered" and set(a.events) == {"threat", "threat2"}
    assert 5 in _lines(a, "threat.txt")  # what the forces will do: the threat's own words
    assert "strike their bases" in a.answer


def test_a_second_clause_asks_what_they_agreed(ask, store):
    a = ask("Who did Sarr speak with by phone, and what did they agree?", store)
    assert a.status == "answered" and "Oto Brel" in a.answer
    assert "Kessa border post" in a.answer and 5 in _lines(a, "call.txt")


def test_a_columnists_view_comes_from_their_piece_with_a_caveat(ask, store):
    a = ask("What does the columnist Rhea Vos think the Dorn-Pell meeting achieved?", store)
    assert a.status == "answered"
    assert {c.source for c in a.citations} == {"column.txt"}
    assert "achieved little" in a.answer
    assert any("opinion" in c and "not an official" in c for c in a.caveats)


def test_people_who_never_met_get_no_answer(ask, store):
    # Tenn is who a report of the Dorn-Pell visit comes from, but the question makes him a party.
    a = ask("What did Dorn and Tenn discuss in Varsk?", store)
    assert a.status == "no_answer"


SALIENT_NAMES = {"Ivo Sela": ("Ivo Sela", "PERSON"), "Tomas Ruud": ("Tomas Ruud", "PERSON"),
                 "Anna Berg": ("Anna Berg", "PERSON"), "Karl Holm": ("Karl Holm", "PERSON"),
                 "Tarsk": ("Tarsk", "GPE")}


@pytest.fixture(scope="module")
def two_meetings(tmp_path_factory):
    """Two meetings in Tarsk in March 2024: the talks two captures report, and a second meeting the next
    day that one of them mentions."""
    lines = {
        "a.txt": ["Sela in Tarsk", "", "Ivo Sela held talks with Tomas Ruud in Tarsk on 13 March 2024.", "",
                  "Anna Berg also attended the talks."],
        "b.txt": ["Talks in Tarsk", "", "Ivo Sela and Tomas Ruud held talks in Tarsk on 13 March 2024.", "",
                  "On 14 March 2024 Ivo Sela met Karl Holm in Tarsk."],
    }
    ann = {s: annotate_simply(article_from_lines(s, text), SALIENT_NAMES) for s, text in lines.items()}

    def day(source: str, line: int, value: str, text: str) -> DateValue:
        return DateValue(value=value, stated=text, evidence=(Evidence(source, (line, line), text),))

    talks = dict(participants=("Ivo Sela", "Tomas Ruud"), actor=("Ivo Sela", "Tomas Ruud"), place="Tarsk",
                 also_present=("Anna Berg",))
    rows = {
        "a.txt": [("talks", mention_of(ann["a.txt"], "held talks", **talks,
                                       date=day("a.txt", 3, "2024-03-13", "13 March 2024")))],
        "b.txt": [("talks", mention_of(ann["b.txt"], "held talks", **talks,
                                       date=day("b.txt", 3, "2024-03-13", "13 March 2024"))),
                  ("holm", mention_of(ann["b.txt"], "met Karl Holm", participants=("Ivo Sela", "Karl Holm"),
                                      actor=("Ivo Sela", "Karl Holm"), place="Tarsk",
                                      date=day("b.txt", 5, "2024-03-14", "14 March 2024")))],
    }
    path = tmp_path_factory.mktemp("salient") / "salient.db"
    with open_store(write_tagged_store(path, ann, rows), create=False) as st:
        yield st


def test_the_meeting_of_a_place_and_month_is_the_one_most_captures_report(ask, two_meetings):
    a = ask("Who else attended the March 2024 meeting in Tarsk?", two_meetings)
    assert a.status == "answered" and a.event == "talks", (a.status, a.answer)
    assert "Anna Berg" in a.answer
    assert any("fewer captures" in c for c in a.caveats)


def test_a_place_in_a_clause_dating_the_question_by_another_event_is_not_a_constraint(ask, store):
    """'before the state visit in Varsk': Varsk is where the visit was, not where the call took place."""
    a = ask("Who did Sarr speak to by phone before the state visit in Varsk?", store)
    assert a.status == "answered" and a.event == "call", (a.status, a.answer)
    assert "Oto Brel" in a.answer
