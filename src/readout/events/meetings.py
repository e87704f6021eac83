"""Meeting records of one document: its CONSULT mentions grouped by their parties.

Visitor as actor and host as recipient (a visit or reception says who is who; otherwise the party from
the country the place lies in hosts); people present beside the parties; place (from the text, else the
headline); date and duration as stated; topics and every source of the account on the main meeting;
"their last meeting ... ago" as a separate back-reference mention of an earlier event.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.tokens import Doc, Span

from readout.events.candidates import Candidate, child
from readout.events.evidence import attribution_of, date_of, mention_of
from readout.events.lexicon import rules
from readout.events.roles import EntityIndex, country_of_place, nationalities
from readout.events.speech import Account
from readout.events.topics import topics_of
from readout.model import UNKNOWN_DATE, Annotated, Attribution, EventMention, Evidence

DURATION = re.compile(
    r"\bfor (?:about |nearly |almost |more than |over |some |around )?"
    r"((?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few) "
    r"(?:hours?|minutes?|days?))\b",
    re.IGNORECASE,
)
TITLE_PLACE = re.compile(r"\b(?:in|at|to)\s+(?:[A-Z][\w]*['’]s\s+)?([A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)")


PARTY_LABELS = ("PERSON", "ORG", "GPE")


def _parties(item: Candidate) -> set[str]:
    return {v.name for v in item.actor + item.recipient if v.label in PARTY_LABELS}


def _also_present(doc: Doc, index: EntityIndex) -> set[str]:
    cues = rules()["also_present_cues"]
    out = set()
    for token in doc:
        lemma = token.lemma_.lower()
        holder = None
        if lemma in cues["presence_nouns"]:
            holder = token
        elif lemma in cues["verbs"] and token.pos_ == "VERB":
            holder = child(token, "agent") if lemma == "accompany" else child(token, "nsubj")
        if holder is None:
            continue
        for t in holder.subtree:
            entity = index.entity(t)
            coordinated = (
                t.dep_ == "conj"
                and t.pos_ == "PROPN"
                and index.entity(t.head) is not None
                and (index.entity(t.head).label == "PERSON")
            )
            if entity is not None and (entity.label == "PERSON" or coordinated):
                out.add(entity.canonical)
    return out


def _same_parties(mine: set[str], theirs: set[str]) -> bool:
    """One meeting's parties: one set holds the other ('X visited P' within 'X met Y'); a third person
    meeting one of them is another meeting."""
    return bool(mine & theirs) and (mine <= theirs or theirs <= mine)


def _group(meetings: list[tuple[Span, Candidate]]) -> list[list[tuple[Span, Candidate]]]:
    """Meeting mentions of one document grouped by their parties; partyless ones join the main group."""
    groups: list[list[tuple[Span, Candidate]]] = []
    for sent, item in sorted(meetings, key=lambda pair: not pair[1].leads):
        if item.back_reference or item.opinion or not _parties(item):
            continue
        parties = _parties(item)
        known = [{p for _, c in g for p in _parties(c)} for g in groups]
        home = next((g for g, held in zip(groups, known, strict=True) if _same_parties(parties, held)), None)
        if home is None and not item.leads:
            continue  # a meeting named in passing ("during his visit, X pledged")
        if home is None:
            groups.append([(sent, item)])
        else:
            home.append((sent, item))
    if groups:
        main = max(groups, key=len)
        for sent, item in meetings:
            if not item.back_reference and not item.opinion and not _parties(item):
                main.append((sent, item))
    return groups


def meetings_of(
    annotated: Annotated,
    doc: Doc,
    index: EntityIndex,
    meetings: list[tuple[Span, Candidate]],
    sources: list[Account],
    opinion: list[tuple[int, int]],
) -> list[EventMention]:
    groups = _group(meetings)
    present = _also_present(doc, index)
    countries = nationalities(doc, index) if groups else {}
    out = []
    main = max(groups, key=len) if groups else []
    for group in groups:
        if not any(v.label in PARTY_LABELS for _, c in group for v in c.actor + c.recipient):
            continue
        out.append(
            _meeting(
                annotated,
                doc,
                group,
                present,
                countries,
                sources if group is main else [],
                opinion if group is main else None,
            )
        )
    main_parties = set().union(*(_parties(c) for _, c in main))
    for sent, item in meetings:
        parties = (_parties(item) or main_parties) - present
        if item.back_reference and not item.opinion and parties:
            out.append(_back_mention(annotated, sent, item, parties))
    return out


def _title_place(annotated: Annotated) -> tuple[str, Evidence] | None:
    title = annotated.article.title or ""
    for match in TITLE_PLACE.finditer(title):
        name = match.group(1)
        if country_of_place(name):
            return name, Evidence(annotated.article.source, annotated.article.title_lines or (1, 1), title)
    return None


def _roles(
    parties: list[str], visitors: list[str], place: str | None, countries: dict[str, str]
) -> tuple[list[str], list[str]]:
    """CONSULT roles: visitor(s) as actor, host as recipient; with no distinction, every party is an actor."""
    host_country = country_of_place(place) if place else None
    hosts = [p for p in parties if host_country and countries.get(p) == host_country]
    if visitors and not hosts:
        hosts = [p for p in parties if p not in visitors]
    if hosts and len(hosts) < len(parties):
        return [p for p in parties if p not in hosts], hosts
    if visitors and len(visitors) < len(parties):
        return visitors, [p for p in parties if p not in visitors]
    return parties, []


def _meeting(
    annotated: Annotated,
    doc: Doc,
    group: list[tuple[Span, Candidate]],
    present: set[str],
    countries: dict[str, str],
    sources: list[Account],
    opinion: list[tuple[int, int]] | None,
) -> EventMention:
    """One document's account of one meeting; only its main meeting takes the topics and sources."""
    sents = list(dict.fromkeys(sent for sent, _ in group))
    sents.sort(key=lambda s: s.start)
    items = [c for _, c in group]
    parties: list[str] = []
    for item in items:
        for v in item.actor + item.recipient:
            if v.label in ("PERSON", "ORG", "GPE") and v.name not in parties and v.name not in present:
                parties.append(v.name)
    people = [
        p
        for p in parties
        if any(v.name == p and v.label == "PERSON" for c in items for v in c.actor + c.recipient)
    ]
    if people:
        parties = people
    if len(parties) < 2:  # "the Ostrian leader": a described party counts when fewer than two are named
        for item in items:
            for v in item.actor + item.recipient:
                if v.label in (None, "NORP") and v.name not in parties:
                    parties.append(v.name)
    visitors = [v.name for c in items if c.visit for v in c.actor if v.name in parties]
    places = Counter(c.place for c in items if c.place)
    place = places.most_common(1)[0][0] if places else None
    title_place = None if place else _title_place(annotated)
    if title_place:
        place = title_place[0]
    actor, recipient = _roles(parties, list(dict.fromkeys(visitors)), place, countries)
    date = date_of(annotated, sents)
    duration = None
    for sent in sents:
        nxt = doc[sent.end : sent.end + 1]
        for text in (sent.text, nxt.sent.text if len(nxt) else ""):
            match = DURATION.search(text)
            if match and duration is None:
                duration = match.group(1)
    modes = Counter(c.mode for c in items if c.mode)
    mode = "visit" if visitors or (recipient and place) else (modes.most_common(1)[0][0] if modes else None)
    cameo = "042" if mode == "visit" else "040"
    attributions = _meeting_attributions(annotated, group, sources, set(parties))
    topics = topics_of(annotated, doc, opinion) if opinion is not None else ()
    return EventMention(
        type="CONSULT",
        mode=mode,
        cameo=cameo,
        actor=tuple(actor),
        recipient=tuple(recipient),
        participants=tuple(parties),
        also_present=tuple(sorted(present)),
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
