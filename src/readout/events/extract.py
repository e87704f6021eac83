"""Event mentions of one document, from the dependency parse and the predicate lexicon.

Stages, in order:
1. candidates: every token that triggers a lexicon entry (verbs, and nouns under a light verb or with
   their own role-bearing dependents), with roles filled from the entry's slots, passives turned
   round, future and negated predicates shifted by the rules (``lexicons/rules.json``);
2. deontic speech ("it is necessary for X to withdraw", "X must ...") said by a source becomes REQUEST;
3. one record per sentence: the predicate highest in the tree that has an actor;
4. meetings: the document's CONSULT mentions grouped by their parties, with visitor as actor and host
   as recipient, people present beside them, place, date, duration, topics and every source of the
   account; "their last meeting ... ago" stays a separate back-reference mention;
5. attribution of every record to the account (speech, quotation) that holds it; records in the
   outlet's own voice (opinion paragraphs) are marked opinion.
Role values that resolve to no name are dropped and counted in ``DROPPED``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from readout.events.lexicon import Predicate, predicates, rules, word_set
from readout.events.roles import EntityIndex, Value, conjuncts, country_of_place, nationalities, resolve
from readout.events.speech import Account, account_for, accounts, editorial_spans
from readout.events.topics import topics_of
from readout.model import UNKNOWN_DATE, Annotated, Attribution, DateValue, Evidence, EventMention, Mention

DROPPED: Counter[str] = Counter()  # role values that resolved to no name, by reason (read by tests and eval)
YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
DURATION = re.compile(r"\bfor (?:about |nearly |almost |more than |over |some |around )?"
                      r"((?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|several|a few) "
                      r"(?:hours?|minutes?|days?))\b", re.IGNORECASE)
TITLE_PLACE = re.compile(r"\b(?:in|at|to)\s+(?:[A-Z][\w]*['’]s\s+)?([A-Z][\w\-]+(?:\s[A-Z][\w\-]+)?)")
PLACE_PREPS = ("in", "at", "to")


@dataclass
class Candidate:
    type: str
    mode: str | None
    cameo: str
    token: Token
    actor: list[Value]
    recipient: list[Value]
    place: str | None
    depth: int
    back_reference: bool = False
    opinion: bool = False
    visit: bool = False  # the actor is the visitor (visit, travel, receive)
    extra_sents: list[Span] = field(default_factory=list)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def _child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _subject_token(verb: Token) -> Token | None:
    if _passive(verb):
        agent = _child(verb, "agent")
        return _child(agent, "pobj") if agent is not None else None
    subject = _child(verb, "nsubj")
    if subject is not None:
        return subject
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        return _subject_token(verb.head)
    return None


def _prep_objects(token: Token, prep: str) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ == prep:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def _light_governor(noun: Token) -> Token | None:
    head = noun.head
    if noun.dep_ in ("dobj", "attr", "nsubjpass") and head.lemma_.lower() in word_set("rules.json", "light_verbs"):
        return head
    if noun.dep_ == "dobj" and head.lemma_.lower() in rules()["light_verb_overrides"]:
        return head
    return None


def _slot(token: Token, slot: str, governor: Token | None) -> list[Token]:
    """The tokens that fill one slot of an entry on ``token``."""
    if slot == "subj":
        found = _subject_token(token)
        return [found] if found is not None else []
    if slot == "obj":
        found = _child(token, "nsubjpass") if _passive(token) else _child(token, "dobj")
        return [found] if found is not None else []
    if slot == "dative":
        found = _child(token, "dative", "iobj")
        if found is not None and found.lower_ == "to":
            return [c for c in found.children if c.dep_ == "pobj"]
        return [found] if found is not None else []
    if slot.startswith("prep:"):
        prep = slot.split(":", 1)[1]
        found = _prep_objects(token, prep)
        obj = _child(token, "dobj")
        if not found and obj is not None:
            found = _prep_objects(obj, prep)
        if not found and governor is not None:
            found = _prep_objects(governor, prep)
        return found
    if slot == "gov_subj" and governor is not None:
        found = _subject_token(governor)
        return [found] if found is not None else []
    if slot == "poss":
        found = _child(token, "poss")
        return [found] if found is not None else []
    return []


def _speaker_for_pronoun(token: Token, index: EntityIndex) -> Value | None:
    """'Russia said it would ...': a pronoun subject of a reported clause is the speaker."""
    clause = token.head
    while clause.dep_ in ("conj", "xcomp", "aux") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in word_set("rules.json", "speech_verbs"):
        subject = _child(clause.head, "nsubj")
        if subject is not None and subject.pos_ != "PRON":
            return resolve(subject, index)
    return None


def _values(tokens: list[Token], index: EntityIndex) -> list[Value]:
    out: list[Value] = []
    for token in tokens:
        for head in conjuncts(token):
            value = resolve(head, index)
            if value is None and head.pos_ == "PRON":
                value = _speaker_for_pronoun(head, index)
            if value is None:
                DROPPED["role resolves to no name"] += 1
            elif value.name not in {v.name for v in out}:
                out.append(value)
    return out


def _fill(token: Token, slots: tuple[str, ...], governor: Token | None, index: EntityIndex) -> list[Value]:
    for slot in slots:
        found = _slot(token, slot, governor)
        if found:
            values = _values(found, index)
            if values:
                return values
    return []


def _co_parties(verb: Token, actor: list[Value], index: EntityIndex) -> list[Value]:
    """People named in a meeting verb's own phrase beside its subject, when the parse hides the object
    ('X met on Thursday at P his counterpart Y'): the phrases of people present beside them excluded."""
    cues = rules()["also_present_cues"]
    subject = _subject_token(verb)
    skip = {t.i for t in subject.subtree} if subject is not None else set()
    for token in verb.subtree:
        if (token.lemma_.lower() in cues["presence_nouns"] or token.dep_ in ("ccomp", "relcl", "advcl", "conj")
                or token.lower_ == "according"):
            skip |= {t.i for t in token.subtree}
    names = {v.name for v in actor}
    out: list[Value] = []
    for token in verb.subtree:
        entity = index.entity(token)
        if (token.i not in skip and entity is not None and entity.label == "PERSON"
                and entity.canonical not in names and entity.canonical not in {v.name for v in out}):
            out.append(Value(entity.canonical, "PERSON", token.i))
    return out


def _place_name(token: Token, index: EntityIndex) -> str | None:
    """A place the token names: a place entity, or a name the gazetteer knows (taggers mislabel cities)."""
    entity = index.entity(token)
    if entity is not None and entity.label in ("GPE", "LOC", "FAC"):
        return entity.canonical
    if entity is not None and entity.label != "PERSON" and country_of_place(entity.canonical):
        return entity.canonical
    if entity is None and token.pos_ == "PROPN" and country_of_place(token.text):
        return token.text
    return None


def _place(token: Token, governor: Token | None, index: EntityIndex) -> str | None:
    for head in (token, governor, _child(token, "dobj")):
        if head is None:
            continue
        for prep in PLACE_PREPS:
            for obj in _prep_objects(head, prep):
                name = _place_name(obj, index)
                if name:
                    return name
    return None


def _future(verb: Token) -> bool:
    markers = set(rules()["future_shift"]["markers"])
    return any(c.dep_ == "aux" and c.lower_ in markers for c in verb.children)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _back_reference(noun: Token) -> bool:
    cues = rules()["back_reference_cues"]
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "det", "poss", "npadvmod", "advmod")}
    subtree = {t.lower_ for t in noun.subtree}
    if mods & set(cues["blocking_determiners"]):
        return False
    return bool(mods & set(cues["modifiers"])) or bool(subtree & set(cues["ago"]))


def _match(token: Token) -> Predicate | None:
    pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
    if pos is None:
        return None
    entries = predicates().get((token.lemma_.lower(), pos)) or predicates().get((token.lower_, pos)) or ()
    near = {c.lemma_.lower() for c in token.children} | {c.lower_ for c in token.children}
    for entry in entries:
        if all(word in near for word in entry.extra):
            return entry
    return None


def candidate(token: Token, index: EntityIndex) -> Candidate | None:
    """The event a token triggers, with its roles, or None."""
    entry = _match(token)
    if entry is None:
        return None
    blocked = rules()["non_event_objects"]
    obj = _child(token, "dobj")
    if entry.pos == "VERB" and token.lemma_.lower() in blocked["verbs"] and obj is not None and (
            obj.lemma_.lower() in blocked["lemmas"]):
        return None
    governor = _light_governor(token) if entry.pos == "NOUN" else None
    kind, mode, cameo = entry.type, entry.mode, entry.cameo
    if governor is not None and governor.lemma_.lower() in rules()["light_verb_overrides"]:
        kind, mode, cameo = rules()["light_verb_overrides"][governor.lemma_.lower()]
    actor = _fill(token, entry.actor, governor, index)
    recipient = _fill(token, entry.recipient, governor, index)
    if entry.pos == "NOUN" and governor is None and not (actor or recipient) and kind != "CONSULT":
        return None
    verb = governor if governor is not None else token
    if verb.pos_ == "VERB" and _negated(verb):
        if kind not in rules()["negation"]["to_reject"]:
            return None
        kind, mode, cameo = "REJECT", None, "120"
    elif verb.pos_ == "VERB" and _future(verb):
        shift = rules()["future_shift"]
        if kind in shift["to_agree"]:
            kind, mode, cameo = "AGREE", None, shift["agree_cameo"]
        elif kind in shift["to_threaten"]:
            kind, mode, cameo = "THREATEN", None, shift["threaten_cameo"]
    place = _place(token, governor, index)
    if mode == "visit" and entry.cameo == "042":
        places = [v for v in recipient if v.label in ("GPE", "LOC", "FAC")]
        if places:
            place = place or places[0].name
            recipient = [v for v in recipient if v not in places]
    if kind == "CONSULT" and entry.pos == "VERB" and not [v for v in recipient if v.label == "PERSON"]:
        recipient += _co_parties(token, actor, index)
    actor_names = {v.name for v in actor}
    recipient = [v for v in recipient if v.name not in actor_names]  # a one-sided actor is never its recipient
    return Candidate(kind, mode, cameo, token, actor, recipient, place, _depth(token),
                     back_reference=entry.pos == "NOUN" and kind == "CONSULT" and _back_reference(token),
                     visit=mode == "visit")


def _deontic(token: Token, account: Account | None, index: EntityIndex) -> Candidate | None:
    """'It is necessary for X to withdraw' / 'X must withdraw' in a source's words: the source asks X."""
    if account is None or account.speaker is None or token.pos_ != "VERB":
        return None
    cue = rules()["deontic"]
    modal = any(c.dep_ == "aux" and c.lower_ in cue["modals"] for c in token.children)
    head = token.head
    adjective = token.dep_ in ("xcomp", "ccomp", "advcl") and (head.lemma_.lower() in cue["adjectives"] or any(
        c.dep_ == "acomp" and c.lemma_.lower() in cue["adjectives"] for c in head.children))
    if not (modal or adjective):
        return None
    subject = _child(token, "nsubj")
    recipient = _values([subject], index) if subject is not None and subject.pos_ != "PRON" else []
    speaker = Value(account.speaker, "PERSON", token.i)
    recipient = [v for v in recipient if v.name != speaker.name]
    return Candidate("REQUEST", None, cue["cameo"], token, [speaker], recipient, None, _depth(token) - 1)


