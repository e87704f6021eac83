"""Finding the events a question is about: names by index, then type, time and opinion filters.

Every person and place the question names must be among an event's people (participants, also
present, actor, recipient) or be its place; a name the store does not know matches nothing. A time in
the question keeps events whose date fits it and sets aside those whose date is unknown, naming them in
a caveat; events whose date rules the time out are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from readout.answer.question import (
    MONTHS,
    PERSON_LABELS,
    PLACE_LABELS,
    NameConstraint,
    Question,
    TimeConstraint,
    lexicon,
    stem,
    subject_stems,
)
from readout.model import DateValue, Event
from readout.store import Store, name_tokens

MONTH_WORD = re.compile(r"[A-Za-z]+\.?")
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Matches:
    chosen: tuple[Event, ...]  # the events the answer is about
    set_aside: tuple[Event, ...]  # events that fit the names but whose date is unknown, when another's fits
    reason: str | None = None  # why nothing matched
    chose_by: tuple[str, ...] = ()  # the question's words that chose the one event among several
    note: str | None = None  # how the one event was chosen, when a rule of the question's wording chose it


def _stated_months(date: DateValue) -> set[int]:
    words = [date.stated or ""] + [e.text for e in date.evidence]
    return {
        MONTHS[w.lower().rstrip(".")]
        for text in words
        for w in MONTH_WORD.findall(text)
        if w.lower().rstrip(".") in MONTHS and len(w) >= 3
    }


def _events_naming(store: Store, constraints: tuple[NameConstraint, ...]) -> set[str]:
    """Events that have, for every constraint, a person (or place) bearing all its name's words.

    "Ilsa Varga" is met by an event of "Ilsa Varga", not by one of "Tomas Varga"; when no event bears
    all the words (a spelling the collection does not use), the surname alone decides, but only in a
    name the captures give a person or place: "Northern Coast Rangers" is not met by "park rangers".
    """
    held: dict[tuple[str, str, str], set[str]] = {}
    for event_id, token, role, name in store.event_names({t for c in constraints for t in c.tokens}):
        held.setdefault((event_id, role, name), set()).add(token)
    proper = {
        canonical
        for _, canonical, label in store.entity_names({c.key for c in constraints})
        if label in PERSON_LABELS | PLACE_LABELS
    }
    ids: set[str] | None = None
    for c in constraints:
        fits = [(key, tokens) for key, tokens in held.items() if c.role in (key[1], "any")]
        found = {key[0] for key, tokens in fits if c.tokens <= tokens}
        found = found or {key[0] for key, tokens in fits if c.key in tokens and key[2] in proper}
        ids = found if ids is None else ids & found
    return ids or set()


def _named_are_principal(event: Event, question: Question) -> bool:
    """Whether every person the question names is a party to the event, not only present at it."""
    principal = {
        t for name in (*event.participants, *event.actor, *event.recipient) for t in name_tokens(name)
    }
    return all(c.tokens & principal for c in question.people)


def date_fit(date: DateValue, time: TimeConstraint) -> str:
    """``yes``, ``no`` or ``unknown``: whether an event's date fits the question's time."""
    bounds = time.bounds
    if bounds is not None:
        low, high = bounds
        if date.value:
            return "yes" if low <= date.value <= high else "no"
        if (date.earliest and date.earliest > high) or (date.latest and date.latest < low):
            return "no"
        if date.earliest and date.latest and low <= date.earliest and date.latest <= high:
            return "yes"
        return "unknown"
    month = time.month
    if date.value:
        same_day = time.day is None or int(date.value[8:10]) == time.day
        return "yes" if int(date.value[5:7]) == month and same_day else "no"
    if date.earliest and date.latest and date.earliest[:7] == date.latest[:7]:
        return "yes" if int(date.earliest[5:7]) == month else "no"
    stated = _stated_months(date)
    if stated:
        return "yes" if month in stated else "no"
    return "unknown"


def time_fit(event: Event, question: Question) -> str:
    """``yes``, ``no`` or ``unknown``: whether the event's date fits every time the question names."""
    fits = [date_fit(event.date, t) for t in question.times]
    if "no" in fits:
        return "no"
    return "yes" if fits and all(f == "yes" for f in fits) else "unknown"


