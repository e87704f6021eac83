"""People's names: titles and possessives stripped, and the mentions of one person unified.

The rules are general, not a list of people:
- honorifics and titles in front of a name are stripped ("Mr.", "Dr.", "Valdorian Defense Minister");
- a possessive "'s" is stripped; the particles "al-"/"el-" are kept in the written form but ignored when
  matching ("al-Haddad" matches "Haddad");
- surnames match across transliterations: a normalising key (y->i, ou->u, doubled letters single...)
  and, for surnames of five letters or more with the same initial, one vowel written differently or
  one vowel or "h" more (never a changed consonant: "Marden" is not "Marten");
- a bare surname joins the full name with that surname (the one its own document gives, else the one
  the collection mentions most);
- the canonical name is the fullest well-formed form: most words, then the most often written.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# Transliteration variants differ by one vowel in names of at least this length ("Tokayev"/"Tokaev");
# shorter names differ by one vowel too often by chance ("Berg"/"Borg").
MIN_FUZZY_SURNAME_CHARS = 5
TRANSLITERATION_VOWELS = "aeiou"
# Longer than this a "name" is a misread span ("Lind Halvorsen Okafor Brandt"), not a name.
MAX_NAME_WORDS = 5

PARTICLES = ("al-", "el-", "al ", "el ")
# "son of" / "daughter of" in Arabic names: the word after the first one is the person's identifying name.
PATRONYMIC_WORDS = frozenset({"bin", "ibn", "bint"})
# Pure functions of one string are cached: a collection repeats its names many times.
STRING_CACHE_SIZE = 65536
# Lower-case words that belong inside a name ("Ibn", "van", "de la").
NAME_PARTICLE_WORDS = frozenset(
    {"al", "el", "bin", "ibn", "van", "von", "de", "da", "di", "du", "la", "le", "del"})
# Ordered rewrites that map common English transliterations of one name onto one key.
TRANSLITERATION_RULES: tuple[tuple[str, str], ...] = (
    ("ph", "f"), ("ck", "k"), ("dj", "j"), ("dzh", "j"), ("ou", "u"), ("y", "i"), ("w", "v"), ("ee", "i"),
)
_DOUBLE = re.compile(r"(.)\1+")
_VOWELS_AND_H = re.compile(r"[aeiouh]")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_WORD = re.compile(r"\w+")
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ian|ese|ish|i|ch)$")
_INITIAL = re.compile(r"^[A-Z]\.$")


@dataclass(frozen=True)
class Titles:
    heads: frozenset[str]
    modifiers: frozenset[str]
    honorifics: frozenset[str]
    states: frozenset[str]


@lru_cache(maxsize=1)
def titles() -> Titles:
    data = json.loads(resources.files("readout.nlp").joinpath("data/titles.json").read_text(encoding="utf-8"))
    return Titles(frozenset(data["heads"]), frozenset(data["modifiers"]), frozenset(data["honorifics"]),
                  frozenset(data["states"]))


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return titles().heads | titles().modifiers


def _word_key(word: str) -> str:
    return word.lower().rstrip(".")


def is_title_word(word: str) -> bool:
    key = _word_key(word)
    return key in titles().heads or key in titles().modifiers


def is_title_head(word: str) -> bool:
    return _word_key(word) in titles().heads


def is_honorific(word: str) -> bool:
    return _word_key(word) in titles().honorifics


def looks_demonym(word: str) -> bool:
    """A capitalised adjective of nationality ("Kenyan", "Chinese", "Iraqi") by its ending."""
    return bool(_DEMONYM.match(word))


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip())


def title_prefix_length(words: Sequence[str]) -> int:
    """How many leading words are a title or role ("the Valdorian President", "Mr."), keeping one word."""
    cut = 0
    for i, word in enumerate(words[:-1]):
        if is_title_head(word) or (i == 0 and _word_key(word) in titles().states and len(words) > 2):
            cut = i + 1
        elif not (is_title_word(word) or word.lower() == "the" or looks_demonym(word)):
            break
    return cut


@lru_cache(maxsize=STRING_CACHE_SIZE)
def bare_name(text: str) -> str:
    """A person mention without titles, role words or possessive: "Mr. Ivan Petrov's" -> "Ivan Petrov"."""
    words = strip_possessive(text).split()
    return " ".join(words[title_prefix_length(words):]).strip(" ,;:")


def _strip_particle(word: str) -> str:
    lower = word.lower()
    for particle in PARTICLES:
        if lower.startswith(particle) and len(word) > len(particle) + 1:
            return word[len(particle):]
    return word


@lru_cache(maxsize=STRING_CACHE_SIZE)
def name_key(word: str) -> str:
    """The matching key of one name word: particle, accents and case gone, transliterations folded."""
    word = unicodedata.normalize("NFKD", _strip_particle(word))
    key = "".join(c for c in word.lower() if c.isalpha() and c.isascii())
    for old, new in TRANSLITERATION_RULES:
        key = key.replace(old, new)
    return _DOUBLE.sub(r"\1", key)


@lru_cache(maxsize=STRING_CACHE_SIZE)
def is_well_formed(name: str) -> bool:
    """A written name: 1 to MAX_NAME_WORDS capitalised words (particles and initials allowed), no digits."""
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or any(c.isdigit() for c in name):
        return False
    if len(words) == 1 and is_title_head(words[0]):
        return False  # "President" alone is a role, not a name; "John Major" is a name
    for word in words:
        core = _strip_particle(word)
        if word.lower() in NAME_PARTICLE_WORDS:
            continue
        if not (core[:1].isupper() or _INITIAL.match(word)):
            return False
    return True


@dataclass(frozen=True)
class NameParts:
    given: str | None  # key of the first given name, None for a bare surname
    surname: str  # key of the surname


@lru_cache(maxsize=STRING_CACHE_SIZE)
def name_parts(name: str) -> NameParts | None:
    """Given name and surname keys. In an Arabic chain of patronymics ("Mohammed bin Salman bin Abdulaziz")
    the first father's name identifies the person, the words after it only lengthen the chain: it is the
    surname key, so that "Mohammed bin Salman" is the same person."""
    words = [w for w in name.replace("\u2019", "'").split() if w.lower() not in ("al", "el")]
    if not words:
        return None
    chain = next((i for i, w in enumerate(words[1:-1], start=1) if w.lower() in PATRONYMIC_WORDS), None)
    surname = name_key(words[chain + 1] if chain is not None else words[-1])
    if not surname:
        return None
    given = (name_key(words[0]) if len(words) > 1 and not _INITIAL.match(words[0])
             and words[0].lower() not in PATRONYMIC_WORDS else None)  # "bin Salman": no given name
    return NameParts(given=given or None, surname=surname)


def transliteration_variant(a: str, b: str) -> bool:
    """One vowel written differently, or a vowel or "h" more ("Kovalenka"/"Kovalenko", "Mohamad"/
    "Mohammad"): how transliterations of one name differ. A changed consonant ("Marden"/"Marten") makes
    another name."""
    if len(a) == len(b):
        diffs = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return len(diffs) == 1 and all(c in TRANSLITERATION_VOWELS for c in diffs[0])
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1:
        return False
    return any(long_[:i] + long_[i + 1:] == short and long_[i] in TRANSLITERATION_VOWELS + "h"
               for i in range(len(long_)))


@lru_cache(maxsize=STRING_CACHE_SIZE)
def same_surname(a: str, b: str) -> bool:
    if a == b:
        return True
    return a[:1] == b[:1] and min(len(a), len(b)) >= MIN_FUZZY_SURNAME_CHARS and transliteration_variant(a, b)


def word_count(name: str) -> int:
    return len(_WORD.findall(name))


def fullest(forms: Counter[str]) -> str:
    """The fullest well-formed name: one ending on its surname first (an Arabic chain of patronymics past
    the identifying name, "Mohammed bin Salman bin Abdulaziz", is the long form of "Mohammed bin Salman"),
    then most words, then most often written, then alphabetical."""
    def lengthened(form: str) -> bool:
        parts = name_parts(form)
        return parts is not None and name_key(form.split()[-1]) != parts.surname
    return min(forms, key=lambda f: (lengthened(f), -word_count(f), -forms[f], f))


@dataclass(frozen=True)
class Person:
    surname: str
    given: str | None
    canonical: str


def _skeleton(key: str) -> str:
    """The initial and the consonants of a name key: what transliteration variants have in common."""
    return key[:1] + _VOWELS_AND_H.sub("", key[1:])


class NameIndex:
    """The people of one collection, built from every bare name written in it (with repeats).

    Surnames fall into groups of transliteration variants; within a group, people are told apart by
    their given names. Variants differ only in vowels (and "h"), so a surname is compared only with the
    groups of its consonant skeleton, which keeps building the index near-linear.
    """

    def __init__(self, names: Iterable[str]) -> None:
        forms = Counter(n for n in names if n and is_well_formed(n))
        self._groups: list[str] = []  # the surname key that stands for each group
        self._by_skeleton: dict[str, list[int]] = {}
        self._group_of: dict[str, int] = {}
        for surname in sorted({p.surname for f in forms if (p := name_parts(f))}, key=lambda s: (-len(s), s)):
            group = self._find_group(surname)
            if group is None:
                group = len(self._groups)
                self._groups.append(surname)
                self._by_skeleton.setdefault(_skeleton(surname), []).append(group)
            self._group_of[surname] = group
        counters: dict[tuple[int, str | None], Counter[str]] = {}
        givens: dict[int, list[str]] = {}
        for form, count in forms.items():
            parts = name_parts(form)
            if parts is None:
                continue
            group = self._group_of[parts.surname]
            given = self._given_key(givens.setdefault(group, []), parts.given)
            counters.setdefault((group, given), Counter())[form] += count
        self._people: dict[int, list[tuple[str | None, Person, int]]] = {}
        self._by_first: dict[str, list[Person]] = {}  # full names by their first word's key
        for (group, given), counter in counters.items():
            person = Person(self._groups[group], given, fullest(counter))
            self._people.setdefault(group, []).append((given, person, sum(counter.values())))
            if given is not None:
                self._by_first.setdefault(given, []).append(person)

    @staticmethod
    def _given_key(known: list[str], given: str | None) -> str | None:
        """A given name matches a known one of the group up to transliteration ("Sergey"/"Sergei")."""
        if given is None:
            return None
        match = next((k for k in known if same_surname(k, given)), None)
        if match is None:
            known.append(given)
        return match or given

    def _find_group(self, surname: str) -> int | None:
        if surname in self._group_of:
            return self._group_of[surname]
        return next((g for g in self._by_skeleton.get(_skeleton(surname), ())
                     if same_surname(self._groups[g], surname)), None)

    def person(self, name: str, local: Mapping[str, int] | None = None) -> Person | None:
        """The person a bare name refers to; a bare surname prefers the full names in ``local``."""
        parts = name_parts(name)
        if parts is None or not (is_well_formed(name) or name[:1].isupper()):
            return None  # lower-case words ("lorry driver") are no name; "Major" alone may be one
        group = self._find_group(parts.surname)
        if group is None:
            return None
        candidates = self._people.get(group, [])
        if parts.given is not None:
            for given, person, _ in candidates:
                if given is not None and same_surname(given, parts.given):
                    return person
        full = [(person, mentions) for given, person, mentions in candidates if given is not None]
        if not full and parts.given is None and len(self._by_first.get(parts.surname, ())) == 1:
            return self._by_first[parts.surname][0]  # family name first ("Xi" of "Xi Jinping")
        if not full:
            return next((person for given, person, _ in candidates if given is None), None)
        local = local or {}
        return max(full, key=lambda item: (local.get(item[0].canonical, 0), item[1], item[0].canonical))[0]

    def canonical(self, name: str, local: Mapping[str, int] | None = None) -> str:
        """The canonical name for a person mention (titles stripped), or its bare form when unknown."""
        bare = bare_name(name)
        person = self.person(bare, local)
        return person.canonical if person else bare


def canonical_map(names: Iterable[str]) -> dict[str, str]:
    """Each given person name (titles allowed) -> the collection's canonical name for that person.

    Pure: the same names give the same map. The events stage can pass the names it meets across
    documents ("Mr. Ivan Petrov", "Petrov", "Minister Petrov") to unify them. Names the gazetteer knows
    as countries or cities (actors are often states) are not people and map to themselves.
    """
    from readout.nlp.places import MIN_RELABEL_POPULATION, known_place

    names = list(names)
    people = [n for n in names if not known_place(n, MIN_RELABEL_POPULATION)]
    index = NameIndex(bare_name(n) for n in people)
    mapping = {n: n for n in names}
    mapping.update({n: index.canonical(n) for n in people})
    return mapping