def _date_of(annotated: Annotated, sentences: list[Span]) -> DateValue:
    """The date the sentences state for the event, honest: a day only with its year in the words (or a
    relative day tied to a stated publication date); otherwise what was stated, with its evidence."""
    bounds = rules()["date_bounds"]["words"]
    article = annotated.article
    found = []
    for sent in sentences:
        for mention in annotated.dates:
            if not (sent.start_char <= mention.start < sent.end_char):
                continue
            before = article.body[max(sent.start_char, mention.start - 8): mention.start].lower().split()
            if before and any(" ".join(before[-len(b.split()):]) == b for b in bounds):
                continue
            found.append(mention)
    if not found:
        return UNKNOWN_DATE
    anchored = annotated.reference_date is not None and not annotated.reference_date.is_unknown
    values = []
    for mention in found:
        date = mention.date
        if date.value and (YEAR.search(mention.text) or (anchored and not any(
                ch.isdigit() for ch in mention.text))):
            values.append(date.value)
    evidence = tuple(Evidence(article.source, m.lines, m.text) for m in found)
    stated = ", ".join(dict.fromkeys(m.date.stated or m.text for m in found))
    if values:
        return DateValue(value=Counter(values).most_common(1)[0][0], stated=stated, evidence=evidence)
    earliest = max((m.date.earliest for m in found if m.date.earliest and YEAR.search(m.text)), default=None)
    latest = min((m.date.latest for m in found if m.date.latest and YEAR.search(m.text)), default=None)
    if earliest and earliest == latest:
        earliest = latest = None
    return DateValue(earliest=earliest, latest=latest, stated=stated, evidence=evidence)


