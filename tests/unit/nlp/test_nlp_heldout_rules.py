"""The rules the held-out captures (tests/data/nlp) called for, each on a small invented capture of its own.

Dates: a month named alone, relative periods ("last week"), "on the 14th", and a day-month whose year is
stated with its month in the previous sentence. Entities: a name the model read as a date, a place kind
word in a place's span, one-word places read from the collection's cues and adjectives, and a word that
names both a person and a place decided mention by mention.
"""

from __future__ import annotations

import pytest

from readout.model import Published
from readout.nlp import annotate_collection
from readout.settings import DEFAULT_SETTINGS

from .captures import article

PUBLISHED = Published("2024-03-14", 'line 1: "March 14, 2024"')


@pytest.fixture(scope="module")
def annotate(nlp):
    def run(*articles):
        return [annotated for annotated, _ in annotate_collection(list(articles), nlp, DEFAULT_SETTINGS)]

    return run


def date_of(annotated, text):
    [mention] = [d for d in annotated.dates if d.text == text]
    return mention.date


def labels(annotated, text):
    return [(e.label, e.canonical) for e in annotated.entities if e.text == text]


def test_month_alone_after_a_cue_is_the_nearest_such_month_narrowed_by_early(annotate):
    text = ["The Harnish envoy will return to Pelvar in early May, officials said.",
            "June Halloway, the trade minister, visited Pelvar in January."]
    [got] = annotate(article(text, published=PUBLISHED))
    may = date_of(got, "early May")
    assert (may.value, may.earliest, may.latest) == (None, "2024-05-01", "2024-05-15")
    assert {e.text for e in may.evidence} == {"early May", "March 14, 2024"}
    january = date_of(got, "January")
    assert (january.earliest, january.latest) == ("2024-01-01", "2024-01-31")
    assert not [d for d in got.dates if d.text.startswith("June")]  # a name, not a month: no cue before it


def test_relative_periods_are_bounds_from_the_reference_never_a_day(annotate):
    text = ["The border was closed last week and reopened briefly last month, traders said.",
            "Fuel prices have risen this year."]
    [got] = annotate(article(text, published=PUBLISHED))
    week, month, year = date_of(got, "last week"), date_of(got, "last month"), date_of(got, "this year")
    assert (week.value, week.earliest, week.latest) == (None, "2024-03-04", "2024-03-10")
    assert (month.earliest, month.latest) == ("2024-02-01", "2024-02-29")
    assert (year.earliest, year.latest) == ("2024-01-01", "2024-12-31")


def test_day_alone_is_a_day_of_the_reference_month_only_when_it_has_passed(annotate):
    text = ["The talks on the 12th lasted four hours. Another round on the 20th, was announced.",
            "The delegation met on the 5th floor of the ministry."]
    [got] = annotate(article(text, published=PUBLISHED))
    assert date_of(got, "the 12th").value == "2024-03-12"
    assert date_of(got, "the 20th").value is None
    assert not [d for d in got.dates if "5th" in d.text]


def test_day_month_takes_the_year_stated_with_its_month_in_the_previous_sentence(annotate):
    text = ["In March 2021 the mediator Arno Vesk drafted a water deal. On March 18, the two ministers "
            "signed it in Pelvar."]
    [got] = annotate(article(text, published=PUBLISHED))
    signed = date_of(got, "March 18")
    assert signed.value == "2021-03-18"
    assert {e.text for e in signed.evidence} == {"March 2021", "March 18"}


def test_a_collection_name_replaces_a_date_the_model_made_of_it(annotate):
    texts = [["Ystran minister Adelaide Morrow toured the flooded districts on Monday."],
             ["Morrow, who flew in from the coast, was accompanied by the governor."]]
    _, got = annotate(*(article(t, f"{i}.txt") for i, t in enumerate(texts)))
    assert labels(got, "Morrow") == [("PERSON", "Adelaide Morrow")]


def test_a_place_kind_word_after_a_place_is_left_out_of_its_span(annotate):
    text = ["The minister was accompanied by the governor of Harnau province, Ilse Vandt."]
    [got] = annotate(article(text))
    assert labels(got, "Harnau") == [("GPE", "Harnau")]
    assert not labels(got, "Harnau province")


