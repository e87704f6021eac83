"""Event mentions of one document, from the dependency parse and the predicate lexicon.

Stages, in order:
1. candidates: every token that triggers a lexicon entry (verbs, and nouns under a light verb or with
   their own role-bearing dependents), with roles filled from the entry's slots, passives turned
   round, future and negated predicates shifted by the rules (``lexicons/rules.json``); role values read
   off a dateline dropped;
2. deontic speech ("it is necessary for X to withdraw", "X must ...") said by a source becomes REQUEST;
3. one record per sentence: the predicate highest in the tree that has an actor;
4. meetings: the document's CONSULT mentions grouped by their parties, with visitor as actor and host
   as recipient, people present beside them, place, date, duration, topics and every source of the
   account; "their last meeting ... ago" stays a separate back-reference mention; a sentence whose main
   event is a meeting that no meeting record holds (its parties are no names: "Iranian officials and
   EU negotiators held talks") still gives its own CONSULT record;
5. attribution of every record to the account (speech, quotation) that holds it; records in the
   outlet's own voice (opinion paragraphs) are marked opinion.
Role values that resolve to no name are dropped and counted (``extract_with_counts``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span

from readout.events.candidates import Candidate, candidate, deontic_request
from readout.events.dateline import dateline_tokens
from readout.events.evidence import attribution_of, date_of, mention_of
from readout.events.meeting_grouping import still_to_come, without_tokens
from readout.events.meetings import meetings_of
from readout.events.roles import EntityIndex, Value, resolve
from readout.events.speech import Account, account_for, accounts, editorial_spans
from readout.model import Annotated, EventMention


def _in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset <= b for a, b in spans)


def extract_events(annotated: Annotated, doc: Doc) -> list[EventMention]:
    """Every event mention of one document (pure: the same inputs give the same mentions)."""
    return extract_with_counts(annotated, doc)[0]


def extract_with_counts(annotated: Annotated, doc: Doc) -> tuple[list[EventMention], Counter[str]]:
    """The document's event mentions and the role values dropped because they resolve to no name."""
    index = EntityIndex(annotated, doc)
    sources = accounts(annotated, doc, index)
    opinion = editorial_spans(annotated, sources)
    dateline = dateline_tokens(doc)
    by_sentence: list[tuple[Span, list[Candidate]]] = []
    for sent in doc.sents:
        found = []
        for token in sent:
            item = candidate(token, index)
            if token.pos_ == "VERB" and sources:  # only a source's verb can be a deontic request
                request = deontic_request(token, account_for(sources, token.idx), index)
                if request is not None:
                    item = request
            if item is not None:
                item = _off_dateline(item, dateline, index)
                item.opinion = _in_spans(token.idx, opinion)
                found.append(item)
        by_sentence.append((sent, found))
    records: list[EventMention] = []
    meetings: list[tuple[Span, Candidate]] = []
    leading_meetings: list[tuple[Span, Candidate]] = []
    for sent, found in by_sentence:
        ranked = sorted(found, key=lambda c: (not c.actor, c.depth, c.token.i))
        best = ranked[0] if ranked else None
        if best is not None:
            best.leads = True
        for item in found:
            if item.type == "CONSULT":  # calls too: their other mentions ("the two discussed") join them
                meetings.append((sent, item))
        if best is None or not (best.actor or best.recipient):
            continue
        records.extend(_single(annotated, sent, item, sources) for item in _own_clauses(found, best))
        if best.type == "CONSULT":
            leading_meetings.append((sent, best))
            continue
        records.append(_single(annotated, sent, best, sources))
    held = meetings_of(annotated, doc, index, meetings, sources, opinion)
    records.extend(held)
    covered = {m for record in held for m in record.mentions}
    records.extend(
        _single(annotated, sent, item, sources)
        for sent, item in leading_meetings
        if mention_of(annotated, sent) not in covered
        and not (item.back_reference or item.opinion or still_to_come(item))
    )
    published = annotated.article.published
    if published is not None and published.date:  # where the capture stands in time, for linking only
        records = [replace(r, reported=published.date) for r in records]
    return records, index.dropped


# Finite verb tags: a clause of its own says something happened; a gerund or participle ("each country
# signing and offering aid") only describes its subject.
FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _own_clauses(found: list[Candidate], best: Candidate) -> list[Candidate]:
    """Events of coordinated clauses with a subject of their own ("X met Y in P and the two pledged to
    settle Z"): each clause is its own statement, so its event is recorded beside the sentence's main one,
    when it is of another type and names its actor."""
    return [
        item
        for item in found
        if item is not best
        and item.type not in ("CONSULT", best.type)
        and item.actor
        and item.token.dep_ == "conj"
        and item.token.pos_ == "VERB"
        and item.token.tag_ in FINITE
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in item.token.children)
    ]


def _off_dateline(item: Candidate, dateline: set[int], index: EntityIndex) -> Candidate:
    """Every record, not only meetings, loses role values read off a dateline ("PLACE, 3 May (Agency) -"):
    where the report was filed is never a party; each such value is dropped and counted. The parser often
    takes the dateline for the subject and hangs the real one off it ("VELDEN, May 7 (Agency) - President X
    met Y": X in apposition to VELDEN): that one takes the dateline's place."""
    doc = item.token.doc
    item = replace(
        item,
        actor=_past_dateline(item.actor, dateline, doc, index),
        recipient=_past_dateline(item.recipient, dateline, doc, index),
    )
    kept = without_tokens(item, dateline)
    lost = len(item.actor + item.recipient) - len(kept.actor + kept.recipient)
    if lost:
        index.dropped["role is a dateline"] += lost
    return kept


def _past_dateline(values: list[Value], dateline: set[int], doc: Doc, index: EntityIndex) -> list[Value]:
    out = []
    for value in values:
        after = [c for c in doc[value.token].children if c.dep_ == "appos" and c.i not in dateline]
        found = resolve(after[0], index) if value.token in dateline and after else None
        out.append(found or value)
    return out


def _single(annotated: Annotated, sent: Span, item: Candidate, sources: list[Account]) -> EventMention:
    account = account_for(sources, item.token.idx)
    attributions = ()
    if account is not None:
        attributions = (
            attribution_of(
                annotated,
                account,
                f"{item.type.lower()} by {item.actor[0].name if item.actor else 'an unnamed party'}",
                {v.name for v in item.actor + item.recipient},
            ),
        )
    names = tuple(v.name for v in item.actor + item.recipient)
    return EventMention(
        type=item.type,
        mode=item.mode,
        cameo=item.cameo,
        actor=tuple(v.name for v in item.actor),
        recipient=tuple(v.name for v in item.recipient),
        participants=names,
        also_present=(),
        place=item.place,
        date=date_of(annotated, [sent], [item.token]),
        duration=None,
        topics=(),
        attributions=attributions,
        mentions=(mention_of(annotated, sent),),
        source=annotated.article.source,
        opinion=item.opinion,
    )
