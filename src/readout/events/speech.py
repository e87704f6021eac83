"""Reported speech and quotations, attached to their speaker and verb, as accounts of a document.

In the spirit of textacy's ``direct_quotations``, on spaCy's parse: a quotation takes the speaker of
the speech verb beside it ("..., he said"; "X said: ..."; "according to X ..."); a clause takes the
subject of the verb that reports it ("X said that Y"). Each account says who it comes from, of which
kind (participant, official, agency, unnamed, analysis, editorial), who relays it, and which part of
the body it covers, so that an event inside it records the speaker as its attribution.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from readout.events.dateline import dateline_credit
from readout.events.lexicon import source_cues, word_set
from readout.events.roles import EntityIndex, title_heads
from readout.model import Annotated

QUOTE = re.compile(r"“[^”]{2,}?(?:”|$)|\"[^\"\n]{2,}?\"|‘[^’]{12,}?’", re.MULTILINE)
MAX_BY = 80  # the contract's bound on ``by``: a source is named, not quoted at length
# The word of an editorial "we believe": documents without it need no pass over their words.
WE = re.compile(r"\bwe\b", re.IGNORECASE)


@dataclass(frozen=True)
class Account:
    """One source of an account in a document and the body span its words cover."""

    by: str
    kind: str
    via: str | None
    start: int  # the covered content, offsets into the body
    end: int
    cue_start: int  # the sentence that names the source
    cue_end: int
    speaker: str | None  # canonical name when the source is a named entity
    hedged: bool = False


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z][a-z\-]*", text.lower()))


def _has(cue: str, text: str) -> bool:
    words = source_cues()[cue]["words"]
    lower = f" {text.lower()} "
    return any(f" {w} " in lower or (" " not in w and w in _words(text)) for w in words)


def hedged(text: str) -> bool:
    return _has("hedges", text)


def _phrase(token: Token, limit: int = 24) -> Span:
    span = token.doc[token.left_edge.i : token.right_edge.i + 1]
    return (
        span
        if len(span) <= limit
        else token.doc[token.left_edge.i : min(token.right_edge.i, token.i + 8) + 1]
    )


def _clip(text: str) -> str:
    text = " ".join(text.split()).strip(" ,:;")
    return text if len(text) <= MAX_BY else text[: MAX_BY - 1].rsplit(" ", 1)[0]


def _indefinite(token: Token, index: EntityIndex) -> bool:
    """'a diplomat familiar with ...', 'an aide to the minister': a common noun with an indefinite article
    and no person named in its phrase is a source the text does not name."""
    if token.pos_ != "NOUN" or token.lemma_.lower() in word_set("sources.json", "report_nouns"):
        return False
    if not any(c.dep_ == "det" and c.lower_ in word_set("sources.json", "unnamed_determiners")
               for c in token.children):
        return False
    named = (index.entity(t) for t in _phrase(token))
    return not any(e is not None and e.label == "PERSON" for e in named)


def _unlisted_scholar(token: Token, index: EntityIndex) -> str | None:
    """A proper name that the tagger left untagged, placed at a research body ('Ines Marl of the Kessa
    Institute said'): the person reads events (analysis), and the source is the person, not the body.
    The name must stand before the body, which hangs from it by 'of', 'at' or 'from'."""
    if token.pos_ != "PROPN" or index.entity(token) is not None:
        return None
    placed = any(
        c.dep_ == "prep" and c.lower_ in ("of", "at", "from")
        and _has("research_bodies", token.doc[c.left_edge.i : c.right_edge.i + 1].text)
        for c in token.children
    )
    if not placed:
        return None
    name = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
    return " ".join(t.text for t in name)


def speaker_of(
    token: Token, index: EntityIndex, memory: dict[str, str]
) -> tuple[str, str, str | None] | None:
    """(by, kind, canonical) for the phrase headed by ``token``; kind from the phrase's own words."""
    phrase = _phrase(token)
    text = phrase.text
    entity = index.entity(token)
    if token.lower_ in ("he", "she"):
        person = index.last_person_before(token.i)
        if person is None:
            return None
        return person.canonical, memory.get(person.canonical, "official"), person.canonical
    if token.pos_ == "PRON":
        return None
    title = phrase[: max(1, token.i - phrase.start + 1)].text  # up to the head: "a senior source"
    unnamed_phrase = _has("unnamed", title) or _has("unnamed_clauses", text) or _indefinite(token, index)
    if token.lemma_.lower() in word_set("sources.json", "unnamed") or (entity is None and unnamed_phrase):
        return _clip(text), "unnamed", None
    scholar_name = _unlisted_scholar(token, index)
    if scholar_name is not None:
        return scholar_name, "analysis", scholar_name
    heads = title_heads(" ".join(t.text for t in phrase if t.dep_ != "det")) if entity is None else None
    bearer = index.title_bearer(heads) if heads else None
    if bearer is not None:  # "the prime minister told ETV": the one person introduced with that title
        return bearer.canonical, memory.get(bearer.canonical, "official"), bearer.canonical
    named = [index.entity(t) for t in phrase if index.entity(t) is not None]
    if entity is None and token.lemma_.lower() in word_set("sources.json", "report_nouns"):
        people = [e for e in named if e.label == "PERSON"]
        orgs = [e for e in named if e.label == "ORG"]
        chosen = people[0] if people else orgs[0] if orgs else None
        if chosen is None:
            return None
        kind = (
            "agency"
            if _has("agency", text) and not _has("official", text)
            else "analysis"
            if _has("analysis", text)
            else "official"
        )
        return chosen.canonical, memory.get(chosen.canonical, kind), chosen.canonical
    head = entity or next((e for e in named if e.label in ("PERSON", "ORG")), None)
    scholar = head is not None and head.label == "PERSON" and _has("research_bodies", text)
    if _has("analysis", text) or scholar:
        kind = "analysis"
    elif (
        (head is not None or _has("news_words", text)) and _has("agency", text) and not _has("official", text)
    ):
        kind = "agency"
    elif head is not None and head.canonical in memory:
        kind = memory[head.canonical]
    else:
        kind = "official"
    if head is None:
        return (_clip(text), kind, None) if token.pos_ in ("NOUN", "PROPN") else None
    by = head.canonical if kind != "official" or head.label == "PERSON" else _clip(text)
    return by, kind, head.canonical


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head.i != verb.i:
        return _subject(verb.head)
    return None


def _that_clause(verb: Token) -> list[Token]:
    """The clause a speech verb reports when the parser did not attach it ("X told Y on arrival that Z
    had agreed", with 'agreed' read as a relative clause): 'that' after the verb, heading to a verb
    after it, with only the verb's own object and adjuncts between (no other verb)."""
    for token in verb.doc[verb.i + 1 : verb.sent.end]:
        if token.lower_ == "that" and token.head.i > token.i and token.head.pos_ in ("VERB", "AUX"):
            return [token.head]
        if token.pos_ in ("VERB", "AUX") or not verb.is_ancestor(token):
            return []
    return []


def _trailing_speaker(verb: Token) -> Token | None:
    """'The leaders agreed to X, a government spokeswoman, Katrin Olsa, told Meridian.': a speech verb
    with no subject of its own closing its sentence after a comma; the parser hangs the speaker off the
    clause before it, so the speaker is the noun phrase right before the comma (a title with the name in
    apposition stands for the name)."""
    doc = verb.doc
    if verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ != "aux" for t in doc[verb.i + 1 : verb.sent.end]):
        return None  # a clause follows: not an attribution closing the sentence
    token = doc[verb.i - 2]
    while token.dep_ in ("compound", "flat") and token.head.i > token.i:
        token = token.head
    if token.dep_ == "appos" and token.head.pos_ in ("NOUN", "PROPN") and token.head.dep_ == "appos":
        token = token.head  # "a spokeswoman, Katrin Olsa,": the title's phrase, which holds the name
    return token if token.pos_ in ("NOUN", "PROPN") and token.dep_ == "appos" else None


