"""Reading a question: its kind, focus, the names and times it constrains, and its words for BM25.

Names are resolved against the store itself (the canonical people and places of its events and
entities), not against a fixed list, so the same code reads questions about any collection. A
capitalised name that the store does not know is kept as a constraint no event meets: a question about
a place no capture mentions has no answer, rather than an answer about somewhere else.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import snowballstemmer

from readout.store import TOKEN, Store, name_tokens

WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d+", re.UNICODE)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): n for n, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
# Words that may stand between a day and its month or year ("5th of March", "March 5th, 2019").
ORDINAL_WORDS = frozenset({"st", "nd", "rd", "th", "of"})
# Words before a name that make it a place ("in Caldera", "at the summit in ...").
PLACE_PREPOSITIONS = frozenset({"in", "at", "to", "from", "near", "inside", "outside"})
PERSON_LABELS = frozenset({"PERSON", "PER"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# A nationality or religious/political group (spaCy's NORP): the word as a whole is never a party.
GROUP_LABELS = frozenset({"NORP"})


@cache
def lexicon() -> dict[str, Any]:
    return json.loads(resources.files("readout.answer").joinpath("lexicon.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class NameConstraint:
    """A name the question mentions: met by an event person (or place) having one of ``tokens``."""

    text: str
    role: str  # person | place | any (a word the events use for both)
    tokens: frozenset[str]
    known: bool  # the store has the name (an event or an entity); an unknown one is met by nothing
    key: str  # the word that decides when the others differ in spelling: the name's last (a surname)


@dataclass(frozen=True)
class TimeConstraint:
    """The question's time: a year, a month (of a year or of any year)."""

    text: str
    year: int | None
    month: int | None
    day: int | None = None  # a day of the month, only with a month ("on 5 March 2019")

    @property
    def bounds(self) -> tuple[str, str] | None:
        """The days the time covers, when it names a year."""
        if self.year is None:
            return None
        if self.month is not None and self.day is not None:
            day = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
            return day, day
        if self.month is None:
            return f"{self.year:04d}-01-01", f"{self.year:04d}-12-31"
        last = calendar.monthrange(self.year, self.month)[1]
        return f"{self.year:04d}-{self.month:02d}-01", f"{self.year:04d}-{self.month:02d}-{last:02d}"


@dataclass(frozen=True)
class Question:
    text: str
    kind: str  # what | when | where | who | how_long | did | which
    focus: str | None  # discussion | attendance | attribution | None
    people: tuple[NameConstraint, ...]
    places: tuple[NameConstraint, ...]
    times: tuple[TimeConstraint, ...]
    event_types: frozenset[str]
    plural: bool
    words: tuple[str, ...]  # content words, for BM25
    topic: tuple[str, ...] = ()  # what the question asks the talks were about ("about the ferry deal")
    sources: tuple[str, ...] = ()  # name words of the source it asks after ("according to the mayor")
    # Who-questions whose verb is not a meeting's ("Who threatened X?", "Whom did X thank?"): the named
    # people who must be the event's actors, and those who must be its recipients.
    agents: tuple[NameConstraint, ...] = ()
    patients: tuple[NameConstraint, ...] = ()
    verb: str | None = None  # a who-question's verb ("Who sent X?", "Who thanked X?")
    verb_required: bool = False  # the verb implies no event type: an event's sentences must use it
    identity: bool = False  # "Who is X?": the roles the captures give X, not an event
    host: bool = False  # "Who was the host?": a visit's recipient, the host (PLOVER)
    # "Where did A and B last meet before the state visit?": the words naming the later event, which
    # is set aside for an earlier one.
    previous: tuple[str, ...] = ()
    also_verb: str | None = None  # "..., and what did they agree?": the second clause's verb
    opinion_of: NameConstraint | None = None  # "What does the columnist X think ...?": X's own piece
    # "X's defence minister": a person described by a place and a title, met by an event whose actor the
    # captures describe so (tokens: the place's and the title's words).
    described: tuple[NameConstraint, ...] = ()

    @property
    def named_tokens(self) -> frozenset[str]:
        return frozenset(t for c in self.people for t in c.tokens)


