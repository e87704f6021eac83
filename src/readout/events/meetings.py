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
The place rules live in ``meeting_place``; word lists and bounds in ``lexicons/meetings.json``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from readout.events.candidates import Candidate, child
from readout.events.evidence import attribution_of, date_of, mention_of
from readout.events.lexicon import meeting_cue, rules
from readout.events.meeting_place import place_of, title_place, where_heads
from readout.events.roles import EntityIndex, Value, country_of_place, country_of_word, nationalities
from readout.events.speech import Account
from readout.events.topics import topics_of
from readout.model import UNKNOWN_DATE, Annotated, Attribution, EventMention

DURATION = re.compile(
    r"\bfor (?:about |nearly |almost |more than |over |some |around )?"
    r"((?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few) "
    r"(?:hours?|minutes?|days?))\b",
    re.IGNORECASE,
)


# Word lists and bounds of the meeting rules, each with its reason, in lexicons/meetings.json.
PARTY_LABELS = tuple(meeting_cue("party_labels"))
PHONE_WORDS = frozenset(meeting_cue("phone_words"))
NOT_YET_GOVERNORS = frozenset(meeting_cue("not_yet_governors"))
DATELINE_ENDS = frozenset(meeting_cue("dateline_ends"))
DATELINE_DASHES = frozenset(meeting_cue("dateline_dashes"))
DATELINE_WORDS: int = meeting_cue("dateline_words")
SPAN_WORDS = frozenset(meeting_cue("span_words"))
FUTURE_AUX = frozenset(meeting_cue("future_aux"))
PRESENCE_PHRASES = tuple(tuple(pair) for pair in meeting_cue("presence_phrases"))
COUNTRY_KEY_LETTERS: int = meeting_cue("country_key_letters")
APPOSITION_WORDS: int = meeting_cue("apposition_words")
INCLUDE_VERBS = frozenset(meeting_cue("include_verbs"))
RETINUE_NOUNS = frozenset(meeting_cue("retinue_nouns"))
EARLIER_ADVERBS = frozenset(meeting_cue("earlier_adverbs"))
CALL_PREPS = tuple(meeting_cue("call_preps"))
PHRASE_LINKS = frozenset(meeting_cue("phrase_links"))
BILATERAL_PARTIES: int = meeting_cue("bilateral_parties")
DEMONYM_ENDINGS = tuple(meeting_cue("demonym_endings"))
DEMONYM_EXTRA: int = meeting_cue("demonym_extra")


@dataclass(frozen=True)
class DocumentFacts:
    """What the whole document says about its people, read once for all its meetings."""

    present: frozenset[str]  # beside the meeting, not parties ("accompanied by", "in the presence of")
    visiting: frozenset[str]  # called visiting ("met visiting Defence Minister X"): the visitor
    not_people: frozenset[str]  # tagged as persons, named as countries ('Amarra' beside 'Amarran')


def document_facts(doc: Doc, index: EntityIndex) -> DocumentFacts:
    return DocumentFacts(
        frozenset(_also_present(doc, index)),
        frozenset(_visiting(doc, index)),
        frozenset(_not_people(doc, index)),
    )


def _parties(item: Candidate) -> set[str]:
    return {v.name for v in item.actor + item.recipient if v.label in PARTY_LABELS}


def _also_present(doc: Doc, index: EntityIndex) -> set[str]:
    cues = rules()["also_present_cues"]
    heads = {*cues["presence_nouns"], *cues["verbs"], *(verb for verb, _ in PRESENCE_PHRASES), *INCLUDE_VERBS}
    out = set()
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma not in heads:  # most words: none of the cues below can hold
            continue
        holder = None
        if lemma in cues["presence_nouns"]:
            holder = token
        elif lemma in cues["verbs"] and token.pos_ == "VERB":
            holder = child(token, "agent") if lemma == "accompany" else child(token, "nsubj")
        elif any(lemma == verb and _object_word(token) == obj for verb, obj in PRESENCE_PHRASES):
            holder = child(token, "nsubj")
        elif lemma in INCLUDE_VERBS and _subject_lemma(token) in RETINUE_NOUNS:
            holder = child(token, "dobj")
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