def _via(verb: Token, sentence: Span, index: EntityIndex) -> str | None:
    """The outlet that relays: 'told X' with X an organisation, or 'according to X' beside another source."""
    for child in verb.children:
        if child.dep_ in ("dative", "dobj") and (e := index.entity(child)) and e.label == "ORG":
            return e.canonical
    for token in sentence:
        if token.lower_ == "according":
            for target in token.subtree:
                if (e := index.entity(target)) and e.label == "ORG":
                    return e.canonical
    return None


def _speech_verb(token: Token) -> bool:
    return token.lemma_.lower() in word_set("rules.json", "speech_verbs") and token.pos_ in ("VERB", "AUX")


def accounts(annotated: Annotated, doc: Doc, index: EntityIndex) -> list[Account]:
    """Every source of an account in the document, in text order."""
    memory: dict[str, str] = {}
    out: list[Account] = []
    body = annotated.article.body
    quotes = [(m.start(), m.end()) for m in QUOTE.finditer(body)]

    def inside_quote(i: int) -> bool:
        return any(a < i < b for a, b in quotes)

    def add(by_kind: tuple[str, str, str | None], start: int, end: int, sent: Span, via: str | None) -> None:
        by, kind, canonical = by_kind
        content = body[start:end]
        hedge = hedged(content)
        if hedge and kind not in ("unnamed", "agency"):
            kind = "analysis"
        if canonical and kind in ("analysis",):
            memory[canonical] = kind
        out.append(Account(by, kind, via, start, end, sent.start_char, sent.end_char, canonical, hedge))

    for sent in doc.sents:
        for token in sent:
            if inside_quote(token.idx):
                continue
            if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                target = next((c for c in doc[token.i + 1].children if c.dep_ == "pobj"), None)
                if target is not None and (who := speaker_of(target, index, memory)):
                    if (
                        index.entity(target) is not None
                        and index.entity(target).label == "ORG"
                        and who[1] == "official"
                    ):
                        who = (who[0], "agency", who[2])
                    others = [t for t in sent if _speech_verb(t) and not inside_quote(t.idx)]
                    if not others or who[1] == "unnamed":  # an unnamed source relays no one: it is one
                        add(who, sent.start_char, sent.end_char, sent, None)
            elif _speech_verb(token):
                trailing = _trailing_speaker(token)
                if trailing is not None and (who := speaker_of(trailing, index, memory)):
                    add(who, sent.start_char, sent.end_char, sent, _via(token, sent, index))
                    continue
                subject = _subject(token)
                clause = [c for c in token.children if c.dep_ == "ccomp" or c.text in (":", "“", '"')]
                in_quote = [
                    q
                    for q in quotes
                    if sent.start_char <= q[0] < sent.end_char or q[0] <= sent.start_char < q[1]
                ]
                if not (clause or in_quote):
                    clause = _that_clause(token)  # "told ETV on arrival that X": a clause misparsed
                if subject is None or not (clause or in_quote):
                    continue
                who = speaker_of(subject, index, memory)
                if who is None:
                    continue
                via = _via(token, sent, index)
                if who[1] == "unnamed" and any(c.lower_ == "me" for c in token.children):
                    via = annotated.article.byline
                if in_quote:
                    start = min(q[0] for q in in_quote)
                    end = max(q[1] for q in in_quote)
                else:
                    start, end = clause[0].left_edge.idx, clause[0].right_edge.idx + len(clause[0].right_edge)
                add(who, min(start, sent.start_char), max(end, sent.end_char), sent, via)
    out.extend(_bare_quotes(doc, quotes, out))
    out.extend(_editorial(annotated, doc, quotes))
    credited = _dateline_account(doc, index, len(body))
    return out + [credited] if credited else out


