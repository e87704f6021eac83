"""One test per text-mode rule: each fails when its rule is taken out of the cascade."""

from __future__ import annotations

from readout.clean.context import build_context
from readout.clean.hints import ExtractionHints
from readout.clean.text import best_span, is_opinion, outside_quotes, units_of

from .support import ARTICLE, body_lines, capture, clean, removal

P1 = "The foreign ministers of Karesia and Ostria met in Tovana on Tuesday to discuss fishing quotas."
P2 = "Both sides said the talks had been useful and that officials would meet again before the spring season."
P3 = "A spokesperson for the Ostrian ministry said the question of the boundary had not been settled yet."


def test_plain_headline_and_paragraphs_keep_everything():
    article = clean(ARTICLE)
    assert article.title == "Ministers meet in Tovana to discuss fishing quotas"
    assert body_lines(article) == [3, 5, 7]
    assert article.removed == ()
    assert article.language == "en"


def test_one_sentence_capture_is_a_body_not_a_title():
    article = clean("Karesia and Ostria will resume talks on Thursday, officials said.\n")
    assert article.title is None
    assert article.body == "Karesia and Ostria will resume talks on Thursday, officials said."


def test_lone_headline_without_full_stop_is_the_body():
    article = clean("Karesia and Ostria to resume talks on Thursday\n")
    assert article.title is None
    assert body_lines(article) == [1]


def test_copyright_notice_is_chrome():
    article = clean(ARTICLE + "\n\n(c) 2004-2023 Gulf Media Group")
    assert removal(article, 9) == ("chrome", "copyright notice")


def test_caption_between_paragraphs_is_metadata_not_body():
    caption = "Photo: The Karesian minister arriving at Tovana airport"
    text = f"Ministers meet in Tovana\n\n{P1}\n{caption}\n{P2}\n"
    article = clean(text)
    assert removal(article, 4) == ("metadata", "image caption or credit")
    assert "airport" not in article.body


def test_byline_is_metadata_and_named():
    article = clean(f"Ministers meet in Tovana\n\nBy Jana Oberg and Luis Prado\n\n{P1}\n\n{P2}\n")
    assert article.byline == "Jana Oberg and Luis Prado"
    assert removal(article, 3) == ("metadata", "byline")


def test_relative_timestamp_is_not_the_headline():
    article = clean(f"Ministers meet in Tovana\nUpdated 3 hours ago\n{P1}\n{P2}\n")
    assert article.title == "Ministers meet in Tovana"
    assert removal(article, 2) == ("metadata", "relative timestamp or reading time")


def test_capture_time_widget_is_chrome_and_not_a_date():
    article = clean(f"4 DAYS LEFT UNTIL THE END OF MARCH\n\n{ARTICLE}")
    assert removal(article, 1)[1].startswith("capture-time widget")
    assert article.published is None


def test_bare_link_between_paragraphs_is_not_body():
    article = clean(f"Ministers meet in Tovana\n\n{P1}\n\nhttps://example.org/images/tovana-port.jpg\n\n{P2}\n")
    assert removal(article, 5) == ("chrome", "bare link")
    assert "example.org" not in article.body


def test_counter_lines_are_chrome():
    article = clean(f"{ARTICLE}\n\n12\n0\n")
    assert removal(article, 9)[1].startswith("figures and symbols only")


def test_lines_repeated_on_other_captures_of_the_site_are_chrome():
    promo = "Support independent reporting from the gulf for the price of one coffee a month."
    first = capture(f"{ARTICLE}\n\n{promo}\n", source="site/a.txt")
    second = capture(f"Another headline about ports\n\n{P3}\n\n{promo}\n", source="site/b.txt")
    context = build_context([first, second])
    assert promo not in clean(first.text, context).body
    assert promo in clean(first.text).body  # without the site's other pages it reads as prose


def test_line_in_another_script_is_chrome():
    article = clean(f"{ARTICLE}\n\nВсички права запазени. Съдържанието не може да се копира.")
    assert removal(article, 9) == ("chrome", "in another language than the article")


def test_line_in_another_latin_language_is_chrome():
    footer = "Die Inhalte dieser Seite sind nicht ohne die Genehmigung des Verlags zu nutzen."
    article = clean(f"{ARTICLE}\n\n{footer}")
    assert removal(article, 9) == ("chrome", "in another language than the article")


def test_consent_banner_sentence_is_not_body():
    article = clean(f"We use cookies to give you the best experience on our website.\n{ARTICLE}")
    assert "cookies" not in article.body
    assert removal(article, 1) == ("chrome", "legal, consent or subscription notice")


def test_related_heading_and_its_list_stay_out():
    text = (f"{ARTICLE}\n\nRelated\nGulf fleets told to keep clear of the line\nOstria names an envoy\n"
            "Fishermen in Tovana said on Monday that they would protest again next week.\n")
    article = clean(text)
    assert removal(article, 9) == ("chrome", "heading of a list of other articles")
    assert "protest" not in article.body