def _attributed_to(event: Event, sources: tuple[str, ...]) -> bool:
    """Whether one of the event's attributions (who says so, or the outlet it came through) names a source."""
    return any(set(sources) & name_tokens(f"{a.by} {a.via or ''}") for a in event.attributions)


def _holds(names: tuple[str, ...], constraint: NameConstraint) -> bool:
    tokens = {t for n in names for t in name_tokens(n)}
    return constraint.tokens <= tokens or constraint.key in tokens


def in_roles(event: Event, question: Question) -> bool:
    """Whether the people the question makes actors act in the event and those it makes recipients
    receive it ("Who threatened X?" is not answered by a threat X made)."""

    def held(names: tuple[str, ...], c: NameConstraint) -> bool:
        # A name that is both a party and a place in the events may be the event's place here.
        return _holds(names, c) or (c.role == "any" and _holds((event.place or "",), c))

    return all(held(event.actor, c) for c in question.agents) and all(
        held(event.recipient, c) for c in question.patients
    )


def uses_verb(event: Event, verb: str) -> bool:
    """Whether a sentence the event was read from uses the question's verb (by its stem)."""
    wanted = stem(verb)
    return any(stem(w) == wanted for m in event.mentions for w in WORD.findall(m.sentence.lower()))


# How many words may stand between an actor's name and its verb ("Vell had then sent"): auxiliaries and
# adverbs, not a clause of its own.
VERB_REACH = 3


def acts_with_verb(event: Event, verb: str) -> bool:
    """Whether a sentence the event was read from has one of its actors as the subject of the question's
    verb: the actor's name stands right before the verb, but for a few function words or adverbs.

    A verb of no type says nothing of the event's own type; that it occurs somewhere in the sentence
    does not make it the event's ("X will strike any town supplying Y" is no supplying by X).
    """
    wanted = stem(verb)
    actors = {t for name in event.actor for t in name_tokens(name)}
    stop = set(lexicon()["stopwords"]["words"]) | set(lexicon()["auxiliaries"]["words"])
    for mention in event.mentions:
        words = WORD.findall(mention.sentence.lower())
        for at, word in enumerate(words):
            if stem(word) != wanted:
                continue
            before = [w for w in words[max(0, at - VERB_REACH - 1) : at]]
            while before and (before[-1] in stop or before[-1].endswith("ly")) and before[-1] not in actors:
                before.pop()
            if before and before[-1] in actors:
                return True
    return False


def _role_filter(candidates: list[Event], question: Question) -> tuple[list[Event], str | None]:
    """The candidates that fit a who-question's roles and verb, or why none does."""
    if question.agents or question.patients:
        candidates = [e for e in candidates if in_roles(e, question)]
        if not candidates:
            sides = [f"{c.text} acting" for c in question.agents] + [
                f"{c.text} on the receiving end" for c in question.patients
            ]
            what = "event of that kind" if question.event_types else "event"
            return [], f"no {what} is reported with {' and '.join(sides)}"
    if question.verb:
        said = [e for e in candidates if uses_verb(e, question.verb)]
        # A verb of a known type prefers the events reported with it; any other verb must be used, and
        # not of a meeting (see ``read_roles``).
        if question.verb_required:
            candidates = [e for e in said if e.type != "CONSULT" and acts_with_verb(e, question.verb)]
        else:
            candidates = said or candidates
        if not candidates:
            words = f"\u201c{question.verb}\u201d"
            return [], f"no event with {_describe_names(question)} is reported in words that say {words}"
    return candidates, None


def _describe_names(question: Question) -> str:
    people = [c.text for c in question.people]
    places = [c.text for c in question.places]
    parts = []
    if people:
        parts.append(" and ".join(people))
    if places:
        parts.append("in " + " and ".join(places))
    return " ".join(parts)


def people_as_sources(question: Question, store: Store) -> Question:
    """The question with a named person who took part in none of the events it asks about, but is who
    an account of them comes from ("What did the observer Ann Vey say about the summit?"), read as
    its source rather than a party. Asked only when no event fits the question as it reads, and only of
    a question about what was said or who says so: "Where did the spokesman meet X?" asks about a
    meeting the spokesman would have taken part in, which his reporting another does not answer."""
    if question.sources or not question.people or question.focus not in ("discussion", "attribution"):
        return question
    constraints = question.people + question.places
    for person in question.people:
        if _paired(question, person):
            continue
        others = tuple(c for c in constraints if c is not person)
        ids = _events_naming(store, others) if others else set()
        events = store.events_by_id(ids)
        if question.event_types:
            events = [e for e in events if e.type in question.event_types]
        if any(_attributed_to(e, tuple(person.tokens)) for e in events):
            return replace(
                question,
                people=tuple(c for c in question.people if c is not person),
                sources=tuple(sorted(person.tokens)),
            )
    return question


