"""Whole-capture meeting records: captures written for these tests (tests/data/events/captures), run through
the real pipeline (clean, annotate, extract, link), each expected meeting its own CONSULT record with exactly
its people, also_present, place, date, visitor/host and mode, and no other meeting record in its document.
The expectations and their rules are in that folder's expected.json."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest

from readout.model import Event, EventMention

CAPTURES = Path(__file__).resolve().parents[2] / "data" / "events" / "captures"
EXPECTED = json.loads((CAPTURES / "expected.json").read_text(encoding="utf-8"))["meetings"]
READABLE = (".txt", ".html", ".jsonl")


def surnames(names) -> set[str]:
    return {n.split()[-1].lower() for n in names or ()}


@cache
def build(folder: Path) -> tuple[list[Event], list[EventMention]]:
    """Every event of the folder's captures, and the back-reference mentions extraction made."""
    from readout.events import extract_events, link_events
    from readout.nlp import annotate_collection, load_nlp
    from readout.pipeline.run import clean_all
    from readout.settings import DEFAULT_SETTINGS

    paths = sorted(str(p) for p in folder.iterdir() if p.suffix in READABLE)
    articles = [article for _, article in clean_all(paths) if article is not None]
    mentions: list[EventMention] = []
    for item, doc in annotate_collection(articles, load_nlp(), DEFAULT_SETTINGS):
        mentions.extend(extract_events(item, doc))
    return link_events(mentions), [m for m in mentions if m.back_reference]


def _docs(event: Event) -> set[str]:
    return {Path(d).name for d in event.documents}


def problems(want: dict, event: Event) -> list[str]:
    """What is wrong with ``event`` as the record of the expected meeting ``want`` (empty: right)."""
    why = []
    if event.type != "CONSULT":
        why.append(f"type {event.type}")
    if surnames(event.participants) != surnames(want["participants"]):
        why.append(f"participants {list(event.participants)}")
    if not surnames(want["also_present"]) <= surnames(event.also_present):
        why.append(f"also_present {list(event.also_present)}")
    if event.place not in want["place"]:
        why.append(f"place {event.place}")
    if event.date.value not in want["date"] or (
        event.date.value is None
        and None in want["date"]
        and event.date.earliest
        and event.date.earliest == event.date.latest
    ):
        why.append(f"date {event.date.value or (event.date.earliest, event.date.latest)}")
    roles = (surnames(event.actor), surnames(event.recipient))
    if not any(roles == (surnames(a), surnames(r)) for a, r in want["roles"]):
        why.append(f"roles {list(event.actor)} -> {list(event.recipient)}")
    if event.mode not in want["mode"]:
        why.append(f"mode {event.mode}")
    if not set(want["documents"]) <= _docs(event) or not _docs(event) <= set(want["documents"]):
        why.append(f"documents {sorted(_docs(event))}")
    return why


def meeting_report(folder: Path, expected: list[dict]) -> tuple[int, list[str]]:
    """(meetings right, notes): each expected meeting against the CONSULT records of its documents, and
    every other CONSULT record of those documents (not a back-reference) as a spurious one."""
    events, back = build(folder)
    back_spans = {(Path(x.source).name, x.start) for m in back for x in m.mentions}
    right, notes, used = 0, [], set()
    for want in expected:
        docs = set(want["documents"])
        found = [e for e in events if e.type == "CONSULT" and _docs(e) & docs]
        scored = sorted(((len(problems(want, e)), i) for i, e in enumerate(found) if e.id not in used))
        if not scored:
            notes.append(f"{want['id']}: no CONSULT record")
            continue
        event = found[scored[0][1]]
        used.add(event.id)
        why = (
            problems(want, event)
            if surnames(event.participants) & surnames(want["participants"])
            else ["no record with its people"]
        )
        right += not why
        notes += [f"{want['id']}: {w}" for w in why]
    docs = {d for want in expected for d in want["documents"]}
    for e in events:
        if e.type != "CONSULT" or e.id in used or not _docs(e) & docs:
            continue
        if all((Path(x.source).name, x.start) in back_spans for x in e.mentions):
            continue
        notes.append(f"spurious CONSULT {list(e.participants)} in {sorted(_docs(e))}")
    return right, notes


@pytest.mark.parametrize(
    "want",
    [
        pytest.param(w, marks=pytest.mark.xfail(reason=w["known_gap"], strict=True))
        if "known_gap" in w
        else w
        for w in EXPECTED
    ],
    ids=[w["id"] for w in EXPECTED],
)
def test_each_meeting_is_its_own_right_record(want):
    events, _ = build(CAPTURES)
    docs = set(want["documents"])
    candidates = [e for e in events if e.type == "CONSULT" and _docs(e) & docs]
    verdicts = [problems(want, e) for e in candidates]
    assert [] in verdicts, f"{want['id']}: " + " / ".join("; ".join(v) for v in verdicts)


def test_no_other_meeting_records_in_these_documents():
    _, notes = meeting_report(CAPTURES, EXPECTED)
    assert not [n for n in notes if n.startswith("spurious")]
