"""Reading a question's kind, focus and time; quoting capture lines verbatim and at most five."""

from __future__ import annotations

import pytest

from readout.answer.cite import quote, verified
from readout.answer.match import date_fit
from readout.answer.question import question_focus, question_kind, time_constraints
from readout.model import DateValue, Evidence


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How long did the talks last?", "how_long"),
        ("How many meetings were there?", "which"),
        ("On what date did they meet?", "when"),
        ("When did Ilsa meet Marek?", "when"),
        ("Where did they meet?", "where"),
        ("With whom did Ilsa meet?", "who"),
        ("Who else attended?", "who"),
        ("Which meetings took place in Orlin?", "which"),
        ("Did Ilsa visit Orlin?", "did"),
        ("Was there a meeting in Orlin?", "did"),
        ("What did they discuss?", "what"),
    ],
)
def test_question_kind(question, kind):
    assert question_kind(question) == kind


def test_question_focus():
    assert question_focus("Who else attended the summit?") == "attendance"
    assert question_focus("What did they talk about in Orlin?") == "discussion"
    assert question_focus("Who says they discussed grain?") == "attribution"
    assert question_focus("When did they meet?") is None


def test_time_constraints():
    (may,) = time_constraints("Who attended the May 2018 meeting?")
    assert (may.year, may.month, may.bounds) == (2018, 5, ("2018-05-01", "2018-05-31"))
    (year,) = time_constraints("What happened in 2017?")
    assert year.bounds == ("2017-01-01", "2017-12-31")
    (month,) = time_constraints("Did they meet in September?")
    assert (month.year, month.month, month.bounds) == (None, 9, None)
    assert time_constraints("They may meet again.") == ()


def test_date_fit():
    (may,) = time_constraints("in May 2018")
    assert date_fit(DateValue(value="2018-05-17"), may) == "yes"
    assert date_fit(DateValue(value="2017-11-20"), may) == "no"
    assert date_fit(DateValue(earliest="2018-06-01"), may) == "no"
    assert date_fit(DateValue(), may) == "unknown"
    (september,) = time_constraints("in September")
    stated = DateValue(stated="Tuesday, September 12", evidence=(Evidence("x.txt", (3, 3), "September 12"),))
    assert date_fit(stated, september) == "yes"
    assert date_fit(DateValue(value="2018-05-17"), september) == "no"


LINES = [
    "Title",
    "",
    "First sentence here. Second \u201cquoted\u201d sentence",
    "runs on to this line.",
    "",
    "a",
    "b",
    "c",
    "d",
    "e",
    "f",
    "g",
]


def test_quote_narrows_to_the_lines_that_hold_the_text():
    citation = quote(LINES, "x.txt", (1, 6), 'Second "quoted" sentence runs on to this line.')
    assert citation.lines == (3, 4) and verified(LINES, citation)


def test_quote_of_changed_text_quotes_the_lines_and_at_most_five():
    citation = quote(LINES, "x.txt", (6, 12), "text that cleaning rewrote")
    assert citation.lines == (6, 10) and citation.text == "a b c d e"
    assert verified(LINES, citation)
    long_sentence = " ".join(LINES[5:12])
    citation = quote(LINES, "x.txt", (6, 12), long_sentence)
    assert citation.lines[1] - citation.lines[0] < 5 and verified(LINES, citation)


def test_date_phrases_never_add_precision():
    from readout.answer.compose import date_phrase

    assert date_phrase(DateValue(value="2018-05-17")) == ("on Thursday, 17 May 2018", False)
    no_year = DateValue(stated="Tuesday, September 12", evidence=(Evidence("x", (1, 1), "September 12"),))
    assert date_phrase(no_year) == ("on September 12 (a Tuesday); the capture states no year", True)
    weekday = DateValue(stated="Tuesday", evidence=(Evidence("x", (1, 1), "Tuesday"),))
    assert date_phrase(weekday) == ("on a Tuesday; the captures give no date beyond the weekday", True)
    assert date_phrase(DateValue(stated="today", evidence=(Evidence("x", (1, 1), "today"),))) == (None, False)
    assert date_phrase(DateValue()) == (None, False)
    bounded = DateValue(earliest="2017-01-01", latest="2017-09-21", stated="before September 21, 2017")
    assert date_phrase(bounded)[0].startswith("between 2017-01-01 and 2017-09-21")
