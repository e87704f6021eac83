"""Finding the events a question is about: names by index, then type, time and opinion filters.

Every person and place the question names must be among an event's people (participants, also
present, actor, recipient) or be its place; a name the store does not know matches nothing. A time in
the question keeps events whose date fits it and sets aside those whose date is unknown, naming them in
a caveat; events whose date rules the time out are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from readout.answer.question import MONTHS, NameConstraint, Question, TimeConstraint, stem, subject_stems
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
    all the words (a spelling the collection does not use), the surname alone decides.
    """
    held: dict[tuple[str, str, str], set[str]] = {}
    for event_id, token, role, name in store.event_names({t for c in constraints for t in c.tokens}):
        held.setdefault((event_id, role, name), set()).add(token)
    ids: set[str] | None = None
    for c in constraints:
        fits = [(key, tokens) for key, tokens in held.items() if c.role in (key[1], "any")]
        found = {key[0] for key, tokens in fits if c.tokens <= tokens}
        found = found or {key[0] for key, tokens in fits if c.key in tokens}
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
    its source rather than a party. Asked only when no event fits the question as it reads."""
    if question.sources or not question.people:
        return question
    constraints = question.people + question.places
    for person in question.people:
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
    elif question.event_types:
        candidates = store.events()
    else:
        return Matches((), (), "the question names no person, place, time or kind of event to look for")
    if question.event_types:
        candidates = [e for e in candidates if e.type in question.event_types]
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
        return Matches(
            (), (), f"no {what} with {names} is reported" if names else f"no {what} fits the question"
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
        return Matches(tuple(dated), tuple(e for e in kept if fits[e.id] == "unknown"))
    if len(kept) > 1 and not question.plural:
        chosen, words = _chosen_by_words(kept, question)
        if chosen is not None:
            return Matches((chosen,), (), chose_by=words)
    return Matches(tuple(kept), ())


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
