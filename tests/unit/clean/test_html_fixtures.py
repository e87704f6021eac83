"""HTML mode end to end on hand-written news pages (tests/data/html): article kept, comments apart,
dates only with evidence, and never less article text than trafilatura alone keeps."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
import trafilatura
from lxml import html as lxml_html

from readout.clean import CleanContext
from readout.clean.html import clean_html
from readout.ingest import read_inputs
from readout.model import ManifestEntry
from readout.records import clean_record


@dataclass(frozen=True)
class Page:
    name: str
    title: str
    published: tuple[str, str] | None  # (date, evidence prefix)
    article_xpath: str
    comment_xpath: str | None
    folder: str = "tests/data/html"


PAGES = [
    Page("harbour_talks.html", "Velmora and Ostrand foreign ministers agree on harbour talks",
         ("2023-04-18", "meta article:published_time"),
         '//p[@class="standfirst"] | //div[@class="story-body"]/p | //div[@class="story-body"]/h2',
         '//div[@class="comment-body"]/p'),
    Page("river_summit_nodate.html", "Mayors of Tarrow and Lisk sign river-cleanup pledge", None,
         '//div[@class="entry-content"]/p | //div[@class="entry-content"]/blockquote/p',
         '//div[@class="comment-content"]/p'),
    Page("border_visit_countdown.html", "Kestrany president visits Dorvel border crossing",
         ("2023-06-14", "line "), '//div[@class="article-text"]/p', None),
    # short paragraphs, subheads and a list: all of it article, none of it "prose" by length
    Page("port_deal_explainer.html", "What the Halvik port deal means, in five questions",
         ("2025-02-07", "meta parsely-pub-date"),
         '//div[@class="article-content"]/*[self::p[not(@class="read-more")] or self::h2]'
         ' | //div[@class="article-content"]/ul/li | //blockquote/p',
         '//p[@class="comment-text"]'),
    # reader responses that trafilatura leaves in its body (no "comment" in their markup)
    Page("ferry_strike_readers.html", "Ferry crews in Skarholm vote to strike over winter rota",
         ("2024-01-16", "meta pubdate"), '//div[@class="post-text"]/p', '//div[@class="response-body"]'),
    Page("caldera_verosa_meeting.html",
         "Caldera and Verosa leaders meet in Lunetto to revive water-sharing accord",
         ("2024-09-12", "meta article:published_time"),
         '//p[@class="standfirst"] | //div[@class="article-body"]/p', '//div[@class="comment-text"]/p',
         folder="samples"),
]
ROOT = Path(__file__).resolve().parents[3]
WORD = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> set[tuple[str, ...]]:
    words = [w.lower() for w in WORD.findall(text)]
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def shingle_f1(found: str, gold: str) -> float:
    got, want = shingles(found), shingles(gold)
    hits = len(got & want)
    return 0.0 if not hits else 2 * hits / (len(got) + len(want))


def texts(markup: str, xpath: str | None) -> list[str]:
    if xpath is None:
        return []
    return [" ".join(e.text_content().split()) for e in lxml_html.fromstring(markup).xpath(xpath)]


@pytest.fixture(scope="module", params=PAGES, ids=lambda p: p.name)
def cleaned(request):
    page = request.param
    [capture] = read_inputs([str(ROOT / page.folder / page.name)])
    return page, capture, clean_html(capture, CleanContext())


def test_title_and_date_with_evidence(cleaned):
    page, _, article = cleaned
    assert article.mode == "html" and article.title == page.title
    if page.published is None:
        assert article.published is None
    else:
        assert article.published.date == page.published[0]
        assert article.published.evidence.startswith(page.published[1])


def test_every_article_paragraph_is_in_the_body_and_no_comment_is(cleaned):
    page, capture, article = cleaned
    body = " ".join(article.body.split())
    for paragraph in texts(capture.text, page.article_xpath):
        assert paragraph in body
    for comment in texts(capture.text, page.comment_xpath):
        assert comment not in body
        assert any(comment in " ".join(c.text.split()) for c in article.comments)


def test_the_footer_is_never_a_comment_nor_body(cleaned):
    _, capture, article = cleaned
    page_footer = lxml_html.fromstring(capture.text).xpath("/html/body/footer//text()")
    footer = [" ".join(t.split()) for t in page_footer]
    for text in filter(None, footer):
        assert not any(text in c.text for c in article.comments), text
        assert text not in article.body


def test_lines_point_into_the_rendered_text(cleaned, contract):
    page, _, article = cleaned
    rendered = article.text.split("\n")
    for paragraph in article.paragraphs:
        assert paragraph.text == "\n".join(rendered[paragraph.lines[0] - 1:paragraph.lines[1]]).strip()
    assert rendered[article.title_lines[0] - 1] == page.title
    entry = ManifestEntry(article.source, article.url, article.id, "ok")
    contract("clean_record", clean_record(entry, article))


def test_no_less_article_than_trafilatura_alone(cleaned):
    page, capture, article = cleaned
    gold = "\n".join(texts(capture.text, page.article_xpath))
    baseline = trafilatura.extract(capture.text, include_comments=False) or ""
    assert shingle_f1(article.body, gold) >= shingle_f1(baseline, gold)
    assert shingle_f1(article.body, gold) >= 0.95
