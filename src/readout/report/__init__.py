"""``readout report``: the store as a page an analyst can read and check, and its Markdown and JSON twins.

``DIR/index.html`` is one self-contained file: a timeline, one card per event (participants, place,
date and its evidence, topics, attributions, the sentences that report it, quoted verbatim), a sources
table, and every capture's article with its removed chrome and comments folded away. Every string from
a capture passes through Jinja2's autoescape; the events reach the page's script only as an inert JSON
island with ``<``, ``>`` and ``&`` escaped, so a capture holding ``<script>`` or ``onerror=`` shows it as
text. ``DIR/events.json`` is the page's JSON twin (the ``events_output`` contract) and ``DIR/readout.md``
the same account in Markdown, with capture text escaped there too.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path, PurePath
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from readout.answer.cite import quote
from readout.answer.compose import MONTH_DAY, YEAR, label, says_something
from readout.model import Article, DateValue, Event, ManifestEntry
from readout.records import plain
from readout.store import Store

JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
# Markdown treats these as syntax (and some renderers pass raw HTML through): capture text is escaped.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def json_island(value: Any) -> Markup:
    """JSON safe inside ``<script type="application/json">``: no ``</script>``, no markup, no entities."""
    text = json.dumps(value, ensure_ascii=False)
    return Markup(re.sub("[<>&\u2028\u2029]", lambda m: JSON_ESCAPES[m.group(0)], text))


def md_escape(value: Any) -> str:
    """Capture text for Markdown: HTML special characters as entities, Markdown syntax backslashed."""
    if value is None:
        return ""
    text = html.escape(str(value), quote=False)
    return MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def date_text(date: DateValue) -> str:
    """The date as the captures fix it: the day, or their own words with what they leave out, or unknown."""
    if date.value:
        return date.value
    bounds = ""
    if date.earliest or date.latest:
        bounds = f"between {date.earliest or '?'} and {date.latest or '?'}"
    if date.stated:
        # "September 12" without a year is a day a reader would complete by guessing: say what is missing.
        missing = (
            "no year stated"
            if MONTH_DAY.search(date.stated) and not YEAR.search(date.stated)
            else "no full date"
        )
        return f"{date.stated} ({missing}{'; ' + bounds if bounds else ''})"
    return bounds or "unknown"


def short_source(source: str) -> str:
    """A capture's file name: the full path, repeated on every line, buries the text it points at."""
    return PurePath(source).name or source


def reading_order(events: list[Event]) -> list[Event]:
    """Dated events in time order, then undated ones: meetings first, reported before opinion-only.

    An undated event has no place on the time line; an analyst reading the rest looks for the meetings
    first, and opinion-only records last.
    """

    def key(event: Event) -> tuple:
        day = event.date.value or event.date.earliest or event.date.latest
        return (day is None, day or "", event.opinion, event.type != "CONSULT")

    return sorted(events, key=key)


def _topics_view(event: Event) -> list[dict[str, Any]]:
    """The topics worth listing: not a lone name or empty noun, not one another's repetition."""
    kept = [t for t in event.topics if says_something(t.text, event)]
    texts = [t.text.lower() for t in kept]
    out, seen = [], set()
    for t in kept:
        lowered = t.text.lower()
        if lowered in seen or any(lowered != other and lowered in other for other in texts):
            continue
        seen.add(lowered)
        out.append({"text": t.text, "source": t.source, "lines": t.lines})
    return out


def _event_view(event: Event, lines_of: dict[str, list[str]], anchors: dict[str, str]) -> dict[str, Any]:
    citations = []
    for m in event.mentions:
        if m.source in lines_of:
            citation = quote(lines_of[m.source], m.source, m.lines, m.sentence)
            if citation is not None and citation not in citations:
                citations.append(citation)
    return {
        "id": event.id,
        "anchor": "event-" + re.sub(r"[^\w-]", "-", event.id),
        "title": label(event),
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "actor": event.actor,
        "recipient": event.recipient,
        "participants": event.participants,
        "also_present": event.also_present,
        "place": event.place,
        "date": date_text(event.date),
        "evidence": event.date.evidence,
        "undated": event.date.value is None,
        "duration": event.duration,
        "topics": _topics_view(event),
        "several_documents": len(event.documents) > 1,
        "attributions": event.attributions,
        "citations": citations,
        "documents": [{"source": d, "anchor": anchors.get(d)} for d in event.documents],
        "opinion": event.opinion,
    }


def _undated(event: Event) -> bool:
    return not (event.date.value or event.date.earliest or event.date.latest)


def _capture_anchor(entry: ManifestEntry) -> str:
    return "capture-" + (entry.id or "")


def _capture_view(entry: ManifestEntry, article: Article) -> dict[str, Any]:
    lines = article.text.split("\n")

    def text_of(span: tuple[int, int]) -> str:
        return "\n".join(lines[span[0] - 1 : span[1]])

    return {
        "source": entry.source,
        "anchor": _capture_anchor(entry),
        "title": article.title,
        "byline": article.byline,
        "published": article.published,
        "paragraphs": article.paragraphs,
        "removed": [
            {"lines": r.lines, "label": r.label, "reason": r.reason, "text": text_of(r.lines)}
            for r in article.removed
        ],
        "comments": article.comments,
    }


def report_data(store: Store) -> dict[str, Any]:
    """Everything the templates show, read from the store once."""
    events = store.events()
    stored = list(store.articles())
    lines_of = {entry.source: article.text.split("\n") for entry, article in stored}
    titles = {entry.source: article.title for entry, article in stored}
    anchors = {entry.source: _capture_anchor(entry) for entry, _ in stored}
    ordered = reading_order(events)
    return {
        "events": [_event_view(e, lines_of, anchors) for e in ordered],
        "dated": [_event_view(e, lines_of, anchors) for e in ordered if not _undated(e)],
        "undated": [_event_view(e, lines_of, anchors) for e in ordered if _undated(e)],
        "events_json": {"events": plain(events)},
        "sources": [
            {"entry": e, "title": titles.get(e.source), "anchor": anchors.get(e.source)}
            for e in store.manifest()
        ],
        "captures": [_capture_view(entry, article) for entry, article in stored],
    }


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("readout.report", "templates"),
        autoescape=select_autoescape(["html", "html.j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["json_island"] = json_island
    env.filters["short"] = short_source
    return env


def _markdown_environment() -> Environment:
    # Markdown has no autoescape: ``finalize`` escapes every expression's value instead, so no
    # capture-derived string can reach the file unescaped by forgetting a filter.
    env = Environment(
        loader=PackageLoader("readout.report", "templates"),
        autoescape=False,
        finalize=md_escape,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["short"] = short_source
    return env


def write_report(store: Store, out_dir: Path) -> Path:
    """Write ``index.html``, ``events.json`` and ``readout.md`` to ``out_dir``; return the HTML's path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    data = report_data(store)
    page = out_dir / "index.html"
    page.write_text(_environment().get_template("index.html.j2").render(**data), encoding="utf-8")
    (out_dir / "events.json").write_text(
        json.dumps(data["events_json"], ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    (out_dir / "readout.md").write_text(
        _markdown_environment().get_template("readout.md.j2").render(**data), encoding="utf-8"
    )
    return page
