"""People's names: titles and possessives stripped, and the mentions of one person unified.

The rules are general, not a list of people:
- honorifics and titles in front of a name are stripped ("Mr.", "Dr.", "Russian Defense Minister");
- a possessive "'s" is stripped; the particles "al-"/"el-" are kept in the written form but ignored when
  matching ("al-Assad" matches "Assad");
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
# Longer than this a "name" is a misread span ("Putin Assad Lavrov Shoigu"), not a name.
MAX_NAME_WORDS = 5

PARTICLES = ("al-", "el-", "al ", "el ")
# Lower-case words that belong inside a name ("Ibn", "van", "de la").
NAME_PARTICLE_WORDS = frozenset(
    {"al", "el", "bin", "ibn", "van", "von", "de", "da", "di", "du", "la", "le", "del"})
# Ordered rewrites that map common English transliterations of one name onto one key.
TRANSLITERATION_RULES: tuple[tuple[str, str], ...] = (
    ("ph", "f"), ("ck", "k"), ("dj", "j"), ("dzh", "j"), ("ou", "u"), ("y", "i"), ("w", "v"), ("ee", "i"),
)
_DOUBLE = re.compile(r"(.)\1+")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_WORD = re.compile(r"\w+")
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:an|ian|ese|ish|i|ch)$")
_INITIAL = re.compile(r"^[A-Z]\.$")


@dataclass(frozen=True)
class Titles:
    heads: frozenset[str]
    modifiers: frozenset[str]
    honorifics: frozenset[str]


@lru_cache(maxsize=1)
def titles() -> Titles:
    data = json.loads(resources.files("readout.nlp").joinpath("data/titles.json").read_text(encoding="utf-8"))
    return Titles(frozenset(data["heads"]), frozenset(data["modifiers"]), frozenset(data["honorifics"]))


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
    """A capitalised adjective of nationality ("Syrian", "Chinese", "Iraqi") by its ending."""
    return bool(_DEMONYM.match(word))


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", text.strip())


def title_prefix_length(words: Sequence[str]) -> int:
    """How many leading words are a title or role ("the Russian President", "Mr."), keeping one word."""
    cut = 0
    for i, word in enumerate(words[:-1]):
        if is_title_head(word):
            cut = i + 1
        elif not (is_title_word(word) or word.lower() == "the" or looks_demonym(word)):
            break
    return cut


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


def name_key(word: str) -> str:
    """The matching key of one name word: particle, accents and case gone, transliterations folded."""
    word = unicodedata.normalize("NFKD", _strip_particle(word))
    key = "".join(c for c in word.lower() if c.isalpha() and c.isascii())
    for old, new in TRANSLITERATION_RULES:
        key = key.replace(old, new)
    return _DOUBLE.sub(r"\1", key)


def is_well_formed(name: str) -> bool:
    """A written name: 1 to MAX_NAME_WORDS capitalised words (particles and initials allowed), no digits."""
    words = name.split()
    if not words or len(words) > MAX_NAME_WORDS or any(c.isdigit() for c in name):
        return False
    if any(is_title_head(w) for w in words):
        return False
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


def name_parts(name: str) -> NameParts | None:
    words = [w for w in name.replace("\u2019", "'").split() if w.lower() not in ("al", "el")]
    if not words:
        return None
    surname = name_key(words[-1])
    if not surname:
        return None
    given = name_key(words[0]) if len(words) > 1 and not _INITIAL.match(words[0]) else None
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


def same_surname(a: str, b: str) -> bool:
    if a == b:
        return True
    return a[:1] == b[:1] and min(len(a), len(b)) >= MIN_FUZZY_SURNAME_CHARS and transliteration_variant(a, b)


def word_count(name: str) -> int:
    return len(_WORD.findall(name))


def fullest(forms: Counter[str]) -> str:
    """The fullest well-formed name: most words, then most often written, then alphabetical."""
    return min(forms, key=lambda f: (-word_count(f), -forms[f], f))


@dataclass(frozen=True)
class Person:
    surname: str
    given: str | None
    canonical: str


class NameIndex:
    """The people of one collection, built from every bare name written in it (with repeats)."""

    def __init__(self, names: Iterable[str]) -> None:
        forms = Counter(n for n in names if n and is_well_formed(n))
        self._groups: list[str] = []  # surname key that stands for each group
        group_of: dict[str, int] = {}
        for surname in sorted({p.surname for f in forms if (p := name_parts(f))}, key=lambda s: (-len(s), s)):
            match = next((g for g, rep in enumerate(self._groups) if same_surname(rep, surname)), None)
            if match is None:
                self._groups.append(surname)
                match = len(self._groups) - 1
            group_of[surname] = match
        people: dict[tuple[int, str | None], Counter[str]] = {}
        for form, count in forms.items():
            parts = name_parts(form)
            if parts is None:
                continue
            group = group_of[parts.surname]
            people.setdefault((group, self._given_key(people, group, parts.given)), Counter())[form] += count
        self._people: dict[tuple[int, str | None], Person] = {}
        self._mentions: dict[tuple[int, str | None], int] = {}
        for (group, given), counter in people.items():
            self._people[(group, given)] = Person(self._groups[group], given, fullest(counter))
            self._mentions[(group, given)] = sum(counter.values())
        self._group_of = group_of

    @staticmethod
    def _given_key(people: dict, group: int, given: str | None) -> str | None:
        """A given name matches a known one of the group up to transliteration ("Sergey"/"Sergei")."""
        if given is None:
            return None
        for g, known in people:
            if g == group and known is not None and same_surname(known, given):
                return known
        return given

    def _group(self, surname: str) -> int | None:
        if surname in self._group_of:
            return self._group_of[surname]
        return next((g for g, rep in enumerate(self._groups) if same_surname(rep, surname)), None)

    def person(self, name: str, local: Mapping[str, int] | None = None) -> Person | None:
        """The person a bare name refers to; a bare surname prefers the full names in ``local``."""
        parts = name_parts(name)
        if parts is None or not is_well_formed(name):
            return None
        group = self._group(parts.surname)
        if group is None:
            return None
        candidates = [(key, p) for key, p in self._people.items() if key[0] == group]
        if parts.given is not None:
            for key, p in candidates:
                if key[1] is not None and same_surname(key[1], parts.given):
                    return p
        full = [(key, p) for key, p in candidates if key[1] is not None]
        if not full:
            return self._people.get((group, None))
        local = local or {}

        def weight(item: tuple[tuple[int, str | None], Person]) -> tuple[int, int, str]:
            key, p = item
            return (local.get(p.canonical, 0), self._mentions[key], p.canonical)

        return max(full, key=weight)[1]

    def canonical(self, name: str, local: Mapping[str, int] | None = None) -> str:
        """The canonical name for a person mention (titles stripped), or its bare form when unknown."""
        bare = bare_name(name)
        person = self.person(bare, local)
        return person.canonical if person else bare


def canonical_map(names: Iterable[str]) -> dict[str, str]:
    """Each given person name (titles allowed) -> the collection's canonical name for that person.

    Pure: the same names give the same map. The events stage can pass the names it meets across
    documents ("Mr. Putin", "Vladimir Putin", "President Putin") to unify them.
    """
    names = list(names)
    index = NameIndex(bare_name(n) for n in names)
    return {n: index.canonical(n) for n in names}
