"""Composing an extractive answer for one or several events: the words, the citations, the caveats.

Each question kind reads one field of the event (its date, people, place, duration, topics) and cites
the capture sentences that state it. A field the captures leave empty is not filled in: the answer
says the captures do not tell, and cites nothing.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass, field, replace

from readout.answer.cite import fold, quote
from readout.answer.question import MONTHS, Question, lexicon, stem, subject_stems, subject_words
from readout.model import Citation, DateValue, Event, Lines
from readout.store import Store, StoredSentence, name_tokens

WORD = re.compile(r"\w+")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_DAY = re.compile(
    r"\b([A-Z][a-z]{2,8}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?\b|\b(\d{1,2})(?:st|nd|rd|th)?\s+([A-Z][a-z]{2,8}\.?)"
)
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# How many sentences an answer cites per event: enough for the several points of a discussion, few
# enough that each citation is read.
MAX_CITATIONS = 8
MAX_WHO_CITATIONS = 2
# A sentence holding what the question asks about ("about foreign forces") outweighs one holding a
# topic: the question has said which part of the discussion it wants.
SUBJECT_WEIGHT = 3
# "Did they discuss X?" is yes only when one sentence holds this share of the question's own words:
# most of them, so that one shared word ("weapons") does not stand for the whole ("nuclear weapons").
SUBJECT_SHARE = 2 / 3
# A sentence must hold a topic and more, or carry cues and a party, to be cited for "what was
# discussed": a lone reporting verb ("said") or a lone noun phrase is not a discussion.
MIN_DISCUSSION_SCORE = 3
# Topics named in an answer's text: the ones its citations hold, at most this many, so the answer reads
# as a summary and the citations carry the rest.
MAX_TOPICS = 8
# Sentences quoted for what an event was (a threat, an agreement): the first report and one more.
MAX_QUOTED = 2


@dataclass
class Part:
    """The answer for one event: text (None when the captures do not tell), citations, caveats."""

    event: Event
    text: str | None
    citations: list[Citation] = field(default_factory=list)
    caveats: list[str] = field(default_factory=list)
    date: DateValue | None = None
    key: object = None  # the value asked for (people, place, "yes"): events agreeing on it answer together


class Captures:
    """The store's captures as the answer needs them: lines to quote and sentences, read once each."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lines: dict[str, list[str]] = {}
        self._sentences: dict[str, list[StoredSentence]] = {}

    def lines(self, source: str) -> list[str]:
        if source not in self._lines:
            self._lines[source] = self.store.capture_text(source).split("\n")
        return self._lines[source]

    def sentences(self, source: str) -> list[StoredSentence]:
        if source not in self._sentences:
            self._sentences[source] = [s for s in self.store.sentences_of(source) if s.kind == "content"]
        return self._sentences[source]

    def quote(self, source: str, lines: Lines, text: str) -> Citation | None:
        return quote(self.lines(source), source, lines, text)


def join_names(names: list[str]) -> str:
    names = list(dict.fromkeys(names))
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def parties(event: Event) -> list[str]:
    return list(event.participants) or list(dict.fromkeys([*event.actor, *event.recipient]))


def noun(event: Event) -> str:
    nouns = lexicon()["event_nouns"]
    return nouns.get(f"{event.type}/{event.mode}") or nouns.get(event.type) or event.type.lower()


def label(event: Event) -> str:
    """A short name for the event: 'the meeting of A and B in P on D', 'the visit of A to B in P'."""
    text = f"the {noun(event)}"
    if event.mode == "visit" and event.actor and event.recipient:
        text += f" of {join_names(list(event.actor))} to {join_names(list(event.recipient))}"
    elif event.type != "CONSULT" and event.actor and event.recipient:
        # A directed act ("Tolvan threatened its neighbours") says who acted toward whom.
        text += f" by {join_names(list(event.actor))} toward {join_names(list(event.recipient))}"
    elif parties(event):
        text += f" of {join_names(parties(event))}"
    if event.place:
        text += f" in {event.place}"
    when = short_date(event.date)
    return text + (f" {when}" if when else "")


