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
from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from readout.model import Annotated, Article, Event, EventMention, ManifestEntry
from readout.records import plain

T = TypeVar("T")


Decoder = Callable[[Any], Any]


def _identity(value: Any) -> Any:
    return value


@cache
def _decoder(hint: Any) -> Decoder:
    """A function turning plain JSON into the type ``hint`` describes, built once per type.

    Built ahead rather than interpreted per value: ``ask`` decodes hundreds of events per question.
    """
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        inner = _decoder(options[0]) if len(options) == 1 else _identity
        return lambda value: None if value is None else inner(value)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            item = _decoder(args[0])
            return lambda value: tuple(item(v) for v in value)
        parts = [_decoder(a) for a in args]
        return lambda value: tuple(d(v) for d, v in zip(parts, value, strict=True))
    if dataclasses.is_dataclass(hint):
        return _record_decoder(hint)
    return _identity


def _record_decoder(cls: type) -> Decoder:
    hints = typing.get_type_hints(cls)
    fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls) if f.init]

    def decode(data: dict[str, Any]) -> Any:
        return cls(**{name: decode_field(data[name]) for name, decode_field in fields if name in data})

    return decode


def from_plain(cls: type[T], data: dict[str, Any]) -> T:
    """A frozen record of type ``cls`` from its ``plain`` JSON; unknown keys are ignored."""
    return _decoder(cls)(data)


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
