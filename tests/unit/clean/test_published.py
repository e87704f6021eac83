"""Publication dates only where the capture states them, with the line as evidence."""

from __future__ import annotations

import pytest

from readout.clean.published import is_date_line, parse_day

from .support import ARTICLE, clean

BODY = ARTICLE.split("\n", 2)[2]
HEAD = "Ministers meet in Tovana\n\n"


def published(text: str):
    found = clean(text).published
    return (found.date, found.evidence) if found else None


def test_labelled_publication_line():
    assert published(f"{HEAD}Published 12 March 2019\n\n{BODY}") == (
        "2019-03-12", 'line 3: "Published 12 March 2019"')


def test_posted_on_line_with_byline():
    assert published(f"{HEAD}Posted on May 3, 2021 by Jana Oberg\n\n{BODY}")[0] == "2021-05-03"


def test_date_only_line_with_weekday():
    assert published(f"{HEAD}Thursday 17 June 2021\n\n{BODY}")[0] == "2021-06-17"


def test_dateline_opening_the_first_paragraph():
    text = (f"{HEAD}TOVANA, May 3, 2021 — The foreign ministers of Karesia and Ostria met on "
            "Monday to discuss fishing quotas, officials said.\n\nBoth sides called the talks useful.\n")
    assert published(text)[0] == "2021-05-03"


@pytest.mark.parametrize("trap", ["NOVEMBER 2024", "11 DAYS LEFT UNTIL THE END OF SEPTEMBER",
                                  "(c) 1998-2023 Gulf Media", "© 12 March 2019 Gulf Media", "March 2019",
                                  "Tuesday", "Updated 3 hours ago"])
def test_widgets_footers_and_partial_dates_are_never_publication_dates(trap):
    assert published(f"{trap}\n\n{ARTICLE}\n\n{trap}\n") is None


def test_date_inside_an_article_sentence_is_not_the_publication_date():
    text = (f"{HEAD}The ministers met in Tovana on 4 April 2023 to sign the accord, ending two "
            "years of talks, officials said.\n\nBoth sides called it a fair deal.\n")
    assert published(text) is None


def test_date_line_shapes():
    assert is_date_line("Published: 2021-05-03 10:12 GMT")
    assert is_date_line("By Jana Oberg | 3 May 2021")
    assert not is_date_line("The ministers met on 3 May 2021 and again on 9 May 2021 to discuss quotas.")
    assert not is_date_line("Copyright 3 May 2021")


def test_parse_day_needs_year_month_and_day():
    assert parse_day("17 May 2018").isoformat() == "2018-05-17"
    assert parse_day("May 2018") is None


def test_an_update_stamp_is_not_the_publication_date():
    assert published(f"{HEAD}Updated: 4 March 2024\n\n{BODY}") is None
    assert published(f"{HEAD}Published 2 March 2024\nUpdated 4 March 2024\n\n{BODY}")[0] == "2024-03-02"


def test_ambiguous_numeric_dates_stay_unknown():
    assert parse_day("03/04/2019") is None
    assert parse_day("25/03/2019").isoformat() == "2019-03-25"
    assert parse_day("03/25/2019").isoformat() == "2019-03-25"
    assert parse_day("31 February 2019") is None


def test_a_timestamp_with_an_update_stamp_is_a_date_line_not_the_headline():
    stamp = "June 3, 2026 6:14 PM UTC Updated 3 hours ago"
    assert is_date_line(stamp)
    title, body = ARTICLE.split("\n", 1)
    article = clean(f"{title}\nBy Jana Oberg\n{stamp}\n{body}")
    assert article.title == title
    assert article.published is not None and article.published.date == "2026-06-03"


def test_a_wire_date_line_with_its_age_right_above_the_headline_is_the_publication_date():
    """"March 14, 2017 / 3:52 PM / Updated 7 years ago" over a wire story's headline: the story's own
    header (the age of the page is no text); the page's top bar stays its clock."""
    menu = "".join(f"{item}\n" for item in ("Skip to main content", "WIRE", "World", "Business"))
    text = f"{menu}\nMarch 14, 2017 / 3:52 PM / Updated 7 years ago\n\n{HEAD}{BODY}"
    assert published(text) == ("2017-03-14", 'line 6: "March 14, 2017 / 3:52 PM / Updated 7 years ago"')
    assert clean(text).title == HEAD.strip()
    assert published(f"Mon 23 November 2026 | 09:41\n\n{HEAD}{BODY}") is None  # the top bar's clock
