"""Which meeting mentions of a document tell of one meeting, and which tell of none being held now.

Mentions that name people group by those people; mentions that name none are the main meeting told
again when they lead their sentence. Back-references ("they last met in ..."), meetings still to come
and opinion are set apart; a dateline's place is never a party.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Span, Token

from readout.events.candidates import Candidate, light_governor
from readout.events.lexicon import meeting_cue
from readout.events.meeting_facts import DocumentFacts, parties_of, people_of

# Word lists and bounds of these rules, each with its reason, in lexicons/meetings.json.
NOT_YET_GOVERNORS = frozenset(meeting_cue("not_yet_governors"))
SPAN_WORDS = frozenset(meeting_cue("span_words"))
FUTURE_AUX = frozenset(meeting_cue("future_aux"))
EARLIER_ADVERBS = frozenset(meeting_cue("earlier_adverbs"))
OTHER_TIME_PREPS = frozenset(meeting_cue("other_time_preps"))
PLAN_GOVERNORS = frozenset(meeting_cue("plan_governors"))
OCCASION_GAP_DAYS = dt.timedelta(days=meeting_cue("occasion_gap_days"))

# The first and last day a mention's own sentence allows for it (``evidence.occasion_bounds``), or None.
Occasion = Callable[[Span, Candidate], "tuple[dt.date, dt.date] | None"]


def _same_parties(mine: set[str], theirs: set[str]) -> bool:
    """One meeting's parties: one set holds the other ('X visited P' within 'X met Y'); a third person
    meeting one of them is another meeting."""
    return bool(mine & theirs) and (mine <= theirs or theirs <= mine)


def is_back_reference(item: Candidate) -> bool:
    """Whether a meeting mention speaks of an earlier meeting. "Their first meeting since the accord
    lapsed" and "the first visit by a minister in six years" describe the meeting being reported (the
    first since then), not an earlier one."""
    token = item.token
    if token.pos_ == "VERB" and any(
        c.dep_ == "advmod" and c.lower_ in EARLIER_ADVERBS for c in token.children
    ):
        return True  # "Kibet and Mushi last met in Arusha"
    if _dated_in_passing(item):
        return True  # "after her visit to P in March"
    if not item.back_reference:
        return False
    first = any(c.lower_ == "first" for c in token.children)
    since = any(t.lower_ == "since" for t in token.subtree)
    in_years = any(
        t.lower_ == "in" and any(o.lemma_.lower() in SPAN_WORDS for o in t.children) for t in token.subtree
    )
    return not (first and (since or in_years))


def _dated_in_passing(item: Candidate) -> bool:
    """A meeting noun named in passing under a time preposition, with a date of its own ("a second
    bilateral after her visit to P in March"): another occasion than the one reported."""
    token = item.token
    return (
        token.pos_ == "NOUN"
        and token.dep_ == "pobj"
        and token.head.lower_ in OTHER_TIME_PREPS
        and any(t.ent_type_ == "DATE" for t in token.subtree if t.i != token.i)
    )


def still_to_come(item: Candidate) -> bool:
    """A meeting still to come, or never held: an infinitive under a word of plan or expectation or under
    a negated verb, or a future. A meeting noun is judged by the light verb that holds it ("is due to hold
    talks")."""
    token = item.token
    if token.pos_ == "NOUN":
        token = light_governor(token) or token
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in token.children):
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    if not infinitive or token.dep_ not in ("xcomp", "acl", "ccomp", "advcl"):
        return False
    governor = token.head
    negated = any(c.dep_ == "neg" for c in governor.children)  # "was not authorised to speak"
    # the lemma, or the word itself when the tagger lemmatises badly ('hopes' -> 'hop')
    word = governor.lower_
    return (
        negated
        or governor.lemma_.lower() in NOT_YET_GOVERNORS
        or any(len(w) > 3 and word.startswith(w) for w in NOT_YET_GOVERNORS)
    )


def _other_occasion(mine: tuple[dt.date, dt.date] | None, held: list[tuple[dt.date, dt.date]]) -> bool:
    """A mention dated well apart from every dated mention of a group tells of another time the same people
    met (``OCCASION_GAP_DAYS``)."""
    return mine is not None and bool(held) and all(
        mine[0] - other[1] > OCCASION_GAP_DAYS or other[0] - mine[1] > OCCASION_GAP_DAYS for other in held)


