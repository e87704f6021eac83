"""A readable timeline of linked events: dated events by day, undated ones placed by their bounds and
marked, and events with no date at all listed last, so that no event is given a day it does not have."""

from __future__ import annotations

from collections.abc import Sequence

from readout.model import Event


def _when(event: Event) -> str:
    d = event.date
    if d.value:
        return d.value
    stated = f"; stated: {d.stated}" if d.stated else ""
    if d.earliest and d.latest:
        return f"[undated; between {d.earliest} and {d.latest}{stated}]"
    if d.earliest:
        return f"[undated; after {d.earliest}{stated}]"
    if d.latest:
        return f"[undated; before {d.latest}{stated}]"
    return f"[undated{stated}]"


def _who(event: Event) -> str:
    actor = ", ".join(event.actor) or "(unnamed)"
    if event.recipient:
        return f"{actor} -> {', '.join(event.recipient)}"
    return actor


def _line(event: Event) -> str:
    parts = [_when(event), f"{event.type}{'/' + event.mode if event.mode else ''}", _who(event)]
    if event.place:
        parts.append(f"in {event.place}")
    if event.also_present:
        parts.append(f"(also present: {', '.join(event.also_present)})")
    if event.duration:
        parts.append(f"for {event.duration}")
    if event.opinion:
        parts.append("(opinion only)")
    cites = "; ".join(f"{m.source}:{m.lines[0]}-{m.lines[1]}" for m in event.mentions[:3])
    more = f" +{len(event.mentions) - 3}" if len(event.mentions) > 3 else ""
    return " ".join(parts) + f"  [{cites}{more}]"


def _key(event: Event) -> tuple[int, str, str]:
    d = event.date
    when = d.value or d.earliest or d.latest
    return (0, when, event.id) if when else (1, "", event.id)


def render_timeline(events: Sequence[Event]) -> str:
    return "".join(_line(e) + "\n" for e in sorted(events, key=_key))