def test_menu_line_is_not_the_headline():
    article = clean(f"Ministers meet in Tovana\nHome | World | Politics | Business\n{P1}\n{P2}\n")
    assert article.title == "Ministers meet in Tovana"
    assert removal(article, 2) == ("chrome", "navigation, share or account links")


def test_pointer_line_between_paragraphs_is_not_body():
    article = clean(f"Ministers meet in Tovana\n\n{P1}\n\nWatch the video:\n\n{P2}\n")
    assert removal(article, 5) == ("chrome", "pointer to other material")
    assert "video" not in article.body


def test_capitals_label_is_chrome():
    article = clean(f"LIVE COVERAGE\n\n{ARTICLE}")
    assert removal(article, 1) == ("chrome", "label or widget in capitals")


def test_repeated_headline_is_metadata_and_chosen_as_title():
    headline = "Ministers meet in Tovana"
    text = f"Daily Gulf\n\n{headline}\n\nSubscribe today\n\n{headline}\n\n{P1}\n\n{P2}\n"
    article = clean(text)
    assert article.title_lines == (3, 3)
    assert removal(article, 7) == ("metadata", "repeated headline")


def test_short_line_repeated_within_capture_is_chrome():
    text = f"Ministers meet in Tovana\n\nBack the Gulf Post\n\n{P1}\n\n{P2}\n\nBack the Gulf Post\n"
    article = clean(text)
    assert removal(article, 3) == ("chrome", "repeated within the capture (menu or widget)")


def test_teaser_prose_beyond_hard_chrome_is_not_body():
    blurb = "The Gulf Post is the region's home for news about ports, fishing and trade."
    text = f"{ARTICLE}\n\n© 2023 Gulf Post\n\n{blurb}"
    article = clean(text)
    assert "home for news" not in article.body


def test_subheading_between_paragraphs_stays_in_body():
    article = clean(f"Ministers meet in Tovana\n\n{P1}\n\nWhat comes next\n\n{P2}\n\n{P3}\n")
    assert body_lines(article) == [3, 5, 7, 9]


def test_best_span_is_the_max_sum_run():
    assert best_span([-5.0, 3.0, -1.0, 4.0, -60.0, 20.0]) == (5, 5)
    assert best_span([-5.0, 3.0, -1.0, 4.0, -2.0]) == (1, 3)
    assert best_span([-1.0, -2.0]) is None


def test_hard_wrapped_lines_form_one_paragraph():
    text = ("Ministers meet in Tovana\n\nThe ministers of Karesia and Ostria met in Tovana on Tuesday to\n"
            "discuss fishing quotas, officials said.\n")
    assert units_of(text.split("\n"))[2] == [2, 3]
    article = clean(text)
    assert [p.lines for p in article.paragraphs] == [(3, 4)]


def test_opinion_markers_outside_quotes_only():
    assert is_opinion("In our view, the treaty should be honoured by both sides.")
    assert is_opinion("We strongly believe the talks deserve another chance.")
    assert not is_opinion("“We believe the talks were useful,” the minister said.")
    assert outside_quotes("He said “we think so” on Monday.").split() == ["He", "said", "on", "Monday."]
    assert outside_quotes("” the minister added. We think so.") == " the minister added. We think so."
    assert outside_quotes("He said: “we think so, and") == "He said: "


def test_editorial_coda_paragraphs_are_opinion():
    text = (f"Ministers meet in Tovana\n\n{P1}\n\n{P2}\n\n{P3}\n\n"
            "We believe the boundary can be settled only by a joint survey of the gulf.\n\n"
            "Fishing towns on both coasts have waited long enough for a settlement of this kind.\n")
    article = clean(text)
    assert [p.kind for p in article.paragraphs] == ["content", "content", "content", "opinion", "opinion"]


def test_html_hints_title_and_content_lines():
    text = f"Gulf Post\nMinisters meet in Tovana\n{P1}\nTrending: ports, fish\n{P2}\n{P3}\n"
    hints = ExtractionHints(content_lines=frozenset({3, 5}), title="Ministers meet in Tovana")
    article = clean(text, hints=hints)
    assert article.title_lines == (2, 2)
    assert body_lines(article) == [3, 5]


def test_html_hints_comment_lines_become_comments():
    text = f"Ministers meet in Tovana\n{P1}\n{P2}\nThis is the worst deal the gulf has seen in years.\n"
    hints = ExtractionHints(content_lines=frozenset({2, 3}), comment_lines=frozenset({4}))
    article = clean(text, hints=hints)
    assert [c.lines for c in article.comments] == [(4, 4)]
    assert "worst deal" not in article.body


def test_caption_with_trailing_photo_credit_is_metadata_not_title():
    text = (f"Ministers meet in Tovana\nShare on X\nThe delegations at the customs house. Photo: Ilka Fenn\n"
            f"{P1}\n{P2}\n")
    article = clean(text)
    assert article.title == "Ministers meet in Tovana"
    assert removal(article, 3) == ("metadata", "image caption or credit")


