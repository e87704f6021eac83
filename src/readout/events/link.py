"""Linking: the mentions of one real-world event, across captures, become one Event.

Meetings (CONSULT) merge when their parties overlap, their places and dates do not conflict, and there
is positive evidence that they are the same occasion: both undated, or the same day, or the undated
capture's own dated events lie close to the other's date, or their sentences largely agree; a call is
never a meeting in person. Look-alikes
(two meetings in one city months apart) stay apart. A back-reference ("their last meeting ... ago")
never joins the meeting its own capture reports: it is a mention of an earlier event. Other events
merge only when type and roles agree and their day, or their sentence, is the same.
Event ids hash the sorted mention keys, so they do not depend on input order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from readout.events.roles import country_of_place
from readout.model import DateValue, Event, EventMention
from readout.nlp.places import feature_label

# A capture reporting a meeting as news is written within days of it; its other dated events within a
# month of a meeting's day are evidence that it speaks of that occasion.
ANCHOR_DAYS = 31
# Sentences sharing this share of their words (Jaccard of word sets) tell the same account.
SAME_TEXT = 0.5
# A capture that states no day at all (no dated event, no publication day) cannot be placed in time: its
# meeting joins another of the same two parties (and no other city), or of one of them in the same city, only
# when that one is the sole candidate.
# The offset marks such a weak fit below every fit with evidence of time.
TIMELESS = -100.0
WORD = re.compile(r"\w+")


@dataclass
class Cluster:
    """Mentions of one event so far, with what a new mention is checked against kept up to date."""

    members: list[EventMention] = field(default_factory=list)
    parties: set[str] = field(default_factory=set)
    place: str | None = None
    day: str | None = None
    earliest: str | None = None  # the tightest bounds of the members' dates
    latest: str | None = None
    sources: set[str] = field(default_factory=set)  # captures that report it (not by back-reference)
    all_sources: set[str] = field(default_factory=set)
    words: list[set[str]] = field(default_factory=list)
    calls: bool = False  # some member is a call (never one event with a meeting in person)
    in_person: bool = False  # some member is a meeting in person

    def add(self, mention: EventMention, words: set[str]) -> None:
        self.members.append(mention)
        self.parties |= set(mention.participants)
        self.place = self.place or mention.place
        self.day = self.day or mention.date.value
        self.earliest = max(filter(None, (self.earliest, mention.date.earliest)), default=None)
        self.latest = min(filter(None, (self.latest, mention.date.latest)), default=None)
        self.all_sources.add(mention.source)
        if not mention.back_reference:
            self.sources.add(mention.source)
        self.words.append(words)
        self.calls = self.calls or mention.mode == "phone"
        self.in_person = self.in_person or _in_person(mention)


def _canonical(mentions: Sequence[EventMention]) -> list[EventMention]:
    """Role names unified across documents by the language layer's canonical map, when it has one."""
    try:
        from readout.nlp import canonical_map
    except ImportError:
        return list(mentions)
    names = sorted({n for m in mentions for n in (*m.actor, *m.recipient, *m.participants, *m.also_present)})
    mapping = {k: v for k, v in (canonical_map(names) if names else {}).items() if same_bearer(k, v)}

    def fix(values: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(mapping.get(v, v) for v in values))

    return [
        replace(
            m,
            actor=fix(m.actor),
            recipient=fix(m.recipient),
            participants=fix(m.participants),
            also_present=fix(m.also_present),
        )
        for m in mentions
    ]


def same_bearer(name: str, canonical: str) -> bool:
    """Whether the cross-document map may replace ``name`` by ``canonical``: only a fuller form of the same
    name ("Brenn" -> "Arlen Brenn"). The map reads every value as a person's name, so a group noun or an
    organisation would otherwise take another capture's longer name ("Police" -> "Australian Federal
    Police", "U.N." -> "U.N. Security Council"): the last word must stay, and no nationality or country
    may be added."""
    from readout.events.roles import country_of_word, country_prefixes
    from readout.nlp.names import is_well_formed, looks_demonym, name_parts

    if name == canonical:
        return True
    words, full = name.split(), canonical.split()
    mine, theirs = name_parts(name), name_parts(canonical)
    if not is_well_formed(name) or mine is None or theirs is None or mine.surname != theirs.surname:
        return False  # the surname must stay (the first father's name of an Arabic chain)
    added = set(full) - set(words)
    return not any(
        country_of_word(w) or (looks_demonym(w) and w[:4].lower() in country_prefixes()) for w in added
    )


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _anchors(mentions: Sequence[EventMention]) -> dict[str, list[dt.date]]:
    """The days each capture states for any of its events."""
    out: dict[str, list[dt.date]] = {}
    for m in mentions:
        if m.date.value:
            out.setdefault(m.source, []).append(dt.date.fromisoformat(m.date.value))
    return out