def short_date(date: DateValue) -> str | None:
    """The date as a label gives it: the day, or the capture's own words, or nothing."""
    if date.value:
        year, month, day = (int(x) for x in date.value.split("-"))
        return f"on {day} {_month(month)} {year}"
    if date.stated:
        return f"({date.stated})"
    return None


NO_YEAR = "; the capture states no year"
WEEKDAY_ONLY = "; the captures give no date beyond the weekday"


def date_phrase(date: DateValue) -> tuple[str | None, bool]:
    """How the answer states a date, and whether the captures give it without a year."""
    if date.value:
        year, month, day = (int(x) for x in date.value.split("-"))
        # The weekday follows from the day itself; "which day of the week" is answered by it.
        weekday = calendar.day_name[calendar.weekday(year, month, day)]
        return f"on {weekday}, {day} {_month(month)} {year}", False
    stated = date.stated or " ".join(e.text for e in date.evidence)
    has_year = bool(YEAR.search(stated))
    if stated and not has_year and not (date.earliest or date.latest):
        day = MONTH_DAY.search(" ".join([date.stated or ""] + [e.text for e in date.evidence]))
        weekday = next((w for w in WEEKDAYS if re.search(rf"\b{w}\b", stated.lower())), None)
        if day:
            month_word, number = (
                (day.group(1), day.group(2)) if day.group(1) else (day.group(4), day.group(3))
            )
            if month_word.lower().rstrip(".") in MONTHS:
                text = f"on {_month(MONTHS[month_word.lower().rstrip('.')])} {int(number)}"
                text += f" (a {weekday.capitalize()})" if weekday else ""
                return text + NO_YEAR, True
        if weekday:
            return f"on a {weekday.capitalize()}{WEEKDAY_ONLY}", True
        return None, False  # only relative words ("today", "recently") with nothing to anchor them
    if date.earliest and date.latest:
        return f"between {date.earliest} and {date.latest}" + (
            f" (stated: {stated})" if stated else ""
        ), False
    if date.earliest:
        return f"on or after {date.earliest}" + (f" (stated: {stated})" if stated else ""), False
    if date.latest:
        return f"on or before {date.latest}" + (f" (stated: {stated})" if stated else ""), False
    if stated:
        return f"in {stated.strip()} (the day is not stated)", False
    return None, False


def vague_date(date: DateValue) -> str | None:
    """The capture's words for a date that fix nothing (no day of a month, no year, no bounds)."""
    if date.stated and date_phrase(date)[0] is None:
        return date.stated
    return None


def _month(number: int) -> str:
    return calendar.month_name[number]


def _tokens(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(text)}


def _sentence_at(captures: Captures, source: str, lines: Lines, text: str) -> StoredSentence | None:
    """The stored sentence of ``source`` that holds ``text`` on ``lines``."""
    wanted = fold(text)
    for sentence in captures.sentences(source):
        if sentence.lines[0] <= lines[1] and sentence.lines[1] >= lines[0] and wanted in fold(sentence.text):
            return sentence
    return None


def _cite_sentences(captures: Captures, sentences: list[StoredSentence]) -> list[Citation]:
    out: list[Citation] = []
    for sentence in sentences:
        citation = captures.quote(sentence.source, sentence.lines, sentence.text)
        if citation is not None and citation not in out:
            out.append(citation)
    return out