def _in_plan(token: Token) -> bool:
    """A word inside a clause still to come: some verb above it has a future auxiliary or is an infinitive
    under a word of schedule or expectation (``PLAN_GOVERNORS``: "is due to hold talks ... before flying
    on to P")."""
    for verb in (t for t in token.ancestors if t.pos_ in ("VERB", "AUX")):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
            return True
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PLAN_GOVERNORS:
            return True
    return False


def group_meetings(
    meetings: list[tuple[Span, Candidate]], facts: DocumentFacts, occasion: Occasion
) -> list[list[tuple[Span, Candidate]]]:
    """Meeting mentions of one document grouped into meetings.

    Mentions that name people group by those people, unless their sentence dates them well apart from
    the group's (``occasion``: "received X on Thursday" and "the two first met in P in March 2018" are
    two occasions; the other one is a meeting of its own when it leads its sentence). A mention that
    names none ("the presidents of A and B met in P", "the two sides discussed X") is the main meeting
    told again when it is its sentence's main event, and an event named in passing otherwise ("a week
    after the foreign ministers held talks in P"). A document whose meetings are all named in passing ("X
    returned from P after talks with Y") tells the first one that names two people. Only when no mention
    names a person do countries and organisations group."""
    live = [
        (s, c) for s, c in meetings if not is_back_reference(c) and not c.opinion and not still_to_come(c)
    ]
    groups: list[list[tuple[Span, Candidate]]] = []
    spans: list[list[tuple[dt.date, dt.date]]] = []  # the dated mentions' bounds, group by group
    for sent, item in sorted(live, key=lambda pair: not pair[1].leads):
        people = people_of(item, facts)
        if not people:
            continue
        mine = occasion(sent, item)
        known = [{p for _, c in g for p in people_of(c, facts)} for g in groups]
        home = next((k for k, held in enumerate(known)
                     if _same_parties(people, held) and not _other_occasion(mine, spans[k])), None)
        if home is None and item.leads:
            groups.append([(sent, item)])
            spans.append([mine] if mine else [])
        elif home is not None:
            groups[home].append((sent, item))
            spans[home].extend([mine] if mine else [])
    if not groups:  # no meeting leads a sentence: one named in passing with two people is the one told
        passing = next(((s, c) for s, c in live if len(people_of(c, facts)) >= 2), None)
        groups = [[passing]] if passing else []
    if not groups:
        return _group_by_parties(live)
    main = max(groups, key=len)
    for sent, item in live:
        # a mention without parties joins, unless it is part of a plan ("is due to hold talks with X ...
        # before flying on to P")
        if not people_of(item, facts) and (item.leads or not (item.actor or item.recipient)) and not (
                _in_plan(item.token)):
            # the meeting its own sentence tells ("X and Y held talks in P, when they discussed Z"), else
            # the main one
            home = next((g for g in groups if any(s == sent for s, _ in g)), main)
            home.append((sent, item))
    return groups


def _group_by_parties(live: list[tuple[Span, Candidate]]) -> list[list[tuple[Span, Candidate]]]:
    """Meetings of countries and organisations, grouped by those parties; partyless mentions join the
    main group."""
    groups: list[list[tuple[Span, Candidate]]] = []
    for sent, item in sorted(live, key=lambda pair: not pair[1].leads):
        parties = parties_of(item)
        if not parties:
            continue
        known = [{p for _, c in g for p in parties_of(c)} for g in groups]
        home = next((g for g, held in zip(groups, known, strict=True) if _same_parties(parties, held)), None)
        if home is None and not item.leads:
            continue  # a meeting named in passing ("during his visit, X pledged")
        if home is None:
            groups.append([(sent, item)])
        else:
            home.append((sent, item))
    if groups:
        main = max(groups, key=len)
        main.extend((sent, item) for sent, item in live if not parties_of(item))
    elif any(item.leads and (item.actor or item.recipient) for _, item in live):
        # no name at all ("a committee of officials met ... The committee discussed"): one meeting
        groups.append(
            [(sent, item) for sent, item in live if item.leads or not (item.actor or item.recipient)]
        )
    return groups


def without_tokens(item: Candidate, tokens: set[int]) -> Candidate:
    """The candidate with no role value standing on ``tokens`` (a dateline's place is never a party)."""
    if not any(v.token in tokens for v in item.actor + item.recipient):
        return item
    return replace(
        item,
        actor=[v for v in item.actor if v.token not in tokens],
        recipient=[v for v in item.recipient if v.token not in tokens],
    )