def _mention(annotated: Annotated, sent: Span) -> Mention:
    return Mention(annotated.article.source, annotated.article.lines_of(sent.start_char, sent.end_char),
                   sent.start_char, sent.end_char, sent.text)


def _attribution(annotated: Annotated, account: Account, claim: str, participants: set[str]) -> Attribution:
    kind = account.kind
    if account.speaker in participants and kind in ("official", "analysis") and not account.hedged:
        kind = "participant"
    lines = annotated.article.lines_of(account.cue_start, account.cue_end)
    return Attribution(account.by, kind, account.via, claim, annotated.article.source, lines)


def _in_spans(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= offset <= b for a, b in spans)


def extract_events(annotated: Annotated, doc: Doc) -> list[EventMention]:
    """Every event mention of one document (pure: the same inputs give the same mentions)."""
    index = EntityIndex(annotated, doc)
    sources = accounts(annotated, doc, index)
    opinion = editorial_spans(annotated, doc)
    by_sentence: list[tuple[Span, list[Candidate]]] = []
    for sent in doc.sents:
        found = []
        for token in sent:
            item = candidate(token, index)
            account = account_for(sources, token.idx)
            request = _deontic(token, account, index)
            if request is not None:
                item = request
            if item is not None:
                item.opinion = _in_spans(token.idx, opinion)
                found.append(item)
        by_sentence.append((sent, found))
    records: list[EventMention] = []
    meetings: list[tuple[Span, Candidate]] = []
    for sent, found in by_sentence:
        ranked = sorted(found, key=lambda c: (not c.actor, c.depth, c.token.i))
        best = ranked[0] if ranked else None
        for item in found:
            if item.type == "CONSULT" and item.mode != "phone":
                meetings.append((sent, item))
        if best is None or not best.actor or (best.type == "CONSULT" and best.mode != "phone"):
            continue
        records.append(_single(annotated, sent, best, sources))
    records.extend(_meetings(annotated, doc, index, meetings, sources, opinion))
    return records