def mention_citations(
    captures: Captures, event: Event, limit: int = 2, prefer: set[str] | None = None
) -> list[Citation]:
    """The sentences that report the event, those holding ``prefer`` words first.

    Mentions in the documents the event's topics were read from come first: another document may only
    refer back to the event ("their last meeting"), which tells a reader little about it.
    """
    reporting = {t.source for t in event.topics}
    mentions = sorted(
        event.mentions,
        key=lambda m: (
            bool(reporting) and m.source not in reporting,
            -len(_tokens(m.sentence) & (prefer or set())),
        ),
    )
    out: list[Citation] = []
    for mention in mentions:
        citation = captures.quote(mention.source, mention.lines, mention.sentence)
        if citation is not None and citation not in out:
            out.append(citation)
        if len(out) >= limit:
            break
    return out


def _sentences_naming(captures: Captures, event: Event, tokens: set[str]) -> list[StoredSentence]:
    """Sentences of the event's documents that name any of ``tokens``, best (most names, a mention) first."""
    mentioned = {(m.source, m.lines) for m in event.mentions}
    context = name_tokens(event.place or "") | {t for n in parties(event) for t in name_tokens(n)}
    scored = []
    for source in event.documents:
        for sentence in captures.sentences(source):
            words = _tokens(sentence.text)
            hits = len(words & tokens)
            if hits:
                score = (
                    hits * 2 + len((words & context) - tokens) + 2 * ((source, sentence.lines) in mentioned)
                )
                scored.append((-score, source, sentence.n, sentence))
    return [s for *_, s in sorted(scored, key=lambda item: item[:3])]


# --- one part per question kind ----------------------------------------------------------------------


def answer_when(captures: Captures, event: Event, question: Question) -> Part:
    when, no_year = date_phrase(event.date)
    if when is None:
        return Part(event, None)
    sentences: list[StoredSentence] = []
    for evidence in event.date.evidence:
        sentence = _sentence_at(captures, evidence.source, evidence.lines, evidence.text)
        if sentence is not None and sentence not in sentences:
            sentences.append(sentence)
    citations = _cite_sentences(captures, sentences)
    if not citations:
        citations = [c for e in event.date.evidence if (c := captures.quote(e.source, e.lines, e.text))]
    part = Part(
        event, f"{_capital(label_without_date(event))} took place {when}.", citations, date=event.date
    )
    stated = event.date.stated or ", ".join(e.text for e in event.date.evidence)
    if no_year and when.endswith(WEEKDAY_ONLY):
        part.caveats.append(
            f"The captures give only the weekday (\u201c{stated}\u201d): neither the day of the month "
            "nor the year is stated."
        )
    elif no_year:
        part.caveats.append(
            f"The capture states no year for this date (it says \u201c{stated}\u201d), "
            "so the year is unknown."
        )
    return part


def label_without_date(event: Event) -> str:
    return label(replace(event, date=DateValue()))


def answer_doer(captures: Captures, event: Event, question: Question) -> Part:
    """A who-question with a verb that is not a meeting's: the side of the event the question leaves
    open (the actors of "Who threatened X?", the recipients of "Whom did X thank?"), cited where the
    event's own sentences report it. An event whose record leaves that side empty does not answer."""
    named = {t for c in (*question.agents, *question.patients) for t in c.tokens}
    side = event.recipient if question.agents and not question.patients else event.actor
    people = [n for n in side if not (name_tokens(n) & named)]
    if not people:
        return Part(event, None)
    prefer = {t for n in people for t in name_tokens(n)} | ({question.verb} if question.verb else set())
    citations = mention_citations(captures, event, prefer=prefer)
    return Part(event, f"{join_names(people)}: {label(event)}.", citations, key=tuple(sorted(people)))