def _subject_lemma(verb: Token) -> str | None:
    subject = child(verb, "nsubj")
    return subject.lemma_.lower() if subject is not None else None


def _object_word(verb: Token) -> str | None:
    obj = child(verb, "dobj")
    return obj.lower_ if obj is not None else None


def _visiting(doc: Doc, index: EntityIndex) -> set[str]:
    """People the text calls visiting: the first person named in the phrase that 'visiting' modifies,
    or the person met in "X met visiting Y" (parsed as X visiting Y)."""
    out: set[str] = set()
    if "visiting" not in doc.text.lower():  # most documents: no word to read
        return out
    for token in doc:
        if token.lower_ != "visiting":
            continue
        if token.dep_ in ("advcl", "xcomp") and token.i == token.head.i + 1 and child(token, "nsubj") is None:
            guest = child(token, "dobj")
            entity = index.entity(guest) if guest is not None else None
            if entity is not None and entity.label == "PERSON":
                out.add(entity.canonical)
            continue
        if token.dep_ != "amod" or token.head.i < token.i:
            continue
        noun = token.head
        while noun.dep_ == "compound" and noun.head.i > noun.i:  # "visiting Defence Minister X"
            noun = noun.head
        for t in doc[token.i + 1 : noun.i + 1]:
            entity = index.entity(t)
            if entity is not None and entity.label == "PERSON":
                out.add(entity.canonical)
                break
    return out


def _not_people(doc: Doc, index: EntityIndex) -> set[str]:
    """One-word 'persons' that are countries: the gazetteer knows the name as a country, or the text uses
    a demonym made from it ('Amarra' beside 'Amarran'); taggers often read an unfamiliar country as a
    surname, and a country is then no person among a meeting's parties."""
    names = {e.canonical for e in index.by_token.values() if e.label == "PERSON"}
    if not any(" " not in name and len(name) >= 4 for name in names):  # no one-word name to doubt
        return set()
    demonyms = {
        t.lower_
        for t in doc
        if (t.ent_type_ == "NORP" or t.pos_ in ("ADJ", "PROPN"))
        and t.is_title
        and t.lower_.endswith(DEMONYM_ENDINGS)
    }
    out = set()
    for name in names:
        if " " in name or len(name) < 4:
            continue
        lower = name.lower()
        stem = lower[:-1] if lower[-1] in "aeiouy" else lower
        derived = any(
            d != lower and d.startswith(stem) and len(d) - len(lower) <= DEMONYM_EXTRA for d in demonyms
        )
        if derived or (country_of_place(name) or "").lower() == lower:
            out.add(name)
    return out


def _person(value: Value, facts: DocumentFacts) -> bool:
    return value.label == "PERSON" and value.name not in facts.not_people and value.name not in facts.present


def _people(item: Candidate, facts: DocumentFacts) -> set[str]:
    """The people a mention names as its parties."""
    return {v.name for v in item.actor + item.recipient if _person(v, facts)}


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
    if not item.back_reference:
        return False
    first = any(c.lower_ == "first" for c in token.children)
    since = any(t.lower_ == "since" for t in token.subtree)
    in_years = any(
        t.lower_ == "in" and any(o.lemma_.lower() in SPAN_WORDS for o in t.children) for t in token.subtree
    )
    return not (first and (since or in_years))


def still_to_come(item: Candidate) -> bool:
    """A meeting still to come, or never held: an infinitive under a word of plan or expectation or under
    a negated verb, or a future."""
    token = item.token
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


def _group(
    meetings: list[tuple[Span, Candidate]], facts: DocumentFacts
) -> list[list[tuple[Span, Candidate]]]:
    """Meeting mentions of one document grouped into meetings.

    Mentions that name people group by those people. A mention that names none ("the presidents of A
    and B met in P", "the two sides discussed X") is the main meeting told again when it is its
    sentence's main event, and an event named in passing otherwise ("a week after the foreign ministers
    held talks in P"). Only when no mention names a person do countries and organisations group."""
    live = [
        (s, c) for s, c in meetings if not is_back_reference(c) and not c.opinion and not still_to_come(c)
    ]
    groups: list[list[tuple[Span, Candidate]]] = []
    for sent, item in sorted(live, key=lambda pair: not pair[1].leads):
        people = _people(item, facts)
        if not people:
            continue
        known = [{p for _, c in g for p in _people(c, facts)} for g in groups]
        home = next((g for g, held in zip(groups, known, strict=True) if _same_parties(people, held)), None)
        if home is None and item.leads:
            groups.append([(sent, item)])
        elif home is not None:
            home.append((sent, item))
    if not groups:
        return _group_by_parties(live)
    main = max(groups, key=len)
    for sent, item in live:
        if not _people(item, facts) and (item.leads or not (item.actor or item.recipient)):
            main.append((sent, item))
    return groups