# Words that join two people as the parties of one act ("A and B discussed", "A with B").
PAIRING = ("and", "with", "&")


def _paired(question: Question, person: NameConstraint) -> bool:
    """Whether the question joins ``person`` to another named person ("What did A and C discuss?"): both
    are then the parties it asks about, and the one a report quotes is not its source instead."""
    words = [w.lower() for w in WORD.findall(question.text)]
    at = [i for i, w in enumerate(words) if w in person.tokens]
    others = {t for c in question.people if c is not person for t in c.tokens}
    padded = ["", "", *words, "", ""]
    return any(
        padded[i + 2 + step] in PAIRING and padded[i + 2 + 2 * step] in others for i in at for step in (-1, 1)
    )


def _described_by(event: Event, described: NameConstraint, store: Store) -> bool:
    """Whether the captures describe one of the event's actors (its parties when it has none) by the
    question's place and title ("Harn's defence minister"): a sentence the event was read from holds all
    those words, or a sentence of its documents holds them with the actor's name."""
    people = event.actor or tuple(event.participants)
    names = {t for n in people for t in name_tokens(n)}
    if not names:
        return False
    for mention in event.mentions:
        if described.tokens <= {w.lower() for w in WORD.findall(mention.sentence)}:
            return True
    for source in event.documents:
        for sentence in store.sentences_of(source):
            words = {w.lower() for w in WORD.findall(sentence.text)}
            if described.tokens <= words and words & names:
                return True
    return False


def _before_reference(events: list[Event], question: Question) -> tuple[Event | None, str | None]:
    """The one meeting a "last ... before <event>" question means: the event the "before" words name (the
    latest dated of those whose sentences hold them) is set aside, so are those dated after it; of the
    rest, the one a capture calls their last meeting ("last met", "last meeting"), or the only one left."""
    wanted = {stem(w) for w in question.previous}

    def says(event: Event, stems: set[str]) -> bool:
        return any(stems <= {stem(w) for w in WORD.findall(m.sentence.lower())} for m in event.mentions)

    named = [e for e in events if wanted and says(e, wanted)]
    dated = [e for e in named if e.date.value or e.date.earliest]
    if dated:
        # Another event's report may use the same words ("her first state visit"): the latest is meant.
        reference = max(dated, key=lambda e: e.date.value or e.date.earliest or "")
    elif len(named) == 1:
        reference = named[0]
    else:
        return None, None
    first = reference.date.value or reference.date.earliest
    rest = [e for e in events if e is not reference and not (first and (e.date.value or "") > first)]
    last_words = {stem(w) for w in lexicon()["previous_words"]["words"]}
    told = [e for e in rest if any(says(e, {word}) for word in last_words)]
    chosen = told if len(told) == 1 else rest if len(rest) == 1 else []
    if not chosen:
        return None, None
    words = " ".join(question.previous)
    note = (
        f"The question asks for the meeting before \u201c{words}\u201d: that event is set aside, and this "
        + ("one is the one the captures call the last." if told else "is the only other one.")
    )
    return chosen[0], note


