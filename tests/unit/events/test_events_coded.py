"""General rules found by the independent coded-sentence evaluation (benchmarks/eval_coded.py): each test
uses sentences written for it (invented people, real countries where a rule needs the gazetteer) and
fails when its rule is removed."""

from __future__ import annotations

import pytest
from events_support import annotate

from readout.events import extract_events
from readout.events.link import same_bearer
from readout.events.roles import named
from readout.model import Entity


def events_of(nlp, text: str):
    annotated, doc = annotate(nlp, text)
    return extract_events(annotated, doc)


def only(nlp, text: str):
    found = events_of(nlp, text)
    assert len(found) == 1, [(e.type, e.actor, e.recipient) for e in found]
    return found[0]


def words(values) -> str:
    return " ".join(values).lower()


def test_one_sentence_capture_reaches_events(tmp_path, nlp):
    """A capture of one short English sentence is a capture: cleaning keeps it as body, the language
    layer calls it English (lingua alone says Catalan), and the sentence gives its event."""
    from readout.nlp import annotate_collection
    from readout.pipeline.run import clean_all
    from readout.settings import DEFAULT_SETTINGS

    path = tmp_path / "one.txt"
    path.write_text("Kenya and Uganda signed a trade deal.\n", encoding="utf-8")
    articles = [a for _, a in clean_all([str(path)]) if a is not None]
    assert articles and "Kenya and Uganda" in articles[0].body
    ((annotated, doc),) = annotate_collection(articles, nlp, DEFAULT_SETTINGS)
    assert {p.language for p in annotated.article.paragraphs} == {"en"}
    assert "AGREE" in {e.type for e in extract_events(annotated, doc)}


def test_short_foreign_sentence_keeps_its_language():
    from readout.nlp.language import paragraph_language

    assert paragraph_language("Kenya and Uganda signed a trade deal.") == "en"
    assert paragraph_language("Le président a rencontré son homologue à Paris mardi soir.") == "fr"


def test_cross_document_names_only_take_a_fuller_form_of_themselves():
    """The language layer's map reads every role as a person's name; a group noun or an organisation must
    not take another capture's longer name."""
    assert same_bearer("Varga", "Nikolai Varga")
    assert same_bearer("President Varga", "Nikolai Varga")
    assert not same_bearer("Police", "Australian Federal Police")
    assert not same_bearer("U.N.", "U.N. Security Council")


def test_a_lowercase_entity_is_no_name(nlp):
    """'Chile's defence ministry': the tagged common noun gives way to the name it hangs from."""
    assert named(Entity("defence ministry", "ORG", "defence ministry", 0, 16, (1, 1))) is None
    assert named(Entity("Ministry of Defence", "ORG", "Ministry of Defence", 0, 19, (1, 1))) is not None


def test_finite_verb_hung_off_its_subject_keeps_that_subject(nlp):
    event = only(nlp, "Peruvian drone strikes killed at least 15 people in Puno on Sunday.")
    assert event.type == "ASSAULT"
    assert "strikes" in words(event.actor)


@pytest.mark.parametrize(
    ("text", "kind", "recipient"),
    [
        ("Chile condemned the remarks made by Bolivian ministers.", "ACCUSE", "bolivian"),
        ("Norway turned down a request from Sweden for new talks.", "REJECT", "sweden"),
        ("Peru threatened a new operation against Bolivian smugglers.", "THREATEN", "bolivian"),
    ],
)
def test_named_party_inside_the_object(nlp, text, kind, recipient):
    """A recipient that is no name ('the arrest of students') gives way to the name inside it."""
    same = [e for e in events_of(nlp, text) if e.type == kind]
    assert same and recipient in words(same[0].recipient), [(e.type, e.recipient) for e in same]


def test_meeting_of_unnamed_parties_still_gives_a_record(nlp):
    """'Chilean officials and Peruvian negotiators held talks' names no person or organisation: no meeting
    record holds it, and the sentence still gives its own CONSULT."""
    found = events_of(nlp, "Chilean officials and Peruvian negotiators held a fresh round of talks in Lima.")
    consult = [e for e in found if e.type == "CONSULT"]
    assert consult
    assert "chilean" in words(consult[0].participants) and "peruvian" in words(consult[0].participants)


def test_a_date_after_call_is_no_appeal(nlp):
    """'called up reservists on Monday' mobilises; the 'on' of a date is no 'call on'."""
    event = only(nlp, "Chile called up 5,000 reservists on Monday.")
    assert event.type == "MOBILIZE"


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru carried out a joint operation against smugglers in the Atacama desert.",
        "Chilean and Peruvian navies launched joint exercises off the coast.",
    ],
)
def test_joint_undertaking_is_cooperation(nlp, text):
    assert "COOPERATE" in {e.type for e in events_of(nlp, text)}


def test_jointly_with_future_is_a_promise_to_cooperate(nlp):
    event = only(nlp, "Chile and Peru will jointly build a bridge over the river.")
    assert event.type == "AGREE"
    assert {"Chile", "Peru"} <= set(event.actor + event.participants)


def test_demand_that_x_asks_x(nlp):
    event = only(nlp, "Chile demanded that Bolivian authorities free the detained sailors.")
    assert event.type == "REQUEST"
    assert "bolivian" in words(event.recipient)


def test_reaffirmed_support_for_x_supports_x(nlp):
    event = only(nlp, "Norway reaffirmed Oslo's unwavering support for Ukraine.")
    assert event.type == "SUPPORT"
    assert "ukraine" in words(event.recipient)


