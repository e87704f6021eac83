"""The report: one card per stored event matching the store, hostile capture text kept as text."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from readout.model import Comment, DateValue, EventMention, Evidence, ManifestEntry, Removal
from readout.report import json_island, md_escape, write_report
from readout.store import open_store
from readout.store.synthetic import annotate_simply, article_from_lines, event_from_mentions, sentence_mention

HOSTILE = [
    "Envoys meet <script>alert(1)</script> in Tamsk",
    "",
    "Envoy Lida Renn met envoy Osk Faber in Tamsk on 2 May 2021 <img src=x onerror=alert(2)>.",
    "",
    "They discussed </script><script>alert(3)</script> grain corridors & fees.",
    "",
    "Menu | Login <a href=javascript:alert(4)>x</a>",
]
PLAIN = ["Second round in Tamsk", "", "Renn and Faber met again in Tamsk, officials said."]
NAMES = {
    "Lida Renn": ("Lida Renn", "PERSON"),
    "Renn": ("Lida Renn", "PERSON"),
    "Osk Faber": ("Osk Faber", "PERSON"),
    "Faber": ("Osk Faber", "PERSON"),
    "Tamsk": ("Tamsk", "GPE"),
}


class Cards(HTMLParser):
    """Collects each event card's id and the text of its participants, place and date fields."""

    def __init__(self) -> None:
        super().__init__()
        self.cards: dict[str, dict[str, str]] = {}
        self.scripts: list[dict[str, str | None]] = []
        self.attributes: set[str] = set()
        self._card: str | None = None
        self._field: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.attributes |= set(a)
        if tag == "script":
            self.scripts.append(a)
        if tag == "article" and "event" in (a.get("class") or ""):
            self._card = a["data-event-id"]
            self.cards[self._card] = {}
        elif (
            tag == "dd" and self._card and a.get("class") in ("participants", "place", "date", "also-present")
        ):
            self._field = a["class"]
            self.cards[self._card][self._field] = ""

    def handle_endtag(self, tag):
        if tag == "dd":
            self._field = None
        if tag == "article":
            self._card = None

    def handle_data(self, data):
        if self._card and self._field:
            self.cards[self._card][self._field] += data


@pytest.fixture
def store(tmp_path):
    hostile = article_from_lines("hostile.txt", HOSTILE)
    hostile = hostile.__class__(
        **{
            **hostile.__dict__,
            "removed": (Removal((7, 7), "chrome", "navigation"),),
            "comments": (Comment("troll<b>", "<script>alert(5)</script>", (7, 7)),),
        }
    )
    plain = article_from_lines("plain.txt", PLAIN)
    h, p = annotate_simply(hostile, NAMES), annotate_simply(plain, NAMES)
    day = DateValue(
        value="2021-05-02", stated="2 May 2021", evidence=(Evidence("hostile.txt", (3, 3), "2 May 2021"),)
    )
    first = EventMention(
        type="CONSULT",
        mode=None,
        cameo="040",
        actor=("Lida Renn", "Osk Faber"),
        recipient=(),
        participants=("Lida Renn", "Osk Faber"),
        also_present=(),
        place="Tamsk",
        date=day,
        duration=None,
        topics=(),
        attributions=(),
        mentions=(sentence_mention(h, "met envoy"),),
        source="hostile.txt",
    )
    second = EventMention(
        type="CONSULT",
        mode=None,
        cameo="040",
        actor=("Lida Renn", "Osk Faber"),
        recipient=(),
        participants=("Lida Renn", "Osk Faber"),
        also_present=(),
        place="Tamsk",
        date=DateValue(),
        duration=None,
        topics=(),
        attributions=(),
        mentions=(sentence_mention(p, "met again"),),
        source="plain.txt",
    )
    path = tmp_path / "r.db"
    with open_store(path, create=True) as st:
        st.put_capture(ManifestEntry("hostile.txt", None, hostile.id, "ok"), h, [first])
        st.put_capture(ManifestEntry("plain.txt", None, plain.id, "ok"), p, [second])
        st.put_entry(ManifestEntry("bad.bin", None, None, "rejected", "not text: <svg onload=alert(6)>"))
        st.replace_events([event_from_mentions("ev<1>", [first]), event_from_mentions("ev2", [second])])
    with open_store(path, create=False) as st:
        yield st