def _single(annotated: Annotated, sent: Span, item: Candidate, sources: list[Account]) -> EventMention:
    account = account_for(sources, item.token.idx)
    attributions = ()
    if account is not None:
        attributions = (_attribution(annotated, account, f"{item.type.lower()} by {item.actor[0].name}",
                                     {v.name for v in item.actor + item.recipient}),)
    names = tuple(v.name for v in item.actor + item.recipient)
    return EventMention(
        type=item.type, mode=item.mode, cameo=item.cameo, actor=tuple(v.name for v in item.actor),
        recipient=tuple(v.name for v in item.recipient), participants=names, also_present=(),
        place=item.place, date=_date_of(annotated, [sent]), duration=None, topics=(),
        attributions=attributions, mentions=(_mention(annotated, sent),), source=annotated.article.source,
        opinion=item.opinion)


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
            holder = _child(token, "agent") if lemma == "accompany" else _child(token, "nsubj")
        if holder is None:
            continue
        for t in holder.subtree:
            entity = index.entity(t)
            coordinated = t.dep_ == "conj" and t.pos_ == "PROPN" and index.entity(t.head) is not None and (
                index.entity(t.head).label == "PERSON")
            if entity is not None and (entity.label == "PERSON" or coordinated):
                out.add(entity.canonical)
    return out


def _group(meetings: list[tuple[Span, Candidate]]) -> list[list[tuple[Span, Candidate]]]:
    """Meeting mentions of one document grouped by their parties; partyless ones join the main group."""
    groups: list[list[tuple[Span, Candidate]]] = []
    for sent, item in meetings:
        if item.back_reference or item.opinion or not _parties(item):
            continue
        parties = _parties(item)
        home = next((g for g in groups if parties & set().union(*(_parties(c) for _, c in g))), None)
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


