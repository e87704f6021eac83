"""``readout eval events``: the seeds' event figures against gold events (../shared/gold/events.json).

The figures and rules are those of the gold file's ``about`` (the judge's scorer reads the same file):
meetings right (type, date by the text_date rule, documents, people, also_present), false dates (a day
no capture states), secondary events (accepted type with a mention on the gold line), attributions
(document, kind, a match word in by/via), roles (visitor actor, host recipient) and topics.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from readout.model import Event

SURNAME = re.compile(r"[a-z]+")
# A vowel's 'y' written 'i' (the Cyrillic short i, transliterated either way: "-oygu"/"-oigu", "-ey"/"-ei"):
# one surname, whichever spelling the gold file or the capture uses.
SHORT_I = re.compile(r"(?<=[aeiou])y")


def _names(value: Any) -> list[str]:
    if not value:
        return []
    if isinstance(value, (str, dict)):
        value = [value]
    return [
        str(v.get("canonical") or v.get("name") or v.get("text") or "") if isinstance(v, dict) else str(v)
        for v in value
    ]


def _surnames(values: Any) -> set[str]:
    out = set()
    for name in _names(values):
        tokens = SURNAME.findall(name.lower().replace("al-", ""))
        if tokens:
            out.add(SHORT_I.sub("i", tokens[-1]))
    return out


def _people(e: dict[str, Any]) -> list[str]:
    return _names(e.get("participants")) + _names(e.get("actor")) + _names(e.get("recipient"))


def _docs(e: dict[str, Any]) -> set[str]:
    return {Path(str(d)).name for d in e.get("documents") or []}


def _date(e: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    d = e.get("date") or {}
    return d.get("value"), d.get("earliest"), d.get("latest")


def _day(e: dict[str, Any]) -> str | None:
    value, lo, hi = _date(e)
    return value or (lo if lo and lo == hi else None)


def _verdict(g: dict[str, Any], e: dict[str, Any]) -> str:
    _, lo, hi = _date(e)
    day, truth = _day(e), g["true_date"]
    if g.get("text_date"):
        return "right" if day == g["text_date"] else "false" if day else "missing"
    if day or (lo and lo[: len(truth)] > truth) or (hi and hi[: len(truth)] < truth[: len(hi)]):
        return "false"
    return "right"


def _attributions(g: dict[str, Any], e: dict[str, Any]) -> tuple[int, list[str]]:
    items = [x for x in e.get("attributions") or [] if len(str(x.get("by") or "")) <= 80]
    used: set[int] = set()
    found, missing = 0, []
    for a in g.get("attributions", []):
        for k, x in enumerate(items):
            said = f"{x.get('by') or ''} {x.get('via') or ''}".lower()
            if (
                k not in used
                and Path(str(x.get("source", ""))).name == a["document"]
                and x.get("kind") in a["kinds"]
                and any(m.lower() in said for m in a["match"])
            ):
                used.add(k)
                found += 1
                break
        else:
            missing.append(a["by"])
    return found, missing


def _topics(g: dict[str, Any], e: dict[str, Any]) -> int:
    texts = " ".join(
        str(t.get("text") or "")
        for t in e.get("topics") or []
        if Path(str(t.get("source", ""))).name in g["documents_allowed"]
    ).lower()
    return sum(any(w.lower() in texts for w in group) for group in g.get("topics_match", []))


def _mention_lines(e: dict[str, Any], doc: str) -> set[int]:
    out: set[int] = set()
    for m in e.get("mentions") or []:
        if Path(str(m.get("source", ""))).name == doc and m.get("lines"):
            out.update(range(m["lines"][0], m["lines"][-1] + 1))
    return out


@dataclass
class EventsReport:
    total: int
    right: int = 0
    false_dates: int = 0
    secondary: int = 0
    secondary_total: int = 0
    attributions: int = 0
    attributions_total: int = 0
    roles: int = 0
    topics: int = 0
    topics_total: int = 0
    notes: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        return [
            *self.notes,
            (
                f"seeds events: meetings right {self.right}/{self.total} false dates {self.false_dates} "
                f"secondary {self.secondary}/{self.secondary_total} attributions {self.attributions}/"
                f"{self.attributions_total} roles {self.roles}/{self.total} "
                f"topics {self.topics}/{self.topics_total}"
            ),
        ]


def _match(gold: dict[str, Any], pred: list[dict[str, Any]]) -> dict[int, int]:
    pairs = []
    for gi, g in enumerate(gold["events"]):
        want, gdocs = _surnames(g["participants"]), set(g["documents"])
        for i, e in enumerate(pred):
            docs = _docs(e)
            place = " ".join(_names(e.get("place")))
            if g["place"].lower() in place.lower() and want <= _surnames(_people(e)) and docs & gdocs:
                score = len(docs & gdocs) - 0.5 * len(docs - gdocs) + 2 * (_verdict(g, e) == "right")
                pairs.append((score, -i, gi, i))
    match: dict[int, int] = {}
    used: set[int] = set()
    for _, _, gi, i in sorted(pairs, reverse=True):
        if gi not in match and i not in used:
            match[gi] = i
            used.add(i)
    return match


def score(gold: dict[str, Any], pred: list[dict[str, Any]]) -> EventsReport:
    """The gold file's figures for a list of event records (the events_output JSON's ``events``)."""
    report = EventsReport(total=len(gold["events"]))
    match = _match(gold, pred)
    false: set[int] = set()
    for gi, g in enumerate(gold["events"]):
        report.attributions_total += len(g.get("attributions", []))
        report.topics_total += len(g.get("topics_match", []))
        if gi not in match:
            report.notes.append(f"{g['id']}: not found as its own event (missing, or merged with another)")
            continue
        e = pred[match[gi]]
        why = []
        if str(e.get("type")).upper() != "CONSULT":
            why.append(f"type {e.get('type')} (a meeting is CONSULT)")
        verdict = _verdict(g, e)
        if verdict != "right":
            why.append(f"date {_date(e)} is {verdict}")
            if verdict == "false":
                false.add(match[gi])
        docs = _docs(e)
        if not set(g["documents"]) <= docs or not docs <= set(g.get("documents_allowed", g["documents"])):
            why.append(f"documents {sorted(docs)}")
        allowed = _surnames(g["participants"] + g.get("also_present", []))
        if not _surnames(_people(e)) <= allowed:
            why.append(f"people beyond the meeting: {sorted(_surnames(_people(e)) - allowed)}")
        lacking = _surnames(g.get("also_present")) - _surnames(_people(e) + _names(e.get("also_present")))
        if lacking:
            why.append(f"also_present lacks {sorted(lacking)}")
        report.roles += _surnames(e.get("actor")) == _surnames([g["visitor"]]) and _surnames(
            e.get("recipient")
        ) == _surnames([g["host"]])
        report.topics += _topics(g, e)
        found, missing = _attributions(g, e)
        report.attributions += found
        report.right += not why
        report.notes += [f"{g['id']}: {w}" for w in why] + [
            f"{g['id']}: no attribution item for {x}" for x in missing
        ]
    stated = set(gold.get("stated_days", []))
    for i, e in enumerate(pred):
        day = _day(e)
        if day and day not in stated and i not in false:
            false.add(i)
            report.notes.append(
                f"record {e.get('id')} ({e.get('type')}): day {day} is stated nowhere in the seeds"
            )
    report.false_dates = len(false)
    for s in gold.get("secondary", []):
        ok = any(
            str(e.get("type")).upper() in s["types"] and set(s["line"]) & _mention_lines(e, s["document"])
            for e in pred
        )
        report.secondary += ok
        report.secondary_total += 1
        if not ok:
            report.notes.append(
                f"secondary {s['types'][0]} at {s['document']}:{s['line']}: no record of that type "
                "mentioning that line"
            )
    return report


def build_events(captures: Path) -> list[Event]:
    """The pipeline in process: annotate the captures, extract per document, link across them."""
    from readout.events import extract_events, link_events
    from readout.nlp import annotate_collection, load_nlp
    from readout.pipeline.run import clean_all
    from readout.settings import DEFAULT_SETTINGS

    paths = sorted(str(p) for p in captures.iterdir() if p.is_file())
    articles = [article for _, article in clean_all(paths, "text") if article is not None]
    mentions = []
    for item, doc in annotate_collection(articles, load_nlp(), DEFAULT_SETTINGS):
        mentions.extend(extract_events(item, doc))
    return link_events(mentions)


def evaluate_events(gold: Path, captures: Path | None = None, db: Path | None = None) -> EventsReport:
    from readout.events.export import EXPORTERS

    truth = json.loads(Path(gold).read_text(encoding="utf-8"))
    if db is not None:
        from readout.store import open_store

        with open_store(db, create=False) as store:
            events: Sequence[Event] = store.events()
    else:
        events = build_events(captures or Path(gold).resolve().parent.parent / "seeds")
    return score(truth, json.loads(EXPORTERS["json"](events))["events"])