def _phrase_in(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def question_kind(text: str) -> str:
    lowered = " ".join(WORD.findall(text.lower()))
    for opener, kind in sorted(lexicon()["kinds"]["openers"], key=lambda pair: -len(pair[0])):
        if lowered.startswith(opener + " ") or lowered == opener:
            return kind
    return "what"


def question_focus(text: str) -> str | None:
    lowered = text.lower()
    focus = lexicon()["focus"]
    if any(_phrase_in(lowered, p) for p in focus["attribution"]):
        return "attribution"
    if any(_phrase_in(lowered, p) for p in focus["attendance"]):
        return "attendance"
    if any(_phrase_in(lowered, p) for p in focus["discussion"]):
        return "discussion"
    return None


def _person_kind(text: str, kind: str) -> str:
    """'Which ministers ...?' and 'What officials ...?' ask who, not which event."""
    words = [w.lower() for w in WORD.findall(text)]
    if kind in ("which", "what") and len(words) > 1 and words[1] in lexicon()["person_nouns"]["words"]:
        return "who"
    return kind


def _day_number(token: str | None) -> int | None:
    return int(token) if token is not None and token.isdigit() and 1 <= int(token) <= 31 else None


def time_constraints(text: str) -> tuple[TimeConstraint, ...]:
    """Years, months and days the question names ("May 2018", "in 2017", "on 5 March 2019")."""
    tokens = WORD.findall(text)
    found: list[TimeConstraint] = []
    used: set[int] = set()
    for i, token in enumerate(tokens):
        month = MONTHS.get(token.lower().rstrip("."))
        if month is None or (token.lower() == "may" and not token[0].isupper()):
            continue
        # The day before the month ("5 March", "5th of March") or after it ("March 5", "March 5th").
        before = [j for j in (i - 1, i - 2, i - 3) if j >= 0 and _day_number(tokens[j]) is not None]
        before = [j for j in before if all(tokens[k].lower() in ORDINAL_WORDS for k in range(j + 1, i))]
        after = i + 1 if i + 1 < len(tokens) and _day_number(tokens[i + 1]) is not None else None
        day_at = before[0] if before else after
        day = _day_number(tokens[day_at]) if day_at is not None else None
        rest = (after + 1) if after is not None and day_at == after else i + 1
        following = [j for j in (rest, rest + 1, rest + 2) if j < len(tokens) and YEAR.fullmatch(tokens[j])]
        following = [j for j in following if all(tokens[k].lower() in ORDINAL_WORDS for k in range(rest, j))]
        year = int(tokens[following[0]]) if following else None
        used.update(following[:1])
        words = [str(day)] if day else []
        words += [token] + ([str(year)] if year else [])
        found.append(TimeConstraint(" ".join(words), year, month, day))
    for i, token in enumerate(tokens):
        if YEAR.fullmatch(token) and i not in used:
            found.append(TimeConstraint(token, int(token), None))
    return tuple(found)


def _segment(tokens: list[str], at: int, boundary: set[str]) -> tuple[int, int]:
    """The run of words from ``at`` (after any articles) up to the next boundary word."""
    articles = {"the", "a", "an"}
    start = at
    while start < len(tokens) and tokens[start].lower() in articles:
        start += 1
    end = start
    while end < len(tokens) and tokens[end].lower() not in boundary:
        end += 1
    return start, end


def split_segments(text: str) -> tuple[list[str], list[str], str]:
    """The words of what the question asks the talks were about, of the source it names, and the rest.

    "What did A and B discuss about the Harbour Treaty in Lenz?" asks about the treaty: a name in the
    topic is what was discussed, not a party or place the event must have. "... according to the
    mayor" names who says so, not who took part. The rest is read for names as usual.
    """
    segments = lexicon()["segments"]
    tokens = WORD.findall(text)
    lowered = [t.lower() for t in tokens]
    boundary = set(segments["boundaries"])
    event_words = set(lexicon()["event_types"]["words"]) | set(lexicon()["plural_events"]["words"])
    topic: list[str] = []
    source: list[str] = []
    drop: set[int] = set()
    for i in range(len(lowered)):
        opener = next(
            (
                (kind, len(p.split()))
                for kind in ("topic", "source")
                for p in segments[kind]
                if lowered[i : i + len(p.split())] == p.split()
            ),
            None,
        )
        if opener is None:
            continue
        kind, length = opener
        start, end = _segment(tokens, i + length, boundary | set(segments["topic"]) | {"according"})
        if kind == "topic" and any(t in event_words for t in lowered[start:end]):
            continue  # "about the Lenz meeting" names the event itself, not a subject of its talks
        (topic if kind == "topic" else source).extend(tokens[start:end])
        drop.update(range(start, end))
    rest = " ".join(t for k, t in enumerate(tokens) if k not in drop)
    return topic, source, rest


def name_phrases(text: str) -> list[tuple[str, bool]]:
    """Runs of capitalised words (names), each with whether a place preposition precedes it."""
    tokens = WORD.findall(text)
    titles = set(lexicon()["titles"]["words"])
    phrases, current, after_preposition = [], [], False
    for i, token in enumerate(tokens):
        lower = token.lower()
        # "al-Tamir": a name particle before a hyphen keeps the name capitalised.
        initial = token.rsplit("-", 1)[-1][:1] or token[0]
        capital = initial.isupper() and i > 0 and lower not in titles and lower.rstrip(".") not in MONTHS
        if capital:
            if not current:
                after_preposition = i > 0 and tokens[i - 1].lower() in PLACE_PREPOSITIONS
            current.append(token)
            continue
        if current:
            phrases.append((" ".join(current), after_preposition))
            current = []
    if current:
        phrases.append((" ".join(current), after_preposition))
    return phrases


def _role(roles: set[str], after_preposition: bool) -> str:
    """A name's role from the roles the events give it: a name that is both a party and a place in the
    events ("Lenz" threatened, and the city of a visit) is a place after "in"/"at", else either."""
    if "place" in roles and "person" in roles:
        return "place" if after_preposition else "any"
    return "place" if "place" in roles else "person"


def resolve_names(text: str, store: Store) -> tuple[tuple[NameConstraint, ...], tuple[NameConstraint, ...]]:
    """The people and places a question names, resolved against the store's events and entities."""
    titles = set(lexicon()["titles"]["words"])
    stop = set(lexicon()["stopwords"]["words"])
    phrases = name_phrases(text)
    occasions = set(lexicon()["occasion_nouns"]["words"])
    phrase_tokens = [(p, at, name_tokens(p) - titles) for p, at in phrases]
    # Lower-case words that are event names count too ("what did varga say"), capitalisation aside.
    loose = {t for t in (w.lower() for w in TOKEN.findall(text)) if len(t) >= 3 and t not in stop} - titles
    all_tokens = loose | {t for _, _, ts in phrase_tokens for t in ts}
    event_roles: dict[str, set[str]] = {}
    for _, token, role, _ in store.event_names(all_tokens):
        event_roles.setdefault(token, set()).add(role)
    entity_roles: dict[str, set[str]] = {}
    spelled: dict[str, set[str]] = {}  # a word of an entity's text -> the canonical names it stands for
    groups: set[frozenset[str]] = set()  # names the captures use for nationalities and groups
    for token, canonical, label in store.entity_names(all_tokens):
        role = "person" if label in PERSON_LABELS else "place" if label in PLACE_LABELS else "other"
        entity_roles.setdefault(token, set()).add(role)
        if role != "other" and token not in name_tokens(canonical):
            spelled.setdefault(token, set()).add(canonical)
        if label in GROUP_LABELS:
            groups.add(frozenset(name_tokens(canonical)))
    people: list[NameConstraint] = []
    places: list[NameConstraint] = []
    covered: set[str] = set()
    for phrase, after_preposition, tokens in phrase_tokens:
        covered |= tokens
        if tokens and phrase.split()[-1].lower() in occasions:
            # "the Harvest Forum": the gathering the meeting was held at, not a party or a place.
            continue
        if not tokens or tokens in groups:
            # "Velish", "Tolvan": a nationality qualifies the question; it names no party or place.
            continue
        phrase_words = set(tokens)
        roles = set().union(*(event_roles.get(t, set()) for t in tokens))
        variants = sorted(set().union(*(spelled.get(t, set()) for t in tokens)))
        if not roles and len(variants) == 1:
            # A spelling the captures use for a name they give canonically in another form
            # ("Kovacz" for "Ilse Kovac"): the constraint is the canonical name.
            canonical = variants[0]
            tokens = name_tokens(canonical) - titles
            roles = {role for _, _, role, _ in store.event_names(tokens)} or set().union(
                *(entity_roles.get(t, set()) for t in tokens if t in phrase_words)
            ) - {"other"}
            phrase = canonical
        if not roles:
            roles = set().union(*(entity_roles.get(t, set()) for t in tokens)) - {"other"}
            if not roles and any(entity_roles.get(t) for t in tokens):
                continue  # a nationality, organisation or the like: not a person or a place
            known = bool(roles)
        else:
            known = True
        if not roles:
            if not after_preposition and store.search_sentences(sorted(tokens), limit=1):
                continue  # a word the captures use that is not a name of theirs: context, not a constraint
            roles = {"place" if after_preposition else "person"}
        role = _role(roles, after_preposition)
        key = next(t for t in reversed([w.lower() for w in TOKEN.findall(phrase)]) if t in tokens)
        (places if role != "person" else people).append(
            NameConstraint(phrase, role, frozenset(tokens), known, key)
        )
    words = [w.lower() for w in TOKEN.findall(text)]
    after_prepositions = {words[i] for i in range(1, len(words)) if words[i - 1] in PLACE_PREPOSITIONS}
    for token in sorted(loose - covered):
        roles = event_roles.get(token, set())
        # A lower-case word constrains only when the captures name a person or place with it: event
        # parties also include common nouns ("countries", "rebels") that are the question's topic.
        if roles and entity_roles.get(token, set()) - {"other"}:
            # A word that names both a person and a place in the events ("Lenz" as a party of a
            # statement and as a city) is a place after "in"/"at", else either.
            role = roles.pop() if len(roles) == 1 else "place" if token in after_prepositions else "any"
            (places if role != "person" else people).append(
                NameConstraint(token, role, frozenset({token}), True, token)
            )
    # A name asked twice ("Varga ... Varga") is one constraint.
    return _distinct(people), _distinct(places)


def _distinct(constraints: list[NameConstraint]) -> tuple[NameConstraint, ...]:
    return tuple({(c.role, c.tokens): c for c in reversed(constraints)}.values())[::-1]


def content_words(text: str) -> tuple[str, ...]:
    stop = set(lexicon()["stopwords"]["words"])
    seen: dict[str, None] = {}
    for token in WORD.findall(text.lower()):
        # "four-hour" is read as its words too: the captures may write "four hours".
        token = POSSESSIVE.sub("", token)  # "Harjan's" is read as "harjan"
        for word in dict.fromkeys([token.strip("'’-"), *token.split("-")]):
            word = word.strip("'’-")
            if len(word) > 1 and word not in stop:
                seen.setdefault(word, None)
    return tuple(seen)


@cache
def _stemmer() -> Any:
    return snowballstemmer.stemmer("english")


def stem(word: str) -> str:
    """The Snowball (Porter 2) stem: "talks" meets "talk", "countries" meets "country"."""
    return _stemmer().stemWord(word.lower())


def subject_stems(question: Question) -> frozenset[str]:
    """The stems of what the question is about beyond its names, times, kind and focus ("foreign
    forces" in "What did X say about foreign forces?"): words every candidate event shares are left out."""
    lexical = lexicon()
    skip = {t for c in question.people + question.places for t in c.tokens}
    skip |= set(lexical["event_types"]["words"]) | set(MONTHS) | set(lexical["person_nouns"]["words"])
    skip |= {
        w
        for group in ("discussion", "attendance", "attribution")
        for p in lexical["focus"][group]
        for w in p.split()
    }
    return frozenset(stem(w) for w in subject_words(question, skip))


def subject_words(question: Question, skip: set[str] | None = None) -> tuple[str, ...]:
    """The question's own words for what it asks about, as it spells them (see ``subject_stems``)."""
    if skip is None:
        return tuple(w for w in question.words if stem(w) in subject_stems(question))
    return tuple(w for w in question.words if w not in skip and not w.isdigit() and len(w) > 2)


POSSESSIVE = re.compile(r"['’]s$")
IDENTITY = re.compile(r"^\s*who\s*(?:is|was|['’]s)\s+(?P<rest>.+?)[\s?.!]*$", re.IGNORECASE)
# Auxiliaries after "who"/"whom" that put the named person before the verb ("Whom did X thank?").
AUXILIARIES = frozenset({"did", "does", "do", "has", "have", "had", "will", "would", "could"})


def is_identity(text: str, people: tuple[NameConstraint, ...], places: tuple[NameConstraint, ...]) -> bool:
    """ "Who is X?" / "Who was X?" with nothing but one person's name (and titles) after it."""
    found = IDENTITY.match(text)
    if found is None or len(people) != 1 or places:
        return False
    skip = set(lexicon()["titles"]["words"]) | {"the", "a", "an", "mr", "mrs", "ms", "dr"}
    words = {w.lower() for w in TOKEN.findall(found.group("rest"))} - skip
    return bool(words) and words <= people[0].tokens | {w for w in words if len(w) < 3}


def _verb_at(tokens: list[str], people: tuple[NameConstraint, ...]) -> int | None:
    """Where a who-question's verb is: right after "who", or after "who(m) did <name>"."""
    lowered = [t.lower() for t in tokens]
    if len(lowered) < 2 or lowered[0] not in ("who", "whom"):
        return None
    if lowered[1] not in AUXILIARIES:
        return 1
    named = {t for c in people for t in c.tokens} | set(lexicon()["titles"]["words"])
    for i in range(2, len(tokens)):
        if lowered[i] not in named and not tokens[i][:1].isupper():
            return i
    return None


def _named_at(tokens: list[str], constraint: NameConstraint) -> int | None:
    return next((i for i, t in enumerate(tokens) if t.lower() in constraint.tokens), None)


def read_roles(
    text: str, kind: str, focus: str | None, people: tuple[NameConstraint, ...]
) -> tuple[tuple[NameConstraint, ...], tuple[NameConstraint, ...], str | None, bool]:
    """Who the named people are in a who-question whose verb is not a meeting's, its verb, and whether
    that verb has no type (and so must be used by the event's own sentences).

    A name before the verb ("Whom did X thank?") is the one who acts; after it ("Who thanked X?") the
    one acted on; after "by" the one who acts again. Meetings are left to the meeting rules: their
    parties are symmetric, and so is a verb that only carries a meeting word ("Who held talks with X?").
    A verb the lexicon gives no type ("Who sent X to Y?", "Who instructed X to visit Y?") is returned as
    required: only events whose own sentences use it answer, and never a meeting, whose record has no
    place for who sent or instructed whom. A typed verb is returned too, to prefer the events reported
    with it ("thank" among statements of support).
    """
    if kind != "who" or focus in ("attendance", "attribution") or not people:
        return (), (), None, False
    tokens = WORD.findall(text)
    at = _verb_at(tokens, people)
    if at is None:
        return (), (), None, False
    stop = set(lexicon()["stopwords"]["words"])
    type_words = lexicon()["event_types"]["words"]
    verb = tokens[at].lower()
    if verb in stop or tokens[at][:1].isupper() or len(verb) < 3:
        return (), (), None, False
    after = next((t.lower() for t in tokens[at + 1 :] if t.lower() not in ("a", "an", "the")), "")
    if "CONSULT" in type_words.get(verb, ()) or (verb not in type_words and after in type_words):
        return (), (), None, False
    agents, patients = [], []
    for c in people:
        where = _named_at(tokens, c)
        if where is None:
            continue
        by = where > 0 and tokens[where - 1].lower() == "by"
        (agents if where < at or by else patients).append(c)
    return tuple(agents), tuple(patients), verb, verb not in type_words


def asks_host(text: str, kind: str) -> bool:
    """ "Who was the host?", "Who hosted X?", "Who received X?": a who-question with a host word."""
    words = {w.lower() for w in WORD.findall(text)}
    return kind == "who" and bool(words & set(lexicon()["host_words"]["words"]))


def previous_to(text: str) -> tuple[str, ...]:
    """The content words naming the event a question asks the meeting before ("... last meet before the
    state visit" -> state, visit), or nothing when it does not ask for an earlier meeting."""
    lowered = [w.lower() for w in WORD.findall(text)]
    if "before" not in lowered or not set(lowered) & set(lexicon()["previous_words"]["words"]):
        return ()
    after = " ".join(lowered[len(lowered) - lowered[::-1].index("before") :])
    return content_words(after)


def split_also(text: str) -> tuple[str, str | None]:
    """The question without a second clause asking what the parties did besides, and that clause's verb
    ("Who did X call, and what did they agree?" -> "Who did X call", "agree")."""
    lowered = text.lower()
    for opener in lexicon()["also_asks"]["openers"]:
        found = re.search(rf",?\s+{re.escape(opener)}\s+", lowered)
        if found is None:
            continue
        skip = {"they", "the", "two", "both", "he", "she", "leaders", "sides", "men", "women"}
        verb = next((w for w in WORD.findall(lowered[found.end() :]) if w not in skip), None)
        if verb is not None and len(verb) > 2:
            return text[: found.start()], verb
    return text, None


POSSESSED = re.compile(
    r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*)*)['’]s\s+(?P<title>(?:[A-Za-z\-]+\s+){0,2}[A-Za-z\-]+)"
)


