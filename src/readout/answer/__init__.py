"""``readout ask``: question analysis, retrieval of events and sentences, extractive answers.

1. read the question (``question.py``): its kind (what, when, where, who, how long, did, which), its
   focus (discussion, attendance, attribution: "who says so"), the people and places it names
   (resolved against the store), the years and months it names, the event types its verbs imply;
2. find the events (``match.py``): names by index, then type, time and opinion; among several, the
   one whose date fits the question's time, or whose account holds the question's other words;
3. compose (``compose.py``): one part per event from the field the kind asks for, citing the capture
   sentences that state it (FTS5 BM25 ranks sentences among the event's own documents); caveats from the
   event's attributions, its date's missing year, and the choice between events.

Three questions take other roads: "Who is X?" is answered with the roles the captures give X
(``identity.py``); a who-question with a verb that is not a meeting's ("Who threatened X?", "Whom did
X thank?") asks for the actors or the recipients of the events of that verb (``question.read_roles``,
``match.in_roles``); and a what- or who-question no event record fits may be answered by quoting the
sentences that hold all its names and words, under strict guards (``fallback.py``).

Statuses: ``answered``; ``no_answer`` when no event fits or the captures leave the asked field empty
(nothing cited, nothing guessed); ``ambiguous`` when several events fit and nothing in the question
chooses, each given with its own citations. A question about several events at once (``which``, or a
plural such as "meetings") is answered with all of them, and so is a where-question ("Where have A
and B met?": every place, each with its date as known) or a who-question about who did what to whom.
"""

from __future__ import annotations

from dataclasses import replace

from readout.answer.compose import (
    ANSWERERS,
    Captures,
    Part,
    answer_also,
    join_names,
    label,
    mention_citations,
    source_caveats,
    unknown_text,
    vague_date,
)
from readout.answer.fallback import Fallback, sentence_fallback
from readout.answer.identity import person_roles
from readout.answer.match import find_events, people_as_sources, time_fit
from readout.answer.opinion import Opinion, writer_opinion
from readout.answer.question import Question, read_question
from readout.model import Answer, Citation, Event
from readout.store import Store

__all__ = ["answer_question", "render_plain"]

NO_ANSWER = "No answer in these captures: "


def answer_question(question: str, store: Store) -> Answer:
    """The extractive answer to ``question`` from ``store``; see the module docstring."""
    read = read_question(question.strip(), store)
    if read.identity:
        return _identity(question, read, store)
    if read.opinion_of is not None:
        view = writer_opinion(read, Captures(store))
        if view is not None:
            return _opinion(question, view)
    matches = find_events(read, store)
    if not matches.chosen:
        reread = people_as_sources(read, store)
        if reread is not read:
            read, matches = reread, find_events(reread, store)
    if not matches.chosen:
        found = sentence_fallback(read, store)
        if found is None:
            return _no_answer(question, f"{matches.reason}.")
        return _from_sentences(question, found, Captures(store), matches.reason)
    if read.kind == "did" and read.times and not any(time_fit(e, read) == "yes" for e in matches.chosen):
        # "Did A meet B on 5 March?" asks whether it happened then: an undated report does not say so.
        times = ", ".join(t.text for t in read.times)
        others = "; ".join(label(e) for e in matches.chosen)
        return _no_answer(
            question,
            f"no event that fits the question is dated {times}; the captures report {others} "
            f"without a date that shows whether it took place {times}.",
        )
    kind = "which" if read.plural and read.kind in ("what", "which") else read.kind
    kind = "source" if read.focus == "attribution" else kind
    captures = Captures(store)
    parts = [ANSWERERS[kind](captures, event, read) for event in matches.chosen]
    if read.topic and any(p.text is not None for p in parts):
        # The topic chooses: of several meetings, those whose captures say nothing of it are not meant.
        parts = [p for p in parts if p.text is not None]
    if all(p.text is None for p in parts):
        vague = vague_date(parts[0].event.date) if kind == "when" else None
        fixes = f" (they say only \u201c{vague}\u201d, which fixes no date)" if vague else ""
        return _no_answer(question, f"the captures {unknown_text(kind, parts[0].event, read)}{fixes}.")
    if read.also_verb and len(parts) == 1 and parts[0].text is not None:
        also, cited = answer_also(captures, parts[0].event, read.also_verb)
        part = parts[0]
        part.text = f"{part.text} {also}" if also else (
            f"{part.text} The captures do not say what they {read.also_verb}."
        )
        part.citations += [c for c in cited if c not in part.citations]
    if len(parts) == 1:
        answer = _single(question, read, parts[0], matches.set_aside)
        if matches.note:
            answer = replace(answer, caveats=(*answer.caveats, matches.note))
        if matches.chose_by:
            words = ", ".join(f"\u201c{w}\u201d" for w in matches.chose_by)
            note = (
                f"Several events fit the names in the question; this one was chosen because its account "
                f"holds the question's words {words}."
            )
            answer = replace(answer, caveats=(*answer.caveats, note))
        return answer
    for part in parts:
        if part.text is None:
            # A candidate is shown with the sentences that report it, so a reader can tell it apart.
            part.text = f"The captures {unknown_text(kind, part.event, read)}."
            part.citations = mention_citations(captures, part.event, limit=1)
    agree = len({p.key for p in parts}) == 1 and parts[0].key is not None
    listed = _lists(read, kind) or _same_acts(read, parts)
    return _several(question, read, parts, ambiguous=not (read.plural or agree or listed))


