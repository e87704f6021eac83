"""Rules for the head and foot of a flattened page, found on captures written for a cold evaluation set:
cookie banners and their buttons, breadcrumbs, a press release's stamp with a dotted date and clock, a wire
photo's "AGENCY/Photographer" credit, a desk byline, and a wire report's closing credit. Each test fails when
its rule is removed, and each asks for the right headline where the furniture stood above it."""

from __future__ import annotations

from readout.clean.published import is_date_line

from .support import body_lines, clean, removal

P1 = ("TORVIK, May 4 (KNA) - The prime ministers of Aldera and Sunmark met in Torvik on Monday and agreed to "
      "open a second ferry line across the strait before the summer.")
P2 = ("Both leaders said the talks had been long but useful, and that their transport ministers would meet "
      "again in June to settle the timetable.")
P3 = "Fishing crews on both coasts have waited years for the crossing, which closed after a storm in 2021."
HEADLINE = "Aldera and Sunmark agree on second ferry line after Torvik talks"
BANNER = ("We and our 96 partners use cookies and similar technologies to store and access information on "
          "your device, to personalise ads and content and to measure how you use our site. You can change "
          "your choices at any time.")


def _page(*head: str, tail: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*head, HEADLINE, P1, P2, P3, *tail])


def test_a_cookie_banner_of_any_length_is_a_consent_notice():
    article = clean(_page("The Strait Courier", BANNER))
    assert removal(article, 3) == ("chrome", "legal, consent or subscription notice")
    assert article.title == HEADLINE


def test_a_sentence_about_cookie_law_is_not_a_banner():
    sentence = ("The regulator said last year that sites which use cookies for advertising must ask before "
                "storing them, and fined three publishers.")
    article = clean(_page(tail=(sentence,)))
    assert body_lines(article)[-1] == 9  # kept: no reader addressed


def test_consent_buttons_and_breadcrumbs_are_navigation():
    article = clean(_page("I accept    Show purposes    Reject all", "Home > World > Europe"))
    assert removal(article, 1) == ("chrome", "navigation, share or account links")
    assert removal(article, 3) == ("chrome", "navigation, share or account links")
    assert article.title == HEADLINE


def test_a_press_release_stamp_with_a_dotted_date_and_clock_is_a_date_line():
    assert is_date_line("Press release 4.5.2026 14.30")
    assert clean(_page("Press release 4.5.2026 14.30")).title == HEADLINE


def test_a_wire_photo_credit_closes_a_caption():
    caption = ("Prime Minister Lena Varro (L) greets her Sunmark counterpart at the harbour in Torvik, "
               "Aldera. KNA/Ola Brenn")
    article = clean("\n\n".join([HEADLINE, caption, P1, P2, P3]))
    assert removal(article, 3) == ("metadata", "image caption or credit")
    assert article.title == HEADLINE


def test_a_desk_byline_and_a_wire_credit_are_metadata():
    article = clean(_page(tail=("(Reporting by Ola Brenn; Editing by Kai Lund)",)))
    assert removal(article, 9) == ("metadata", "byline")
    desk = clean("\n\n".join([HEADLINE, "Strait Courier newsroom", P1, P2, P3]))
    assert removal(desk, 3) == ("metadata", "byline")
    assert desk.title == HEADLINE


def test_a_dotted_date_is_read_day_first_and_a_slashed_one_only_when_unambiguous():
    from readout.clean.published import parse_day

    assert str(parse_day("04.05.2026")) == "2026-05-04"
    assert parse_day("04/05/2026") is None  # the 4th of May or the 5th of April: the page does not say
    assert str(parse_day("24/05/2026")) == "2026-05-24"


def test_a_breadcrumb_of_two_items_is_navigation():
    article = clean(_page("Press releases > 2026"))
    assert removal(article, 1) == ("chrome", "navigation, share or account links")


def test_a_long_breadcrumb_trail_with_long_section_names_is_navigation_not_the_headline():
    trail = "Home > Countries & Regions > Northern Isles and the Outer Coast > Aldera"
    article = clean(_page(trail))
    assert removal(article, 1) == ("chrome", "navigation, share or account links")
    assert article.title != trail


def test_a_site_name_repeated_in_the_footer_is_not_the_headline():
    site = "Office of the Prime Minister of Aldera"
    article = clean("\n\n".join([site, "Home > Press Office > Visits", HEADLINE, P1, P2, P3, site]))
    assert article.title == HEADLINE


def test_a_label_under_the_headlines_date_is_not_the_headline():
    article = clean("\n\n".join([HEADLINE, "4 May 2026", "Press Office of the Prime Minister", P1, P2, P3]))
    assert article.title == HEADLINE


def test_a_headline_opening_the_block_with_its_date_under_it_is_the_headline():
    long_head = "Seventy-two hours on the strait: what the ferry deal between Aldera and Sunmark really says"
    page = "\n\n".join(["Support this blog", long_head, "Posted on 4 May 2026 by Ola Brenn", P1, P2, P3])
    article = clean(page)
    assert article.title == long_head
    assert removal(article, 1)[0] == "chrome"