def described_people(text: str, store: Store) -> tuple[tuple[NameConstraint, ...], str]:
    """People a question describes by a place and a title ("Harn's defence minister"), and the question
    without those words.

    The place qualifies the person; it is not where the event happened, and the person is asked for by
    office, not by name. Only a name the captures give a place (or a nationality) is read so: "Vell's
    aide" is left to the usual reading.
    """
    roles = set(lexicon()["role_nouns"]["words"])
    found: list[NameConstraint] = []
    rest = text
    for match in POSSESSED.finditer(text):
        words = match.group("title").split()
        end = next((k for k, w in enumerate(words) if w.lower() in roles), None)
        if end is None:
            continue
        name_words = name_tokens(match.group("name"))
        labels = {label for _, _, label in store.entity_names(name_words)}
        if not name_words or not labels & (PLACE_LABELS | GROUP_LABELS):
            continue
        title = " ".join(words[: end + 1])
        phrase = f"{match.group('name')}{text[match.end('name') : match.start('title')]}{title}"
        tokens = frozenset(name_words | {w.lower() for w in words[: end + 1]})
        key = sorted(name_words)[0]
        found.append(NameConstraint(phrase, "described", tokens, True, key))
        rest = rest.replace(phrase, " ")
    return tuple(found), rest


def opinion_writer(text: str, people: tuple[NameConstraint, ...]) -> NameConstraint | None:
    """The person whose opinion the question asks: named after a commentator noun ("the columnist X")
    with a verb of opinion in the question, or the subject of a verb of thought ("What does X think")."""
    tokens = WORD.findall(text)
    lowered = [t.lower() for t in tokens]
    verbs = set(lexicon()["opinion_verbs"]["words"])
    thought = {"think", "thinks", "thought", "believe", "believes", "feel", "feels", "reckon", "reckons"}
    nouns = set(lexicon()["commentator_nouns"]["words"])
    if not set(lowered) & verbs:
        return None
    for c in people:
        at = _named_at(tokens, c)
        if at is None:
            continue
        last = max(i for i, w in enumerate(lowered) if w in c.tokens)
        after = lowered[last + 1] if last + 1 < len(lowered) else ""
        if (at > 0 and lowered[at - 1] in nouns) or after in thought:
            return c
    return None


