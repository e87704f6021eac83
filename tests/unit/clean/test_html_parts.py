"""The pieces of HTML mode: rendering, mapping extracted blocks to lines, dates with evidence, depth."""

from __future__ import annotations

import time
from datetime import datetime

import pytest
from lxml import etree

from readout.clean import CleanContext
from readout.clean.html import clean_html, date_evidence, is_comment_area, map_blocks, publication_date
from readout.clean.render import parse, render, render_with_links
from readout.errors import InputError
from readout.ingest.decode import content_id
from readout.model import Capture

TODAY = datetime(2027, 11, 24)
SECTIONS = ("News", "World", "Sport", "Money", "Travel", "Food")
NAV = "".join(f"<li><a href='/{s}'>{s}</a></li>" for s in SECTIONS)
STORY = ("<p>The harbour master of Quellin resigned on Tuesday after a week of protests by ferry crews "
         "over unpaid overtime.</p><p>Her deputy, Anselm Roke, will run the port until a successor is "
         "chosen by the town council next month.</p>")


def page(head: str = "", top: str = "", byline: str = "", aside: str = "", url: str | None = None) -> Capture:
    markup = (f"<html><head>{head}</head><body><div class='top'>{top}</div><ul>{NAV}</ul>"
              f"<article><h1>Quellin harbour master resigns</h1>{byline}{STORY}</article>"
              f"<aside>{aside}</aside><footer>(c) 2001-2023 Quellin Courier</footer></body></html>")
    return Capture("p.html", url, content_id(markup), markup, "html")


def publication_date_in_byline(byline: str):
    """The evidence for 2 May 2023 found in the byline line alone (as if htmldate had read it there)."""
    capture = page(byline=byline)
    lines = render(capture.text).text.split("\n")
    title = lines.index("Quellin harbour master resigns") + 1
    content = frozenset(n for n, line in enumerate(lines, start=1) if "resigned on" in line or "Roke" in line)
    tree, _ = parse(capture.text)
    return date_evidence(tree, "2023-05-02", None, lines, title, content, TODAY)


def date_of(capture: Capture):
    lines = render(capture.text).text.split("\n")
    title = lines.index("Quellin harbour master resigns") + 1
    content = frozenset(n for n, line in enumerate(lines, start=1) if "resigned on" in line or "Roke" in line)
    return publication_date(capture.text, capture.url, lines, title, content, TODAY)


def test_render_puts_blocks_on_their_own_lines_and_drops_scripts():
    text = render("<html><head><title>T</title></head><body><div>Top <b>bold</b>\n  words</div>"
                  "<script>var hidden = 1;</script><p>One<br>Two</p><ul><li>a</li><li>b</li></ul>"
                  "<table><tr><td>x</td><td>y</td></tr></table>"
                  "<pre>  kept\n    indent</pre></body></html>").text
    assert text.split("\n\n") == ["Top bold words", "One\nTwo", "a", "b", "x y", "  kept\n    indent\n"]


def test_map_blocks_matches_whole_lines_and_never_short_fragments():
    lines = ["Share", "", "The mayor of Ostby opened the new library on Saturday morning.", "", "Read more"]
    blocks = ["The mayor of Ostby opened the new library on Saturday morning. Share", "Read more about it"]
    assert map_blocks(lines, blocks) == frozenset({3})


def test_published_meta_is_the_evidence():
    capture = page(head='<meta property="article:published_time" content="2023-05-02T08:00:00Z">')
    assert (date_of(capture).date, date_of(capture).evidence) == ("2023-05-02", "meta article:published_time")


def test_modified_time_alone_is_not_a_publication_date():
    modified = '<meta property="article:modified_time" content="2023-05-09T08:00:00Z">'
    assert date_of(page(head=modified)) is None


def test_url_date_is_evidence():
    published = date_of(page(url="https://courier.example/2023/05/02/harbour-master-resigns"))
    assert (published.date, published.evidence) == ("2023-05-02", "url")


def test_canonical_url_date_is_evidence():
    published = date_of(page(head='<link rel="canonical" href="https://courier.example/2023/05/02/quellin">'))
    assert (published.date, published.evidence) == ("2023-05-02", "canonical url")


def test_byline_date_beside_the_headline_is_evidence():
    published = date_of(page(byline="<p class='byline'>By Oda Strand, 2 May 2023</p>"))
    assert published.date == "2023-05-02" and published.evidence.startswith('line ')


def test_a_date_inside_a_busy_byline_is_evidence():
    byline = "<p class='byline'>By Oda Strand | Updated 14:32, 9 May 2023 | Published 08:05, 2 May 2023</p>"
    published = publication_date_in_byline(byline)
    assert published is not None and published.evidence.startswith("line ")
    assert publication_date_in_byline("<p class='byline'>By Oda Strand | 9 May 2023</p>") is None


def test_time_element_shown_in_the_byline_is_evidence_even_in_words():
    byline = "<p class='byline'>By Oda Strand <time datetime='2023-05-02T07:10'>Tuesday morning</time></p>"
    published = date_of(page(byline=byline))
    assert published.date == "2023-05-02" and published.evidence.startswith('time element "Tuesday morning"')