def _published(mentions: Sequence[EventMention]) -> dict[str, dt.date]:
    """The publication day each capture states (never an event's date: only where it stands in time)."""
    return {m.source: dt.date.fromisoformat(m.reported) for m in mentions if m.reported}


def _reported_after(source: str, day: dt.date, published: dict[str, dt.date]) -> bool:
    """The capture was published on the meeting's day or within ANCHOR_DAYS after it, as news of it is;
    a capture published before the day cannot report it as held."""
    when = published.get(source)
    return when is not None and 0 <= (when - day).days <= ANCHOR_DAYS


def _words(m: EventMention) -> set[str]:
    return {w.lower() for x in m.mentions for w in WORD.findall(x.sentence)}


def _agree_text(mine: set[str], known: list[set[str]]) -> bool:
    return any(mine and theirs and len(mine & theirs) / len(mine | theirs) >= SAME_TEXT for theirs in known)


def _dates_conflict(a: DateValue, b: DateValue) -> bool:
    if a.value and b.value:
        return a.value != b.value
    lo = max(x for x in (a.value, a.earliest, b.value, b.earliest, "") if x is not None)
    hi = min((x for x in (a.value, a.latest, b.value, b.latest) if x), default=None)
    return bool(lo and hi and lo > hi)


def _meeting_score(
    m: EventMention,
    words: set[str],
    cluster: Cluster,
    anchors: dict[str, list[dt.date]],
    published: dict[str, dt.date],
) -> float | None:
    """How well a meeting mention fits a cluster; None when it must stay apart."""
    shared = set(m.participants) & cluster.parties
    if len(shared) < min(2, len(m.participants), len(cluster.parties)):
        return None  # one party in common is not the same meeting when both name two
    same_day = m.date.value is not None and m.date.value == cluster.day
    if m.place and cluster.place and m.place != cluster.place and not (same_day and len(shared) >= 2):
        return None  # the same two people on the same stated day are one meeting whatever place one misread
    if _dates_conflict(m.date, DateValue(cluster.day, cluster.earliest, cluster.latest)):
        return None
    if (m.mode == "phone" and cluster.in_person) or (cluster.calls and _in_person(m)):
        return None  # a call and a meeting in person are two events, even between the same people
    if m.source in cluster.sources or (m.back_reference and m.source in cluster.all_sources):
        return None
    score = len(set(m.participants) & cluster.parties) + (m.place is not None and m.place == cluster.place)
    day = cluster.day
    if m.date.value and day:
        return score + 3
    if not m.date.value and not day:
        return score
    undated_sources = {m.source} if not m.date.value else cluster.sources
    target = _day(m.date.value or day)
    near = any(abs((d - target).days) <= ANCHOR_DAYS for s in undated_sources for d in anchors.get(s, []))
    near = near or any(_reported_after(s, target, published) for s in undated_sources)
    if near or _agree_text(words, cluster.words):
        return score + 1
    timeless = not any(s in anchors or s in published for s in undated_sources)
    if timeless and (len(shared) >= 2 or (m.place is not None and m.place == cluster.place)):
        return score + TIMELESS  # no time at all to tell: the same people (or one in the same city), if once
    return None


def _in_person(m: EventMention) -> bool:
    return m.mode != "phone" and (m.place is not None or m.mode is not None)


def _place_rank(name: str) -> int:
    """The city one account names before the country or the palace others name ("Brasilia" before
    "Brazil" and "Planalto Palace"): 0 a city, 1 a country, 2 a building or site."""
    if feature_label(name) is not None:
        return 2
    return 1 if (country_of_place(name) or "").lower() == name.lower() else 0


def _merge_date(members: Sequence[EventMention]) -> DateValue:
    values = Counter(m.date.value for m in members if m.date.value)
    evidence = tuple(dict.fromkeys(e for m in members for e in m.date.evidence))
    stated = ", ".join(dict.fromkeys(m.date.stated for m in members if m.date.stated)) or None
    if values:
        return DateValue(value=values.most_common(1)[0][0], stated=stated, evidence=evidence)
    earliest = max((m.date.earliest for m in members if m.date.earliest), default=None)
    latest = min((m.date.latest for m in members if m.date.latest), default=None)
    return DateValue(earliest=earliest, latest=latest, stated=stated, evidence=evidence)


def _key(m: EventMention) -> str:
    first = m.mentions[0] if m.mentions else None
    return f"{m.source}|{m.type}|{first.start if first else 0}|{int(m.back_reference)}"