def _outside_reference(text: str, places: tuple[NameConstraint, ...]) -> tuple[NameConstraint, ...]:
    """The places not named only in a clause that dates the asked event by another ("... by phone before
    the talks in Berlin"): that place is the other event's (``reference_preps``)."""
    lowered = text.lower()
    opens = (re.search(rf"\b{re.escape(w)}\s+(?:the|his|her|their|its)\b", lowered)
             for w in lexicon()["reference_preps"]["words"])
    cut = min((m.start() for m in opens if m), default=None)
    if cut is None:
        return places
    head = lowered[:cut]
    return tuple(c for c in places if c.text.lower() in head)


def read_question(text: str, store: Store) -> Question:
    lowered = text.lower()
    main, also_verb = split_also(text)
    topic_words, source_words, rest = split_segments(main)
    titles = set(lexicon()["titles"]["words"])
    described, rest = described_people(rest, store)
    people, places = resolve_names(rest, store)
    places = _outside_reference(main, places)
    type_words = lexicon()["event_types"]["words"]
    types = frozenset(t for w in WORD.findall(lowered) for t in type_words.get(w, ()))
    kind = _person_kind(text, question_kind(text))
    plural = kind == "which" or any(_phrase_in(lowered, w) for w in lexicon()["plural_events"]["words"])
    focus = question_focus(main)
    # A name both a party and a place in the events ("Who threatened Lenz?") may be either here too.
    parties = people + tuple(c for c in places if c.role == "any")
    agents, patients, verb, required = read_roles(text, kind, focus, parties)
    return Question(
        text=text,
        kind=kind,
        focus=focus,
        people=people,
        places=places,
        times=time_constraints(text),
        event_types=types,
        plural=plural,
        words=content_words(text),
        topic=content_words(" ".join(topic_words)),
        sources=tuple(sorted({t for w in source_words for t in name_tokens(w)} - titles)),
        agents=agents,
        patients=patients,
        verb=verb,
        verb_required=required,
        identity=kind == "who" and is_identity(text, people, places),
        host=asks_host(main, kind),
        previous=previous_to(main),
        also_verb=also_verb,
        opinion_of=opinion_writer(main, people),
        described=described,
    )
