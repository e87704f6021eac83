"""ask's rules for where-lists, "who is X?", who-questions with other verbs than meeting ones, and the
sentence fallback, each on invented captures where the rule decides the answer.

Each test fails when its rule is removed: several places listed as one answer, the roles a capture gives
a person (title, apposition after and before, portfolio), the actor or recipient a who-question asks
for, the verb a question uses, a surname alone only in a proper name, a named source only for what was
said, and the fallback's guards (an event's own sentence, a negation, a name no capture holds, a time).
"""

from __future__ import annotations

import pytest

from readout.answer.identity import apposition_after, apposition_before, title_before, title_of
from readout.model import Attribution, DateValue, Evidence
from readout.store import open_store
from readout.store.synthetic import (
    annotate_simply,
    article_from_lines,
    mention_of,
    write_tagged_store,
)

NAMES = {
    "Ilka Sorn": ("Ilka Sorn", "PERSON"),
    "Sorn": ("Ilka Sorn", "PERSON"),
    "Davo Prett": ("Davo Prett", "PERSON"),
    "Prett": ("Davo Prett", "PERSON"),
    "Orla Fenn": ("Orla Fenn", "PERSON"),
    "Fenn": ("Orla Fenn", "PERSON"),
    "Tobin Marr": ("Tobin Marr", "PERSON"),
    "Ana Vell": ("Ana Vell", "PERSON"),
    "Vell": ("Ana Vell", "PERSON"),
    "Lorvik": ("Lorvik", "GPE"),
    "Tamsel": ("Tamsel", "GPE"),
    "Brask": ("Brask", "GPE"),
    "Kell": ("Kell", "GPE"),
    "Northern Rangers": ("Northern Rangers", "ORG"),
}

