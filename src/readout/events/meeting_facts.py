"""What a document says about its people, read once for all its meetings.

Who is only present beside a meeting ("accompanied by", "in the presence of"), who is called visiting,
and which one-word "persons" are countries; and, from those, the people and parties a meeting mention
names.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from readout.events.candidates import Candidate, child
from readout.events.lexicon import meeting_cue, rules
from readout.events.roles import EntityIndex, Value, country_of_place

# Word lists and bounds of these rules, each with its reason, in lexicons/meetings.json.
PARTY_LABELS = tuple(meeting_cue("party_labels"))
PRESENCE_PHRASES = tuple(tuple(pair) for pair in meeting_cue("presence_phrases"))
INCLUDE_VERBS = frozenset(meeting_cue("include_verbs"))
RETINUE_NOUNS = frozenset(meeting_cue("retinue_nouns"))
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


def parties_of(item: Candidate) -> set[str]:
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
        listed = None  # a list that runs to the end of the sentence: every person named in it is present
        if lemma in cues["presence_nouns"]:
            holder = token
        elif lemma in cues["verbs"] and token.pos_ == "VERB":
            holder = child(token, "nsubj")  # "X accompanied the minister", "X also attended"
            if child(token, "nsubjpass") is not None or (holder is None and token.tag_ == "VBN"):
                holder = child(token, "agent")  # "the talks were attended by X"; "held talks, joined by X"
                listed = holder if child(token, "nsubjpass") is not None else None
        elif any(lemma == verb and _object_word(token) == obj for verb, obj in PRESENCE_PHRASES):
            holder = child(token, "nsubj")
            if holder is None:  # "Also taking part in the talks were X, Y and Z"
                listed = holder = next((c for c in token.rights if c.dep_ == "prep"), None)
        elif lemma in INCLUDE_VERBS and _subject_lemma(token) in RETINUE_NOUNS:
            holder = child(token, "dobj")
        if holder is None:
            continue
        if listed is not None:  # long lists of titled names parse into pieces hung anywhere in the sentence
            out.update(e.canonical for t in doc[listed.i : listed.sent.end]
                       if (e := index.entity(t)) is not None and e.label == "PERSON")
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


def _on_a_visit(doc: Doc, index: EntityIndex) -> set[str]:
    """People the text puts on a visit: the subject and object of a verb that has "on a/the ... visit"
    ("X accompanied Y on the one-day visit", "Y, who is in P on an official visit")."""
    out: set[str] = set()
    for token in doc:
        if token.lemma_.lower() != "visit" or token.pos_ != "NOUN" or token.dep_ != "pobj":
            continue
        prep = token.head
        if prep.lower_ != "on" or prep.head.pos_ not in ("VERB", "AUX"):
            continue
        verb = prep.head
        holders = [c for c in verb.children if c.dep_ in ("nsubj", "dobj")]
        if verb.dep_ == "relcl":  # "Y, who is ... on a visit": the person the clause describes
            holders.append(verb.head)
        for holder in holders:
            entity = index.entity(holder)
            if entity is not None and entity.label == "PERSON":
                out.add(entity.canonical)
    return out


def _visiting(doc: Doc, index: EntityIndex) -> set[str]:
    """People the text calls visiting: the first person named in the phrase that 'visiting' modifies,
    or the person met in "X met visiting Y" (parsed as X visiting Y); and people put on a visit."""
    out: set[str] = _on_a_visit(doc, index)
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


def is_person(value: Value, facts: DocumentFacts) -> bool:
    return value.label == "PERSON" and value.name not in facts.not_people and value.name not in facts.present


def people_of(item: Candidate, facts: DocumentFacts) -> set[str]:
    """The people a mention names as its parties."""
    return {v.name for v in item.actor + item.recipient if is_person(v, facts)}
