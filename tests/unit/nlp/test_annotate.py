"""The annotation stage on small invented captures: entities, roles, languages, offsets and records."""

from __future__ import annotations

import random

import pytest

from readout.model import ManifestEntry
from readout.nlp import annotate_collection
from readout.nlp.entities import Found, build_ruler, complete
from readout.records import annotate_record
from readout.settings import DEFAULT_SETTINGS

from .captures import article


@pytest.fixture(scope="module")
def annotate(nlp):
    def run(*articles):
        return annotate_collection(list(articles), nlp, DEFAULT_SETTINGS)

    return run


def people(annotated):
    return {(e.text, e.canonical) for e in annotated.entities if e.label == "PERSON"}


def test_surname_and_honorifics_join_the_full_name_across_the_collection(annotate):
    first = article(["Valdorian Foreign Minister Tomas Halvorsen arrived in Oslo on Monday."], "a.txt")
    second = article(["Mr. Halvorsen told reporters that Dr. Halvorsen's plan was ready."], "b.txt")
    (_, _), (got, _) = annotate(first, second)
    assert {c for t, c in people(got) if "Halvorsen" in t} == {"Tomas Halvorsen"}


def test_transliterated_surname_is_one_person(annotate):
    first = article(["Defence chief Ivan Zhukovsky visited Warsaw."], "a.txt")
    second = article(["Talks with Zhukovski ended late, officials in Warsaw said."], "b.txt")
    (_, _), (got, _) = annotate(first, second)
    assert ("Zhukovski", "Ivan Zhukovsky") in people(got)


def test_role_phrase_binds_later_bare_role_mentions(annotate):
    text = ["Valdorian President Marek Tanzer met the visiting delegation in Oslo.",
            "Later the Valdorian President said the talks had been useful."]
    [(got, _)] = annotate(article(text))
    roles = [e for e in got.entities if e.text == "Valdorian President" and e.start > len(text[0])]
    assert [(e.label, e.canonical) for e in roles] == [("PERSON", "Marek Tanzer")]


def test_role_held_by_two_people_binds_nobody(annotate):
    text = ["President Marek Tanzer and President Ilse Brandvold met in Oslo.",
            "The President said the talks had been useful."]
    [(got, _)] = annotate(article(text))
    assert all(e.text != "President" for e in got.entities)


def test_ruler_finds_a_bare_surname_the_model_missed(nlp):
    seen = nlp.make_doc("Tomas Halvorsen spoke.")
    ruler = build_ruler(nlp, ["Tomas Halvorsen"], [])
    capture = article(["Later Halvorsen left for Bergen."])
    doc = nlp.make_doc(capture.body)
    assert seen.text  # the names come from another document of the collection
    found = complete(capture, doc, [], ruler)
    assert [(doc[f.start:f.end].text, f.label) for f in found] == [("Halvorsen", "PERSON")]


def test_ruler_finds_a_surname_with_its_arabic_article_and_without_it(nlp):
    ruler = build_ruler(nlp, ["Karim al-Mansour"], [])
    capture = article(["Later al-Mansour and Mansour left for Bergen."])
    doc = nlp.make_doc(capture.body)
    found = complete(capture, doc, [], ruler)
    assert [doc[f.start:f.end].text for f in found if f.label == "PERSON"] == ["al-Mansour", "Mansour"]


def test_ruler_overrides_a_nationality_misreading_of_a_known_name(nlp):
    ruler = build_ruler(nlp, ["Tomas Halvorsen"], [])
    capture = article(["Later Halvorsen left for Bergen."])
    doc = nlp.make_doc(capture.body)
    found = complete(capture, doc, [Found.of(doc, 1, 2, "NORP")], ruler)
    assert [(doc[f.start:f.end].text, f.label) for f in found] == [("Halvorsen", "PERSON")]


def test_metonym_is_a_place_in_its_city(annotate):
    [(got, _)] = annotate(article(["Officials at Downing Street rejected the Valdorian proposal on Monday."]))
    assert ("Downing Street", "London") in {(e.text, e.canonical) for e in got.entities}


def test_a_known_city_read_as_a_nationality_becomes_a_place():
    from readout.nlp.entities import relabel

    assert relabel("Bergen", "NORP") == "GPE"
    assert relabel("Valdorian", "NORP") == "NORP"


