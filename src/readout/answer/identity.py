""" "Who is X?": the roles and titles the captures give a person, each cited where a capture gives it.

A capture says who someone is in a few fixed ways: a title before the name ("Defence Minister Ana
Vell"), an apposition after it ("Ana Vell, a harbour engineer at the port, said") or before it ("the
spokesman for the council, Ana Vell."), or an entity whose text is the title itself ("the Premier"
read as Ana Vell). Each counts only when it holds a role noun (a word for an office or occupation), so a
name's other neighbours ("met Ana Vell", "Mr. Vell") are not read as roles. Nothing here guesses: a
person the captures name without a role gets no answer.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from readout.answer.question import PERSON_LABELS, NameConstraint, Question, lexicon
from readout.model import Annotated, Entity, Sentence
from readout.store import Store, name_tokens

# Sentences searched for the person and captures read: enough to find the roles a collection gives
# someone, few enough that a famous name does not read the whole store.
MAX_SENTENCES = 60
MAX_SOURCES = 12
# Roles named in the answer, the most often stated first.
MAX_ROLES = 5
# An apposition longer than this is a clause, not a role.
MAX_ROLE_WORDS = 14
# How far before a role noun its determiner may stand ("the [deputy] [press] spokesman").
DETERMINER_REACH = 3
DETERMINERS = frozenset({"a", "an", "the", "his", "her", "its", "their"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "madam", "mme", "m"})
TOKEN = re.compile(r"[\w.'’-]+|[^\w\s]")
WORD = re.compile(r"\w+")
APPOSITION_AFTER = re.compile(
    r"^\s*,\s*(?P<role>(?:a|an|the|his|her|its|their)\s[^,;:.!?()“”\"]{2,160}?)\s*(?:[,;:.!?()“”\"]|$)",
    re.IGNORECASE,
)
# A title with its portfolio in lower case right before the name ("ministers of foreign affairs Vell").
TITLE_OF = re.compile(r"(?P<title>(?:[A-Z][\w-]*\s+)*(?P<noun>\w+)\s+of\s+(?:[\w-]+\s+){0,2}[\w-]+)\s+$")
SEGMENT_BEFORE = re.compile(r"(?:^|[,;:(“”\"])\s*(?P<segment>[^,;:(“”\"]+?)\s*,\s*$")
# A name that closes an apposition before it is followed by the end of its clause.
CLOSES = re.compile(r"^\s*(?:[,.;:)!?”\"]|$)")


@dataclass(frozen=True)
class Role:
    text: str
    source: str
    sentence: Sentence


def role_nouns() -> frozenset[str]:
    return frozenset(lexicon()["role_nouns"]["words"])


def _has_role(words: list[str]) -> bool:
    nouns = role_nouns()
    return any(w.lower().rstrip(".") in nouns for w in words)


def title_before(prefix: str) -> str | None:
    """The capitalised title run right before a name ("Vellish Harbour Minister"), honorifics dropped."""
    tokens = TOKEN.findall(prefix)
    nouns = role_nouns()
    run: list[str] = []
    for token in reversed(tokens):
        if not (token[:1].isupper() or token.lower().rstrip(".") in nouns):
            break
        run.insert(0, token)
    while run and run[-1].lower().rstrip(".") in HONORIFICS:
        run.pop()
    while run and run[0].lower() in DETERMINERS:
        run.pop(0)
    if not run or len(run) > MAX_ROLE_WORDS or not _has_role(run):
        return None
    return " ".join(run)


def title_of(prefix: str) -> str | None:
    """A title whose portfolio follows it in lower case ("Vellish ministers of foreign trade")."""
    found = TITLE_OF.search(prefix)
    if found is None or found.group("noun").lower() not in role_nouns():
        return None
    return found.group("title")


def apposition_after(suffix: str) -> str | None:
    """The role set off by commas after a name ("Ana Vell, a harbour engineer at the port, said")."""
    found = APPOSITION_AFTER.match(suffix)
    if found is None:
        return None
    words = found.group("role").split()
    return " ".join(words) if len(words) <= MAX_ROLE_WORDS and _has_role(words) else None


def apposition_before(prefix: str, suffix: str) -> str | None:
    """The role set off by a comma before a name that closes its clause ("the spokesman for the
    council, Ana Vell."): from the determiner of its first role noun to the comma."""
    found = SEGMENT_BEFORE.search(prefix)
    if found is None or CLOSES.match(suffix) is None:
        return None
    words = found.group("segment").split()
    nouns = role_nouns()
    at = next((i for i, w in enumerate(words) if w.lower().rstrip(".") in nouns), None)
    if at is None:
        return None
    start = next(
        (i for i in range(at - 1, max(-1, at - 1 - DETERMINER_REACH), -1) if words[i].lower() in DETERMINERS),
        None,
    )
    if start is None or len(words) - start > MAX_ROLE_WORDS:
        return None
    return " ".join(words[start:])


def entity_role(entity: Entity) -> str | None:
    """An entity whose text is a title standing for the person ("the Premier" for Ana Vell)."""
    words = WORD.findall(entity.text)
    if name_tokens(entity.text) & name_tokens(entity.canonical) or not _has_role(words):
        return None
    return " ".join(w for w in entity.text.split() if w.lower() not in DETERMINERS)


def roles_in(annotated: Annotated, person: NameConstraint) -> list[Role]:
    """Every role one capture gives the person, with the sentence that gives it."""
    body = annotated.article.body
    out: list[Role] = []
    for entity in annotated.entities:
        canonical = name_tokens(entity.canonical)
        if entity.label not in PERSON_LABELS or not (person.tokens <= canonical or person.key in canonical):
            continue
        sentence = next((s for s in annotated.sentences if s.start <= entity.start < s.end), None)
        if sentence is None:
            continue
        prefix, suffix = body[sentence.start : entity.start], body[entity.end : sentence.end]
        found = [
            entity_role(entity),
            title_before(prefix) or title_of(prefix),
            apposition_after(suffix),
            apposition_before(prefix, suffix),
        ]
        out += [Role(text, annotated.article.source, sentence) for text in found if text]
    return out


def _key(text: str) -> str:
    words = [w.lower() for w in WORD.findall(text)]
    return " ".join(words[1:] if words and words[0] in DETERMINERS else words)


def distinct_roles(roles: list[Role]) -> list[Role]:
    """One role per wording, the most often stated first; a role that another holds whole is left out
    ("Minister" beside "Harbour Minister")."""
    counts = Counter(_key(r.text) for r in roles)
    first: dict[str, Role] = {}
    for role in roles:
        first.setdefault(_key(role.text), role)
    keys = [k for k in first if not any(k != other and f" {k} " in f" {other} " for other in first)]
    keys.sort(key=lambda k: -counts[k])
    return [first[k] for k in keys[:MAX_ROLES]]


def person_roles(question: Question, store: Store) -> tuple[str, list[Role]]:
    """The person's canonical name and the roles the captures give them."""
    person = question.people[0]
    hits = store.search_sentences(sorted(person.tokens), limit=MAX_SENTENCES)
    sources = list(dict.fromkeys(s.source for s in hits))[:MAX_SOURCES]
    roles: list[Role] = []
    names: Counter[str] = Counter()
    for source in sources:
        annotated = store.annotated(source)
        roles += roles_in(annotated, person)
        names.update(
            e.canonical
            for e in annotated.entities
            if e.label in PERSON_LABELS and person.tokens <= name_tokens(e.canonical)
        )
    name = names.most_common(1)[0][0] if names else person.text
    return name, distinct_roles(roles)