CAPTURES = {
    "lorvik.txt": [
        "Sorn and Prett meet in Lorvik",
        "",
        "Chancellor Ilka Sorn met Davo Prett in Lorvik on 4 June 2020, according to the spokesman for the "
        "council, Orla Fenn.",
        "",
        "Harbour Minister Ana Vell sent Davo Prett to Tamsel to meet the traders.",
        "",
        "Tobin Marr, a port engineer from the coast, said the talks went well.",
        "",
        "Sorn thanked Prett for the grain.",
        "",
        "Sorn praised the Lorvik dockers.",
        "",
        "Sorn criticised the port board.",
        "",
        "Lorvik was threatened with a blockade, residents said.",
        "",
        "Ilka Sorn and Davo Prett both grew up near Kell.",
        "",
        "Davo Prett and Ilka Sorn own farms outside Kell.",
        "",
        "Sorn and Prett met again in Kell.",
    ],
    "tamsel.txt": [
        "Prett in Tamsel",
        "",
        "Davo Prett and Ilka Sorn discussed grain prices in Tamsel, at the instruction of Ana Vell.",
        "",
        "The Northern Rangers launched a patrol against smugglers near Tamsel.",
        "",
        "Brask did not send grain to Prett in the end.",
        "",
        "Kell threatened Tamsel with a blockade.",
        "",
        "Tamsel warned Brask over the river tolls.",
        "",
        "Sorn gave money to the park rangers.",
        "",
        "Raiders shelled the rebels in Brask.",
        "",
        "Kell will punish any town supplying Brask with salt.",
        "",
        "Sorn instructed aides before the visit to Prett.",
    ],
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    ann = {s: annotate_simply(article_from_lines(s, lines), NAMES) for s, lines in CAPTURES.items()}
    lorvik, tamsel = ann["lorvik.txt"], ann["tamsel.txt"]
    day = DateValue(
        value="2020-06-04", stated="4 June 2020", evidence=(Evidence("lorvik.txt", (3, 4), "4 June 2020"),)
    )
    fenn = Attribution("Orla Fenn", "official", None, "the meeting took place", "lorvik.txt", (3, 4))
    pair = ("Ilka Sorn", "Davo Prett")
    per_capture = {
        "lorvik.txt": [
            (
                "met-lorvik",
                mention_of(
                    lorvik,
                    "met Davo Prett",
                    participants=pair,
                    place="Lorvik",
                    date=day,
                    attributions=(fenn,),
                ),
            ),
            (
                "thanks",
                mention_of(
                    lorvik,
                    "thanked",
                    type="SUPPORT",
                    cameo="051",
                    actor=("Ilka Sorn",),
                    recipient=("Davo Prett",),
                    participants=pair,
                ),
            ),
            (
                "praise",
                mention_of(
                    lorvik,
                    "praised",
                    type="SUPPORT",
                    cameo="051",
                    actor=("Ilka Sorn",),
                    recipient=("Lorvik dockers",),
                    participants=("Ilka Sorn", "Lorvik dockers"),
                ),
            ),
            (
                "criticism",
                mention_of(
                    lorvik,
                    "criticised",
                    type="ACCUSE",
                    cameo="111",
                    actor=("Ilka Sorn",),
                    recipient=("port board",),
                    participants=("Ilka Sorn", "port board"),
                ),
            ),
            ("met-kell", mention_of(lorvik, "met again", participants=pair, place="Kell")),
            (
                "blockade",
                mention_of(
                    lorvik,
                    "was threatened",
                    type="THREATEN",
                    cameo="130",
                    recipient=("Lorvik",),
                    participants=("residents", "Lorvik"),
                ),
            ),
        ],
        "tamsel.txt": [
            (
                "met-tamsel",
                mention_of(
                    tamsel,
                    "discussed grain prices",
                    mode="visit",
                    actor=("Ilka Sorn",),
                    recipient=("Davo Prett",),
                    participants=pair,
                    place="Tamsel",
                ),
            ),
            (
                "met-tamsel",
                mention_of(
                    tamsel,
                    "instructed aides",
                    mode="visit",
                    actor=("Ilka Sorn",),
                    recipient=("Davo Prett",),
                    participants=pair,
                    place="Tamsel",
                ),
            ),
            (
                "kell",
                mention_of(
                    tamsel,
                    "Kell threatened",
                    type="THREATEN",
                    cameo="130",
                    actor=("Kell",),
                    recipient=("Tamsel",),
                    participants=("Kell", "Tamsel"),
                ),
            ),
            (
                "warning",
                mention_of(
                    tamsel,
                    "warned Brask",
                    type="THREATEN",
                    cameo="130",
                    actor=("Tamsel",),
                    recipient=("Brask",),
                    participants=("Tamsel", "Brask"),
                ),
            ),
            (
                "punish",
                mention_of(
                    tamsel,
                    "will punish",
                    type="THREATEN",
                    cameo="130",
                    actor=("Kell",),
                    recipient=("Brask",),
                    participants=("Kell", "Brask"),
                ),
            ),
            (
                "shelling",
                mention_of(
                    tamsel,
                    "shelled",
                    type="ASSAULT",
                    cameo="190",
                    actor=("Raiders",),
                    recipient=("rebels",),
                    participants=("Raiders", "rebels"),
                    place="Brask",
                ),
            ),
            (
                "rangers",
                mention_of(
                    tamsel,
                    "park rangers",
                    type="AID",
                    cameo="070",
                    actor=("Ilka Sorn",),
                    recipient=("park rangers",),
                    participants=("Ilka Sorn", "park rangers"),
                ),
            ),
        ],
    }
    path = tmp_path_factory.mktemp("roles") / "roles.db"
    with open_store(write_tagged_store(path, ann, per_capture), create=False) as st:
        yield st


# --- where: several meetings are listed --------------------------------------------------------------


def test_where_have_two_people_met_lists_every_place_with_its_date(store, ask):
    a = ask("Where have Sorn and Prett met?", store)
    assert a.status == "answered" and set(a.events) == {"met-lorvik", "met-tamsel", "met-kell"}
    assert "Lorvik" in a.answer and "Tamsel" in a.answer and "4 June 2020" in a.answer
    assert "do not date" in a.answer  # the Tamsel meeting's date is not known, and the answer says so
    assert {c.source for c in a.citations} == {"lorvik.txt", "tamsel.txt"}


@pytest.mark.parametrize(
    "question", ["Where did Sorn meet Prett in Kell?", "In which cities did Sorn meet Prett?"]
)
def test_where_cites_the_events_own_sentence_first(store, question, ask):
    a = ask(question, store)
    assert a.status == "answered" and "met-kell" in a.events
    kell = [c for c in a.citations if "Kell" in c.text]
    assert kell[0].text == "Sorn and Prett met again in Kell."  # not a sentence about their farms


def test_a_where_list_for_a_year_says_which_places_are_undated(store, ask):
    a = ask("Where did Sorn and Prett meet in 2019?", store)  # Lorvik was 2020: left out
    assert a.status == "answered" and set(a.events) == {"met-tamsel", "met-kell"}
    assert any("do not date" in c and "2019" in c for c in a.caveats)


# --- who is X -------------------------------------------------------------------------------------------


def test_role_extractors_read_titles_and_appositions():
    assert title_before("Yesterday Harbour Minister ") == "Yesterday Harbour Minister"
    assert title_before("met with Dr. ") is None  # an honorific is no role
    assert title_of("in the presence of ministers of foreign trade ") == "ministers of foreign trade"
    assert apposition_after(", a port engineer from the coast, said") == "a port engineer from the coast"
    assert apposition_after(", who said nothing.") is None
    assert apposition_before("according to the spokesman for the council, ", ".") == (
        "the spokesman for the council"
    )
    assert apposition_before("she met the spokesman for the council, ", " said") is None  # not closed


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("Who is Orla Fenn?", "the spokesman for the council"),
        ("Who is Tobin Marr?", "a port engineer from the coast"),
        ("Who is Ana Vell?", "Harbour Minister"),
        ("Who was Sorn?", "Chancellor"),
    ],
)
def test_who_is_gives_the_roles_the_captures_give(store, question, role, ask):
    a = ask(question, store)
    assert a.status == "answered" and role in a.answer and a.citations


