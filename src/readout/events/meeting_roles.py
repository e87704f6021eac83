"""Who a meeting's parties are and which role each plays: visitor and host, caller and called.

Parties are the people the mentions name (countries and organisations only when no one is named, a
description only beside fewer than two names); the host is the party from the country the place lies
in; a call has no place and its direction only when a mention says who called; the CONSULT mode
(phone, multilateral, visit, third-party) follows from these.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc

from readout.events.candidates import Candidate
from readout.events.lexicon import meeting_cue
from readout.events.meeting_facts import PARTY_LABELS, DocumentFacts, is_person
from readout.events.meeting_place import where_heads
from readout.events.roles import EntityIndex, Value, country_of_place, country_of_word, nationalities, resolve

# Word lists and bounds of these rules, each with its reason, in lexicons/meetings.json.
PHONE_WORDS = frozenset(meeting_cue("phone_words"))
CALL_VERBS = frozenset(meeting_cue("call_verbs"))
COUNTRY_KEY_LETTERS: int = meeting_cue("country_key_letters")
APPOSITION_WORDS: int = meeting_cue("apposition_words")
CALL_PREPS = tuple(meeting_cue("call_preps"))
PHRASE_LINKS = frozenset(meeting_cue("phrase_links"))
BILATERAL_PARTIES: int = meeting_cue("bilateral_parties")
CAMEO_OF_MODE = {"visit": "042", "phone": "041", "third-party": "044"}


def with_caller(item: Candidate, index: EntityIndex) -> Candidate:
    """A call's other end as a party: "X had a call with Y" (Y the recipient); "X received a phone call
    from Y" (Y called: the actor, X the recipient)."""
    if item.mode != "phone":
        return item
    ends: dict[str, list[Value]] = {prep: [] for prep in CALL_PREPS}
    for prep in (c for c in item.token.children if c.dep_ == "prep" and c.lower_ in CALL_PREPS):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            value = resolve(obj, index)  # "a call from his counterpart X": the person in apposition
            if value is not None and value.label == "PERSON":
                ends[prep.lower_].append(value)
    callers = {v.name for v in ends["from"]}
    others = [v for v in item.actor + item.recipient if v.name not in callers]
    known = {v.name for v in others}
    spoken_with = [v for v in ends["with"] if v.name not in known | callers]
    if ends["from"]:
        return replace(item, actor=ends["from"], recipient=[*others, *spoken_with])
    return replace(item, recipient=[*item.recipient, *spoken_with]) if spoken_with else item


def is_call(item: Candidate, index: EntityIndex) -> bool:
    """A conversation by telephone or video: "spoke by telephone", "a phone call", "phoned"."""
    if item.mode == "phone" or item.token.lemma_.lower() in PHONE_WORDS:
        return True
    heads = where_heads(item.token, index)
    if item.token.dep_ in ("advcl", "xcomp"):  # "held a video conference to discuss"
        heads += [c for c in item.token.head.children if c.dep_ == "dobj"]
    near = [t for head in heads for t in head.children]
    near += [g for t in near if t.dep_ == "prep" for g in t.children]
    near += [m for t in near for m in t.children if m.dep_ in ("compound", "amod")]
    return any(t.lemma_.lower() in PHONE_WORDS for t in near)


def country_key(word: str) -> str:
    """A key that a country's name and its demonym share ('Russia', 'Russian'; 'Verosa', 'Verosan'): the
    gazetteer's country when it knows the word, else the word's first letters."""
    return (country_of_word(word) or word).lower()[:COUNTRY_KEY_LETTERS]


def countries_of(doc: Doc, index: EntityIndex) -> dict[str, str]:
    """The country key of each named person: from the words before a mention ('Russian President X'),
    else from "X of Caldera" right after it."""
    out = {person: country_key(country) for person, country in nationalities(doc, index).items()}
    for token in doc:
        entity = index.entity(token)
        if entity is None or entity.label != "PERSON" or entity.canonical in out:
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is None or nxt.lower_ != "of" or index.entity(nxt) is not None:
            continue
        country = index.entity(nxt.nbor()) if nxt.i + 1 < len(doc) else None
        if country is not None and country.label == "GPE":
            out[entity.canonical] = country_key(country.canonical)
    return out


def place_key(doc: Doc, index: EntityIndex, place: str | None) -> str | None:
    """The country key of the meeting's place: the gazetteer's, else a demonym in the place's apposition
    ("Lunetto, the Verosan border city")."""
    if not place:
        return None
    known = country_of_place(place)
    if known:
        return country_key(known)
    for token in doc:
        entity = index.entity(token)
        if entity is None or entity.canonical != place:
            continue
        after = doc[token.i + 1 : min(token.i + 1 + APPOSITION_WORDS, token.sent.end)]
        if not len(after) or after[0].text != ",":
            continue
        for t in after[1:]:  # ", the Verosan border city": the first words after the comma
            if t.ent_type_ in ("NORP", "GPE"):
                return country_key(t.text)
            if t.pos_ in ("VERB", "AUX", "ADP") or t.is_punct:
                break
    return None


