"""Where a meeting was held: the city its mentions name (following a venue down to its city), else the
headline's; never the place of another event in the same sentence or of a topic discussed."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Token

from readout.events.candidates import Candidate, child, place_name
from readout.events.lexicon import meeting_cue
from readout.events.roles import EntityIndex, country_of_place, country_of_word
from readout.model import Annotated, Evidence
from readout.nlp.names import looks_demonym

# The place a headline names ("Talks in P", "visit to P's capital"); word lists and bounds below are
# data, each with its reason, in lexicons/meetings.json.
TITLE_PLACE = re.compile(r"\b(?:in|at|to)\s+(?:[A-Z][\w]*['’]s\s+)?([A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)")
WHERE_PREPS = tuple(meeting_cue("where_preps"))
VENUE_PREPS = tuple(meeting_cue("venue_preps"))
VENUE_CITY_PREPS = frozenset(meeting_cue("venue_city_preps"))
NOT_PLACES = frozenset(meeting_cue("not_places"))
PLACE_DEPTH: int = meeting_cue("place_depth")
PURPOSE_PREPS = tuple(meeting_cue("purpose_preps"))


def title_place(annotated: Annotated) -> tuple[str, Evidence] | None:
    """The headline's place, for a meeting whose sentences name none."""
    title = annotated.article.title or ""
    for match in TITLE_PLACE.finditer(title):
        name = match.group(1)
        if country_of_place(name):
            return name, Evidence(annotated.article.source, annotated.article.title_lines or (1, 1), title)
    return None


def where_heads(token: Token, index: EntityIndex) -> list[Token]:
    """The meeting word and the words its place may hang from: the light verb of "held talks", the verb
    of "arrived in X for a visit", the person met ("met X in P" parsed as X's place: a person holds no
    place, while a discussed object's place is the topic's, "discussed exercises in the sea")."""
    heads = [token]
    met = [c for c in token.children if c.dep_ in ("dobj", "pobj", "conj")]
    met += [o for c in token.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children]
    for obj in met:  # "met X in P", "held talks with X in P"
        entity = index.entity(obj)
        if entity is not None and entity.label == "PERSON":
            heads.append(obj)
    if token.dep_ in ("dobj", "attr", "nsubjpass") and token.head.pos_ in ("VERB", "AUX"):
        heads.append(token.head)
    if token.dep_ == "pobj" and token.head.lower_ in PURPOSE_PREPS and token.head.head.pos_ == "VERB":
        heads.append(token.head.head)
    return heads


def _city_below(token: Token, index: EntityIndex, depth: int) -> tuple[int, str] | None:
    """(rank, name) of the place a prepositional object names, following "the palace in X" down to the
    city: a city or country ranks 0, a building or site 1."""
    if token.ent_type_ in NOT_PLACES:
        return None  # "on 14 March": a gazetteer knows a town called March
    name = place_name(token, index)
    entity = index.entity(token)
    if name and (entity is None or entity.label == "GPE" or country_of_place(name)):
        return 0, name
    if name is None and entity is not None and entity.label == "ORG" and token.pos_ == "PROPN":
        name = entity.canonical  # taggers read an unfamiliar city as an organisation; a venue at worst
    venue = token.pos_ == "NOUN" and token.head.lower_ in VENUE_CITY_PREPS  # "at the Mardok palace"
    if name is None and venue:  # the venue's city; "talks on the Tessin river" are about the river
        for modifier in (c for c in token.children if c.dep_ in ("compound", "nmod")):
            if country_of_word(modifier.text) or looks_demonym(modifier.text):
                continue  # "in the Kazakh capital": a nationality, not the city
            city = place_name(modifier, index)
            ent = index.entity(modifier)
            if city and (ent is None or ent.label == "GPE" or country_of_place(city)):
                return 0, city
    if depth > 0:
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in VENUE_PREPS):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                found = _city_below(obj, index, depth - 1)
                if found and found[0] == 0:
                    return found
    return (1, name) if name else None


def is_city(name: str, index: EntityIndex) -> bool:
    """A place the document tags as a city or country, or one the gazetteer knows: not a venue."""
    return bool(country_of_place(name)) or any(
        e.canonical == name and e.label == "GPE" for e in index.by_token.values())


def venue_city(venue: str, doc: Doc, index: EntityIndex) -> str | None:
    """The city of a venue the meeting was placed in ("at the Halvor Palace"), from elsewhere in the
    document ("the Halvor Palace in Orvik"): an analyst asks where a meeting was by city, and captures of
    one meeting name the city more often than the room. None when the document never places it."""
    for token in doc:
        entity = index.entity(token)
        if entity is None or entity.canonical != venue or (token.i + 1 < len(doc) and
                                                           index.entity(doc[token.i + 1]) is entity):
            continue  # the last token of each mention of the venue
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in VENUE_PREPS):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                found = _city_below(obj, index, 0)
                if found and found[0] == 0:
                    return found[1]
    return None


def _places(item: Candidate, index: EntityIndex) -> list[tuple[int, str]]:
    """Where one mention says its meeting was held, ranked: the city it names, then a venue, then the
    place extraction found (a visit's destination)."""
    out = []
    heads = where_heads(item.token, index)
    heads += [  # "hosted X for a summit in P"
        obj
        for head in heads
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in PURPOSE_PREPS
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    for head in heads:
        if head.dep_ == "relcl" and any(c.lower_ == "where" for c in head.children):
            found = _city_below(head.head, index, PLACE_DEPTH)  # "in P, where he held talks with X"
            if found:
                out.append(found)
        topic = child(head, "dobj")
        if topic is not None and (topic.i == item.token.i or names_person(topic, index)):
            topic = None  # the meeting itself ("held talks in P") or the person met ("met X in P")
        for prep in (c for c in head.children if c.dep_ == "prep" and c.lower_ in WHERE_PREPS):
            if topic is not None and prep.i > topic.i:
                continue  # "discussed naval exercises in the Baltic Sea": the topic's place
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                found = _city_below(obj, index, PLACE_DEPTH)
                if found:
                    out.append(found)
    for met in _people_met(heads, index):  # "talks with his counterpart X in P": parsed onto the person
        for prep in (c for c in met.children if c.dep_ == "prep" and c.lower_ in WHERE_PREPS):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                found = _city_below(obj, index, 0)
                if found and found[0] == 0:
                    out.append(found)
    if item.place and item.visit:  # a visit's destination; other extracted places may be a topic's
        out.append((2, item.place))
    return out


def _people_met(heads: list[Token], index: EntityIndex) -> list[Token]:
    """The person met through "with" below the meeting's words, and the name in apposition to it ("with
    his counterpart X")."""
    preps = [p for head in heads for p in head.children if p.dep_ == "prep" and p.lower_ == "with"]
    objects = [o for prep in preps for o in prep.children if o.dep_ == "pobj" and names_person(o, index)]
    return objects + [c for obj in objects for c in obj.children if c.dep_ == "appos"]


def names_person(noun: Token, index: EntityIndex) -> bool:
    """Whether a noun phrase is a person met ("Vogel", "his counterpart Greta Vogel")."""
    words = [noun, *(c for c in noun.children if c.dep_ in ("appos", "compound"))]
    return any((e := index.entity(t)) is not None and e.label == "PERSON" for t in words)


def place_of(items: list[Candidate], index: EntityIndex) -> str | None:
    """The best-ranked place the mentions give (a city before a venue before a visit's destination)."""
    ranked = [found for item in items for found in _places(item, index)]
    if not ranked:
        return None
    best = min(rank for rank, _ in ranked)
    return Counter(name for rank, name in ranked if rank == best).most_common(1)[0][0]