def test_non_english_paragraph_is_marked_and_not_read_by_the_model(annotate):
    text = ["Mara Lind arrived in Tallinn for talks with the Valdorian delegation on Monday.",
            "Der Minister Johann Weber sagte, die Gespräche in Berlin seien sehr nützlich gewesen.",
            "Mara Lind left Tallinn the next day."]
    capture = article(text)
    [(got, doc)] = annotate(capture)
    assert [p.language for p in got.article.paragraphs] == ["en", "de", "en"]
    german = got.article.paragraphs[1]
    assert doc.text == capture.body
    assert not [e for e in got.entities if german.start <= e.start < german.end]
    in_german = [t for t in doc if german.start <= t.idx < german.end]
    assert in_german and not [t for t in in_german if t.pos_ or t.tag_]  # never tagged by the model
    assert {t.head.i for t in in_german} == {in_german[0].i}  # one flat tree: the paragraph is one sentence
    assert [s.text for s in got.sentences] == text  # no sentence runs on across the German paragraph


def test_sentences_never_cross_paragraphs(annotate):
    text = ["Mara Lind arrived in Tallinn and", "the delegation waited in Riga."]
    [(got, doc)] = annotate(article(text))
    assert [s.text for s in got.sentences] == text
    assert len(text[0]) + 2 in {s.start_char for s in doc.sents}


def test_a_wire_dateline_is_a_sentence_of_its_own(annotate):
    """The parser reads "TARSK (Agency) -" as the subject or root of the report's first sentence; set apart,
    that sentence parses on its own. A hyphen inside a name ("Virtanen-Saar") or a lower-case word after
    the dash is no dateline."""
    text = ["TARSK (Corvus) - President Lena Varga held talks with Tomas Ruud on Monday.",
            "Tarsk, June 4 (VNA) -- President Lena Varga met with the envoy of Tomas Ruud.",
            "Anu Virtanen-Saar met with the envoy of Tomas Ruud.",
            "Tomas Ruud - the envoy - spoke at the end."]
    [(got, _)] = annotate(article(text))
    assert [s.text for s in got.sentences] == [
        "TARSK (Corvus) -", "President Lena Varga held talks with Tomas Ruud on Monday.",
        "Tarsk, June 4 (VNA) --", "President Lena Varga met with the envoy of Tomas Ruud.", text[2], text[3]]


WORDS = ["the", "of", "and", "said", "that", "Mara", "Lind", "met", "Tomas", "Halvorsen", "in", "Tallinn",
         "on", "May", "5,", "2015", "and", "the", "White", "House", "said", "\u201cno\u201d", "\u2014",
         "Halvorsen\u2019s", "aide", "left", "Oslo."]


def test_offsets_and_lines_are_exact_on_generated_captures(annotate):
    rng = random.Random(7)
    captures = []
    for n in range(12):
        paragraphs = []
        for _ in range(rng.randint(1, 4)):
            lines = [" ".join(rng.choices(WORDS, k=rng.randint(3, 14))) for _ in range(rng.randint(1, 3))]
            paragraphs.append("\n".join(lines))
        captures.append(article(paragraphs, f"gen{n}.txt"))
    for capture, (got, doc) in zip(captures, annotate(*captures), strict=True):
        body = capture.body
        text_lines = capture.text.split("\n")
        assert doc.text == body
        for item in [*got.entities, *got.sentences, *got.dates]:
            assert body[item.start:item.end] == item.text
            first, last = item.lines
            assert item.text.split("\n")[0] in text_lines[first - 1]
            assert item.text.split("\n")[-1] in text_lines[last - 1]


def test_record_meets_the_contract(annotate, contract):
    capture = article(["Valdorian President Marek Tanzer met Mara Lind in Tallinn on Friday 9 October 2020."])
    [(got, _)] = annotate(capture)
    record = annotate_record(ManifestEntry(capture.source, None, capture.id, "ok"), got)
    contract("annotate_record", record)
    assert record["paragraphs"][0]["language"] == "en"


def test_an_article_wholly_in_another_language_has_its_paragraphs_as_sentences(annotate):
    text = ["Der Minister Johann Weber sagte, die Gespräche in Berlin seien sehr nützlich gewesen.",
            "Die Delegation reiste am nächsten Tag nach Hamburg weiter, wie das Ministerium mitteilte."]
    [(got, doc)] = annotate(article(text))
    assert [p.language for p in got.article.paragraphs] == ["de", "de"]
    assert [s.text for s in got.sentences] == text
    assert not got.entities and not doc.ents


def test_acronym_read_as_a_person_is_an_organisation():
    from readout.nlp.entities import relabel

    assert relabel("VNLA", "PERSON") == "ORG"
    assert relabel("Mara Lind", "PERSON") == "PERSON"


