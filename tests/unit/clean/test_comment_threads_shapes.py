"""Reader-comment threads in other languages and widget shapes, and under short articles without a header:
recognised by their rhythm and controls, while bylines and opening posts stay with the article."""

from __future__ import annotations

import pytest

from readout.clean.comments import is_author_like, is_stamp

from .support import ARTICLE, clean, removal

SHORT = ("Harbour ferry leaves later from Monday\n\nThe morning ferry to Callan Island will leave at 7.15 "
         "instead of 7.00 from Monday, the operator said.\n\nThe evening crossing is unchanged.\n")


def _authors(text: str) -> list[str | None]:
    return [c.author for c in clean(text).comments]


def test_headerless_thread_with_reply_controls_under_a_short_article():
    thread = ("\nMoira Feeney\n• 2 days ago\nFifteen minutes later means I miss the school bus.\nReply\n"
              "Declan Rowe\n• 1 day ago\nSame problem here, has anyone written to them?\nReply\n")
    article = clean(SHORT + thread)
    assert [c.author for c in article.comments] == ["Moira Feeney", "Declan Rowe"]
    assert "school bus" not in article.body
    assert "evening crossing" in article.body


@pytest.mark.parametrize("says", ["dit :", "ha scritto:", "zegt:", "disse:", "schreibt:", "пишет:"])
def test_translated_says_lines_open_a_thread_under_a_short_article(says):
    thread = (f"\nMoira Feeney {says}\n3 April 2025 at 8:41 am\nFifteen minutes later is too late.\n"
              f"Declan Rowe {says}\n3 April 2025 at 10:02 am\nWe should write to the operator.\n")
    article = clean(SHORT + thread)
    assert [c.author for c in article.comments] == ["Moira Feeney", "Declan Rowe"]
    assert "too late" not in article.body


def test_names_and_dates_alternating_with_text_under_a_short_article():
    thread = ("\nBrenda Moss\n24 April 2025\nWell done to the crews who kept it running.\n"
              "Alan Tidy\n25 April 2025\nWill the winter timetable change too?\n"
              "Jane Hollis\n25 April 2025\nNot this year, Alan.\n")
    article = clean(SHORT + thread)
    assert [c.author for c in article.comments] == ["Brenda Moss", "Alan Tidy", "Jane Hollis"]
    assert "winter timetable" not in article.body


def test_a_block_of_bylines_after_the_first_paragraph_is_no_thread():
    text = ("Harbour wall repairs to start in September\n\nContractors will rebuild the damaged section "
            "of the east wall.\n\nThe harbour board approved the work on Tuesday.\n\nImogen Trask\n\n"
            "2 hours ago\n\nDafydd Morgan\n\n1 hour ago\n\nAna Ruiz\n\n1 hour ago\n\nWork on the wall "
            "will start on 8 September, the board said.\n\nThe wall was damaged in the February storms.\n")
    article = clean(text)
    assert article.comments == ()
    assert "February storms" in article.body


@pytest.mark.parametrize("first", ["Walt Brennan", "Guest"])  # a guest's comment opens no entry
def test_a_byline_inside_a_short_article_does_not_open_the_thread_below_it(first):
    text = ("Harbour wall repairs to start in September\n\nContractors will rebuild the damaged east "
            "wall.\n\nThe harbour board approved the work on Tuesday.\n\nImogen Trask\n\n2 hours ago\n\n"
            "Work on the wall starts on 8 September.\n\nThe wall was damaged in the storms.\n\n"
            f"{first}\n\n1 hour ago\n\nAbout time too, it has been months.\n\nReply\n\n"
            "Tessa Oyelaran\n\n30 minutes ago\n\nGood news for the boat owners.\n\nReply\n")
    article = clean(text)
    assert "Imogen Trask" not in [c.author for c in article.comments]
    assert "8 September" in article.body
    assert "The wall was damaged in the storms." in article.body


def test_an_opening_post_under_its_title_is_no_comment():
    text = ("Forums\n\nFerry timetable changes from September, does anyone know more?\n\n"
            "islander77\n\nAug 14, 2023\n\nJust seen a notice at the terminal saying the last sailing "
            "will be 7pm instead of 9pm.\n\nReply\n\nMarnie_W\n\nAug 14, 2023\n\nYes, it was on the "
            "operator's website yesterday.\n\nReply\n")
    article = clean(text)
    assert "last sailing will be 7pm" in article.body


def test_names_ending_on_an_initial_are_authors():
    assert is_author_like("Marta R.")
    assert is_author_like("Günter S.")
    assert not is_author_like("It rained.")