def call_roles(lead: list[Candidate], parties: list[str]) -> tuple[list[str], list[str]]:
    """A call's roles: who called whom when a mention says so ("X phoned Y", "a call from Y"), a verb of
    calling first ("X held a telephone conversation with Y" names who comes first in the sentence, not who
    called); with no direction ("X and Y spoke by telephone") every party is an actor."""
    dialled = [c for c in lead if c.token.pos_ == "VERB" and c.token.lemma_.lower() in CALL_VERBS]
    for item in dialled + [c for c in lead if c not in dialled]:
        callers = [v.name for v in item.actor if v.name in parties]
        called = [v.name for v in item.recipient if v.name in parties]
        if callers and called:
            return callers, [p for p in parties if p not in callers]
    return parties, []


def roles_of(
    parties: list[str], visitors: list[str], host_country: str | None, countries: dict[str, str]
) -> tuple[list[str], list[str]]:
    """CONSULT roles: visitor(s) as actor, host as recipient; with no distinction, every party is an actor.
    The host is the party from the country the place lies in."""
    hosts = [p for p in parties if host_country and countries.get(p) == host_country]
    if visitors and not hosts:
        hosts = [p for p in parties if p not in visitors]
    if hosts and len(hosts) < len(parties):
        return [p for p in parties if p not in hosts], hosts
    if visitors and len(visitors) < len(parties):
        return visitors, [p for p in parties if p not in visitors]
    return parties, []


def leaders_of(items: list[Candidate], doc: Doc, countries: dict[str, str]) -> list[str]:
    """The people a description of the parties stands for ("the prime ministers of Norway, Sweden and
    Iceland", "the Calderan and Verosan presidents"): one person of each country it names, when the
    document names exactly one person of each; else none."""
    keys: set[str] = set()
    for item in items:
        for value in item.actor + item.recipient:
            if value.label not in ("GPE", "NORP", None):
                continue
            head = doc[value.token]
            while head.dep_ in PHRASE_LINKS and head.head.i != head.i:
                head = head.head
            keys |= {country_key(t.text) for t in head.subtree if t.ent_type_ in ("GPE", "NORP")}
    people = [p for p, key in countries.items() if key in keys]
    if not keys or len(people) != len(keys) or {countries[p] for p in people} != keys:
        return []
    return people


def party_names(items: list[Candidate], facts: DocumentFacts) -> list[str]:
    """The meeting's parties: the people its mentions name; countries and organisations only when no
    person is named. Another party counts only beside fewer than two names: one described by its country
    ("the Iranian president") from any mention; a plain description, a country or an organisation only
    from a mention that names the others ("South Korea's foreign minister telephoned Wang Yi"), never
    "the two sides" of a sentence that names no one. With no name at all, the described parties of the
    first mention ("a committee of officials met")."""
    values = [v for c in items for v in c.actor + c.recipient]
    people = list(dict.fromkeys(v.name for v in values if is_person(v, facts)))
    named = people or list(
        dict.fromkeys(v.name for v in values if v.label in PARTY_LABELS and v.name not in facts.present)
    )
    described = [
        v.name
        for c in items
        for v in c.actor + c.recipient
        if v.name not in facts.present
        and v.name not in facts.not_people
        and (
            v.label == "NORP"  # "the Iranian president": a party of a named country, from any mention
            or (
                (v.label is None or (people and v.label in PARTY_LABELS))
                and any(w.name in named for w in c.actor + c.recipient)
            )
        )
    ]
    if not named:
        first = min((c for c in items if c.actor or c.recipient), key=lambda c: c.token.i, default=None)
        values = first.actor + first.recipient if first else []
        described = [v.name for v in values if v.label in (None, "NORP")]
    if len(named) < 2:
        named += [d for d in described if d not in named]
    return list(dict.fromkeys(named))


def meeting_mode(
    call: bool,
    parties: list[str],
    visitors: list[str],
    recipient: list[str],
    place: str | None,
    host_country: str | None,
    countries: dict[str, str],
    items: list[Candidate],
) -> str | None:
    """PLOVER's CONSULT mode: a call; a meeting of more than two parties; a visit (a visitor, or a host
    and a place); a meeting in a country none of the parties is from; else what the mentions said."""
    if call:
        return "phone"
    if len(parties) > BILATERAL_PARTIES:
        return "multilateral"
    if visitors or (recipient and place):
        return "visit"
    if (
        host_country
        and parties
        and all(countries.get(p) for p in parties)
        and host_country not in {countries[p] for p in parties}
    ):
        return "third-party"
    modes = Counter(c.mode for c in items if c.mode)
    return modes.most_common(1)[0][0] if modes else None