def _lists(read: Question, kind: str) -> bool:
    """Whether several events answer the question together: "Where have A and B met?" asks for every
    place, and "Who threatened X?" for everyone who did; a when- or what-question about one meeting
    among several stays ambiguous."""
    return kind == "where" or (kind == "who" and bool(read.agents or read.patients or read.verb))


def _same_acts(read: Question, parts: list[Part]) -> bool:
    """Whether several events answer "What did X threaten?" together: the question asks for an act of a
    type other than a meeting, and every event found is that act by the same actors, reported in
    several places; each is given with its own words."""
    actors = {p.event.actor for p in parts}
    return (
        read.kind == "what"
        and bool(read.event_types)
        and "CONSULT" not in read.event_types
        and len(actors) == 1
        and bool(next(iter(actors)))
    )


def _opinion(question: str, view: Opinion) -> Answer:
    """A writer's view, quoted from their own piece, with the caveat that it is an opinion."""
    quoted = " ".join(f"\u201c{c.text}\u201d [{k}]" for k, c in enumerate(view.citations, start=1))
    return _quoted(
        question,
        f"In a piece of opinion by {view.writer} (not an official account), they write: {quoted}",
        view.citations,
        f"This is the opinion of {view.writer}, from a piece they wrote "
        f"(byline: \u201c{view.byline}\u201d, {view.source}): a commentary or column, "
        "not an official account or a news report of fact.",
    )


def _identity(question: str, read: Question, store: Store) -> Answer:
    """ "Who is X?" answered with the roles the captures give X, each cited (see ``identity.py``)."""
    person = read.people[0]
    if not person.known:
        return _no_answer(question, f"nothing in these captures names {person.text}.")
    name, roles = person_roles(read, store)
    captures = Captures(store)
    citations: list[Citation] = []
    items = []
    for role in roles:
        citation = captures.quote(role.source, role.sentence.lines, role.sentence.text)
        if citation is None:
            continue
        if citation not in citations:
            citations.append(citation)
        items.append(f"\u201c{role.text}\u201d [{citations.index(citation) + 1}]")
    if not items:
        return _no_answer(question, f"the captures name {name} but give no title or role for them.")
    return _quoted(
        question,
        f"The captures describe {name} as: {'; '.join(items)}.",
        tuple(citations),
        "Each role is as the capture cited for it states it, when it was written; "
        "it may not hold at another time.",
    )


def _from_sentences(question: str, found: Fallback, captures: Captures, reason: str | None) -> Answer:
    """The sentences that hold all the question's names and words, quoted, when no event record fits
    (see ``fallback.py``)."""
    citations = list(
        dict.fromkeys(
            c for s in found.sentences if (c := captures.quote(s.source, s.lines, s.text)) is not None
        )
    )
    if not citations:
        return _no_answer(question, f"{reason}.")
    quoted = " ".join(f"\u201c{c.text}\u201d [{k}]" for k, c in enumerate(citations, start=1))
    return _quoted(
        question,
        f"No event record in these captures fits the question ({reason}); these sentences hold all "
        f"its names and words: {quoted}",
        tuple(citations),
        "No event record matched the question: the answer only quotes capture sentences that hold all "
        "of its names and words, and they may not say exactly what it asks.",
    )


def _quoted(question: str, text: str, citations: tuple[Citation, ...], caveat: str) -> Answer:
    """An answer about no event record (an opinion, a person's roles, sentences that hold the question's
    words): the cited words and the one caveat that says what they are."""
    return Answer(question=question, status="answered", answer=text, event=None, events=(), date=None,
                  citations=citations, caveats=(caveat,))