@pytest.mark.parametrize("header", ["3 réponses à « Les quotas de pêche »", "4 comentarios en «Las cuotas»",
                                    "التعليقات (3)", "Kommentare zu „Fangquoten“", "Add a comment…",
                                    "Dodaj komentarz", "Laat een reactie achter"])
def test_headers_in_other_languages_open_a_thread(header):
    thread = (f"\n\n{header}\nMira Holm\nLes quotas arrivent bien trop tard.\nkestrel77\nTout à fait.\n"
              "Ola Brek\nEt les licences des chalutiers ?\n")
    article = clean(ARTICLE + thread)
    assert [c.author for c in article.comments] == ["Mira Holm", "kestrel77", "Ola Brek"]
    assert "chalutiers" not in article.body


@pytest.mark.parametrize("stamp", ["2 saat önce", "14.06.2025, 19:12 Uhr", "منذ ساعتين", "5h",
                                   "8 juin 2025 à 14 h 12 min", "gestern, 18.30", "przed chwilą"])
def test_timestamps_in_other_languages(stamp):
    assert is_stamp(stamp)
    thread = (f"\n\nMira Holm\n{stamp}\nThe quota talks are long overdue, everyone knows it.\n"
              f"Ola Brek\n{stamp}\nNobody mentions the trawler licences at all.\n")
    assert _authors(ARTICLE + thread) == ["Mira Holm", "Ola Brek"]


def test_lines_with_digits_are_not_stamps():
    assert not is_stamp("Footer link 12")
    assert not is_stamp("Top 10 stories of the week")
    assert not is_stamp("The council met on 12 May and voted 7 to 2 for the plan, its clerk said.")


@pytest.mark.parametrize("control", ["Yanıtla", "رد", "Beantwoorden", "Cevapla", "Like · Reply · 2d"])
def test_reply_controls_in_other_languages_make_the_rhythm(control):
    thread = (f"\n\nMira Holm\nThe quota talks are long overdue.\n{control}\nkestrel77\n"
              f"Agreed, and not only here.\n{control}\nOla Brek\nNobody mentions the licences.\n{control}\n")
    assert _authors(ARTICLE + thread) == ["Mira Holm", "kestrel77", "Ola Brek"]


def test_facebook_plugin_control_lines_are_neither_authors_nor_the_end():
    thread = ("\n\n3 comments\nSort by\nTop\nAdd a comment...\nGordon Achebe\nThat corner has been "
              "dangerous for years.\nLike · Reply · 2d\nSally Whitcombe\nHope everyone is ok.\n"
              "Like · Reply · 1d\nFacebook Comments Plugin\n")
    article = clean(ARTICLE + thread)
    assert [(c.author, c.text) for c in article.comments] == [
        ("Gordon Achebe", "That corner has been dangerous for years."),
        ("Sally Whitcombe", "Hope everyone is ok.")]


def test_sign_in_links_above_the_first_comment_do_not_end_the_thread():
    thread = ("\n\nConversation\n27 Comments\nLog in | Sign up\nBest\nNewest\nPeterK\n5h\n"
              "Every year the same story.\nReply\nAlma Ruiz\n4h\nEasy to say if you do not run a shop.\n"
              "Reply\n")
    article = clean(ARTICLE + thread)
    assert [c.author for c in article.comments] == ["PeterK", "Alma Ruiz"]


def test_vote_counts_under_a_comment_do_not_end_the_thread():
    thread = ("\n\n9 Comments\nBest\nhank_w\n3h\nGlad nobody got hurt.\nReply\n24\n1\nLoretta Vance\n2h\n"
              "My brother was one of them.\nReply\n15\n0\nShow More Comments\n")
    article = clean(ARTICLE + thread)
    assert [c.author for c in article.comments] == ["hank_w", "Loretta Vance"]


@pytest.mark.parametrize("footer", ["Tüm hakları saklıdır.", "Impressum", "I più letti",
                                    "Все права защищены"])
def test_footers_in_other_languages_close_the_thread(footer):
    thread = (f"\n\n2 Comments\nMira Holm\n3 hours ago\nFinally.\nOla Brek\n2 hours ago\nAbout time.\n"
              f"{footer}\n")
    article = clean(ARTICLE + thread)
    assert [c.text for c in article.comments] == ["Finally.", "About time."]


def test_a_button_that_loads_more_comments_is_the_widget_s_not_a_comment_s():
    thread = ("\n\n2 Comments\nMira Holm\n3 hours ago\nFinally.\nCarica altri commenti\nOla Brek\n"
              "2 hours ago\nOk.\n")
    article = clean(ARTICLE + thread)
    assert [c.lines for c in article.comments] == [(10, 12), (14, 16)]
    assert removal(article, 13) == ("chrome", "comment thread header and controls")
