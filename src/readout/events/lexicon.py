"""The predicate lexicon and grammar rules, loaded once from the data files in ``lexicons/``.

Every word list lives in a data file with the reason for its contents; this module only parses them.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True)
class Predicate:
    """One lexicon entry: the head lemma, the lemmas that must hang from it, and how roles are filled."""

    head: str
    extra: tuple[str, ...]
    pos: str  # VERB | NOUN
    type: str
    mode: str | None
    cameo: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]


def _rows(name: str) -> list[list[str]]:
    text = resources.files("readout.events").joinpath("lexicons", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return [row for row in csv.reader(lines, delimiter="\t")]


@cache
def predicates() -> dict[tuple[str, str], tuple[Predicate, ...]]:
    """Entries by (head lemma, pos), longest trigger first so that 'call on' wins over 'call'."""
    rows = _rows("predicates.tsv")
    header, body = rows[0], rows[1:]
    index: dict[tuple[str, str], list[Predicate]] = {}
    for row in body:
        item = dict(zip(header, row, strict=False))
        words = item["trigger"].lower().split()
        if item["pos"] == "NOUN" and len(words) > 1:  # "phone call": head is the last word
            words = [words[-1], *words[:-1]]
        entry = Predicate(
            head=words[0],
            extra=tuple(words[1:]),
            pos=item["pos"],
            type=item["type"],
            mode=item["mode"] or None,
            cameo=item["cameo"],
            actor=tuple(item["actor"].split("|")),
            recipient=tuple(item["recipient"].split("|")),
        )
        if entry.type not in PLOVER_TYPES:
            raise ValueError(f"predicates.tsv: unknown PLOVER type {entry.type!r} for {item['trigger']!r}")
        index.setdefault((entry.head, entry.pos), []).append(entry)
    return {key: tuple(sorted(v, key=lambda e: -len(e.extra))) for key, v in index.items()}


def _json(name: str) -> dict[str, Any]:
    return json.loads(
        resources.files("readout.events").joinpath("lexicons", name).read_text(encoding="utf-8")
    )


@cache
def rules() -> dict[str, Any]:
    return _json("rules.json")


@cache
def topic_cues() -> dict[str, Any]:
    return _json("topics.json")


@cache
def source_cues() -> dict[str, Any]:
    return _json("sources.json")


@cache
def _meeting_cues() -> dict[str, Any]:
    return _json("meetings.json")


def meeting_cue(key: str) -> Any:
    """One word list (``words``) or bound (``value``) of the meeting rules in ``meetings.json``."""
    item = _meeting_cues()[key]
    return item["words"] if "words" in item else item["value"]


@cache
def demonyms() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows("demonyms.tsv")}


@cache
def word_set(file: str, key: str) -> frozenset[str]:
    """A cue list of a JSON lexicon as a set (``lemmas`` or ``words``)."""
    data = _json(file)[key]
    return frozenset(data.get("lemmas") or data.get("words") or [])