def _group_by_parties(live: list[tuple[Span, Candidate]]) -> list[list[tuple[Span, Candidate]]]:
    """Meetings of countries and organisations, grouped by those parties; partyless mentions join the
    main group."""
    groups: list[list[tuple[Span, Candidate]]] = []
    for sent, item in sorted(live, key=lambda pair: not pair[1].leads):
        parties = _parties(item)
        if not parties:
            continue
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
        main.extend((sent, item) for sent, item in live if not _parties(item))
    elif any(item.leads and (item.actor or item.recipient) for _, item in live):
        # no name at all ("a committee of officials met ... The committee discussed"): one meeting
        groups.append(
            [(sent, item) for sent, item in live if item.leads or not (item.actor or item.recipient)]
        )
    return groups


def dateline_tokens(doc: Doc) -> set[int]:
    """Tokens of datelines ("LUNETTO, 21 November 2024 (VNA) -", "MOSCOW (Reuters) -"): the capitals at a
    sentence's start before a comma, bracket or dash; where the report was filed, never a party."""
    out: set[int] = set()
    for sent in doc.sents:
        run = []
        for token in sent:
            if token.is_space:
                continue
            if token.is_alpha and token.is_upper and len(token) > 1:
                run.append(token.i)
                continue
            if run and token.text in DATELINE_ENDS:
                out.update(run)
                rest = doc[token.i : min(token.i + DATELINE_WORDS, sent.end)]
                dash = next((t.i for t in rest if t.text in DATELINE_DASHES), None)
                out.update(range(token.i, dash + 1) if dash is not None else ())  # its date and agency
            break
    return out


def without_tokens(item: Candidate, tokens: set[int]) -> Candidate:
    """The candidate with no role value standing on ``tokens`` (a dateline's place is never a party)."""
    if not any(v.token in tokens for v in item.actor + item.recipient):
        return item
    return replace(
        item,
        actor=[v for v in item.actor if v.token not in tokens],
        recipient=[v for v in item.recipient if v.token not in tokens],
    )


def _with_caller(item: Candidate, index: EntityIndex) -> Candidate:
    """A call's other end as a party: "X had a call with Y" (Y the recipient); "X received a phone call
    from Y" (Y called: the actor, X the recipient)."""
    if item.mode != "phone":
        return item
    known = {v.name for v in item.actor + item.recipient}
    ends: dict[str, list[Value]] = {prep: [] for prep in CALL_PREPS}
    for prep in (c for c in item.token.children if c.dep_ == "prep" and c.lower_ in CALL_PREPS):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            entity = index.entity(obj)
            if entity is not None and entity.label == "PERSON" and entity.canonical not in known:
                ends[prep.lower_].append(Value(entity.canonical, "PERSON", obj.i))
    if ends["from"]:
        return replace(item, actor=ends["from"], recipient=[*item.actor, *item.recipient, *ends["with"]])
    return replace(item, recipient=[*item.recipient, *ends["with"]]) if ends["with"] else item


def meetings_of(
    annotated: Annotated,
    doc: Doc,
    index: EntityIndex,
    meetings: list[tuple[Span, Candidate]],
    sources: list[Account],
    opinion: list[tuple[int, int]],
) -> list[EventMention]:
    meetings = [(sent, _with_caller(item, index)) for sent, item in meetings]
    facts = document_facts(doc, index)
    groups = _group(meetings, facts)
    countries = _countries(doc, index) if groups else {}
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
    main_parties = set().union(*(_people(c, facts) or _parties(c) for _, c in main))
    for sent, item in meetings:
        parties = (_people(item, facts) or _parties(item) or main_parties) - facts.present
        if is_back_reference(item) and not item.opinion and parties:
            out.append(_back_mention(annotated, sent, item, parties))
    return out


