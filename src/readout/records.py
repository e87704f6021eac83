"""The JSON shapes of readout's outputs (../shared/docs/CONTRACTS.md), built from the stage records.

One function per contract; every field present (``null`` or ``[]`` when absent), lists for tuples.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from readout.model import Annotated, Article, DateValue, ManifestEntry


def plain(value: Any) -> Any:
    """Dataclasses, tuples and lists as JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


# One encoder for every JSON line: records are trees of dicts and lists built here, never cyclic, so the
# encoder skips the cycle bookkeeping; non-ASCII text stays as it is (citations quote it).
LINE_ENCODER = json.JSONEncoder(ensure_ascii=False, check_circular=False)


def json_line(record: dict[str, Any]) -> str:
    """A record as one line of JSON Lines (without the line feed)."""
    return LINE_ENCODER.encode(record)


def date_record(date: DateValue) -> dict[str, Any]:
    return plain(date)


def clean_record(entry: ManifestEntry, article: Article | None) -> dict[str, Any]:
    """A ``clean_record``: the manifest's account of the input plus the article when there is one."""
    record: dict[str, Any] = {
        "source": entry.source, "url": entry.url, "id": entry.id, "status": entry.status,
        "reason": entry.reason, "mode": None, "title": None, "byline": None, "published": None,
        "language": None, "body": None, "paragraphs": [], "comments": [], "removed": [],
        "duplicate_of": entry.duplicate_of, "near_duplicate_of": entry.near_duplicate_of,
    }
    if article is not None:
        record.update(
            mode=article.mode, title=article.title, byline=article.byline,
            published=plain(article.published), language=article.language, body=article.body,
            paragraphs=[{"text": p.text, "lines": list(p.lines), "kind": p.kind, "language": p.language}
                        for p in article.paragraphs],
            comments=[{"author": c.author, "text": c.text, "lines": list(c.lines)} for c in article.comments],
            removed=[{"lines": list(r.lines), "reason": r.reason, "label": r.label} for r in article.removed],
        )
    return record


def annotate_record(entry: ManifestEntry, annotated: Annotated | None) -> dict[str, Any]:
    """An ``annotate_record``: the clean record plus sentences, entities and dates."""
    record = clean_record(entry, annotated.article if annotated else None)
    record.update(sentences=[], entities=[], dates=[])
    if annotated is not None:
        record["sentences"] = plain(annotated.sentences)
        record["entities"] = plain(annotated.entities)
        record["dates"] = [{"text": d.text, "lines": list(d.lines), "start": d.start, "end": d.end,
                            **date_record(d.date)} for d in annotated.dates]
    return record


def manifest_record(entries: list[ManifestEntry]) -> dict[str, Any]:
    return {"captures": plain(entries)}