def test_headline_echoed_by_the_page_title_wins_over_a_nearer_line():
    text = (f"Ministers meet in Tovana | Gulf Post\nGulf Post\nMinisters meet in Tovana\n"
            f"Weekend reading for the harbour\n{P1}\n{P2}\n")
    assert clean(text).title == "Ministers meet in Tovana"


def test_standfirst_below_the_headline_is_body():
    text = ("Ministers meet in Tovana\nThe two neighbours will open talks on port fees after a meeting.\n"
            f"By Jana Oberg\nShare on Facebook\nShare on X\nEmail\n{P1}\n{P2}\n")
    article = clean(text)
    assert body_lines(article) == [2, 7, 8]


def test_sign_up_prompt_is_chrome():
    article = clean(f"{ARTICLE}\nGet our briefing every morning at seven.Sign up\n")
    assert removal(article, 8) == ("chrome", "legal, consent or subscription notice")


def test_clock_above_the_headline_is_not_the_publication_date():
    article = clean(f"Thursday 28 November 2024\n{ARTICLE}")
    assert article.published is None


def test_a_huge_single_line_is_one_paragraph():
    text = "The ministers met in Tovana and said the talks were useful. " * 20000
    article = clean(text)
    assert [p.lines for p in article.paragraphs] == [(1, 1)]


def test_comment_form_prompt_is_not_body():
    prompt = "Save my name, email, and website in this browser for the next time I comment."
    article = clean(f"{ARTICLE}\n{prompt}\n")
    assert removal(article, 8) == ("chrome", "comment form")
    assert "browser" not in article.body


def test_reported_speech_after_an_editorial_turn_stays_content():
    text = (f"Ministers meet in Tovana\n\n{P1}\n\n{P2}\n\n"
            "We believe the boundary can be settled only by a joint survey of the gulf.\n\n"
            "The Ostrian minister said on Tuesday that a survey would take at least two years.\n")
    assert [p.kind for p in clean(text).paragraphs] == ["content", "content", "opinion", "content"]


def test_caption_announced_by_a_bare_marker_is_metadata():
    text = f"Ministers meet in Tovana\nImage caption,\nBoats in the harbour of Tovana.\n{P1}\n{P2}\n"
    article = clean(text)
    assert removal(article, 3) == ("metadata", "image caption or credit")
    assert body_lines(article) == [4, 5]


def test_headline_listed_again_among_the_most_read_is_still_the_headline():
    text = (f"Gulf Post Homepage\nMinisters meet in Tovana to discuss fishing quotas\n{P1}\n{P2}\nMost read\n"
            "1\nMinisters meet in Tovana to discuss fishing quotas\n2\nStorm warning for the coast\n")
    assert clean(text).title_lines == (2, 2)


def test_pointer_with_its_target_inside_the_body_is_chrome():
    article = clean(f"Ministers meet in Tovana\n\n{P1}\n\nRead more: Gulf fleets told to stay away\n\n{P2}\n")
    assert removal(article, 5) == ("chrome", "pointer to other material")
    assert body_lines(article) == [3, 7]


def test_a_short_headline_never_swallows_a_lower_case_line():
    article = clean(f"Ministers meet in Tovana\nby Jana Oberg\n{P1}\n{P2}\n")
    assert article.title == "Ministers meet in Tovana"
    assert article.byline == "Jana Oberg"


def test_tags_line_inside_the_body_is_chrome():
    article = clean(f"Ministers meet in Tovana\n\n{P1}\n\nTags: ports, fishing, Karesia\n\n{P2}\n")
    assert removal(article, 5) == ("chrome", "tags or topics")
    assert body_lines(article) == [3, 7]


def test_paywall_prompt_is_chrome():
    article = clean(f"{ARTICLE}\nAlready a subscriber? Log in to keep reading.\n")
    assert removal(article, 8) == ("chrome", "legal, consent or subscription notice")


def test_in_article_advertisement_label_is_bridged():
    article = clean(f"Ministers meet in Tovana\n{P1}\nAdvertisement\n{P2}\n")
    assert body_lines(article) == [2, 4]


def test_lead_in_and_list_items_stay_in_the_body():
    text = (f"Ministers meet in Tovana\n{P1}\n{P2}\nUnder the accord signed on Tuesday:\n"
            "- each side may land half of the catch;\n- a joint commission will settle disputes\n")
    assert body_lines(clean(text)) == [2, 3, 4, 5, 6]


def test_key_points_list_is_never_the_headline():
    text = ("Ministers meet in Tovana after long dispute\nKey points\nThe ministers met on Tuesday\n"
            f"Quotas will be set for ten years\nThe boundary question is left for later\n{P1}\n{P2}\n")
    assert clean(text).title_lines == (1, 1)


def test_author_biography_is_metadata():
    bio = "Jana Oberg is our correspondent in Tovana and has covered the gulf since 2015."
    text = f"By Jana Oberg\n{ARTICLE}\n{bio}\n"
    article = clean(text)
    assert removal(article, 9) == ("metadata", "author biography")
