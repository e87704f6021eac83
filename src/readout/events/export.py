"""Exports of linked events: the ``events_output`` JSON, GDELT 2.0 event-table rows, PLOVER JSON records.

GDELT columns follow the GDELT 2.0 Event Codebook (tab-separated, one header row here for readers);
fields the captures cannot give (actor country codes, geo coordinates) are left empty, never guessed.
QuadClass and Goldstein scale are derived from the CAMEO root code (Goldstein's scale per root).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence

from readout.events.roles import country_of_place
from readout.model import Event
from readout.records import plain

GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "DATEADDED",
    "SOURCEURL",
)
# CAMEO root -> (QuadClass, a representative Goldstein score): verbal cooperation 1 (roots 01-05),
# material cooperation 2 (06-08), verbal conflict 3 (09-13), material conflict 4 (14-20).
ROOTS = {
    "01": (1, 0.0),
    "02": (1, 3.0),
    "03": (1, 4.0),
    "04": (1, 1.0),
    "05": (1, 3.5),
    "06": (2, 6.0),
    "07": (2, 7.0),
    "08": (2, 5.0),
    "09": (3, -2.0),
    "10": (3, -5.0),
    "11": (3, -2.0),
    "12": (3, -4.0),
    "13": (3, -6.0),
    "14": (4, -6.5),
    "15": (4, -7.2),
    "16": (4, -4.0),
    "17": (4, -7.0),
    "18": (4, -9.0),
    "19": (4, -10.0),
    "20": (4, -10.0),
}


def _geo_type(place: str | None) -> int:
    """GDELT ActionGeo_Type: 0 none, 1 a country, 4 a place within one (city, town, region)."""
    if not place:
        return 0
    return 1 if country_of_place(place) == place else 4


def to_json(events: Sequence[Event]) -> str:
    return json.dumps({"events": plain(list(events))}, ensure_ascii=False, indent=2) + "\n"


def _day(event: Event) -> str:
    return (event.date.value or "").replace("-", "")


def to_gdelt(events: Sequence[Event]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(GDELT_COLUMNS)
    for n, event in enumerate(events, start=1):
        code = event.cameo or ""
        quad, goldstein = ROOTS.get(code[:2], ("", ""))
        day = _day(event)
        actor2 = event.recipient or (event.actor[1:] if event.type == "CONSULT" else ())
        actor1 = event.actor[:1] if event.type == "CONSULT" and not event.recipient else event.actor
        writer.writerow(
            [
                n,
                day,
                day[:6],
                day[:4],
                f"{int(day[:4]) + (int(day[4:6]) - 1) / 12:.4f}" if day else "",
                "",
                "; ".join(actor1),
                "",
                "",
                "; ".join(actor2),
                "",
                1,
                code,
                code[:3],
                code[:2],
                quad,
                goldstein,
                len(event.mentions),
                len(event.documents),
                len(event.documents),
                "",
                _geo_type(event.place),
                event.place or "",
                "",
                "",
                "",
                "",
                event.documents[0] if event.documents else "",
            ]
        )
    return out.getvalue()


def to_plover(events: Sequence[Event]) -> str:
    records = []
    for event in events:
        first = event.mentions[0] if event.mentions else None
        records.append(
            {
                "id": event.id,
                "event_type": event.type,
                "mode": event.mode,
                "context": [t.text for t in event.topics],
                "source_actor": list(event.actor),
                "target_actor": list(event.recipient),
                "date": event.date.value,
                "date_stated": event.date.stated,
                "location": event.place,
                "text": first.sentence if first else None,
                "citation": [{"source": m.source, "lines": list(m.lines)} for m in event.mentions],
                "cameo": event.cameo,
                "opinion": event.opinion,
            }
        )
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"


EXPORTERS: dict[str, Callable[[Sequence[Event]], str]] = {
    "json": to_json,
    "gdelt-csv": to_gdelt,
    "plover-json": to_plover,
}