def answer_host(captures: Captures, event: Event, question: Question) -> Part | None:
    """Who hosted the meeting: PLOVER gives a visit's visitor as its actor and the host as its recipient,
    so the recipient answers, named in the question or not, cited where a sentence of the event names
    the host with a word of hosting ("received", "hosted"). None when the record gives no recipient."""
    if event.type != "CONSULT" or not event.recipient or not event.actor:
        return None
    hosts = list(event.recipient)
    tokens = {t for n in hosts for t in name_tokens(n)}
    verbs = set(lexicon()["host_words"]["words"])
    ranked = sorted(
        event.mentions,
        key=lambda m: (not (_tokens(m.sentence) & tokens and _tokens(m.sentence) & verbs), m.lines),
    )
    citations: list[Citation] = []
    for mention in ranked[:MAX_WHO_CITATIONS]:
        citation = captures.quote(mention.source, mention.lines, mention.sentence)
        if citation is not None and citation not in citations:
            citations.append(citation)
    text = f"{join_names(hosts)} {'was' if len(hosts) == 1 else 'were'} the host of {label(event)}."
    if citations:
        text += " In the captures' words: " + _quoted(citations[0].text)
    return Part(event, text, citations, key=tuple(sorted(hosts)))


def answer_who(captures: Captures, event: Event, question: Question) -> Part:
    if question.agents or question.patients or question.verb:
        return answer_doer(captures, event, question)
    if question.host:
        hosted = answer_host(captures, event, question)
        if hosted is not None:
            return hosted
    named = question.named_tokens
    principal = parties(event)
    present = list(event.also_present)

    def unnamed(names: list[str]) -> list[str]:
        return [n for n in names if not (name_tokens(n) & named)]

    if question.focus == "attendance":
        people = unnamed(present) or unnamed(principal)
    else:
        people = unnamed(principal) + unnamed(present)
    if not people:
        return Part(event, None)
    tokens = {t for n in people for t in name_tokens(n)}
    citations = _cite_sentences(captures, _sentences_naming(captures, event, tokens)[:MAX_WHO_CITATIONS])
    besides = [n for n in principal if n not in people]
    if question.focus == "attendance" or set(people) <= set(present):
        text = f"{join_names(people)} {'was' if len(people) == 1 else 'were'} present at {label(event)}"
        text += f", besides {join_names(besides)}." if besides else "."
    else:
        text = f"{join_names([p for p in people if p in principal])} took part in {label(event)}."
        if unnamed(present):
            text += f" Also present: {join_names(unnamed(present))}."
    asked = people if question.focus == "attendance" else [p for p in people if p in principal] or people
    return Part(
        event, text, citations or mention_citations(captures, event, prefer=tokens), key=tuple(sorted(asked))
    )


def answer_where(captures: Captures, event: Event, question: Question) -> Part:
    if not event.place:
        return Part(event, None)
    tokens = name_tokens(event.place)
    naming = _sentences_naming(captures, event, tokens)
    # The event's own sentences first: another sentence naming the place may be about another meeting.
    mentioned = {(m.source, m.lines) for m in event.mentions}
    naming = [s for s in naming if (s.source, s.lines) in mentioned] + [
        s for s in naming if (s.source, s.lines) not in mentioned
    ]
    citations = _cite_sentences(captures, naming[:2])
    # The date as the captures give it, so that a list of places tells the occasions apart.
    when = short_date(event.date)
    text = f"{_capital(label(replace(event, date=DateValue(), place=None)))} took place in {event.place}"
    text += f" {when}." if when else "; the captures do not date it."
    dating = next((c for c in citations if YEAR.search(c.text)), None)
    if not when and dating is not None:
        # An undated record whose own sentence gives a year ("last met in 2011 in X"): the reader is
        # shown the capture's words, not a date the record does not hold.
        text += f" The capture says: {_quoted(dating.text)}"
    return Part(
        event,
        text,
        citations or mention_citations(captures, event, prefer=tokens),
        key=event.place,
    )


def answer_how_long(captures: Captures, event: Event, question: Question) -> Part:
    if not event.duration:
        return Part(event, None)
    wanted = fold(event.duration).lower()
    sentences = [
        s for source in event.documents for s in captures.sentences(source) if wanted in fold(s.text).lower()
    ]
    return Part(
        event, f"{_capital(label(event))} lasted {event.duration}.", _cite_sentences(captures, sentences[:2])
    )


