"""The evidence a mention carries: its sentence and lines, its date as the text supports it, its sources."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from spacy.tokens import Span, Token

from readout.events.lexicon import rules, word_set
from readout.events.speech import Account
from readout.model import UNKNOWN_DATE, Annotated, Attribution, DateMention, DateValue, Evidence, Mention

YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
MONTH_NAME = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE)


def date_of(annotated: Annotated, sentences: list[Span], events: list[Token] | None = None) -> DateValue:
    """The date the sentences state for the event, honest: a day only with its year in the words (or a
    relative day tied to a stated publication date); otherwise what was stated, with its evidence.
    ``events``: the words that name the event; a date of the verb that governs one of them ("on Monday
    defended her meeting with X") dates that verb's act, not the event."""
    found = event_dates(annotated, sentences, events)
    if not found:
        return UNKNOWN_DATE
    article = annotated.article
    anchored = annotated.reference_date is not None and not annotated.reference_date.is_unknown
    values = []
    for mention in found:
        date = mention.date
        if date.value and (YEAR.search(mention.text) or (anchored and (
                not any(ch.isdigit() for ch in mention.text) or MONTH_NAME.search(mention.text)))):
            # a weekday or a day and month ("On April 16") on a page that states its publication date
            # takes that date's year; a bare day ("on the 14th") does not
            values.append(date.value)
    if values:
        value = Counter(values).most_common(1)[0][0]
        found = [m for m in found if _agrees(m.date, value)]  # "... detained in July": another event's
        return DateValue(value=value, stated=_stated(found), evidence=_evidence(article.source, found))
    evidence = _evidence(article.source, found)
    stated = _stated(found)
    earliest = max((m.date.earliest for m in found if m.date.earliest and YEAR.search(m.text)), default=None)
    latest = min((m.date.latest for m in found if m.date.latest and YEAR.search(m.text)), default=None)
    if earliest and earliest == latest:
        earliest = latest = None
    return DateValue(earliest=earliest, latest=latest, stated=stated, evidence=evidence)


def event_dates(annotated: Annotated, sentences: list[Span], events: list[Token] | None = None
                ) -> list[DateMention]:
    """The date expressions of the sentences that date the event (``date_of``'s evidence): not a bound or
    reference point ('since 2015', 'before the vote in March'), not the date of a thing ('the 1998
    agreement') or of the verb that governs the event ('on Monday defended her meeting')."""
    bounds = rules()["date_bounds"]["words"]
    body = annotated.article.body
    words = {t.i for t in events or ()}  # a verb naming the event itself dates it ("met X, her first visit")
    governors = {g.i for g in (_governor(t) for t in events or ()) if g is not None} - words
    found = []
    for sent in sentences:
        for mention in annotated.dates:
            if not (sent.start_char <= mention.start < sent.end_char):
                continue
            if governors and _attached_verb(sent, mention.start, mention.end) in governors:
                continue
            before = body[max(sent.start_char, mention.start - 8) : mention.start].lower().split()
            if before and any(" ".join(before[-len(b.split()) :]) == b for b in bounds):
                continue
            if not mention.date.value and mention.text.lower() in rules()["date_bounds"]["unanchored"]:
                continue
            if _modifies_thing(sent, mention.start, mention.end, words) or _dates_a_reference(
                    sent, mention.start, mention.end, bounds, words):
                continue
            found.append(mention)
    return found


def occasion_bounds(annotated: Annotated, sent: Span, event: Token) -> tuple[dt.date, dt.date] | None:
    """The first and last day the sentence's dates of the event allow, year inferred from the publication
    date included ('in January' of a piece from April 2019): whether two mentions can be one occasion, not
    a date to report. None when no date of the sentence spans known days."""
    spans = [span for mention in event_dates(annotated, [sent], [event])
             if (span := _span_of(mention.date)) is not None]
    if not spans:
        return None
    return min(low for low, _ in spans), max(high for _, high in spans)


def _span_of(date: DateValue) -> tuple[dt.date, dt.date] | None:
    """A date's first and last possible day: its day, its month or year, or its bounds (an open end is
    unbounded)."""
    def day(text: str | None, last: bool) -> dt.date | None:
        if not text:
            return None
        parts = [int(p) for p in text.split("-")]
        if len(parts) == 3:
            return dt.date(*parts)
        year, month = parts[0], parts[1] if len(parts) == 2 else (12 if last else 1)
        if not last:
            return dt.date(year, month, 1)
        return dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    if date.value:
        low, high = day(date.value, False), day(date.value, True)
    else:
        low, high = day(date.earliest, False), day(date.latest, True)
    if low is None and high is None:
        return None
    return low or dt.date.min, high or dt.date.max


def _governor(event: Token) -> Token | None:
    """The verb an event noun is the object or subject of, unless it is a light verb that hands the event
    to the noun ("held a meeting"): "defended her meeting", "announced the talks"."""
    head = event.head
    if event.pos_ != "NOUN" or head.i == event.i or head.pos_ != "VERB" or event.dep_ not in (
            "dobj", "nsubj", "nsubjpass"):
        return None
    return None if head.lemma_.lower() in word_set("rules.json", "light_verbs") else head


def _date_root(sent: Span, start: int, end: int) -> Token | None:
    """The one token of a date expression whose head lies outside it, or None when the parse splits it."""
    roots = [t for t in sent if start <= t.idx < end and (not (start <= t.head.idx < end) or t.head.i == t.i)]
    return roots[0] if len(roots) == 1 else None


def _attached_verb(sent: Span, start: int, end: int) -> int | None:
    """The index of the verb a date expression hangs from, through prepositions ("on Monday" of
    "defended"), or None."""
    root = _date_root(sent, start, end)
    if root is None:
        return None
    head = root.head
    while head.pos_ == "ADP" and head.head.i != head.i:
        head = head.head
    if head.dep_ in ("nsubj", "nsubjpass") and head.i < root.i < head.head.i:
        head = head.head  # "X on Monday defended ...": parsers hang the date on the subject before the verb
    return head.i if head.pos_ == "VERB" else None


def _agrees(date: DateValue, value: str) -> bool:
    """Whether a date mention can be the day ``value``: its own day, an interval holding it, or a
    stated expression that fixes neither (a weekday with no reference)."""
    if date.value:
        return date.value == value
    if date.earliest or date.latest:
        return (date.earliest or value) <= value <= (date.latest or value)
    return True


def _evidence(source: str, found: list[DateMention]) -> tuple[Evidence, ...]:
    return tuple(Evidence(source, m.lines, m.text) for m in found)


def _stated(found: list[DateMention]) -> str:
    return ", ".join(dict.fromkeys(m.date.stated or m.text for m in found))


def _dates_a_reference(sent: Span, start: int, end: int, bounds: list[str], words: set[int]) -> bool:
    """A date inside the phrase of a reference point ("came shortly before the anniversary of her
    swearing-in on 9 November 2025", "after the vote in March", "since X threatened action on Sunday"): on
    the way from the date up to the verb the parse passes a bound's preposition ('before', 'after', 'since'
    ...), or the verb opens a clause with one, so the date is the reference event's, not the one the
    sentence reports (unless that verb names the event itself: ``words``)."""
    root = _date_root(sent, start, end)
    if root is None:
        return False
    head = root.head
    if head.pos_ == "ADP":  # the date's own preposition: the bound words before the date cover it
        head = head.head
    while head.pos_ != "VERB" and head.head.i != head.i:
        if head.pos_ == "ADP" and head.lower_ in bounds:
            return True
        head = head.head
    # "since X threatened action on Sunday": the date's verb opens a clause of a bound's own
    return head.pos_ == "VERB" and head.i not in words and any(
        c.dep_ == "mark" and c.lower_ in bounds for c in head.children)


def _modifies_thing(sent: Span, start: int, end: int, words: set[int]) -> bool:
    """A date that only modifies a noun ("a bid for the 2031 games", "the 1998 agreement", "Tuesday's
    deal") dates that thing, not the event the sentence reports, unless the noun names the event itself
    ("the March 2019 meeting", "Tuesday's talks"): ``words``, the indices of the event's words."""
    root = _date_root(sent, start, end)
    return root is not None and root.dep_ in ("nummod", "compound", "amod", "poss") and (
        root.head.pos_ in ("NOUN", "PROPN") and root.head.ent_type_ not in ("DATE", "TIME")
        and root.head.i not in words
    )


def mention_of(annotated: Annotated, sent: Span) -> Mention:
    return Mention(
        annotated.article.source,
        annotated.article.lines_of(sent.start_char, sent.end_char),
        sent.start_char,
        sent.end_char,
        sent.text,
    )


def _as_party(speaker: str | None, participants: set[str]) -> str | None:
    """The participant a speaker named by surname alone is ("Halden said" of President Viktor Halden,
    when the tagger took the surname for something else and left it uncanonicalised)."""
    if speaker is None or speaker in participants or " " in speaker:
        return speaker
    same = [p for p in participants if p.split()[-1] == speaker]
    return same[0] if len(same) == 1 else speaker


def attribution_of(annotated: Annotated, account: Account, claim: str, participants: set[str]) -> Attribution:
    kind = account.kind
    speaker = _as_party(account.speaker, participants)
    if speaker in participants and kind in ("official", "analysis") and not account.hedged:
        kind = "participant"
    lines = annotated.article.lines_of(account.cue_start, account.cue_end)
    return Attribution(account.by, kind, account.via, claim, annotated.article.source, lines)