def test_title_case_run_read_as_one_organisation_gives_way_to_the_known_names(nlp):
    ruler = build_ruler(nlp, ["Tomas Halvorsen"], [])
    capture = article(["Halvorsen Visits Downing Street For Talks"])
    doc = nlp.make_doc(capture.body)
    found = complete(capture, doc, [Found.of(doc, 0, 4, "ORG")], ruler)
    got = [(doc[f.start:f.end].text, f.label) for f in found]
    assert got == [("Halvorsen", "PERSON"), ("Downing Street", "FAC")]


def test_collection_vote_fixes_person_place_confusions(nlp):
    from readout.nlp.entities import vote_labels

    texts = ["Bergen hosted the talks.", "Ivan Zhukovsky spoke in Bergen.", "Zhukovski and Bergen."]
    docs = [nlp.make_doc(t) for t in texts]
    found = [[Found.of(docs[0], 0, 1, "GPE")],
             [Found.of(docs[1], 0, 2, "PERSON"), Found.of(docs[1], 4, 5, "GPE")],
             [Found.of(docs[2], 0, 1, "GPE"), Found.of(docs[2], 2, 3, "PERSON")]]
    fixed = vote_labels(docs, found)
    assert [f.label for f in fixed[2]] == ["PERSON", "GPE"]  # "Zhukovski" is the person; "Bergen" a place


def test_model_entities_are_trimmed_and_relabelled_by_the_gazetteer(nlp):
    from spacy.tokens import Span

    from readout.nlp.entities import model_entities

    capture = article(["They met at Bergen after the Halvorsen's talks."])
    doc = nlp.make_doc(capture.body)
    doc.ents = [Span(doc, 3, 4, label="NORP"), Span(doc, 5, 8, label="PERSON")]
    found = model_entities(capture, doc)
    assert [(doc[f.start:f.end].text, f.label) for f in found] == [("Bergen", "GPE"), ("Halvorsen", "PERSON")]


def test_a_surname_that_is_an_ordinary_word_is_not_searched_alone(nlp):
    ruler = build_ruler(nlp, ["Anna Young"], [], ordinary=frozenset({"young"}))
    capture = article(["Young voters met Anna Young in Oslo."])
    doc = nlp.make_doc(capture.body)
    found = complete(capture, doc, [], ruler)
    assert [doc[f.start:f.end].text for f in found] == ["Anna Young"]


def test_a_person_after_a_place_preposition_is_a_place_unless_a_known_person(nlp):
    from readout.nlp.entities import vote_labels

    texts = ["Talks ended in Velmora Bay.", "Confidence in Tomas Halvorsen fell.", "Halvorsen resigned."]
    docs = [nlp.make_doc(t) for t in texts]
    found = [[Found.of(docs[0], 3, 5, "PERSON")], [Found.of(docs[1], 2, 4, "PERSON")],
             [Found.of(docs[2], 0, 1, "PERSON")]]
    fixed = vote_labels(docs, found)
    assert [fixed[0][0].label, fixed[1][0].label] == ["GPE", "PERSON"]


def test_nationality_adjective_of_a_collection_place_is_norp(nlp):
    from readout.nlp.entities import demonym_of, vote_labels

    assert demonym_of("Velmoran", ["Velmora"]) == "Velmora"
    assert demonym_of("Velmora", ["Velmora"]) is None
    docs = [nlp.make_doc("Velmora signed."), nlp.make_doc("Velmoran officials signed.")]
    fixed = vote_labels(docs, [[Found.of(docs[0], 0, 1, "GPE")], [Found.of(docs[1], 0, 1, "PERSON")]])
    assert fixed[1][0].label == "NORP"


def test_long_bodies_are_read_in_segments_and_joined_exactly(nlp):
    import dataclasses

    from readout.nlp.pipeline import parse_bodies, segments

    paragraphs = [f"Mara Lind met Tomas Halvorsen in Oslo on May {n}, 2015." for n in range(1, 21)]
    capture = article(paragraphs)
    assert len(segments(capture, DEFAULT_SETTINGS.max_body_chars, segment_chars=300)) > 1
    settings = dataclasses.replace(DEFAULT_SETTINGS, max_body_chars=300)
    [doc] = parse_bodies([capture], nlp, settings)
    assert doc.text == capture.body
    assert [e.text for e in doc.ents if e.label_ == "GPE"] == ["Oslo"] * 20


def test_two_known_names_read_as_one_person_are_split(nlp):
    ruler = build_ruler(nlp, ["Tomas Halvorsen", "Mara Lind", "Lind"], [])
    capture = article(["Talks between Halvorsen Lind ended."])
    doc = nlp.make_doc(capture.body)
    found = complete(capture, doc, [Found.of(doc, 2, 4, "PERSON")], ruler)
    assert [(f.text, f.label) for f in found] == [("Halvorsen", "PERSON"), ("Lind", "PERSON")]