def answer_did(captures: Captures, event: Event, question: Question) -> Part:
    """Yes, with the sentences that report the event; when the question asks about something more
    ("did they discuss an early election?"), only if a sentence of the event's captures says it."""
    asked = {stem(w) for w in question.topic} or set(subject_stems(question))
    if not asked:
        return Part(
            event, f"Yes: the captures report {label(event)}.", mention_citations(captures, event), key="yes"
        )
    need = max(1, math.ceil(len(asked) * SUBJECT_SHARE))
    scored = []
    for source in event.documents:
        for sentence in captures.sentences(source):
            held = len({stem(w) for w in _tokens(sentence.text)} & asked)
            if held >= need:
                scored.append((-held, event.documents.index(source), sentence.n, sentence))
    if not scored:
        return Part(event, None)
    said = _cite_sentences(captures, [item[-1] for item in sorted(scored, key=lambda item: item[:3])][:2])
    reported = [c for c in mention_citations(captures, event, limit=1) if c not in said]
    return Part(
        event,
        f"Yes: the captures report {label(event)}, and say: " + " ".join(_quoted(c.text) for c in said),
        said + reported,
        key="yes",
    )


# A sentence states what an act consists of when it holds at least this many of the type's cue words:
# one ("forces", "right") is common in any report of the same story.
MIN_ACT_CUES = 2


def act_content(captures: Captures, event: Event) -> list[Citation]:
    """The sentence of the event's documents that best states what the act consists of (a threat's
    words: what will be done, by what right), by the act cues of its type; nothing for a type with none."""
    cues = set(lexicon()["act_cues"].get(event.type, ()))
    if not cues:
        return []
    mentioned = {(m.source, m.lines) for m in event.mentions}
    scored = []
    for order, source in enumerate(event.documents):
        for sentence in captures.sentences(source):
            held = len(_tokens(sentence.text) & cues)
            if held >= MIN_ACT_CUES and (source, sentence.lines) not in mentioned:
                scored.append((-held, order, sentence.n, sentence))
    return _cite_sentences(captures, [item[-1] for item in sorted(scored, key=lambda item: item[:3])][:1])


def answer_also(captures: Captures, event: Event, verb: str) -> tuple[str | None, list[Citation]]:
    """A second clause's answer ("..., and what did they agree?"): the event's own sentences that use
    its verb (by stem), those it was read from first; None when none does."""
    wanted = stem(verb)
    mentioned = [(m.source, m.lines, m.sentence) for m in event.mentions]
    others = [(s.source, s.lines, s.text) for d in event.documents for s in captures.sentences(d)]
    citations: list[Citation] = []
    for source, lines, text in mentioned + others:
        if wanted in {stem(w) for w in WORD.findall(text.lower())}:
            citation = captures.quote(source, lines, text)
            if citation is not None and citation not in citations:
                citations.append(citation)
        if len(citations) >= MAX_QUOTED:
            break
    if not citations:
        return None, []
    said = " ".join(_quoted(c.text) for c in citations)
    return f"As to what the question asks (\u201c{verb}\u201d), the captures say: {said}", citations


def _quoted(text: str) -> str:
    """Text in quotation marks, unless it already opens with one (a quotation cited whole)."""
    return text if text[:1] in "\u201c\"'" else f"\u201c{text}\u201d"