def _dateline_account(doc: Doc, index: EntityIndex, length: int) -> Account | None:
    """The agency a wire report's dateline credits ("PORTA SEREN, 3 May (VNA) -"), as the source of the whole
    body. It comes last and covers everything, so a source named inside the report keeps its own words (the
    innermost account wins) and a quotation with no verb still goes to the speaker before it. It speaks for
    no party: no speaker, so no request or statement is put in its mouth."""
    found = dateline_credit(doc)
    if found is None:
        return None
    credit, sent = found
    names = [e for t in doc[sent.start : sent.end] if (e := index.entity(t)) and e.label == "ORG"]
    by = next((e.canonical for e in names if e.canonical in credit or credit in e.canonical), credit)
    return Account(_clip(by), "agency", None, 0, length, sent.start_char, sent.end_char, None)


def _bare_quotes(doc: Doc, quotes: list[tuple[int, int]], found: list[Account]) -> list[Account]:
    """A quotation with no speech verb in its own sentence belongs to the last source named before it."""
    extra = []
    for start, end in quotes:
        if any(a.start <= start < a.end for a in found):
            continue
        before = [a for a in found if a.cue_end <= start and a.kind != "editorial"]
        if before:
            last = before[-1]
            extra.append(replace(last, start=start, end=end, hedged=hedged(doc.text[start:end])))
    return extra


def _editorial(annotated: Annotated, doc: Doc, quotes: list[tuple[int, int]]) -> list[Account]:
    """The outlet's own voice: opinion paragraphs, and 'we believe'-type sentences outside quotations."""
    out = []
    by = "editorial: the outlet's own opinion"
    for p in annotated.article.paragraphs:
        if p.kind == "opinion":
            out.append(Account(by, "editorial", None, p.start, p.end, p.start, p.end, None))
    verbs = word_set("sources.json", "editorial_verbs")
    for token in doc if WE.search(doc.text) else ():  # most documents never say "we"
        if (
            token.lower_ == "we"
            and token.dep_ == "nsubj"
            and token.head.lemma_.lower() in verbs
            and not any(a < token.idx < b for a, b in quotes)
        ):
            sent = token.sent
            out.append(
                Account(
                    by,
                    "editorial",
                    None,
                    sent.start_char,
                    sent.end_char,
                    sent.start_char,
                    sent.end_char,
                    None,
                )
            )
    return out


def editorial_spans(annotated: Annotated, found: list[Account]) -> list[tuple[int, int]]:
    """Body spans in the outlet's own voice (whole paragraphs): their events are opinion, never fact."""
    spans = []
    for account in (a for a in found if a.kind == "editorial"):
        para = next((p for p in annotated.article.paragraphs if p.start <= account.start < p.end + 1), None)
        spans.append((para.start, para.end) if para else (account.start, account.end))
    return spans


def account_for(accounts_: list[Account], start: int) -> Account | None:
    """The innermost account whose covered span holds offset ``start``."""
    holding = [a for a in accounts_ if a.start <= start < a.end and a.kind != "editorial"]
    return min(holding, key=lambda a: a.end - a.start) if holding else None