def _event(members: list[EventMention]) -> Event:
    members = sorted(members, key=_key)
    lead = [m for m in members if not m.back_reference] or members
    roles = Counter((m.actor, m.recipient) for m in lead if m.recipient) or Counter(
        (m.actor, m.recipient) for m in lead
    )
    actor, recipient = roles.most_common(1)[0][0]
    participants = tuple(dict.fromkeys(p for m in lead for p in m.participants))
    also = tuple(dict.fromkeys(p for m in members for p in m.also_present if p not in participants))
    modes = Counter(m.mode for m in lead if m.mode)
    mode = modes.most_common(1)[0][0] if modes else None
    cameos = Counter(m.cameo for m in lead if m.mode == mode)
    places = Counter(m.place for m in members if m.place)
    key = "\n".join(_key(m) for m in members)
    return Event(
        id=hashlib.sha256(key.encode()).hexdigest()[:16],
        type=lead[0].type,
        mode=mode,
        cameo=cameos.most_common(1)[0][0] if cameos else lead[0].cameo,
        actor=actor,
        recipient=recipient,
        participants=participants,
        also_present=also,
        place=min(places, key=lambda name: (_place_rank(name), -places[name])) if places else None,
        date=_merge_date(members),
        duration=next((m.duration for m in members if m.duration), None),
        topics=tuple(dict.fromkeys(t for m in members for t in m.topics)),
        attributions=tuple(dict.fromkeys(a for m in members for a in m.attributions)),
        documents=tuple(dict.fromkeys(m.source for m in members)),
        mentions=tuple(dict.fromkeys(x for m in members for x in m.mentions)),
        opinion=all(m.opinion for m in members),
    )


def _order(event: Event) -> tuple[int, str, str]:
    d = event.date
    when = d.value or d.earliest or d.latest
    return (0, when, event.id) if when else (1, "", event.id)


def link_events(mentions: Sequence[EventMention]) -> list[Event]:
    """One Event per real-world event, ordered by date (undated by their bounds, then last)."""
    mentions = sorted(_canonical(mentions), key=_key)
    words = {id(m): _words(m) for m in mentions}  # each mention's words, read once for every comparison
    anchors = _anchors(mentions)
    published = _published(mentions)
    meetings = [m for m in mentions if m.type == "CONSULT" and m.participants]
    # a capture with no time at all comes last, once back-references have made their own records: an
    # earlier meeting that a dated capture refers back to is then a candidate beside the dated one
    timeless = {s for s in {m.source for m in meetings} if s not in anchors and s not in published}
    meetings.sort(
        key=lambda m: (
            m.source in timeless and not m.back_reference,
            m.back_reference,
            m.opinion,
            m.date.value is None,
            _key(m),
        )
    )
    clusters: list[Cluster] = []
    by_party: dict[str, set[int]] = {}  # only clusters sharing a party can take a mention
    for m in meetings:
        shared = Counter(i for p in set(m.participants) for i in by_party.get(p, ()))  # parties in common
        need = min(2, len(m.participants))
        near = sorted(i for i, n in shared.items() if n >= min(need, len(clusters[i].parties)))
        scored = [
            (s, i)
            for i in near
            if clusters[i].members[0].opinion == m.opinion
            and (s := _meeting_score(m, words[id(m)], clusters[i], anchors, published)) is not None
        ]
        if scored and (max(scored)[0] > TIMELESS / 2 or len(scored) == 1):
            home = max(scored)[1]
        else:
            clusters.append(Cluster())
            home = len(clusters) - 1
        clusters[home].add(m, words[id(m)])
        for p in m.participants:
            by_party.setdefault(p, set()).add(home)
    others: dict[tuple[str, tuple[str, ...], tuple[str, ...], bool], list[Cluster]] = {}
    for m in mentions:
        if m.type == "CONSULT" and m.participants:
            continue
        key = (m.type, tuple(sorted(m.actor)), tuple(sorted(m.recipient)), m.opinion)
        same = others.setdefault(key, [])
        home = next((c for c in same if _same_other(m, words[id(m)], c)), None)
        if home is None:
            same.append(Cluster())
            home = same[-1]
        home.add(m, words[id(m)])
    rest = [c for group in others.values() for c in group]
    return sorted((_event(c.members) for c in clusters + rest), key=_order)


def _same_other(a: EventMention, words: set[str], cluster: Cluster) -> bool:
    """Type and roles already agree (the caller's key); another capture, and the same day or account."""
    if a.source in cluster.all_sources:
        return False
    return (a.date.value is not None and a.date.value == cluster.day) or _agree_text(words, cluster.words)