def answer_what(captures: Captures, event: Event, question: Question) -> Part:
    if question.focus != "discussion":  # what was done, threatened, agreed: the event in its own words
        reported = mention_citations(captures, event)
        content = [c for c in act_content(captures, event) if c not in reported]
        citations = reported + content
        text = f"{_capital(label(event))}."
        if citations:
            shown = reported[:MAX_QUOTED] + content
            text += " In the captures' words: " + " ".join(_quoted(c.text) for c in shown)
        return Part(event, text, citations)
    sentences = discussion_sentences(captures, event, question)
    topics = [t for t in dict.fromkeys(t.text for t in event.topics) if says_something(t, event)]
    if question.topic:
        # The question asks about one subject: only what the captures say of it answers, and when they
        # say nothing of it the answer is that they do not, not the rest of the talks.
        asked = {stem(w) for w in question.topic}
        sentences = [s for s in sentences if {stem(w) for w in _tokens(s.text)} & asked]
        topics = [t for t in topics if {stem(w) for w in _tokens(t)} & asked]
    if not sentences and not topics:
        return Part(event, None)
    citations = _cite_sentences(captures, sentences)
    cited = [fold(c.text).lower() for c in citations]
    shown = [t for t in topics if any(fold(t).lower() in c for c in cited)] or topics
    shown = [t for t in shown if not any(t != other and t.lower() in other.lower() for other in shown)]
    shown = shown[:MAX_TOPICS]
    text = f"At {label(event)}, the captures report"
    text += f" these topics: {'; '.join(shown)}." if shown else " the following."
    if citations:
        text += " In their words: " + " ".join(_quoted(c.text) for c in citations)
    return Part(event, text, citations)


# Marks that open the items of a list ("- trade", "• energy", "1. visas").
BULLET = re.compile(r"^\s*(?:[-\u2013\u2014\u2022*\u00b7]|\d{1,2}[.)])\s*")
# An item of a list that a sentence of discussion introduces ("the Presidents discussed:") is one of
# the topics by the report's own layout: it outweighs a sentence holding a topic and a cue.
LIST_WEIGHT = 6
# The discussion cue must close the lead-in ("the Presidents discussed:", "they agreed on the following:"):
# a list after "Following the talks, these documents were signed:" is of documents, not of topics.
LEAD_REACH = 4


def _listed_lines(captures: Captures, documents: list[str]) -> set[tuple[str, int]]:
    """The lines of lists that a discussion sentence ending in a colon introduces, as (source, line).

    Items are the lines right after the lead-in that open with a bullet or a number; the list ends at
    the first line that does not."""
    cues = lexicon()["discussion_cues"]["words"]
    out: set[tuple[str, int]] = set()
    for source in documents:
        lines = captures.lines(source)
        for sentence in captures.sentences(source):
            if not sentence.text.rstrip().endswith(":"):
                continue
            closing = WORD.findall(sentence.text.lower())[-LEAD_REACH:]
            if not any(w.startswith(c) for w in closing for c in cues):
                continue
            n = sentence.lines[1] + 1
            while n <= len(lines) and not lines[n - 1].strip():
                n += 1
            while n <= len(lines) and BULLET.match(lines[n - 1]) and lines[n - 1].strip():
                out.add((source, n))
                n += 1
    return out


@dataclass(frozen=True)
class _Candidate:
    order: int  # the document's place among the event's documents
    sentence: StoredSentence
    topics: frozenset[str]  # the event's topics the sentence holds in its own words
    base: int  # what the sentence scores besides its topics


def says_something(topic: str, event: Event) -> bool:
    """Whether a topic names a subject: not only the event's people or place, not an empty noun."""
    empty = set(lexicon()["empty_topics"]["words"]) | set(lexicon()["titles"]["words"])
    names = {t for n in (*parties(event), *event.also_present, event.place or "") for t in name_tokens(n)}
    words = {w.lower() for w in WORD.findall(topic)} - {"the", "a", "an", "of", "s"}
    return bool(words - names - empty)


