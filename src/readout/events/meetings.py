"""Meeting records of one document: its CONSULT mentions grouped into meetings.

Mentions that name people group by those people; mentions that name none ("the presidents of A and B
met", "the two sides discussed") are the main meeting told again when they are their sentence's main
event, and other events named in passing otherwise. Parties are people when the text names them
(countries only when it names no one; never descriptions then). Visitor as actor and host as recipient
(a visit, a reception or "visiting X" says who is who; otherwise the party from the country the place
lies in hosts); people present beside the parties; place (the city where the meeting was held, else the
headline's; never the place of another event in the same sentence; none for a call); mode (phone,
multilateral, visit, third-party); date and duration as stated; topics and every source of the account
on the main meeting; "their last meeting ... ago" as a separate back-reference mention of an earlier event.
Steps live in their own modules: what the document says of its people (``meeting_facts``), grouping
(``meeting_grouping``), parties and roles (``meeting_roles``), the place (``meeting_place``); word lists
and bounds in ``lexicons/meetings.json``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from readout.events.candidates import Candidate
from readout.events.dateline import dateline_place
from readout.events.evidence import attribution_of, date_of, mention_of, occasion_bounds
from readout.events.meeting_facts import DocumentFacts, document_facts, parties_of, people_of
from readout.events.meeting_grouping import group_meetings, is_back_reference
from readout.events.meeting_place import is_city, place_of, title_place, venue_city
from readout.events.meeting_roles import (
    CAMEO_OF_MODE,
    call_roles,
    countries_of,
    is_call,
    leaders_of,
    meeting_mode,
    party_names,
    place_key,
    roles_of,
    with_caller,
)
from readout.events.roles import EntityIndex
from readout.events.speech import Account
from readout.events.topics import topics_of
from readout.model import UNKNOWN_DATE, Annotated, Attribution, EventMention

DURATION = re.compile(
    r"\bfor (?:about |nearly |almost |more than |over |some |around )?"
    r"((?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few) "
    r"(?:hours?|minutes?|days?))\b",
    re.IGNORECASE,
)


def meetings_of(
    annotated: Annotated,
    doc: Doc,
    index: EntityIndex,
    meetings: list[tuple[Span, Candidate]],
    sources: list[Account],
    opinion: list[tuple[int, int]],
) -> list[EventMention]:
    meetings = [(sent, with_caller(item, index)) for sent, item in meetings]
    facts = document_facts(doc, index)
    groups = group_meetings(meetings, facts, lambda sent, item: occasion_bounds(annotated, sent, item.token))
    countries = countries_of(doc, index) if groups else {}
    out = []
    main = max(groups, key=len) if groups else []
    for group in groups:
        if not any(c.actor or c.recipient for _, c in group):
            continue
        out.append(
            _meeting(
                annotated,
                doc,
                index,
                group,
                facts,
                countries,
                sources if group is main else [],
                opinion if group is main else None,
            )
        )
    main_parties = set().union(*(people_of(c, facts) or parties_of(c) for _, c in main))
    for sent, item in meetings:
        parties = (people_of(item, facts) or parties_of(item) or main_parties) - facts.present
        if is_back_reference(item) and not item.opinion and parties:
            out.append(_back_mention(annotated, sent, item, parties))
    return out


def _meeting(
    annotated: Annotated,
    doc: Doc,
    index: EntityIndex,
    group: list[tuple[Span, Candidate]],
    facts: DocumentFacts,
    countries: dict[str, str],
    sources: list[Account],
    opinion: list[tuple[int, int]] | None,
) -> EventMention:
    """One document's account of one meeting; only its main meeting takes the topics and sources."""
    sents = list(dict.fromkeys(sent for sent, _ in group))
    sents.sort(key=lambda s: s.start)
    items = [c for _, c in group]
    parties = party_names(items, facts)
    if not any(p in countries for p in parties):  # "the prime ministers of A, B and C met"
        parties = leaders_of(items, doc, countries) or parties
    lead = [c for c in items if c.leads and people_of(c, facts)] or items
    call = any(is_call(c, index) for c in lead)
    visitors = [p for p in parties if p in facts.visiting] or [
        v.name for c in items if c.visit for v in c.actor if v.name in parties
    ]
    visitors = [] if call else list(dict.fromkeys(visitors))
    named = [c for c in items if people_of(c, facts)]
    place = None if call else place_of(named, index) or place_of(items, index)
    headline = None if place or call else title_place(annotated)
    if headline:
        place = headline[0]
    if place is None and not call:
        place = dateline_place(doc)
    elif place is not None and not call and not is_city(place, index):  # a venue: its city, if stated
        place = venue_city(place, doc, index) or dateline_place(doc) or place
    host_country = place_key(doc, index, place)
    actor, recipient = (
        call_roles(lead, parties) if call else roles_of(parties, visitors, host_country, countries)
    )
    date = date_of(annotated, sents, [c.token for c in items])
    duration = None
    for sent in sents:
        nxt = doc[sent.end : sent.end + 1]
        for text in (sent.text, nxt.sent.text if len(nxt) else ""):
            match = DURATION.search(text)
            if match and duration is None:
                duration = match.group(1)
    mode = meeting_mode(call, parties, visitors, recipient, place, host_country, countries, items)
    attributions = _meeting_attributions(annotated, group, sources, set(parties))
    topics = topics_of(annotated, doc, opinion) if opinion is not None else ()
    return EventMention(
        type="CONSULT",
        mode=mode,
        cameo=CAMEO_OF_MODE.get(mode or "", "040"),
        actor=tuple(actor),
        recipient=tuple(recipient),
        participants=tuple(parties),
        also_present=tuple(sorted(facts.present)),
        place=place,
        date=date,
        duration=duration,
        topics=topics,
        attributions=attributions,
        mentions=tuple(mention_of(annotated, s) for s in sents),
        source=annotated.article.source,
    )


def _meeting_attributions(
    annotated: Annotated, group: list[tuple[Span, Candidate]], sources: list[Account], parties: set[str]
) -> tuple[Attribution, ...]:
    meeting_spans = [(s.start_char, s.end_char) for s, _ in group]
    out: dict[tuple[str, str], Attribution] = {}
    for account in sources:
        says_meeting = any(a < account.end and account.start < b for a, b in meeting_spans)
        if account.kind == "editorial":
            claim = "commentary on the meeting (the outlet's opinion)"
        elif account.hedged or account.kind == "analysis":
            claim = "analysis: what was probably discussed"
        elif says_meeting:
            claim = "the meeting took place"
        else:
            claim = "what was discussed"
        item = attribution_of(annotated, account, claim, parties)
        key = (item.by, item.kind)
        if key not in out:
            out[key] = item
        elif says_meeting and item.claim == "the meeting took place":
            out[key] = replace(out[key], claim="the meeting took place; what was discussed")
    return tuple(out.values())


def _back_mention(annotated: Annotated, sent: Span, item: Candidate, parties: set[str]) -> EventMention:
    names = tuple(sorted(parties))
    return EventMention(
        type="CONSULT",
        mode=None,
        cameo="040",
        actor=names,
        recipient=(),
        participants=names,
        also_present=(),
        place=item.place,
        date=UNKNOWN_DATE,
        duration=None,
        topics=(),
        attributions=(),
        mentions=(mention_of(annotated, sent),),
        source=annotated.article.source,
        back_reference=True,
    )
