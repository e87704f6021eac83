"""Dates resolved only as far as the capture fixes them, each with its evidence."""

from __future__ import annotations

import pytest

from readout.model import Published
from readout.nlp import annotate_collection, bounds_writing_only
from readout.settings import DEFAULT_SETTINGS

from .captures import article


@pytest.fixture(scope="module")
def annotate(nlp):
    def run(*articles):
        return [annotated for annotated, _ in annotate_collection(list(articles), nlp, DEFAULT_SETTINGS)]

    return run


def dates_by_text(annotated):
    return {d.text: d for d in annotated.dates}


def test_full_date_is_a_day_with_its_evidence(annotate):
    [got] = annotate(article(["The envoy Mara Lind arrived in Tallinn on Friday 9 October 2020 for talks."]))
    date = dates_by_text(got)["Friday 9 October 2020"].date
    assert date.value == "2020-10-09"
    assert [(e.text, e.lines) for e in date.evidence] == [("Friday 9 October 2020", (3, 3))]


def test_weekday_and_day_month_without_year_stay_null_and_keep_the_stated_words(annotate):
    [got] = annotate(article(["Mara Lind met the Valdorian delegation on Wednesday.",
                              "The meeting in Tallinn took place on March 4 at the old customs house."]))
    mention = dates_by_text(got)["March 4"]
    assert mention.date.value is None and mention.date.earliest is None
    assert mention.date.stated == "Wednesday, March 4"
    assert {e.text for e in mention.date.evidence} == {"Wednesday", "March 4"}
    assert got.reference_date.is_unknown


def test_weekday_fixes_the_year_when_only_one_of_the_captures_years_fits(annotate):
    # March 4 was a Wednesday in 2020, a Monday in 2019: the capture's own years allow only 2020.
    text = ["Mara Lind met the Valdorian delegation on Wednesday, March 4.",
            "Their previous talks, on June 2, 2019, had failed; a treaty is due in 2020."]
    [got] = annotate(article(text))
    date = dates_by_text(got)["Wednesday, March 4"].date
    assert date.value == "2020-03-04"
    assert [e.text for e in date.evidence] == ["Wednesday, March 4", "2020"]


def test_weekday_does_not_fix_the_year_when_two_years_fit(annotate):
    # March 4 was a Wednesday in both 2015 and 2020.
    text = ["Mara Lind met the Valdorian delegation on Wednesday, March 4.",
            "A first treaty was signed on May 5, 2015, and a second is due in 2020."]
    [got] = annotate(article(text))
    assert dates_by_text(got)["Wednesday, March 4"].date.value is None


def test_day_month_takes_its_year_from_the_stated_publication_date(annotate):
    published = Published("2021-03-10", 'line 1: "10 March 2021"')
    text = ["Mara Lind arrived in Tallinn on March 4 and left on Tuesday."]
    [got] = annotate(article(text, published=published))
    dates = dates_by_text(got)
    assert dates["March 4"].date.value == "2021-03-04"
    assert dates["Tuesday"].date.value == "2021-03-09"
    assert any(e.lines == (1, 1) for e in dates["March 4"].date.evidence)
    assert got.reference_date.value == "2021-03-10"


def test_as_of_is_an_earliest_bound_never_a_value(annotate):
    [got] = annotate(article(["As of June 3, 2021, more than 400 inspectors had visited the ports."]))
    [mention] = got.dates
    assert mention.text == "As of June 3, 2021"
    assert mention.date.value is None and mention.date.earliest == "2021-06-03"
    assert bounds_writing_only(mention)
    assert got.reference_date.value is None and got.reference_date.earliest == "2021-06-03"


def test_widgets_and_footers_are_never_dates(annotate):
    [got] = annotate(article(["Mara Lind spoke in Tallinn on May 5, 2015.", "MARCH 2024",
                              "Only 4 days left: the offer ends May 31, 2024",
                              "(c) 2001-2024 Valdoria Daily News",
                              "Copyright 2019 Valdoria Daily News"]))
    assert [d.text for d in got.dates] == ["May 5, 2015"]


def test_relative_day_needs_a_reference(annotate):
    [without] = annotate(article(["Mara Lind said yesterday that the talks would resume."]))
    assert [d.date.value for d in without.dates] == [None]
    published = Published("2022-01-20", "meta article:published_time")
    [with_ref] = annotate(article(["Mara Lind said yesterday that talks would resume."], published=published))
    assert [d.date.value for d in with_ref.dates] == ["2022-01-19"]


def test_a_part_of_the_day_is_a_relative_day(annotate):
    published = Published("2022-01-20", "meta article:published_time")
    [got] = annotate(article(["Mara Lind spoke to Ivo Sela this evening, and to Tomas Ruud last night."],
                             published=published))
    assert [(d.text, d.date.value) for d in got.dates] == [("this evening", "2022-01-20"),
                                                          ("last night", "2022-01-19")]


def test_dateline_is_the_reference(annotate):
    [got] = annotate(article(["TALLINN, May 3, 2019 \u2014 Mara Lind said on Tuesday that talks resume."]))
    assert got.reference_date.value == "2019-05-03"
    assert dates_by_text(got)["Tuesday"].date.value == "2019-04-30"


def test_weekday_and_day_month_that_disagree_are_two_days(annotate):
    published = Published("2021-03-10", 'line 1: "10 March 2021"')
    [got] = annotate(article(["Mara Lind left Tallinn on Tuesday. She had arrived there on March 4."],
                             published=published))
    dates = dates_by_text(got)
    assert (dates["Tuesday"].date.value, dates["March 4"].date.value) == ("2021-03-09", "2021-03-04")


def test_numeric_date_that_could_be_either_order_has_no_day(annotate):
    [got] = annotate(article(["The accord dated 05/06/2018 was signed; the annex is 17/05/2018."]))
    values = {d.text: d.date.value for d in got.dates}
    assert values.get("17/05/2018") == "2018-05-17"
    assert "05/06/2018" in values and values["05/06/2018"] is None


def test_a_name_ending_in_today_is_not_a_relative_day(annotate):
    published = Published("2022-01-20", "meta article:published_time")
    [got] = annotate(article(["Mara Lind told Capital Today that talks would resume."], published=published))
    assert not got.dates


def test_a_date_on_the_first_line_alone_is_a_dateline_but_not_one_inside_a_sentence(annotate):
    [alone, inside] = annotate(article(["May 3, 2019", "Mara Lind said on Tuesday that talks resume."]),
                               article(["Mara Lind said on May 3, 2019 that talks would resume on Tuesday."]))
    assert alone.reference_date.value == "2019-05-03"
    assert inside.reference_date.is_unknown
    assert dates_by_text(inside)["Tuesday"].date.value is None


def test_capture_relative_time_stamps_are_not_dates(annotate):
    published = Published("2022-01-20", "meta article:published_time")
    [got] = annotate(article(["Updated 2 days ago", "Mara Lind spoke yesterday."], published=published))
    assert [d.text for d in got.dates] == ["yesterday"]
