"""Reader-comment threads of several shapes: recognised, attributed, never in the body."""

from __future__ import annotations

from readout.clean.comments import find_start, is_author_like, parse_thread

from .support import ARTICLE, clean, removal


def test_counted_header_with_controls_and_alternating_authors():
    thread = ("\n\n3 Comments\nOldest\nNewest\nMira Holm\n\nThe quota talks are overdue.\n\nkestrel77\n\n"
              "Agreed\n\nMira Holm\n\nNobody mentions the trawler licences.\n")
    article = clean(ARTICLE + thread)
    assert [c.author for c in article.comments] == ["Mira Holm", "kestrel77", "Mira Holm"]
    assert [c.text for c in article.comments][1] == "Agreed"  # a short reply is text after its author
    assert removal(article, 9) == ("chrome", "comment thread header and controls")
    assert "overdue" not in article.body


def test_wordpress_says_lines_with_timestamps_and_reply_links():
    thread = ("\n\nLeave a Reply\nJon Aske says:\nMay 4, 2021 at 9:12 am\nA fair summary of a long dispute.\n"
              "Reply\nRita Vos says:\nMay 4, 2021 at 11:40 am\nPublish the maps.\nReply\n")
    article = clean(ARTICLE + thread)
    assert [(c.author, c.text) for c in article.comments] == [
        ("Jon Aske", "A fair summary of a long dispute."), ("Rita Vos", "Publish the maps.")]
    assert article.published is None  # comment timestamps are not the article's date


def test_authors_with_relative_timestamps_and_no_header():
    thread = ("\n\nOla Brek\n2 hours ago\nThe gulf deserves a proper treaty, not another round of talks.\n"
              "Ines Tamm\n1 hour ago\nTalks are better than patrol boats.\n")
    article = clean(ARTICLE + thread)
    assert [c.author for c in article.comments] == ["Ola Brek", "Ines Tamm"]
    assert "treaty" not in article.body


def test_comments_closed_notice_is_chrome_and_closes_the_body():
    article = clean(ARTICLE + "\n\nComments are closed.\n")
    assert removal(article, 9) == ("chrome", "comments-closed notice")
    assert article.comments == ()


def test_thread_ends_at_a_stack_of_counters():
    thread = "\n\n2 Comments\nOldest\nEdda Lind\n\nGood news for the fishermen.\n\n2\n0\nJoin us\n"
    article = clean(ARTICLE + thread)
    assert [c.lines for c in article.comments] == [(11, 13)]
    assert removal(article, 15)[0] == "chrome"


def test_thread_ends_at_a_footer_menu():
    thread = "\n\nDiscussion\nAri Lund\n3 hours ago\nFinally.\nAbout | Contact | Advertise\n"
    article = clean(ARTICLE + thread)
    assert [c.lines for c in article.comments] == [(10, 12)]
    assert removal(article, 13) == ("chrome", "navigation, share or account links")


def test_header_before_the_article_does_not_open_a_thread():
    lines = ["Ministers meet in Tovana", "12 Comments", "", *ARTICLE.split("\n")[2:]]
    assert find_start(lines, first_prose=3) is None


def test_subheadings_between_paragraphs_are_not_a_thread():
    text = ARTICLE + "\n\nDiscussion\n\nThe ministers will meet again in the spring, their offices said.\n"
    article = clean(text)
    assert article.comments == ()
    assert "spring" in article.body


def test_author_like_lines():
    assert is_author_like("Mira Holm")
    assert is_author_like("kestrel77")
    assert not is_author_like("The quota talks are overdue.")
    assert not is_author_like("https://example.org/x")
    assert not is_author_like("Reply")


def test_no_prose_means_no_thread():
    assert parse_thread(["Jon says:", "Hi."], first_prose=None).start is None


def test_counted_header_without_structure_opens_a_thread_after_the_article():
    thread = ("\n\n3 Comments\nkestrel77The quota talks are long overdue and the whole coast knows it.\n"
              "Mira HolmNobody mentions the trawler licences, which matter more than the boundary.\n")
    article = clean(ARTICLE + thread)
    assert "overdue" not in article.body
    assert removal(article, 10) == ("comment", "reader comment thread")


def test_author_comment_reply_rhythm_without_header_or_timestamps():
    thread = ("\n\nMira Holm\nThe quota talks are long overdue.\nReply\nkestrel77\nAgreed.\nReply\n"
              "Ola Brek\nNobody mentions the licences.\nReply\n")
    article = clean(ARTICLE + thread)
    assert [c.author for c in article.comments] == ["Mira Holm", "kestrel77", "Ola Brek"]


def test_thread_headers_and_timestamps_in_other_languages():
    thread = "\n\n3 Kommentare\nMira Holm\nvor 3 Stunden\nDie Gespräche waren überfällig.\nAntworten\n"
    article = clean(ARTICLE + thread)
    assert [c.author for c in article.comments] == ["Mira Holm"]


def test_author_and_age_on_one_line():
    thread = "\n\nMira Holm • 3 years ago\nThe quota talks are long overdue.\nkestrel77 · 2h\nAgreed.\n"
    article = clean(ARTICLE + thread)
    assert [(c.author, c.text) for c in article.comments] == [
        ("Mira Holm", "The quota talks are long overdue."), ("kestrel77", "Agreed.")]


def test_author_over_a_bare_date():
    thread = ("\n\nMira Holm\n4 May 2021\nThe quota talks are long overdue.\nOla Brek\n5 May 2021\n"
              "Nobody mentions the trawler licences.\n")
    article = clean(ARTICLE + thread)
    assert [c.author for c in article.comments] == ["Mira Holm", "Ola Brek"]
    assert article.published is None


def test_comment_form_heading_after_the_comments_closes_the_thread():
    thread = "\n\n2 thoughts on this\nJon Aske says:\nA fair summary.\nReply\nLeave a Reply\nName *\n"
    article = clean(ARTICLE + thread)
    assert [c.lines for c in article.comments] == [(10, 12)]
