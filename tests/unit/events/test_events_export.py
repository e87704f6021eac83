"""Exports and timeline of linked events: the contract JSON, GDELT rows, PLOVER records, readable lines."""

from __future__ import annotations

import csv
import io
import json

from events_support import annotate

from readout.events import extract_events, link_events
from readout.events.export import EXPORTERS, GDELT_COLUMNS
from readout.events.timeline import render_timeline

TEXT = (
    "Chilean President Lucia Vera received Peruvian Prime Minister Hugo Salas in Santiago.\n\n"
    "On 3 February 2019, the Chilean navy shelled a Peruvian trawler."
)


def events(nlp):
    annotated, doc = annotate(nlp, TEXT, source="capture.txt")
    return link_events(extract_events(annotated, doc))


def test_json_is_the_events_output_contract(nlp, contract):
    document = json.loads(EXPORTERS["json"](events(nlp)))
    contract("events_output", document)
    assert [e["type"] for e in document["events"]] == ["ASSAULT", "CONSULT"]  # dated first


def test_gdelt_rows_carry_cameo_root_and_quad_class(nlp):
    rows = list(csv.DictReader(io.StringIO(EXPORTERS["gdelt-csv"](events(nlp))), delimiter="\t"))
    assert tuple(rows[0]) == GDELT_COLUMNS
    assault = rows[0]
    assert (assault["EventCode"], assault["EventRootCode"], assault["QuadClass"]) == ("194", "19", "4")
    assert assault["SQLDATE"] == "20190203" and assault["SOURCEURL"] == "capture.txt"
    assert rows[1]["EventRootCode"] == "04" and rows[1]["ActionGeo_FullName"] == "Santiago"


def test_plover_records(nlp):
    records = json.loads(EXPORTERS["plover-json"](events(nlp)))
    meeting = records[1]
    assert meeting["event_type"] == "CONSULT" and meeting["mode"] == "visit"
    assert meeting["source_actor"] == ["Hugo Salas"] and meeting["target_actor"] == ["Lucia Vera"]
    assert meeting["location"] == "Santiago" and meeting["citation"][0]["lines"] == [1, 1]


def test_timeline_marks_undated_events(nlp):
    lines = render_timeline(events(nlp)).splitlines()
    assert lines[0].startswith("2019-02-03 ASSAULT")
    assert lines[1].startswith("[undated] CONSULT/visit Hugo Salas -> Lucia Vera in Santiago")
