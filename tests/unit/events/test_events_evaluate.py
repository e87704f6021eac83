"""The events scorer matches people by surname, whichever way a Cyrillic short i was transliterated."""

from __future__ import annotations

from readout.events.evaluate import _surnames


def test_short_i_spellings_are_one_surname():
    assert _surnames(["Gennady Voloygin"]) == _surnames(["Gennadi Voloigin"]) == {"voloigin"}
    assert _surnames(["Matvey"]) == _surnames(["Matvei"])


def test_other_surnames_stay_apart():
    assert _surnames(["Lena Dorn"]) != _surnames(["Lena Dorm"])
