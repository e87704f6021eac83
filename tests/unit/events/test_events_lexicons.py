"""The meeting rules' word lists and bounds are data (``lexicons/meetings.json``), each with its reason."""

from __future__ import annotations

import json
import re
from importlib import resources

from readout.events import dateline, meeting_facts, meeting_grouping, meeting_place, meeting_roles, meetings

MODULES = (meetings, meeting_facts, meeting_grouping, meeting_roles, meeting_place, dateline)

LEXICONS = resources.files("readout.events").joinpath("lexicons")


def test_every_meeting_list_is_data_with_a_reason():
    data = json.loads(LEXICONS.joinpath("meetings.json").read_text(encoding="utf-8"))
    entries = {k: v for k, v in data.items() if k != "about"}
    assert len(entries) >= 20
    for key, item in entries.items():
        assert item["why"].strip(), key
        assert ("words" in item) != ("value" in item), key
        name = key.upper()  # each entry is one rule's list or bound, in the meeting modules
        assert any(getattr(module, name, None) is not None for module in MODULES), key


def test_meeting_modules_hold_no_word_list_literal():
    literal = re.compile(r'^[A-Z_]+ = (?:frozenset\(\{|\(")', re.MULTILINE)
    for module in MODULES:
        source = resources.files("readout.events").joinpath(f"{module.__name__.rsplit('.', 1)[1]}.py")
        assert literal.findall(source.read_text(encoding="utf-8")) == [], module.__name__


def test_lists_load_as_the_rules_use_them():
    assert "telephone" in meeting_roles.PHONE_WORDS
    assert ("take", "part") in meeting_facts.PRESENCE_PHRASES
    assert "Tirvian".endswith(meeting_facts.DEMONYM_ENDINGS)
    assert isinstance(meeting_place.PLACE_DEPTH, int)