def test_who_is_someone_named_without_a_role_or_not_at_all_has_no_answer(store, ask):
    assert ask("Who is Davo Prett?", store).status == "no_answer"
    assert ask("Who is Mara Quist?", store).status == "no_answer"


# --- who did what to whom ---------------------------------------------------------------------------


def test_who_threatened_asks_for_the_actor(store, ask):
    a = ask("Who threatened Tamsel?", store)
    assert a.status == "answered" and a.events == ("kell",) and "the threat by Kell toward Tamsel" in a.answer


def test_whom_did_x_threaten_asks_for_the_recipient(store, ask):
    a = ask("Whom did Tamsel threaten?", store)
    assert a.status == "answered" and a.events == ("warning",) and "Brask" in a.answer


def test_an_event_that_names_no_actor_does_not_answer_who_acted(store, ask):
    a = ask("Who threatened Lorvik?", store)
    assert a.status == "no_answer" and "do not name who acted" in a.answer


def test_who_criticised_x_is_not_answered_by_xs_own_criticism(store, ask):
    assert ask("Who criticised Sorn?", store).status == "no_answer"


def test_the_questions_verb_chooses_among_events_of_its_type(store, ask):
    a = ask("Whom did Sorn thank?", store)
    assert a.status == "answered" and a.events == ("thanks",) and "Davo Prett" in a.answer


def test_a_verb_of_no_type_is_never_answered_by_a_meeting(store, ask):
    # Prett received the Tamsel visit, and Sorn "instructed" in one of its sentences, but not Prett.
    a = ask("Who instructed Prett to visit Tamsel?", store)
    assert a.status == "no_answer"


def test_a_name_that_is_both_a_party_and_a_place_may_be_the_place_of_the_act(store, ask):
    a = ask("Who shelled Brask?", store)
    assert a.status == "answered" and a.events == ("shelling",) and "Raiders" in a.answer


def test_a_verb_of_no_type_must_have_the_events_actor_as_its_subject(store, ask):
    # Kell's threat names "supplying", but those who supply are the towns it threatens, not Kell.
    assert ask("Who supplies Brask?", store).status == "no_answer"


def test_a_named_source_is_no_party_to_where_a_meeting_was(store, ask):
    assert ask("Where did Fenn meet Sorn?", store).status == "no_answer"


# --- the sentence fallback --------------------------------------------------------------------------


def test_the_fallback_quotes_a_sentence_no_event_was_read_from(store, ask):
    a = ask("Who sent Prett to Tamsel?", store)
    assert a.status == "answered" and not a.events and "Ana Vell" in a.answer
    assert [c.lines for c in a.citations] == [(5, 5)]
    assert any("No event record" in c for c in a.caveats)


def test_a_surname_alone_matches_only_a_proper_name(store, ask):
    # "Northern Rangers" is not "park rangers": no event fits, and the fallback quotes the sentence.
    a = ask("What did the Northern Rangers launch against smugglers?", store)
    assert a.status == "answered" and not a.events and a.citations[0].lines == (5, 5)


def test_the_fallback_does_not_quote_an_events_own_sentence(store, ask):
    # Vell, Sorn, Tamsel and "discussed" share a sentence, but it reports Prett and Sorn's meeting.
    assert ask("What did Vell and Sorn discuss in Tamsel?", store).status == "no_answer"


def test_the_fallback_does_not_quote_a_denial(store, ask):
    assert ask("What did Brask send to Prett?", store).status == "no_answer"


def test_the_fallback_does_not_answer_a_place_or_time_the_captures_do_not_hold(store, ask):
    assert ask("Who sent Prett to Quellmoor?", store).status == "no_answer"
    assert ask("Who sent Prett to Tamsel in 2019?", store).status == "no_answer"


@pytest.mark.parametrize(
    "question",
    [
        'Who is Sorn" OR NEAR(Prett)?',
        "Who is Sorn'; DROP TABLE sentences;--",
        'What did "Northern Rangers" launch* against smugglers^?',
        "Who sent Prett to Tamsel OR Lorvik AND col:text?",
        "Who is " + "Sorn " * 5000,
    ],
)
def test_query_syntax_in_the_new_paths_is_data(store, question, ask):
    events = len(store.events())
    a = ask(question, store)
    assert a.status in ("answered", "no_answer", "ambiguous")
    assert len(store.events()) == events


def test_what_an_event_was_is_told_in_the_captures_words(store, ask):
    a = ask("What did Kell threaten Tamsel with?", store)
    assert a.status == "answered" and a.events == ("kell",)
    assert "\u201cKell threatened Tamsel with a blockade.\u201d" in a.answer  # what, not only who and when
