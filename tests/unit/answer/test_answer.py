"""ask over a small invented store: each question kind, the three statuses, citations and caveats."""

from __future__ import annotations

import pytest

from readout.answer import answer_question, render_plain
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
    "Halvard Brenn": ("Halvard Brenn", "PERSON"),
    "Brenn": ("Halvard Brenn", "PERSON"),
    "Mira Okonjo": ("Mira Okonjo", "PERSON"),
    "Okonjo": ("Mira Okonjo", "PERSON"),
    "Tarek Lund": ("Tarek Lund", "PERSON"),
    "Lunde": ("Tarek Lund", "PERSON"),
    "Lund": ("Tarek Lund", "PERSON"),
    "Ana Pell": ("Ana Pell", "PERSON"),
    "Pell": ("Ana Pell", "PERSON"),
    "Kessmar": ("Kessmar", "GPE"),
    "Veldra": ("Veldra", "GPE"),
    "Serrin": ("Serrin", "GPE"),
    "Norvian": ("Norvian", "NORP"),
}

CAPTURES = {
    "kessmar.txt": [
        "Brenn and Okonjo hold talks in Kessmar",
        "",
        "Premier Halvard Brenn received President Mira Okonjo in Kessmar for a closed session.",
        "",
        "Sources close to President Okonjo said the two leaders agreed on a plan to reopen the northern "
        "rail line.",
        "",
        "According to the same source, Okonjo stressed the need for a joint inquiry into the dam collapse.",
        "",
        "The weather in the capital was mild for the season.",
        "",
        "We think the visit was long overdue.",
    ],
    "veldra.txt": [
        "Defence chief in Veldra",
        "",
        "President Mira Okonjo held a meeting with defence minister Tarek Lund on Tuesday.",
        "",
        "Lund arrived in Veldra on March 3 to hold talks with Okonjo, the ministry said.",
        "",
        "The sides discussed the training of border units, minister Lunde told reporters.",
    ],
    "serrin-2019.txt": [
        "Second summit in Serrin",
        "",
        "Brenn met Okonjo in Serrin on 4 June 2019 in the presence of foreign minister Ana Pell "
        "and Tarek Lund.",
        "",
        "Brenn said the talks covered fishing quotas.",
    ],
    "serrin-earlier.txt": [
        "Leaders meet in Serrin",
        "",
        "Brenn and Okonjo met in Serrin. They spoke for three hours.",
        "",
        "Okonjo thanked the Norvian engineers for the new bridge.",
    ],
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    annotated = {}
    for source, lines in CAPTURES.items():
        annotated[source] = annotate_simply(article_from_lines(source, lines, kinds={11: "opinion"}), NAMES)
    k, v, s19, s0 = (annotated[n] for n in CAPTURES)
    kessmar = mention_of(
        k,
        "received",
        mode="visit",
        actor=("Mira Okonjo",),
        recipient=("Halvard Brenn",),
        participants=("Halvard Brenn", "Mira Okonjo"),
        place="Kessmar",
        topics=(
            Topic("reopen the northern rail line", "kessmar.txt", (5, 5)),
            Topic("the northern rail line", "kessmar.txt", (5, 5)),
            Topic("a joint inquiry into the dam collapse", "kessmar.txt", (7, 7)),
            Topic("President Okonjo", "kessmar.txt", (5, 5)),
            Topic("source", "kessmar.txt", (7, 7)),
        ),
        attributions=(
            Attribution(
                "sources close to Mira Okonjo", "unnamed", None, "what was discussed", "kessmar.txt", (5, 5)
            ),
        ),
    )
    veldra_date = DateValue(
        stated="Tuesday, March 3",
        evidence=(Evidence("veldra.txt", (3, 3), "Tuesday"), Evidence("veldra.txt", (5, 5), "March 3")),
    )
    veldra = mention_of(
        v,
        "held a meeting",
        mode="visit",
        actor=("Tarek Lund",),
        recipient=("Mira Okonjo",),
        participants=("Mira Okonjo", "Tarek Lund"),
        place="Veldra",
        date=veldra_date,
    )
    june = DateValue(
        value="2019-06-04",
        stated="4 June 2019",
        evidence=(Evidence("serrin-2019.txt", (3, 3), "4 June 2019"),),
    )
    serrin19 = mention_of(
        s19,
        "presence",
        participants=("Halvard Brenn", "Mira Okonjo"),
        also_present=("Ana Pell", "Tarek Lund"),
        actor=("Halvard Brenn", "Mira Okonjo"),
        place="Serrin",
        date=june,
    )
    serrin0 = mention_of(
        s0,
        "met in Serrin",
        participants=("Halvard Brenn", "Mira Okonjo"),
        actor=("Halvard Brenn", "Mira Okonjo"),
        place="Serrin",
        duration="three hours",
    )
    mentions = {
        "kessmar.txt": [kessmar],
        "veldra.txt": [veldra],
        "serrin-2019.txt": [serrin19],
        "serrin-earlier.txt": [serrin0],
    }
    path = tmp_path_factory.mktemp("ask") / "ask.db"
    events = [event_from_mentions(f"e{n}", ms) for n, ms in enumerate(mentions.values())]
    with open_store(write_store(path, annotated, mentions, events), create=False) as st:
        yield st


def test_discussion_cites_topic_sentences_and_notes_unnamed_sources(store, ask):
    a = ask("What did Brenn and Okonjo discuss during their meeting in Kessmar?", store)
    assert a.status == "answered" and a.event == "e0"
    cited = {c.lines for c in a.citations}
    assert {(5, 5), (7, 7)} <= cited
    assert (9, 9) not in cited and (11, 11) not in cited  # weather chrome-like aside and opinion stay out
    assert "rail line" in a.answer and "dam collapse" in a.answer
    listed = a.answer.split("these topics: ")[1].split(". In their words")[0].split("; ")
    assert listed == ["reopen the northern rail line", "a joint inquiry into the dam collapse"]
    assert any("unnamed sources" in c for c in a.caveats)


def test_when_without_year_says_so(store, ask):
    a = ask("When did Lund meet Okonjo in Veldra?", store)
    assert a.status == "answered"
    assert a.date is not None and a.date.value is None
    assert "March 3 (a Tuesday)" in a.answer and "no year" in a.answer
    assert any("year" in c for c in a.caveats)
    assert {c.lines for c in a.citations} == {(3, 3), (5, 5)}


def test_who_else_attended_names_those_present(store, ask):
    a = ask("Who else attended the June 2019 meeting in Serrin?", store)
    assert a.status == "answered" and a.event == "e2"
    assert "Ana Pell" in a.answer and "Tarek Lund" in a.answer
    assert a.citations and a.citations[0].lines == (3, 3)
    assert any("chosen because its date fits" in c for c in a.caveats)


def test_unknown_place_is_no_answer(store, ask):
    a = ask("What did Brenn and Okonjo discuss in Lisbon?", store)
    assert a.status == "no_answer" and not a.citations and a.event is None
    assert "Lisbon" in a.answer


def test_two_meetings_and_nothing_chooses_is_ambiguous(store, ask):
    a = ask("When did Brenn and Okonjo meet in Serrin?", store)
    assert a.status == "ambiguous" and set(a.events) == {"e2", "e3"} and a.event is None
    assert "2019" in a.answer and a.citations


def test_which_question_lists_every_event(store, ask):
    a = ask("Which meetings took place in Serrin?", store)
    assert a.status == "answered" and set(a.events) == {"e2", "e3"}


def test_how_long_reads_the_duration(store, ask):
    a = ask("How long did Brenn and Okonjo talk in Serrin in 2019?", store)
    assert a.status == "no_answer"  # the 2019 meeting's length is not stated; the other's is
    b = ask("How long was the meeting in Serrin?", store)
    assert b.status == "ambiguous" and "three hours" in b.answer


def test_did_question(store, ask):
    yes = ask("Did Lund visit Veldra?", store)
    assert yes.status == "answered" and yes.answer.startswith("Yes")
    no = ask("Did Pell meet Lund in Kessmar?", store)
    assert no.status == "no_answer" and not no.citations


def test_user_syntax_is_data(store, ask):
    for hostile in [
        'What did "Brenn" OR NEAR(Okonjo) discuss in Kessmar*?',
        "Who met Okonjo'; DROP TABLE events;--",
    ]:
        a = ask(hostile, store)
        assert a.status in ("answered", "no_answer", "ambiguous")
    assert store.events()


def test_render_plain_numbers_citations(store):
    text = render_plain(answer_question("When did Lund meet Okonjo in Veldra?", store))
    assert "[1] veldra.txt, line 3" in text and "Caveats:" in text


def test_a_spelling_the_captures_use_resolves_to_the_canonical_name(store, ask):
    a = ask("When did Lunde meet Okonjo?", store)
    assert a.status == "answered" and a.event == "e1"  # Veldra: Lund a party there, only present in Serrin


def test_lower_case_question(store, ask):
    a = ask("when did lund meet okonjo in veldra", store)
    assert a.status == "answered" and a.event == "e1" and "March 3" in a.answer


def test_who_says_so_gives_the_attributions(store, ask):
    a = ask("Who says Brenn and Okonjo agreed on the rail line?", store)
    assert a.status == "answered" and a.event == "e0"
    assert "unnamed sources" in a.answer and a.citations[0].lines == (5, 5)


def test_a_question_about_nothing_the_captures_hold(store, ask):
    for question in ("What is the weather like?", "What is the capital of Freedonia?"):
        a = ask(question, store)
        assert a.status == "no_answer" and not a.citations and not a.events


def test_each_ambiguous_candidate_carries_its_own_citation(store, ask):
    a = ask("When did Brenn and Okonjo meet in Serrin?", store)
    assert a.status == "ambiguous"
    # the undated meeting is shown with the sentence that reports it, not only named
    assert {c.source for c in a.citations} == {"serrin-2019.txt", "serrin-earlier.txt"}


def test_which_meetings_did_someone_attend_counts_those_only_present_at(store, ask):
    a = ask("Which meetings did Lund attend?", store)
    assert a.status == "answered" and set(a.events) == {"e1", "e2"}
