"""From JSON back to the stage records: the inverse of ``readout.records.plain``.

The store keeps every record as the JSON that ``plain`` makes, so one typed decoder driven by the
dataclasses' own type hints rebuilds any of them: a field added to ``model.py`` (with a default, as the
shared-file rules require) is read back without a change here, and a stored row that predates it
simply takes the default.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any, TypeVar

from readout.model import Annotated, Article, Event, EventMention, ManifestEntry
from readout.records import plain

T = TypeVar("T")


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(hint: Any, value: Any) -> Any:
    """``value`` (plain JSON) as the type ``hint`` describes."""
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=True))
    if dataclasses.is_dataclass(hint):
        return from_plain(hint, value)
    return value


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """A frozen record of type ``cls`` from its ``plain`` JSON; unknown keys are ignored."""
    hints = _hints(cls)
    kwargs = {
        f.name: _decode(hints[f.name], data[f.name])
        for f in dataclasses.fields(cls)
        if f.init and f.name in data
    }  # type: ignore[arg-type]
    return cls(**kwargs)


def dumps(record: Any) -> str:
    """Compact JSON of a record, keys in field order (stable, so equal records store equal text)."""
    return json.dumps(plain(record), ensure_ascii=False, separators=(",", ":"))


def article_from_json(text: str) -> Article:
    return from_plain(Article, json.loads(text))


def annotation_json(annotated: Annotated) -> str:
    """The language layer of a capture without its article (stored beside it, not inside it)."""
    layer = plain(annotated)
    del layer["article"]
    return json.dumps(layer, ensure_ascii=False, separators=(",", ":"))


def annotated_from_json(article_text: str, annotation_text: str) -> Annotated:
    return from_plain(Annotated, {**json.loads(annotation_text), "article": json.loads(article_text)})


def mention_from_json(text: str) -> EventMention:
    return from_plain(EventMention, json.loads(text))


def event_from_json(text: str) -> Event:
    return from_plain(Event, json.loads(text))


def entry_from_row(row: Any) -> ManifestEntry:
    return ManifestEntry(
        source=row["source"],
        url=row["url"],
        id=row["id"],
        status=row["status"],
        reason=row["reason"],
        duplicate_of=row["duplicate_of"],
        near_duplicate_of=row["near_duplicate_of"],
    )