def _no_answer(question: str, reason: str) -> Answer:
    return Answer(
        question=question,
        status="no_answer",
        answer=NO_ANSWER + reason,
        event=None,
        events=(),
        date=None,
        citations=(),
        caveats=(),
    )


def _single(question: str, read: Question, part: Part, set_aside: tuple) -> Answer:
    caveats = part.caveats + source_caveats(part.event, part.citations, _whole(read))
    if read.times and not set_aside and not _dated(part.event):
        times = ", ".join(t.text for t in read.times)
        caveats.append(
            f"The captures do not date this event, so whether it took place in {times} is not known."
        )
    if set_aside:
        times = ", ".join(t.text for t in read.times)
        others = "; ".join(label(e) for e in set_aside)
        caveats.append(
            f"{len(set_aside) + 1} events fit the names in the question; this one was chosen because "
            f"its date fits {times}, while the captures do not date "
            f"{'the other' if len(set_aside) == 1 else 'the others'} ({others})."
        )
    return Answer(
        question=question,
        status="answered",
        answer=part.text or "",
        event=part.event.id,
        events=(part.event.id,),
        date=part.date if read.kind == "when" else None,
        citations=tuple(part.citations),
        caveats=tuple(dict.fromkeys(caveats)),
    )


def _whole(read: Question) -> bool:
    """Whether the answer rests on the event's whole account (and so carries all its source caveats);
    an answer from one named source rests on what it cites."""
    return read.focus in ("discussion", "attribution") and not read.sources


def _dated(event: Event) -> bool:
    return bool(event.date.value or event.date.earliest or event.date.latest)


def _several(question: str, read: Question, parts: list[Part], ambiguous: bool) -> Answer:
    """Each event's answer numbered, with its own citations (numbered after the text of all parts)."""
    citations: list[Citation] = []
    caveats: list[str] = []
    lines = []
    for k, part in enumerate(parts, start=1):
        marks = []
        for citation in part.citations:
            if citation not in citations:
                citations.append(citation)
            marks.append(f"[{citations.index(citation) + 1}]")
        lines.append(f"({k}) {part.text}" + (f" {' '.join(marks)}" if marks else ""))
        caveats += part.caveats + source_caveats(part.event, part.citations, _whole(read))
    if ambiguous:
        head = (
            f"{len(parts)} events fit the question and nothing in it chooses between them; "
            "each is given with its own citations:"
        )
        caveats.insert(
            0,
            f"{len(parts)} events fit and nothing in the question chooses between them; "
            "name a date or place to pick one.",
        )
    else:
        head = f"{len(parts)} events fit the question:"
        places = list(dict.fromkeys(p.key for p in parts if isinstance(p.key, str) and p.key != "yes"))
        if read.kind == "where" and places:
            head = f"{len(parts)} events fit the question; the captures place them in {join_names(places)}:"
    if read.times and any(not _dated(p.event) for p in parts):
        times = ", ".join(t.text for t in read.times)
        caveats.append(
            f"The captures do not date some of these events, so whether they took place in {times} "
            "is not known."
        )
    return Answer(
        question=question,
        status="ambiguous" if ambiguous else "answered",
        answer=" ".join([head, *lines]),
        event=None,
        events=tuple(p.event.id for p in parts),
        date=None,
        citations=tuple(citations),
        caveats=tuple(dict.fromkeys(caveats)),
    )


def render_plain(answer: Answer) -> str:
    """The answer for a terminal: status, text, date, numbered citations, caveats."""
    out = [f"Q: {answer.question}", f"[{answer.status}] {answer.answer}"]
    if answer.date is not None:
        date = answer.date
        shown = date.value or date.stated or "unknown"
        bounds = (
            f" (between {date.earliest or '?'} and {date.latest or '?'})"
            if date.earliest or date.latest
            else ""
        )
        out.append(f"Date: {shown}{bounds}")
    if answer.citations:
        out.append("Citations:")
        for k, c in enumerate(answer.citations, start=1):
            span = f"line {c.lines[0]}" if c.lines[0] == c.lines[1] else f"lines {c.lines[0]}-{c.lines[1]}"
            out.append(f"  [{k}] {c.source}, {span}: \u201c{c.text}\u201d")
    if answer.caveats:
        out.append("Caveats:")
        out += [f"  - {c}" for c in answer.caveats]
    return "\n".join(out) + "\n"