def find_events(question: Question, store: Store) -> Matches:
    constraints = question.people + question.places
    unknown = [c.text for c in constraints if not c.known]
    if unknown:
        others = [c.text for c in constraints if c.known]
        tie = f" to {' and '.join(others)}" if others else ""
        return Matches((), (), f"nothing in these captures ties {' or '.join(unknown)}{tie}")
    if constraints:
        ids = _events_naming(store, constraints)
        candidates = store.events_by_id(ids, within=[t.bounds for t in question.times if t.bounds])
    elif any(t.bounds for t in question.times):
        spans = [t.bounds for t in question.times if t.bounds]
        candidates = store.events_by_id(
            store.event_ids_in_range(min(s[0] for s in spans), max(s[1] for s in spans))
        )
    elif question.event_types or question.described:
        candidates = store.events()
    else:
        return Matches((), (), "the question names no person, place, time or kind of event to look for")
    if question.event_types:
        candidates = [e for e in candidates if e.type in question.event_types]
    for described in question.described:
        candidates = [e for e in candidates if _described_by(e, described, store)]
        if not candidates:
            return Matches((), (), f"no event of that kind is reported of {described.text}")
    candidates, reason = _role_filter(candidates, question)
    if reason:
        return Matches((), (), reason)
    if question.sources:
        candidates = [e for e in candidates if _attributed_to(e, question.sources)]
        if not candidates:
            names = " ".join(question.sources)
            return Matches(
                (), (), f"no event {_describe_names(question)} is attributed to {names}".replace("  ", " ")
            )
    if not candidates:
        names = _describe_names(question)
        what = "event of that kind" if question.event_types else "event"
        names = names if names.startswith("in ") else f"with {names}"
        return Matches(
            (),
            (),
            f"no {what} {names} is reported" if names.strip() != "with" else f"no {what} fits the question",
        )
    fits = {e.id: time_fit(e, question) for e in candidates}
    kept = [e for e in candidates if fits[e.id] != "no"]
    if not kept:
        times = ", ".join(t.text for t in question.times)
        return Matches(
            (),
            (),
            f"no event {('with ' + _describe_names(question)) if constraints else ''} "
            f"is dated {times}".replace("  ", " "),
        )
    factual = [e for e in kept if not e.opinion]
    kept = factual or kept
    if not (question.plural and question.focus == "attendance"):
        # "Which meetings did X attend?" counts the ones X was only present at; otherwise a party wins.
        principal = [e for e in kept if _named_are_principal(e, question)]
        kept = principal or kept
    dated = [e for e in kept if fits[e.id] == "yes"]
    if question.times and dated:
        salient = _most_reported(dated) if not (question.plural or question.people) else None
        if salient is not None:
            return Matches((salient,), (), note=_salient_note(len(dated) - 1))
        return Matches(tuple(dated), tuple(e for e in kept if fits[e.id] == "unknown"))
    if len(kept) > 1 and question.previous and not question.times:
        before, note = _before_reference(kept, question)
        if before is not None:
            return Matches((before,), (), note=note)
    if len(kept) > 1 and not question.plural:
        chosen, words = _chosen_by_words(kept, question)
        if chosen is not None:
            return Matches((chosen,), (), chose_by=words)
        salient = _most_reported(kept) if not question.people else None
        if salient is not None:
            return Matches((salient,), (), note=_salient_note(len(kept) - 1))
    return Matches(tuple(kept), ())


def _salient_note(others: int) -> str:
    return (f"{others} other event{'s' if others > 1 else ''} of that place and time "
            f"{'are' if others > 1 else 'is'} reported too, by fewer captures; the question names no one, so "
            "this answer is about the one most captures report.")


def _most_reported(events: list[Event]) -> Event | None:
    """"The March 2017 meeting in P", when two meetings fit and the question names no one: the meeting the
    collection is about is the one more captures report, when one is reported by strictly more."""
    if len(events) < 2:
        return None
    ranked = sorted(events, key=lambda e: -len(e.documents))
    return ranked[0] if len(ranked[0].documents) > len(ranked[1].documents) else None


def _chosen_by_words(events: list[Event], question: Question) -> tuple[Event | None, tuple[str, ...]]:
    """The one event whose own account holds more of the question's other words than any other.

    "Who says they agreed on the rail line?" chooses the meeting whose sentences or topics speak of a
    rail line. Names, times, question words and the words that set the question's kind or focus are
    left out: they are already accounted for, and every candidate shares them.
    """
    wanted = subject_stems(question)
    if not wanted:
        return None, ()
    scores = []
    for event in events:
        texts = [m.sentence for m in event.mentions] + [t.text for t in event.topics]
        held = {stem(w.lower()) for text in texts for w in WORD.findall(text)} & wanted
        scores.append((len(held), event, tuple(sorted(held))))
    scores.sort(key=lambda item: -item[0])
    if scores[0][0] > 0 and scores[0][0] > scores[1][0]:
        return scores[0][1], scores[0][2]
    return None, ()