def test_cards_match_the_store(store, tmp_path, contract):
    page = write_report(store, tmp_path / "out")
    assert page == tmp_path / "out" / "index.html"
    parser = Cards()
    parser.feed(page.read_text(encoding="utf-8"))
    events = store.events()
    assert set(parser.cards) == {e.id for e in events}
    for e in events:
        card = parser.cards[e.id]
        assert card["participants"] == ", ".join(e.participants)
        assert card["place"].strip() == e.place
        assert card["date"].split()[0] == (e.date.value or "unknown")
    twin = json.loads((tmp_path / "out" / "events.json").read_text())
    contract("events_output", twin)
    assert [e["id"] for e in twin["events"]] == [e.id for e in events]
    assert (tmp_path / "out" / "readout.md").read_text().count("### ") == len(events)


def test_hostile_markup_stays_text(store, tmp_path):
    html = write_report(store, tmp_path / "out").read_text(encoding="utf-8")
    parser = Cards()
    parser.feed(html)
    # Only the page's own two scripts: the JSON island and the filter.
    assert [s.get("type") for s in parser.scripts] == ["application/json", None]
    assert "<script>alert" not in html and "<img" not in html
    assert not [name for name in parser.attributes if name.startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    island = re.search(r'<script type="application/json" id="events-data">(.*?)</script>', html, re.S).group(
        1
    )
    assert "<" not in island and ">" not in island and "&" not in island
    assert json.loads(island)["events"][0]["id"] == "ev<1>"
    md = (tmp_path / "out" / "readout.md").read_text()
    assert "<script>" not in md and "<img" not in md and "&lt;script&gt;" in md


def test_json_island_and_markdown_escapes():
    assert str(json_island({"a": "</script><b>&"})) == '{"a": "\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'
    assert md_escape("a | b <i>*x*</i>") == "a \\| b &lt;i&gt;\\*x\\*&lt;/i&gt;"


def _event(event_id, type_="CONSULT", date=None, opinion=False, topics=()):
    from readout.model import Event

    return Event(
        id=event_id,
        type=type_,
        mode=None,
        cameo="040",
        actor=("Lida Renn",),
        recipient=("Osk Faber",),
        participants=("Lida Renn", "Osk Faber"),
        also_present=(),
        place="Tamsk",
        date=date or DateValue(),
        duration=None,
        topics=topics,
        attributions=(),
        documents=("dir/sub/hostile.txt",),
        mentions=(),
        opinion=opinion,
    )


def test_reading_order_puts_dated_events_in_time_then_undated_meetings_first():
    from readout.report import reading_order

    events = [
        _event("threat", type_="THREATEN"),
        _event("late", date=DateValue(value="2021-06-01")),
        _event("opinion", opinion=True),
        _event("meeting"),
        _event("early", type_="THREATEN", date=DateValue(value="2020-01-05")),
        _event("year", date=DateValue(earliest="2020-01-01", latest="2020-12-31", stated="2020")),
    ]
    assert [e.id for e in reading_order(events)] == ["year", "early", "late", "meeting", "threat", "opinion"]


def test_a_stated_day_without_a_year_says_the_year_is_missing():
    from readout.report import date_text

    assert date_text(DateValue(stated="Tuesday, March 3")) == "Tuesday, March 3 (no year stated)"
    assert date_text(DateValue(stated="Tuesday")) == "Tuesday (no full date)"
    assert date_text(DateValue(value="2021-05-02", stated="2 May 2021")) == "2021-05-02"


def test_cards_list_informative_topics_and_short_source_names(tmp_path):
    from readout.model import Topic
    from readout.report import _environment, report_data

    topics = (
        Topic("grain corridors", "dir/sub/hostile.txt", (5, 5)),
        Topic("grain corridors and fees", "dir/sub/hostile.txt", (5, 5)),
        Topic("Osk Faber", "dir/sub/hostile.txt", (3, 3)),  # a party's name says nothing of the talks
        Topic("issues", "dir/sub/hostile.txt", (5, 5)),  # an empty noun neither
    )
    event = _event("ev", topics=topics)

    class OneEvent:
        def events(self):
            return [event]

        def articles(self):
            return []

        def manifest(self):
            return []

    data = report_data(OneEvent())
    assert [t["text"] for t in data["events"][0]["topics"]] == ["grain corridors and fees"]
    html = _environment().get_template("index.html.j2").render(**data)
    assert ">line 5<" in html and 'title="dir/sub/hostile.txt"' in html
    assert "dir/sub/hostile.txt line 5" not in html