def test_a_time_element_far_from_the_headline_is_not():
    teaser = "<p><a href='/y'>Older story</a> <time datetime='2023-04-20'>last week</time></p>"
    assert date_of(page(aside=teaser)) is None


def test_capture_time_clock_and_teaser_dates_are_not_publication_dates():
    clock = "<span class='date'>Tuesday, 2 May 2023</span>"
    teaser = ("<div class='teaser'><a href='/x'>Ferry timetable changes</a> "
              "<span class='date'>28 April 2023</span></div>")
    assert date_of(page(top=clock)) is None
    assert date_of(page(aside=teaser)) is None


def test_copyright_years_are_never_a_date():
    assert date_of(page()) is None  # footer "(c) 2001-2023": the extensive search would say 2023-01-01
    # htmldate falls back to copyrightYear as 1 January of that year; no evidence names a day, so dropped
    assert date_of(page(head='<meta itemprop="copyrightYear" content="2022">')) is None


def test_deep_nesting_returns_quickly_and_keeps_what_precedes_it():
    markup = ("<html><body><h1>Quellin harbour master resigns</h1>" + STORY + "<div>" * 10_000 + "deep"
              + "</div>" * 10_000 + "</body></html>")
    started = time.monotonic()
    article = clean_html(Capture("deep.html", None, content_id(markup), markup, "html"), CleanContext())
    assert time.monotonic() - started < 10  # a hang guard, not a benchmark
    assert "Anselm Roke" in article.body and "deep" not in article.body


def test_deep_nesting_with_no_text_before_it_is_rejected_with_the_reason():
    markup = "<html><body>" + "<div>" * 10_000 + "deep" + "</div>" * 10_000 + "</body></html>"
    with pytest.raises(InputError, match="nested deeper than the parser's limit"):
        clean_html(Capture("deep.html", None, content_id(markup), markup, "html"), CleanContext())


@pytest.mark.parametrize(("attributes", "comment"), [
    ({"class": "comment-list"}, True), ({"id": "readerReplies"}, True), ({"class": "responses"}, True),
    ({"class": "kommentare box"}, True), ({"class": "responsive-grid"}, False), ({"id": "commentary"}, False),
    ({"class": "story-body"}, False),
])
def test_comment_areas_are_named_by_whole_words_of_class_or_id(attributes, comment):
    assert is_comment_area(etree.Element("div", attributes)) is comment


def test_a_wrapper_named_for_comments_does_not_take_the_article_out():
    markup = ("<html><body><div class='article comments-enabled'><h1>Quellin harbour master resigns</h1>"
              + STORY + "</div></body></html>")
    article = clean_html(Capture("w.html", None, content_id(markup), markup, "html"), CleanContext())
    assert "Anselm Roke" in article.body and not article.comments


def test_render_reports_the_share_of_link_text_per_line():
    tree, _ = parse("<html><body><p>Read more: <a href='/x'>Ferry fares rise</a></p>"
                    "<p>The mayor <a href='/m'>spoke</a> at length.</p></body></html>")
    rendered = render_with_links(tree)
    text, shares = rendered.text, rendered.link_shares
    assert text.split("\n") == ["Read more: Ferry fares rise", "", "The mayor spoke at length.", ""]
    assert shares[0] == pytest.approx(len("Ferryfaresrise") / len("Readmore:Ferryfaresrise"))
    assert shares[2] < 0.3


def test_a_related_link_inside_the_body_is_removed_but_a_linked_sentence_is_kept():
    markup = ("<html><body><h1>Quellin harbour master resigns</h1>" + STORY
              + "<p>Read more: <a href='/x'>Ferry crews vote to strike over overtime pay</a></p>"
              + "<p>The full letter is <a href='/letter'>published on the council's website</a>.</p>"
              + "</body></html>")
    article = clean_html(Capture("p.html", None, content_id(markup), markup, "html"), CleanContext())
    assert "Ferry crews vote" not in article.body
    assert "The full letter is published on the council's website." in article.body
    assert any(r.reason.startswith("a link to another page") for r in article.removed)


def test_a_text_over_the_parser_size_limit_is_rejected_not_silently_dropped():
    minutes = "The council met again today. " * 400_000  # 11.6 MB in one text node
    markup = f"<html><body><h1>Minutes</h1><p>{minutes}</p></body></html>"
    with pytest.raises(InputError, match="more than 10 MB"):
        clean_html(Capture("big.html", None, content_id(markup), markup, "html"), CleanContext())


def test_a_rendered_line_of_millions_of_characters_is_rejected_with_its_length():
    markup = f"<html><body><h1>Minutes</h1><p>{'The council met again. ' * 100_000}</p></body></html>"
    with pytest.raises(InputError, match=r"rendered line 3 is 2\.3 million characters long"):
        clean_html(Capture("long.html", None, content_id(markup), markup, "html"), CleanContext())