def _is_call(item: Candidate, index: EntityIndex) -> bool:
    """A conversation by telephone or video: "spoke by telephone", "a phone call", "phoned"."""
    if item.mode == "phone" or item.token.lemma_.lower() in PHONE_WORDS:
        return True
    heads = where_heads(item.token, index)
    if item.token.dep_ in ("advcl", "xcomp"):  # "held a video conference to discuss"
        heads += [c for c in item.token.head.children if c.dep_ == "dobj"]
    near = [t for head in heads for t in head.children]
    near += [g for t in near if t.dep_ == "prep" for g in t.children]
    near += [m for t in near for m in t.children if m.dep_ in ("compound", "amod")]
    return any(t.lemma_.lower() in PHONE_WORDS for t in near)


def country_key(word: str) -> str:
    """A key that a country's name and its demonym share ('Russia', 'Russian'; 'Verosa', 'Verosan'): the
    gazetteer's country when it knows the word, else the word's first letters."""
    return (country_of_word(word) or word).lower()[:COUNTRY_KEY_LETTERS]


def _countries(doc: Doc, index: EntityIndex) -> dict[str, str]:
    """The country key of each named person: from the words before a mention ('Russian President X'),
    else from "X of Caldera" right after it."""
    out = {person: country_key(country) for person, country in nationalities(doc, index).items()}
    for token in doc:
        entity = index.entity(token)
        if entity is None or entity.label != "PERSON" or entity.canonical in out:
            continue
        nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if nxt is None or nxt.lower_ != "of" or index.entity(nxt) is not None:
            continue
        country = index.entity(nxt.nbor()) if nxt.i + 1 < len(doc) else None
        if country is not None and country.label == "GPE":
            out[entity.canonical] = country_key(country.canonical)
    return out


def _place_key(doc: Doc, index: EntityIndex, place: str | None) -> str | None:
    """The country key of the meeting's place: the gazetteer's, else a demonym in the place's apposition
    ("Lunetto, the Verosan border city")."""
    if not place:
        return None
    known = country_of_place(place)
    if known:
        return country_key(known)
    for token in doc:
        entity = index.entity(token)
        if entity is None or entity.canonical != place:
            continue
        after = doc[token.i + 1 : min(token.i + 1 + APPOSITION_WORDS, token.sent.end)]
        if not len(after) or after[0].text != ",":
            continue
        for t in after[1:]:  # ", the Verosan border city": the first words after the comma
            if t.ent_type_ in ("NORP", "GPE"):
                return country_key(t.text)
            if t.pos_ in ("VERB", "AUX", "ADP") or t.is_punct:
                break
    return None


def _call_roles(lead: list[Candidate], parties: list[str]) -> tuple[list[str], list[str]]:
    """A call's roles: who called whom when a mention says so ("X phoned Y", "a call from Y"); with no
    direction ("X and Y spoke by telephone") every party is an actor."""
    for item in lead:
        callers = [v.name for v in item.actor if v.name in parties]
        called = [v.name for v in item.recipient if v.name in parties]
        if callers and called:
            return callers, [p for p in parties if p not in callers]
    return parties, []


def _roles(
    parties: list[str], visitors: list[str], host_country: str | None, countries: dict[str, str]
) -> tuple[list[str], list[str]]:
    """CONSULT roles: visitor(s) as actor, host as recipient; with no distinction, every party is an actor.
    The host is the party from the country the place lies in."""
    hosts = [p for p in parties if host_country and countries.get(p) == host_country]
    if visitors and not hosts:
        hosts = [p for p in parties if p not in visitors]
    if hosts and len(hosts) < len(parties):
        return [p for p in parties if p not in hosts], hosts
    if visitors and len(visitors) < len(parties):
        return visitors, [p for p in parties if p not in visitors]
    return parties, []