def discussion_sentences(captures: Captures, event: Event, question: Question) -> list[StoredSentence]:
    """The sentences of the event's own documents that carry what was discussed.

    A candidate holds one of the event's topics in its own words or a discussion cue (a reporting verb
    or decision noun). It scores by the topics it holds (two at most: topics are phrases, and a long
    sentence holds many without saying more), its cues, a party named and a BM25 rank among the best for
    the question's and topics' words; a sentence read from an analyst's or the outlet's own voice counts
    less than a reported one. Sentences are chosen greedily, one on a line not yet cited counting more,
    so the citations follow the discussion through the report rather than repeat one paragraph.
    Documents that only refer back to the event are left out when the event has topics read from
    elsewhere: their sentences are about another meeting.
    """
    cues = lexicon()["discussion_cues"]["words"]
    topic_texts: dict[str, set[str]] = {}
    for t in event.topics:
        topic_texts.setdefault(t.source, set()).add(fold(t.text).lower())
    opinion_lines = {
        (a.source, n)
        for a in event.attributions
        if a.kind in ("analysis", "editorial")
        for n in range(a.lines[0], a.lines[1] + 1)
    }
    documents = list(dict.fromkeys(t.source for t in event.topics)) or list(event.documents)
    if question.sources:
        # "What did the observer say?": that source's own documents and sentences, even where they are
        # its analysis rather than a report.
        named = set(question.sources)
        documents = [
            d
            for d in event.documents
            if any(a.source == d and named & name_tokens(a.by) for a in event.attributions)
        ] or documents
        opinion_lines = set()
    listed = _listed_lines(captures, documents)
    party_tokens = {t for name in parties(event) for t in name_tokens(name)}
    topic_words = sorted({w for t in event.topics for w in _tokens(t.text) if len(w) > 3})
    ranked = captures.store.search_sentences(list(question.words) + topic_words, sources=documents, limit=60)
    top = {(s.source, s.n) for s in ranked[:10]}
    subject = subject_stems(question)
    candidates = []
    for order, source in enumerate(documents):
        for sentence in captures.sentences(source):
            words = _tokens(sentence.text)
            folded = fold(sentence.text).lower()
            held = frozenset(t for t in topic_texts.get(source, ()) if t and t in folded)
            cue = min(sum(1 for w in words for c in cues if w.startswith(c)), 3)
            in_list = (source, sentence.lines[0]) in listed and len(WORD.findall(sentence.text)) > 1
            if not (held or cue or in_list or {stem(w) for w in words} & subject):
                continue
            voice = any((source, n) in opinion_lines for n in range(sentence.lines[0], sentence.lines[1] + 1))
            asked = len({stem(w) for w in words} & subject)
            base = (
                2 * min(len(held), 2)
                + SUBJECT_WEIGHT * min(asked, 2)
                + cue
                + bool(words & party_tokens)
                + ((source, sentence.n) in top)
                + LIST_WEIGHT * in_list
                - voice
            )
            candidates.append(_Candidate(order, sentence, held, base))
    if question.sources:
        candidates = [
            replace(c, base=c.base + SUBJECT_WEIGHT)
            for c in candidates
            if _tokens(c.sentence.text) & set(question.sources)
        ]
    candidates = [c for c in candidates if c.base >= MIN_DISCUSSION_SCORE]
    chosen: list[_Candidate] = []
    cited_lines: set[tuple[str, int]] = set()
    while candidates and len(chosen) < MAX_CITATIONS:
        gains = [
            (c.base + 2 * ((c.sentence.source, c.sentence.lines[0]) not in cited_lines), -k)
            for k, c in enumerate(candidates)
        ]
        _, negative_k = max(gains)
        best = candidates.pop(-negative_k)
        chosen.append(best)
        cited_lines.add((best.sentence.source, best.sentence.lines[0]))
    return [c.sentence for c in sorted(chosen, key=lambda c: (c.order, c.sentence.n))]


def answer_source(captures: Captures, event: Event, question: Question) -> Part:
    """Who the account comes from: the event's attributions, each cited where the capture says so."""
    if not event.attributions:
        return Part(event, None)
    items, citations = [], []
    for a in event.attributions:
        via = f", via {a.via}" if a.via else ""
        items.append(
            f"{a.by} ({KIND_WORDS.get(a.kind, a.kind)}{via})" + (f" for {a.claim}" if a.claim else "")
        )
        tokens = _tokens(a.by)
        near = [
            s for s in captures.sentences(a.source) if s.lines[0] <= a.lines[1] and s.lines[1] >= a.lines[0]
        ]
        near.sort(key=lambda s: -len(_tokens(s.text) & tokens))
        citations += [c for c in _cite_sentences(captures, near[:1]) if c not in citations]
    text = f"The account of {label(event)} comes from: {'; '.join(dict.fromkeys(items))}."
    return Part(event, text, citations, key=tuple(sorted(items)))