def test_a_one_word_name_read_as_a_place_by_a_cue_is_a_place_elsewhere(annotate):
    [got] = annotate(article(["Grain leaves through the port of Tessik, the ministry said.",
                              "Rail capacity to Tessik will double, Tessik officials said."]))
    assert {label for label, _ in labels(got, "Tessik")} == {"GPE"}


def test_a_state_is_read_from_its_adjective_and_its_possessions(annotate):
    text = ["Quorvian diplomats met in Brell on Monday.",
            "Quorvia and Parnland signed the deal; Parnland's ambassador said it was fair."]
    [got] = annotate(article(text))
    assert {label for label, _ in labels(got, "Quorvia")} == {"GPE"}
    assert {label for label, _ in labels(got, "Parnland")} == {"GPE"}


def test_a_word_naming_a_person_and_a_place_is_decided_mention_by_mention(annotate):
    home = article(["Deputy Prime Minister Lidka Varos met the envoy in Varos on Thursday.",
                    "Ms. Varos promised new rail links."], "home.txt")
    other = article(["The minister last visited Varos in 2019.",
                     "Talks moved between Varos and Brell."], "other.txt")
    got_home, got_other = annotate(home, other)
    assert labels(got_home, "Varos") == [("GPE", "Varos"), ("PERSON", "Lidka Varos")]
    assert labels(got_other, "Varos") == [("GPE", "Varos"), ("GPE", "Varos")]


def test_an_organisation_after_in_is_not_made_a_place(annotate):
    text = ["Officials in Hamas said the offer came late.",
            "Hamas rejected the offer, and Hamas's military wing fired rockets."]
    [got] = annotate(article(text))
    assert {label for label, _ in labels(got, "Hamas")} == {"ORG"}


def test_a_weekday_told_in_the_future_is_the_coming_one(annotate):
    text = ["Envoy Teodor Vancu met the minister on Monday and is due to travel on to Pelvar on Friday."]
    [got] = annotate(article(text, published=PUBLISHED))  # a Thursday
    assert date_of(got, "Monday").value == "2024-03-11"
    assert date_of(got, "Friday").value == "2024-03-15"


def test_a_name_after_a_role_is_a_person_whatever_the_model_read(annotate):
    text = ["Harnish Foreign Minister Tomas Ferreira held talks with his Pelvan counterpart, Ingrid Solvik, "
            "in Brell on Tuesday.", "Solvik told reporters that progress had been made."]
    [got] = annotate(article(text))
    assert labels(got, "Ingrid Solvik") == [("PERSON", "Ingrid Solvik")]
    assert labels(got, "Solvik") == [("PERSON", "Ingrid Solvik")]


def test_a_word_naming_a_person_and_a_place_joined_to_a_place_is_the_place(annotate):
    text = ["Governor Yusra Saade met elders in the town of Saade on Monday.",
            "Elders thanked Saade. Gunmen had attacked a convoy on the road between Dunmere and Saade."]
    [got] = annotate(article(text))
    assert [label for label, _ in labels(got, "Saade")] == ["GPE", "PERSON", "GPE"]


def test_a_run_of_weekdays_or_a_recurring_one_is_no_day(annotate):
    text = ["Pupils would attend Monday through Thursday, a parent who works every Friday told us."]
    [got] = annotate(article(text, published=PUBLISHED))
    assert [(d.text, d.date.value) for d in got.dates] == [
        ("Monday through Thursday", None), ("every Friday", None)]


def test_a_past_verb_after_the_future_word_leaves_the_weekday_in_the_past(annotate):
    text = ["Delegates who would attend the summit said on Tuesday that the agenda was ready."]
    [got] = annotate(article(text, published=PUBLISHED))
    assert date_of(got, "Tuesday").value == "2024-03-12"


def test_travel_to_or_from_a_word_naming_a_person_and_a_place_is_the_place(annotate):
    text = ["Governor Yusra Saade met elders in the town of Saade on Monday.",
            "Ms. Saade's office said she would return to Saade after a stop in Dunmere."]
    [got] = annotate(article(text))
    assert [label for label, _ in labels(got, "Saade")] == ["GPE", "PERSON", "GPE"]