def _meetings(annotated: Annotated, doc: Doc, index: EntityIndex, meetings: list[tuple[Span, Candidate]],
              sources: list[Account], opinion: list[tuple[int, int]]) -> list[EventMention]:
    groups = _group(meetings)
    if not groups:
        return []
    present = _also_present(doc, index)
    countries = nationalities(doc, index)
    out = []
    main = max(groups, key=len)
    for group in groups:
        if not any(v.label in PARTY_LABELS for _, c in group for v in c.actor + c.recipient):
            continue
        out.append(_meeting(annotated, doc, group, present, countries, sources if group is main else [],
                            opinion if group is main else []))
    main_parties = set().union(*(_parties(c) for _, c in main))
    for sent, item in meetings:
        if item.back_reference and not item.opinion:
            parties = _parties(item) or main_parties
            out.append(_back_mention(annotated, sent, item, parties - present))
    return out


def _title_place(annotated: Annotated) -> tuple[str, Evidence] | None:
    title = annotated.article.title or ""
    for match in TITLE_PLACE.finditer(title):
        name = match.group(1)
        if country_of_place(name):
            return name, Evidence(annotated.article.source, annotated.article.title_lines or (1, 1), title)
    return None


def _roles(parties: list[str], visitors: list[str], place: str | None,
           countries: dict[str, str]) -> tuple[list[str], list[str]]:
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


def _meeting(annotated: Annotated, doc: Doc, group: list[tuple[Span, Candidate]], present: set[str],
             countries: dict[str, str], sources: list[Account], opinion: list[tuple[int, int]]) -> EventMention:
    sents = list(dict.fromkeys(sent for sent, _ in group))
    sents.sort(key=lambda s: s.start)
    items = [c for _, c in group]
    parties: list[str] = []
    for item in items:
        for v in item.actor + item.recipient:
            if v.label in ("PERSON", "ORG", "GPE") and v.name not in parties and v.name not in present:
                parties.append(v.name)
    people = [p for p in parties if any(v.name == p and v.label == "PERSON" for c in items for v in c.actor + c.recipient)]
    if people:
        parties = people
    visitors = [v.name for c in items if c.visit for v in c.actor if v.name in parties]
    places = Counter(c.place for c in items if c.place)
    place = places.most_common(1)[0][0] if places else None
    title_place = None if place else _title_place(annotated)
    if title_place:
        place = title_place[0]
    actor, recipient = _roles(parties, list(dict.fromkeys(visitors)), place, countries)
    date = _date_of(annotated, sents)
    duration = None
    for sent in sents:
        nxt = doc[sent.end: sent.end + 1]
        for text in (sent.text, nxt.sent.text if len(nxt) else ""):
            match = DURATION.search(text)
            if match and duration is None:
                duration = match.group(1)
    modes = Counter(c.mode for c in items if c.mode)
    mode = "visit" if visitors or (recipient and place) else (modes.most_common(1)[0][0] if modes else None)
    cameo = "042" if mode == "visit" else "040"
    attributions = _meeting_attributions(annotated, group, sources, set(parties))
    topics = topics_of(annotated, doc, opinion) if sources is not None else ()
    return EventMention(
        type="CONSULT", mode=mode, cameo=cameo, actor=tuple(actor), recipient=tuple(recipient),
        participants=tuple(parties), also_present=tuple(sorted(present)), place=place, date=date,
        duration=duration, topics=topics, attributions=attributions,
        mentions=tuple(_mention(annotated, s) for s in sents), source=annotated.article.source)


def _meeting_attributions(annotated: Annotated, group: list[tuple[Span, Candidate]], sources: list[Account],
                          parties: set[str]) -> tuple[Attribution, ...]:
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
        item = _attribution(annotated, account, claim, parties)
        key = (item.by, item.kind)
        if key not in out:
            out[key] = item
        elif says_meeting and item.claim == "the meeting took place":
            out[key] = replace(out[key], claim="the meeting took place; what was discussed")
    return tuple(out.values())


def _back_mention(annotated: Annotated, sent: Span, item: Candidate, parties: set[str]) -> EventMention:
    names = tuple(sorted(parties))
    return EventMention(
        type="CONSULT", mode=None, cameo="040", actor=names, recipient=(), participants=names, also_present=(),
        place=item.place, date=UNKNOWN_DATE, duration=None, topics=(), attributions=(),
        mentions=(_mention(annotated, sent),), source=annotated.article.source, back_reference=True)