def test_attack_on_unnamed_people_targets_the_place(nlp):
    event = only(nlp, "Gunmen killed nine villagers in Kampala on Friday.")
    assert event.type == "ASSAULT"
    assert "kampala" in words(event.recipient)


def test_coordinated_nationalities_are_two_parties(nlp):
    event = only(nlp, "Chilean and Peruvian troops clashed along the border overnight.")
    assert event.type == "ASSAULT"
    assert "chilean" in words(event.actor) and "peruvian" in words(event.recipient)


def test_fighting_broke_out_between_parties(nlp):
    text = "Heavy fighting broke out between Chilean troops and Bolivian militias."
    found = [e for e in events_of(nlp, text) if e.type == "ASSAULT"]
    assert found and "chilean" in words(found[0].actor) and "bolivian" in words(found[0].recipient)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("A mob set fire to dozens of homes in the village.", "ASSAULT"),
        ("Security forces rounded up hundreds of opposition supporters.", "COERCE"),
        ("Protesters chanted slogans against the government.", "PROTEST"),
        ("Gulf states voiced solidarity with Oman.", "SUPPORT"),
        ("Students staged a sit-in against the new fees.", "PROTEST"),
        ("Chinese and Indian troops began disengaging from the ridge.", "RETREAT"),
        ("The United States announced a military aid package for Ukraine.", "AID"),
        ("Peru ordered the Chilean ambassador to leave the country.", "SANCTION"),
    ],
)
def test_lexicon_entries_from_the_coded_evaluation(nlp, text, kind):
    assert kind in {e.type for e in events_of(nlp, text)}, [(e.type, e.actor) for e in events_of(nlp, text)]


def test_due_to_meet_is_a_promise_to_meet_with_its_subject(nlp):
    """'X is due to meet Y': the subject of 'is' meets, and a scheduled meeting is intent (AGREE)."""
    found = events_of(nlp, "Chile's foreign minister is due to meet Peruvian President Ana Salas next week.")
    agree = [e for e in found if e.type == "AGREE"]
    assert agree and "chile" in words(agree[0].actor) and "salas" in words(agree[0].recipient)


def test_expected_to_sign_takes_the_raised_subject(nlp):
    event = only(nlp, "Chile is expected to sign a trade deal with Peru next week.")
    assert event.type == "AGREE" and "Chile" in event.actor + event.participants


def test_an_author_inside_the_object_comes_before_other_names(nlp):
    """'condemned the storming of the Sol Palace by Bolivian police': the police, not the palace."""
    event = only(nlp, "Chile condemned the storming of the Pacific Trade Centre by Bolivian police.")
    assert event.type == "ACCUSE" and "bolivian" in words(event.recipient)


def test_an_institution_is_the_party_as_written(nlp):
    """The language layer reads 'the Kremlin' as Moscow; a coder's party is the Kremlin."""
    from readout.events.roles import as_written

    assert as_written(Entity("Kremlin", "FAC", "Moscow", 0, 7, (1, 1))) == "Kremlin"
    assert as_written(Entity("Varga", "PERSON", "Nikolai Varga", 0, 5, (1, 1))) == "Nikolai Varga"
    assert as_written(Entity("U.S.", "GPE", "United States", 0, 4, (1, 1))) == "United States"


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Opposition supporters took to the streets on Sunday to denounce Chile's government.", "chile"),
        ("Workers at Andes Copper Corporation went on strike on Friday to demand better pay.", "andes"),
    ],
)
def test_whom_a_protest_is_against(nlp, text, target):
    same = [e for e in events_of(nlp, text) if e.type == "PROTEST"]
    assert same and target in words(same[0].recipient), [(e.type, e.recipient) for e in events_of(nlp, text)]


def test_claimant_of_responsibility_is_the_attacker(nlp):
    text = "The Tamarind Front claimed responsibility for a bombing that killed nine soldiers near Arica."
    same = [e for e in events_of(nlp, text) if e.type == "ASSAULT"]
    assert same and "tamarind" in words(same[0].actor), [(e.type, e.actor) for e in events_of(nlp, text)]


def test_victims_of_a_participle_clause_are_the_target(nlp):
    event = only(nlp, "Rebels ambushed a convoy near the border, killing five Bolivian soldiers.")
    assert event.type == "ASSAULT" and "bolivian" in words(event.recipient)


def test_an_actor_that_is_no_name_gives_way_to_the_names_it_is_from(nlp):
    event = only(nlp, "Delegations from Chile and Peru met in Quito on Monday.")
    assert event.type == "CONSULT"
    assert {"Chile", "Peru"} <= set(event.actor + event.recipient + event.participants)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Chile's president welcomed the Peruvian president to Santiago on Friday.", "CONSULT"),
        ("Bolivian prosecutors charged the former minister with fraud.", "COERCE"),
        ("Peru lodged a formal complaint against Chile over the border incident.", "ACCUSE"),
        ("The Andean Council reiterated its backing for Peru's claim.", "SUPPORT"),
        ("The Chilean minister sat down with Peruvian negotiators in Lima.", "CONSULT"),
        ("Bolivia's president said his country would use force against the smugglers.", "THREATEN"),
        ("Peru asked the Chilean observers to leave the country.", "SANCTION"),
    ],
)
def test_lexicon_entries_from_the_second_coded_set(nlp, text, kind):
    assert kind in {e.type for e in events_of(nlp, text)}, [(e.type, e.actor) for e in events_of(nlp, text)]
