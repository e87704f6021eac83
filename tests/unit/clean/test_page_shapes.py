"""Rules for the shapes of real flattened pages (bylines under a standfirst, in-article boxes, pull quotes,
tables, galleries, dates and labels in other languages), one test each: each fails when its rule is
removed. The varied hand-written captures in tests/data/text/varied are scored as a whole at the end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readout.clean.comments import find_start
from readout.clean.published import is_date_line, parse_day
from readout.clean.text import units_of

from .support import body_lines, clean, removal

VARIED = Path(__file__).resolve().parents[2] / "data" / "text" / "varied"
P1 = ("The foreign ministers of Karesia and Ostria met in Tovana on Tuesday to discuss fishing quotas in "
      "the gulf.")
P2 = "Both sides said the talks had been useful and that officials would meet again before the spring season."
P3 = "A spokesperson for the Ostrian ministry said the question of the boundary had not been settled yet."
P4 = "Fishing crews in the northern ports have waited two years for an agreement on the disputed waters."


def test_byline_and_date_under_a_standfirst_do_not_open_a_comment_thread():
    standfirst = "Talks on fishing quotas resumed after a year of silence between the two."
    lines = ["Ministers meet in Tovana", standfirst, "Jana Obrecht", "Mar 3, 2023", "Ina Vos", "Mar 4, 2023",
             P1, P2, P3, P4]
    assert find_start(lines, 1) is None


def test_a_thread_without_header_still_opens_after_the_article():
    lines = ["Ministers meet in Tovana", P1, P2, P3, P4, "Tomas Erl", "2 hours ago",
             "Good news for the ports.", "Reply", "Ina Vos", "1 hour ago", "Not for the crews.", "Reply"]
    assert find_start(lines, 1) == 5


def test_live_blog_timestamps_are_not_a_thread():
    lines = ["Storm closes roads – live", P1, P2, P3, "Updated 3 minutes ago", "14:52", P4, "14:31", P2,
             "14:05", P1]
    assert find_start(lines, 1) is None


def test_dates_in_other_languages_are_date_lines_and_read():
    assert is_date_line("14. März 2023, 18:42 Uhr")
    assert is_date_line("Publié le 9 février 2024 à 07h15")
    assert is_date_line("15 сентября 2023, 12:40")
    assert parse_day("12 de junho de 2024").isoformat() == "2024-06-12"
    assert parse_day("4 أكتوبر 2023").isoformat() == "2023-10-04"


def test_skip_link_advertisement_label_and_reading_time_are_removed():
    article = clean("\n".join(["Zum Inhalt springen", "Hafen von Wellmar wird erweitert", "Lesezeit: 4 Min.",
                               P1, "Anzeige", P2]))
    assert removal(article, 1) == ("chrome", "advertisement label or skip link")
    assert removal(article, 3) == ("metadata", "relative timestamp or reading time")
    assert removal(article, 5) == ("chrome", "advertisement label or skip link")
    assert body_lines(article) == [4, 6]


def test_read_also_heading_with_its_link_is_bridged_by_the_body():
    article = clean("\n".join(["Ministers meet in Tovana", P1, P2, "Más información",
                               "Fishing quotas cut for a third year", P3, P4]))
    assert removal(article, 4)[0] == "chrome"
    assert removal(article, 5) == ("chrome", "pointer to other material")
    assert body_lines(article) == [2, 3, 6, 7]


def test_newsletter_box_inside_the_article_is_bridged():
    article = clean("\n".join(["Ministers meet in Tovana", P1, P2, "Get our weekly newsletter",
                               "Stories from the coast every Friday. Unsubscribe at any time.",
                               "Your email address", P3, P4, "Copyright 2023 Gulf Media Group"]))
    assert body_lines(article) == [2, 3, 7, 8]


def test_pull_quote_repeating_a_sentence_is_not_body():
    quote = "We will not sign an agreement that empties our harbours"
    article = clean("\n".join(["Ministers meet in Tovana", P1, f"“{quote}.”", P2,
                               f"“{quote},” the Ostrian minister said after the meeting.", P3]))
    assert removal(article, 3) == ("chrome", "pull quote (repeats a sentence of the article)")
    assert body_lines(article) == [2, 4, 5, 6]


def test_teaser_sentences_under_a_related_heading_are_not_body():
    teasers = ["Ferry fares rise as fuel costs bite. Operators say they have no choice.",
               "Container traffic at northern ports fell by a tenth last year, the ministry said.",
               "How automation is changing the work of dock labourers, and why unions worry."]
    article = clean("\n".join(["Ministers meet in Tovana", P1, P2, P3, "Related coverage", *teasers]))
    assert body_lines(article) == [2, 3, 4]
    assert removal(article, 6) == ("chrome", "teaser of another article (under a list heading)")


def test_hard_wrapped_line_ending_on_an_article_continues_on_a_capitalised_line():
    units = units_of(["More than 300 people attended the public meeting held at the",
                      "Grange Hall on Thursday.",
                      "Read more: Villages left without a bus after operator pulls out",
                      "Councils met on Friday."])
    assert units[0] == [0, 1]
    assert units[2] == [2]


def test_table_of_figures_stays_in_the_body():
    article = clean("\n".join(["Catches fell in every port last year", P1, "Port | 2022 | 2023 | Change",
                               "Tovana | 4.1 | 3.6 | -12%", "Vesk | 2.2 | 2.0 | -9%", P2]))
    assert body_lines(article) == [2, 3, 4, 5, 6]


def test_short_name_or_role_inside_the_body_block_is_not_body():
    article = clean("\n".join(["Ministers meet in Tovana", P1, "Health correspondent", P2, P3]))
    assert removal(article, 3) == ("metadata", "short label inside the article's block (name, role or label)")


def test_gallery_counter_and_the_caption_after_it_are_not_body():
    article = clean("\n".join(["In pictures: the last boats of Vesk", P1, "2 of 8",
                               "The oldest boat in the bay, built in 1958, is still working.", P2, P3]))
    assert removal(article, 3) == ("chrome", "figures and symbols only (a counter or widget)")
    assert removal(article, 4) == ("metadata", "image caption or credit")


def test_author_tagline_closing_a_column_is_metadata():
    article = clean("\n".join(["Our town needs a library", P1, P2, P3,
                               "— Jana Obrecht is a retired teacher and a member of the library's friends."]))
    assert removal(article, 5) == ("metadata", "author biography")


def test_lower_case_byline_is_not_the_wrapped_end_of_the_headline():
    units = units_of(["Riapre dopo tre anni il ponte pedonale sul torrente Varna", "di Giulia Ferretti", P1])
    assert units[1] == [1]


def test_headline_above_byline_and_date_is_found_despite_the_menu():
    article = clean("\n".join(["News", "Politics", "Business", "Sign in",
                               "Minister announces review of rural bus subsidies",
                               "By Ifeoma Tarrant, Political reporter", "Published: 08:15, 21 May 2024",
                               P1, P2]))
    assert article.title == "Minister announces review of rural bus subsidies"


@pytest.fixture(scope="module")
def varied_scores():
    import importlib.util

    path = Path(__file__).resolve().parents[3] / "benchmarks" / "eval_cleaning_fixtures.py"
    spec = importlib.util.spec_from_file_location("eval_cleaning_fixtures", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return (module.evaluate(VARIED, module.readout_body, False),
            module.evaluate(VARIED, module.whole_body, False))


def test_varied_captures_score_well_above_no_cleaning(varied_scores):
    """29 pages in nine languages: shingle F1 and snippet F1 floors, no comment line in any body."""
    ours, none = varied_scores
    expected = json.loads((VARIED / "expected.json").read_text(encoding="utf-8"))
    assert len(expected) - 1 == ours["pages"] >= 29
    assert ours["f1"] >= 0.97 > none["f1"]
    assert ours["snippet_f1"] >= 0.95
    assert ours["leaked"] == 0 < ours["comments"]
    assert ours["titles"] >= ours["pages"] - 1