# How an answer names each kind of attribution.
KIND_WORDS = {
    "participant": "a participant",
    "official": "an official",
    "agency": "a news agency",
    "unnamed": "unnamed sources",
    "analysis": "an observer's analysis",
    "editorial": "the outlet's own opinion",
}

ANSWERERS = {
    "source": answer_source,
    "when": answer_when,
    "who": answer_who,
    "where": answer_where,
    "how_long": answer_how_long,
    "did": answer_did,
    "what": answer_what,
    "which": answer_what,
}

UNKNOWN = {
    "source": "name no source for {label}",
    "when": "do not say when {label} took place",
    "who": "name no one else at {label}",
    "doer": "do not name who acted in {label}",
    "receiver": "do not name who was on the receiving end of {label}",
    "where": "do not say where {label} took place",
    "how_long": "do not say how long {label} lasted",
    "what": "do not say what was discussed at {label}",
    "did": "do not report {label}",
    "which": "do not describe {label}",
}


def unknown_text(kind: str, event: Event, question: Question | None = None) -> str:
    if kind == "who" and question is not None and (question.agents or question.patients or question.verb):
        kind = "receiver" if question.agents and not question.patients else "doer"
    text = UNKNOWN[kind].format(label=label(event))
    if question is not None and question.topic and kind in ("what", "which"):
        text += f" about \u201c{' '.join(question.topic)}\u201d"
    if question is not None and kind == "did":
        words = question.topic or subject_words(question)
        if words:
            text = f"report {label(event)}, but do not say it dealt with \u201c{' '.join(words)}\u201d"
    return text


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- caveats ----------------------------------------------------------------------------------------


def source_caveats(event: Event, citations: list[Citation], whole_account: bool) -> list[str]:
    """What a reader must know about who the account comes from.

    With ``whole_account`` (what was discussed, who says so) every unnamed, analytical or editorial
    source of the event counts; otherwise only those on the lines the answer cites.
    """
    cited = {(c.source, n) for c in citations for n in range(c.lines[0], c.lines[1] + 1)}
    out: list[str] = []
    for a in event.attributions:
        if not (
            whole_account
            or not cited
            or any((a.source, n) in cited for n in range(a.lines[0], a.lines[1] + 1))
        ):
            continue
        via = f", via {a.via}" if a.via else ""
        claim = f" ({a.claim})" if a.claim else ""
        where = f" ({a.source}, line {a.lines[0]})"
        if a.kind == "unnamed":
            out.append(f"The account{claim} rests on unnamed sources: {a.by}{via}{where}.")
        elif a.kind == "analysis":
            out.append(
                f"Part of the account{claim} is an observer's analysis, not a statement of fact: "
                f"{a.by}{via}{where}."
            )
        elif a.kind == "editorial":
            out.append(f"Part of the account{claim} is the outlet's own opinion{where}.")
    if not any(a.kind == "unnamed" for a in event.attributions):
        phrases = lexicon()["unnamed_source_cues"]["phrases"]
        for c in citations:
            hit = next((p for p in phrases if p in c.text.lower()), None)
            if hit:
                out.append(
                    f"The account rests on unnamed sources: the capture cites \u201c{hit}\u201d "
                    f"without naming them ({c.source}, lines {c.lines[0]}-{c.lines[1]})."
                )
                break
    if event.opinion:
        out.append("This record rests only on opinion paragraphs, not on reporting.")
    return list(dict.fromkeys(out))