def _leaders_of(items: list[Candidate], doc: Doc, countries: dict[str, str]) -> list[str]:
    """The people a description of the parties stands for ("the prime ministers of Norway, Sweden and
    Iceland", "the Calderan and Verosan presidents"): one person of each country it names, when the
    document names exactly one person of each; else none."""
    keys: set[str] = set()
    for item in items:
        for value in item.actor + item.recipient:
            if value.label not in ("GPE", "NORP", None):
                continue
            head = doc[value.token]
            while head.dep_ in PHRASE_LINKS and head.head.i != head.i:
                head = head.head
            keys |= {country_key(t.text) for t in head.subtree if t.ent_type_ in ("GPE", "NORP")}
    people = [p for p, key in countries.items() if key in keys]
    if not keys or len(people) != len(keys) or {countries[p] for p in people} != keys:
        return []
    return people


def _party_names(items: list[Candidate], facts: DocumentFacts) -> list[str]:
    """The meeting's parties: the people its mentions name; countries and organisations only when no
    person is named. Another party counts only beside fewer than two names: one described by its country
    ("the Iranian president") from any mention; a plain description, a country or an organisation only
    from a mention that names the others ("South Korea's foreign minister telephoned Wang Yi"), never
    "the two sides" of a sentence that names no one. With no name at all, the described parties of the
    first mention ("a committee of officials met")."""
    values = [v for c in items for v in c.actor + c.recipient]
    people = list(dict.fromkeys(v.name for v in values if _person(v, facts)))
    named = people or list(
        dict.fromkeys(v.name for v in values if v.label in PARTY_LABELS and v.name not in facts.present)
    )
    described = [
        v.name
        for c in items
        for v in c.actor + c.recipient
        if v.name not in facts.present
        and v.name not in facts.not_people
        and (
            v.label == "NORP"  # "the Iranian president": a party of a named country, from any mention
            or (
                (v.label is None or (people and v.label in PARTY_LABELS))
                and any(w.name in named for w in c.actor + c.recipient)
            )
        )
    ]
    if not named:
        first = min((c for c in items if c.actor or c.recipient), key=lambda c: c.token.i, default=None)
        values = first.actor + first.recipient if first else []
        described = [v.name for v in values if v.label in (None, "NORP")]
    if len(named) < 2:
        named += [d for d in described if d not in named]
    return list(dict.fromkeys(named))


def _mode(
    call: bool,
    parties: list[str],
    visitors: list[str],
    recipient: list[str],
    place: str | None,
    host_country: str | None,
    countries: dict[str, str],
    items: list[Candidate],
) -> str | None:
    """PLOVER's CONSULT mode: a call; a meeting of more than two parties; a visit (a visitor, or a host
    and a place); a meeting in a country none of the parties is from; else what the mentions said."""
    if call:
        return "phone"
    if len(parties) > BILATERAL_PARTIES:
        return "multilateral"
    if visitors or (recipient and place):
        return "visit"
    if (
        host_country
        and parties
        and all(countries.get(p) for p in parties)
        and host_country not in {countries[p] for p in parties}
    ):
        return "third-party"
    modes = Counter(c.mode for c in items if c.mode)
    return modes.most_common(1)[0][0] if modes else None


CAMEO_OF_MODE = {"visit": "042", "phone": "041", "third-party": "044"}


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
    parties = _party_names(items, facts)
    if not any(p in countries for p in parties):  # "the prime ministers of A, B and C met"
        parties = _leaders_of(items, doc, countries) or parties
    lead = [c for c in items if c.leads and _people(c, facts)] or items
    call = any(_is_call(c, index) for c in lead)
    visitors = [p for p in parties if p in facts.visiting] or [
        v.name for c in items if c.visit for v in c.actor if v.name in parties
    ]
    visitors = [] if call else list(dict.fromkeys(visitors))
    named = [c for c in items if _people(c, facts)]
    place = None if call else place_of(named, index) or place_of(items, index)
    headline = None if place or call else title_place(annotated)
    if headline:
        place = headline[0]
    host_country = _place_key(doc, index, place)
    actor, recipient = (
        _call_roles(lead, parties) if call else _roles(parties, visitors, host_country, countries)
    )
    date = date_of(annotated, sents)
    duration = None
    for sent in sents:
        nxt = doc[sent.end : sent.end + 1]
        for text in (sent.text, nxt.sent.text if len(nxt) else ""):
            match = DURATION.search(text)
            if match and duration is None:
                duration = match.group(1)
    mode = _mode(call, parties, visitors, recipient, place, host_country, countries, items)
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
