"""Event candidates from the dependency parse: the predicate lexicon applied to one token at a time.

A token that triggers a lexicon entry (a verb, or a noun under a light verb or with role-bearing
dependents) becomes a Candidate with its roles filled from the entry's slots: passives turned round,
light verbs handing their event to their object noun, future and negated predicates shifted, intent
verbs passing on what is intended, reciprocal acts coded first party to second. Deontic speech ("it is
necessary for X to withdraw") said by a source becomes that source's REQUEST.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from readout.events.lexicon import Predicate, meeting_cue, predicates, rules, word_set
from readout.events.roles import (
    EntityIndex,
    Value,
    conjuncts,
    country_of_place,
    country_of_word,
    named,
    phrase_tokens,
    resolve,
    title_heads,
)
from readout.events.speech import Account

PLACE_PREPS = ("in", "at", "to")
# Dependents that make a plural noun specific ("Verosan rebels", "the countries", "countries of the bloc"):
# a plural with none of them is generic; a preposition counts only with a noun object ("countries of
# arming" is the accusation's content, not which countries).
GENERIC_MODIFIERS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "appos", "relcl", "acl"})
# Types where PLOVER puts every party among the actors when there is no visitor/host distinction.
SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Who the party is when a predicate's object is itself an event: its author ("rejected X's proposal",
# "condemned the attack by X") or counterpart ("ruled out talks with X"), never the event's own target.
EVENT_NOUN_PARTY = ("poss", "prep:by", "prep:with")
# How a named party hangs inside a recipient phrase that is no name ("X's plan", "the storming of P by X",
# "an operation against X", "remarks made by X"), and the prepositions that give a place or time instead.
INSIDE_DEPS = frozenset({"poss", "prep", "pobj", "agent", "acl", "amod", "compound", "nmod", "conj"})
INSIDE_SKIP = frozenset({
    "in", "into", "near", "during", "after", "before", "since", "over", "across", "at", "under", "along",
    "outside", "inside", "off", "through", "throughout", "within", "beyond",
})
# Where the recipient of a predicate with an open complement sits inside that complement.
XCOMP_RECIPIENT = ("prep:to", "prep:with", "prep:against", "prep:on", "dative", "obj")


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
    leads: bool = False  # the sentence's main event: only such a meeting mention starts a meeting record


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:
        token, depth = token.head, depth + 1
    return depth


def child(token: Token, *deps: str) -> Token | None:
    return next((c for c in token.children if c.dep_ in deps), None)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def nearest_left(verb: Token, dep: str) -> Token | None:
    """The verb's child of ``dep`` nearest before it, else any: a dateline ("KYIV, 3 May (Reuters) - X met
    Y", "KYIV (Reuters) - X was received by Y") parses as a first subject."""
    return next((c for c in reversed(list(verb.lefts)) if c.dep_ == dep), None) or child(verb, dep)


def subject_token(verb: Token) -> Token | None:
    if _passive(verb):
        agent = child(verb, "agent")
        return child(agent, "pobj") if agent is not None else None
    subject = nearest_left(verb, "nsubj")
    if subject is not None and subject.lower_ == "who" and verb.dep_ == "relcl":
        return verb.head  # "X, who is visiting P, held talks": X visits
    if subject is not None:
        return subject
    if verb.dep_ == "acl" and child(verb, "dobj") is not None and verb.head.pos_ in ("NOUN", "PROPN"):
        # "Israeli air strikes killed 20 people": a participle with its own object is active, a finite
        # verb the parser hung off its subject (a reduced relative, "people killed in X", has no object)
        return verb.head
    if (
        verb.dep_ in ("conj", "xcomp", "advcl")
        and verb.head.i != verb.i
        and verb.head.pos_ in ("VERB", "AUX")
    ):
        raised = child(verb.head, "nsubjpass") if verb.dep_ == "xcomp" else None
        return raised or subject_token(verb.head)  # "X is expected to sign": X signs
    if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
        return subject_token(verb.head.head)  # "X is due / likely / set to meet Y"
    return None


def _prep_objects(token: Token, prep: str) -> list[Token]:
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ == prep:
            out.extend(c for c in child.children if c.dep_ == "pobj")
    return out


def light_governor(noun: Token) -> Token | None:
    head = noun.head
    if noun.dep_ in ("dobj", "attr", "nsubjpass") and head.lemma_.lower() in word_set(
        "rules.json", "light_verbs"
    ):
        return head
    if noun.dep_ == "dobj" and head.lemma_.lower() in rules()["light_verb_overrides"]:
        return head
    if noun.dep_ == "nsubj" and head.lemma_.lower() in word_set("rules.json", "occurrence_verbs"):
        return head  # "fighting broke out between X and Y"
    return _misread_governor(noun)


def _misread_governor(noun: Token) -> Token | None:
    """A light verb in the past tense that the parser hung off its own object as an adjective, the name
    before it taken for a noun modifier ("President Abdel Fattah al-Sisi held talks with X": "held" an amod
    of "talks", "al-Sisi" a compound of it): the verb, whose subject is that name (``_misread_subject``)."""
    verb = next((c for c in noun.lefts if c.dep_ == "amod" and c.tag_ == "VBD"), None)
    if verb is None or verb.lemma_.lower() not in word_set("rules.json", "light_verbs"):
        return None
    return verb if _misread_subject(verb) is not None else None


def _misread_subject(verb: Token) -> Token | None:
    """The last word of the noun modifiers before a misread light verb (``_misread_governor``)."""
    before = [c for c in verb.head.lefts if c.dep_ == "compound" and c.i < verb.i]
    return before[-1] if before and before[-1].pos_ == "PROPN" else None


def _slot(token: Token, slot: str, governor: Token | None) -> list[Token]:
    """The tokens that fill one slot of an entry on ``token``."""
    if slot == "subj":
        found = subject_token(token)
        return [found] if found is not None else []
    if slot == "obj":
        found = nearest_left(token, "nsubjpass") if _passive(token) else child(token, "dobj")
        return [found] if found is not None else []
    if slot == "dative":
        found = child(token, "dative", "iobj")
        if found is not None and found.lower_ == "to":
            return [c for c in found.children if c.dep_ == "pobj"]
        return [found] if found is not None else []
    if slot.startswith("prep:"):
        prep = slot.split(":", 1)[1]
        found = _prep_objects(token, prep)
        obj = child(token, "dobj")
        if not found and obj is not None:
            found = _prep_objects(obj, prep)
        for other in [] if found else [c for c in token.children if c.dep_ == "prep" and c.lower_ != prep]:
            for pobj in (c for c in other.children if c.dep_ == "pobj"):
                found = found or _prep_objects(pobj, prep)  # "agreed to a ceasefire with X"
        if not found and governor is not None:
            found = _prep_objects(governor, prep)
        for appos in [] if found else [c for c in token.children if c.dep_ == "appos"]:
            found = found or _prep_objects(appos, prep)  # "the call, the first between X and Y"
        return found
    if slot == "gov_subj" and governor is not None:
        found = subject_token(governor) or (_misread_subject(governor) if governor.dep_ == "amod" else None)
        return [found] if found is not None and found.i != token.i else []
    if slot == "poss":
        found = child(token, "poss")
        return [found] if found is not None else []
    governed = token.dep_ == "pobj" and token.head.dep_ == "prep"
    if slot == "clause_subj" and governed and _prep_objects(token, "with"):
        verb = token.head.head  # "X returned from P after talks with Y": X had the talks (with Y named)
        found = subject_token(verb) if verb.pos_ in ("VERB", "AUX") else None
        return [found] if found is not None else []
    return []


# Words that make a plural noun a pair ("the two leaders", "both presidents").
PAIR_WORDS = frozenset({"two", "both"})
# Object pronouns that stand for one person ("received him"); "them" and "it" are too often groups or things.
OBJECT_PRONOUNS = frozenset({"him", "her"})


def _speaker_for_pronoun(token: Token, index: EntityIndex) -> Value | None:
    """'Russia said it would ...': a pronoun subject of a reported clause is the speaker."""
    clause = token.head
    while clause.dep_ in ("conj", "xcomp", "aux") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in word_set("rules.json", "speech_verbs"):
        subject = child(clause.head, "nsubj")
        if subject is not None and subject.pos_ != "PRON":
            return resolve(subject, index)
    return None


def _object_antecedent(token: Token, index: EntityIndex) -> Value | None:
    """'X arrived at the palace, where Y received him': a personal pronoun as the object of a clause
    refers to the named person who is the subject of a clause above it (not the clause's own subject)."""
    if token.lower_ not in OBJECT_PRONOUNS or token.dep_ not in ("dobj", "pobj", "dative"):
        return None
    verb = token.head if token.dep_ != "pobj" else token.head.head
    own = child(verb, "nsubj")
    clause = verb
    while clause.head.i != clause.i:
        clause = clause.head
        subject = child(clause, "nsubj") or child(clause, "nsubjpass")
        if clause.pos_ in ("VERB", "AUX") and subject is not None and subject.pos_ != "PRON":
            if own is not None and subject.i == own.i:
                continue
            value = resolve(subject, index)
            return value if value is not None and value.label == "PERSON" else None
    return None


def _pair_named_before(token: Token, index: EntityIndex) -> list[Value]:
    """'the two leaders', 'both presidents': the last two people named before the phrase, in its own or
    the previous sentence, when exactly two are named there; a group of two the text has just introduced."""
    bare = token.lower_ in PAIR_WORDS and token.dep_ in ("nsubj", "nsubjpass")  # "and the two pledged"
    if not bare and (token.pos_ != "NOUN" or token.tag_ != "NNS" or index.entity(token) is not None):
        return []
    paired = any(c.dep_ in ("nummod", "det", "predet") and c.lower_ in PAIR_WORDS for c in token.children)
    if not (bare or paired):
        return []
    sent = token.sent
    start = token.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    people: dict[str, int] = {}
    for t in token.doc[start : token.i]:
        entity = index.entity(t)
        if entity is not None and entity.label == "PERSON" and title_heads(entity.canonical) is None:
            people.setdefault(entity.canonical, t.i)
    if len(people) != 2:
        return []
    return [Value(name, "PERSON", token.i) for name in people]


def _nationality_pairs(head: Token, index: EntityIndex) -> list[Value]:
    """'Azerbaijani and Armenian forces': one value per nationality, each with the shared noun."""
    for adjective in head.children:
        if adjective.dep_ != "amod" or not _nationality(adjective, index):
            continue
        others = [c for c in adjective.children if c.dep_ == "conj" and _nationality(c, index)]
        if others:
            return [Value(f"{a.text} {head.text}", "NORP", head.i) for a in (adjective, *others)]
    return []


def _nationality(word: Token, index: EntityIndex) -> bool:
    """A nationality adjective, by the tagger or the gazetteer (taggers call some of them people)."""
    entity = index.entity(word)
    return (entity is not None and entity.label == "NORP") or (
        word.pos_ == "ADJ" and country_of_word(word.text) is not None)


def _values(tokens: list[Token], index: EntityIndex) -> list[Value]:
    out: list[Value] = []
    for token in tokens:
        for head in conjuncts(token):
            pairs = _nationality_pairs(head, index)
            if pairs:
                out.extend(v for v in pairs if v.name not in {o.name for o in out})
                continue
            pair = _pair_named_before(head, index)
            if pair:
                out.extend(v for v in pair if v.name not in {o.name for o in out})
                continue
            value = _object_antecedent(head, index) if head.pos_ == "PRON" else None
            value = value or resolve(head, index)  # a pronoun otherwise: the last person named before it
            if value is None and head.pos_ == "PRON":
                value = _speaker_for_pronoun(head, index)
            if value is None:
                index.dropped["role resolves to no name"] += 1
            elif value.name not in {v.name for v in out}:
                out.append(value)
    return out


def _fill(token: Token, slots: tuple[str, ...], governor: Token | None, index: EntityIndex) -> list[Value]:
    """The first slot that yields a name: the predicate's own dependents first, then its light verb's."""
    for via in (None, governor) if governor is not None else (None,):
        for slot in slots:
            found = _slot(token, slot, via)
            if found:
                values = _values(found, index)
                if values:
                    return values
    return []


def _named_inside(
    phrase: Token, index: EntityIndex, authors_only: bool = False, places: bool = True
) -> list[Value]:
    """The named party inside a recipient that is no name itself: the author or target the thing is tied
    to ("condemned the execution of protesters by Iranian authorities", "threatened an operation against
    Kurdish militants", "turned down a request from the United States"). An author ("by X", "X's") comes
    before other names, then the nearest in the tree. Behind a preposition of place or time ("in X",
    "during Y", "at Z") only an organisation or person is a party ("corruption at utility X"), not a place."""
    queue = [(c, 1, False, False) for c in phrase.children if c.dep_ in INSIDE_DEPS]
    found: list[tuple[bool, int, int, Token]] = []
    while queue:
        token, depth, behind_place, author = queue.pop()
        if token.dep_ == "prep" and token.lower_ in INSIDE_SKIP and not places:
            continue  # an actor's "at X" is where its members are, not who acts ("workers at X")
        behind_place = behind_place or (token.dep_ == "prep" and token.lower_ in INSIDE_SKIP)
        author = author or token.dep_ in ("agent", "poss") or token.lower_ == "by"
        entity = index.entity(token)
        if entity is not None and entity.label not in ("DATE", "TIME", "PERCENT", "MONEY"):
            if not (behind_place and entity.label not in ("ORG", "PERSON")):
                nationality = entity.label == "NORP" and token.dep_ == "amod"  # "Kurdish militants"
                found.append((not author, depth, token.i, token.head if nationality else token))
            continue
        queue.extend((c, depth + 1, behind_place, author) for c in token.children if c.dep_ in INSIDE_DEPS)
    for not_author, _, _, token in sorted(found, key=lambda f: f[:3]):
        if authors_only and not_author:
            break
        values = [v for t in conjuncts(token) if (v := resolve(t, index)) is not None and v.label is not None]
        if values:
            return values  # "delegations from X and Y": both
    return []


def _claimant(token: Token, index: EntityIndex) -> list[Value]:
    """Who claimed responsibility for the event the token is part of, when the claim governs it."""
    cues = rules()["claim_responsibility"]
    node = token
    for _ in range(cues["max_steps"]):
        if node.head.i == node.i:
            return []
        node = node.head
        if node.lemma_.lower() in cues["nouns"] and node.head.lemma_.lower() in cues["verbs"]:
            subject = subject_token(node.head)
            return _values([subject], index) if subject is not None else []
    return []


def _protest_target(verb: Token, index: EntityIndex) -> list[Value]:
    """Whom a protest is against when its verb names no one: the object of its purpose clause ("took to
    the streets to denounce X"), else an organisation the protesters are of ("workers at X")."""
    cues = rules()["protest_targets"]
    for clause in verb.children:
        purpose = any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
        if clause.dep_ in cues["purpose_deps"] and purpose:
            obj = child(clause, "dobj")
            if obj is not None:
                found = [v for v in _values([obj], index) if v.label] or _named_inside(obj, index)
                if found:
                    return found
    subject = subject_token(verb)
    for prep in subject.children if subject is not None else ():
        if prep.dep_ == "prep" and prep.lower_ in cues["member_preps"]:
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                entity = named(index.entity(obj))
                if entity is not None and entity.label == "ORG":
                    return [Value(entity.canonical, "ORG", obj.i)]
    return []


def _co_parties(verb: Token, actor: list[Value], index: EntityIndex) -> list[Value]:
    """People named in a meeting verb's own phrase beside its subject, when the parse hides the object
    ('X met on Thursday at P his counterpart Y'): the phrases of people present beside them excluded."""
    cues = rules()["also_present_cues"]
    subject = subject_token(verb)
    skip = {t.i for t in subject.subtree} if subject is not None else set()
    for token in verb.subtree:
        if (
            token.lemma_.lower() in cues["presence_nouns"]
            or token.dep_ in ("ccomp", "relcl", "advcl", "conj")
            or token.lower_ == "according"
        ):
            skip |= {t.i for t in token.subtree}
    names = {v.name for v in actor}
    out: list[Value] = []
    for token in verb.subtree:
        entity = index.entity(token)
        if (
            token.i not in skip
            and entity is not None
            and entity.label == "PERSON"
            and entity.canonical not in names
            and entity.canonical not in {v.name for v in out}
        ):
            out.append(Value(entity.canonical, "PERSON", token.i))
    return out


def place_name(token: Token, index: EntityIndex) -> str | None:
    """A place the token names: a place entity, or a name the gazetteer knows (taggers mislabel cities);
    never a word the tagger reads as a date or number ("in March": a gazetteer knows a town called March)."""
    if token.ent_type_ in meeting_cue("not_places"):
        return None
    entity = index.entity(token)
    if entity is not None and entity.label in ("GPE", "LOC", "FAC"):
        return entity.canonical
    if entity is not None and entity.label != "PERSON" and country_of_place(entity.canonical):
        return entity.canonical
    if entity is None and token.pos_ == "PROPN" and country_of_place(token.text):
        return token.text
    return None


def _place(token: Token, governor: Token | None, index: EntityIndex) -> str | None:
    for head in (token, governor, child(token, "dobj")):
        if head is None:
            continue
        for prep in PLACE_PREPS:
            for obj in _prep_objects(head, prep):
                name = place_name(obj, index)
                if name:
                    return name
    return None


def _future(verb: Token) -> bool:
    markers = set(rules()["future_shift"]["markers"])
    if verb.dep_ == "xcomp" and verb.head.lower_ in rules()["future_shift"]["scheduled"]:
        return True  # "is due to meet", "is expected to sign"
    return any(c.dep_ == "aux" and c.lower_ in markers for c in verb.children)


def _conditioned(verb: Token) -> bool:
    """'X could expel diplomats if ...': force or sanction that a modal of possibility puts on a condition
    is a threat, like a future one (``rules.json`` ``conditional_threats``)."""
    cue = rules()["conditional_threats"]
    modal = any(c.dep_ == "aux" and c.lower_ in cue["modals"] for c in verb.children)
    return modal and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cue["marks"] for m in c.children)
        for c in verb.children
    )


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _back_reference(noun: Token) -> bool:
    cues = rules()["back_reference_cues"]
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "det", "poss", "npadvmod", "advmod")}
    subtree = {t.lower_ for t in noun.subtree}
    if mods & set(cues["blocking_determiners"]):
        return False
    return bool(mods & set(cues["modifiers"])) or bool(subtree & set(cues["ago"]))


def _when(prep: Token) -> bool:
    """A preposition whose object is a date or time ("on Monday"): it cannot be a particle of the verb
    ("call on X"), so a trigger that needs that preposition does not fire on it."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _match(token: Token) -> Predicate | None:
    pos = "VERB" if token.pos_ == "VERB" else "NOUN" if token.pos_ in ("NOUN", "PROPN") else None
    if pos is None:
        return None
    entries = predicates().get((token.lemma_.lower(), pos)) or predicates().get((token.lower_, pos))
    if not entries:  # most tokens: no entry, so no need to read the children
        return None
    kids = [c for c in token.children if not (c.dep_ == "prep" and _when(c))]  # "called on Monday"
    near = {c.lemma_.lower() for c in kids} | {c.lower_ for c in kids}
    near |= {g.lemma_.lower() for c in kids if c.dep_ == "prep" for g in c.children}  # "go on strike"
    for entry in entries:
        if all(word in near for word in entry.extra):
            return entry
    return None


def _joint(token: Token) -> bool:
    """The predicate is marked as undertaken together ('a joint operation', 'will jointly build')."""
    cues = rules()["joint_cues"]
    return token.lemma_.lower() not in cues["not_undertakings"] and any(
        c.dep_ in ("amod", "advmod") and c.lower_ in cues["modifiers"] for c in token.children
    )


def _joint_entry(token: Token) -> Predicate | None:
    """A joint undertaking the lexicon has no entry for: COOPERATE among its subject's parties."""
    if token.pos_ not in ("VERB", "NOUN") or not _joint(token):
        return None
    cameo = rules()["joint_cues"]["cameo"]
    if token.pos_ == "VERB":
        return Predicate(token.lemma_.lower(), (), "VERB", "COOPERATE", None, cameo, ("subj",),
                         ("prep:with",))
    if token.pos_ == "NOUN" and light_governor(token) is not None:
        return Predicate(token.lemma_.lower(), (), "NOUN", "COOPERATE", None, cameo, ("gov_subj", "poss"),
                         ("prep:with",))
    return None


def _conditional_threat(token: Token) -> Predicate | None:
    """'X would take every necessary measure if Y ...', 'X will respond if ...': a future response on a
    condition threatens (``rules.json`` ``conditional_threats``); 'take' only with a measure as object."""
    cue = rules()["conditional_threats"]
    lemma = token.lemma_.lower()
    if token.pos_ != "VERB" or lemma not in cue["verbs"]:
        return None
    if not any(c.dep_ == "aux" and c.lower_ in rules()["future_shift"]["markers"] for c in token.children):
        return None
    obj = child(token, "dobj")
    if lemma == "take" and (obj is None or obj.lemma_.lower() not in cue["objects"]):
        return None
    conditional = any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in cue["marks"] for m in c.children)
        for c in token.children
    )
    if not conditional:
        return None
    return Predicate(lemma, (), "VERB", "THREATEN", None, cue["cameo"], ("subj",), ("prep:against",))


def _the_two(token: Token, index: EntityIndex) -> list[Value]:
    """A meeting of "the two" ("both", "the pair"): the last two people named before it in its sentence,
    when the phrase of the meeting or of its subject says so. Never more than a pair, never a guess across
    sentences."""
    subject = child(token, "nsubj") if token.pos_ == "VERB" else None
    words = [c for head in (token, subject) if head is not None for c in head.subtree if c.i <= token.i]
    if not any(w.lower_ in word_set("rules.json", "pair_words") for w in words):
        return []
    people: dict[str, Value] = {}
    for t in token.sent:
        if t.i >= token.i:
            break
        entity = index.entity(t)
        if entity is not None and entity.label == "PERSON":
            people.pop(entity.canonical, None)  # the latest mention of each person counts
            people[entity.canonical] = Value(entity.canonical, "PERSON", t.i)
    found = list(people.values())[-2:]
    return found if len(found) == 2 else []


def _object_predicate(verb: Token, obj: Token) -> Token | None:
    """What a verb says its object is ("called the remarks irresponsible"): the parser's object predicate,
    or an adjective it hung on the object but that follows it ('the remarks "irresponsible"'), which an
    English attribute never does."""
    return child(verb, "oprd") or next(
        (c for c in obj.children if c.dep_ == "amod" and c.i > obj.i and c.pos_ == "ADJ"), None)


def _interview(token: Token) -> bool:
    """'Speaking to the Chronicle by telephone, X said ...', 'Talking to reporters, X said': a verb of
    conversation hanging from a speech verb tells whom a statement was made to (an outlet, the press), not
    a meeting (``rules.json`` ``interview_verbs``)."""
    return (token.pos_ == "VERB" and token.dep_ == "advcl" and token.lemma_.lower() in
            word_set("rules.json", "interview_verbs") and token.head.lemma_.lower() in
            word_set("rules.json", "speech_verbs"))


def _generic(token: Token) -> bool:
    """'Any country that supports X': a condition on whoever would act, not an event (``rules.json``
    ``generic_antecedents``)."""
    determiners = word_set("rules.json", "generic_antecedents")
    if token.dep_ not in ("relcl", "acl"):  # "any state that supports X", "any state supplying X"
        return False
    return any(c.dep_ == "det" and c.lower_ in determiners for c in token.head.children)


def _asks_for(verb: Token, own: tuple[str, ...] = ()) -> bool:
    """An appeal states what it asks for: an infinitive below the word or its object ("called on X to
    release ...") or a 'for' or 'on' phrase ("a call for restraint", "his call on X to ...")."""
    asking = {"for", "on", "upon"} - set(own)  # the trigger's own particle ("call on") asks for nothing
    return any(c.dep_ == "prep" and c.lower_ in asking for c in verb.children) or any(
        t.i != verb.i and t.pos_ in ("VERB", "AUX") and any(c.tag_ == "TO" for c in t.children)
        for t in verb.subtree
    )


def _object_blocks(verb: Token, obj: Token | None) -> bool:
    """Whether the verb's object, or its lack of one, leaves it no event of its own (``rules.json``
    ``non_event_objects``): "gave a statement", "received assurances", "returned home"."""
    blocked = rules()["non_event_objects"]
    lemma = verb.lemma_.lower()
    if obj is None:
        return lemma in blocked["without_object"] and not _passive(verb)
    return lemma in blocked["verbs"] and obj.lemma_.lower() in blocked["lemmas"]


def candidate(token: Token, index: EntityIndex) -> Candidate | None:
    """The event a token triggers, with its roles, or None."""
    entry = _match(token)
    if entry is not None and entry.type == "MOBILIZE" and _joint(token):
        entry = replace(entry, type="COOPERATE", mode="military", cameo="062")  # joint exercises
    entry = entry or _joint_entry(token) or _conditional_threat(token)
    if entry is None or _generic(token) or _interview(token):
        return None
    obj = child(token, "dobj")
    if (
        entry.pos == "VERB"
        and obj is not None
        and token.lemma_.lower() in word_set("rules.json", "light_verbs")
        and _match(obj) is not None
    ):
        return None  # a light verb hands its event to its object noun ("imposed sanctions")
    if entry.pos == "VERB" and _object_blocks(token, obj):
        return None
    governor = light_governor(token) if entry.pos == "NOUN" else None
    kind, mode, cameo = entry.type, entry.mode, entry.cameo
    trigger = " ".join((entry.head, *entry.extra))
    appeals = rules()["bare_appeals"]["triggers"]
    bare = next((b for b in appeals if (b["trigger"], b["pos"]) == (trigger, entry.pos)), None)
    if bare and not _asks_for(token, entry.extra):
        kind, mode, cameo = bare["to"]  # "called on the president at his residence": a visit, not an appeal
        entry = replace(entry, actor=tuple(bare.get("actor", entry.actor)),
                        recipient=tuple(bare.get("recipient", entry.recipient)))
    greeted = rules()["person_object_visits"]
    if entry.pos == "VERB" and obj is not None and token.lemma_.lower() in greeted["verbs"] and (
            (guest := resolve(obj, index)) is not None and guest.label == "PERSON"):
        kind, mode, cameo = greeted["to"]  # "welcomed her counterpart": a visit the subject hosts
        entry = replace(entry, actor=tuple(greeted["actor"]), recipient=tuple(greeted["recipient"]))
    judged = rules()["object_predicates"]
    judging = entry.pos == "VERB" and token.lemma_.lower() in judged["verbs"] and obj is not None
    verdict = _object_predicate(token, obj) if judging else None
    if verdict is not None:  # "called the remarks irresponsible": a judgement
        kind, mode, cameo = judged["praise_to" if verdict.lemma_.lower() in judged["praise"] else "other_to"]
    change = rules()["object_changes_type"].get(token.lemma_.lower()) if entry.pos == "VERB" else None
    if change and obj is not None and (change["objects"] == "*" or obj.lemma_.lower() in change["objects"]):
        kind, mode, cameo = change["to"]
        entry = replace(entry, recipient=("obj", *entry.recipient)) if kind == "ACCUSE" else entry
    if governor is not None and governor.lemma_.lower() in rules()["light_verb_overrides"]:
        kind, mode, cameo = rules()["light_verb_overrides"][governor.lemma_.lower()]
    actor = _fill(token, entry.actor, governor, index)
    recipient = _fill(token, entry.recipient, governor, index)
    complement = child(token, "xcomp")
    if not recipient and complement is not None:  # "refused to ratify the treaty with X"
        recipient = _fill(complement, XCOMP_RECIPIENT, None, index)
    content = child(token, "ccomp")
    if (not recipient and kind == "REQUEST" and content is not None
            and token.lemma_.lower() in word_set("rules.json", "request_content_verbs")):
        recipient = _fill(content, ("subj",), None, index)  # "demanded that X release ..."
    obj = child(token, "dobj")
    if entry.pos == "VERB" and obj is not None and recipient and recipient[0].token == obj.i and _match(obj):
        # the party of an event named as the object: its target when it is the same kind of act
        # ("reaffirmed its support for X"), else its author or counterpart ("ruled out talks with X")
        named = _match(obj)
        party = _fill(obj, named.recipient, None, index) if named.type == kind else []
        recipient = party or _fill(obj, EVENT_NOUN_PARTY, None, index) or recipient
    if recipient and all(v.label is None for v in recipient):
        recipient = _named_inside(token.doc[recipient[0].token], index) or recipient
    elif recipient and obj is not None and recipient[0].token == obj.i and index.entity(obj) is None:
        recipient = _named_inside(obj, index, authors_only=True) or recipient  # "the storming of P by X"
    elif not recipient and entry.pos == "VERB" and obj is not None and kind != "CONSULT":
        # "said it would ratify Sweden's bid"; what a meeting discussed is its topic, not its party
        recipient = _named_inside(obj, index)
    if kind in rules()["protest_targets"]["types"] and not any(v.label for v in recipient):
        recipient = _protest_target(governor or token, index) or recipient
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
    elif verb.pos_ == "VERB" and kind in rules()["future_shift"]["to_threaten"] and _conditioned(verb):
        kind, mode, cameo = "THREATEN", None, rules()["future_shift"]["threaten_cameo"]
    intended = child(token, "xcomp")
    if token.lemma_.lower() in word_set("rules.json", "intent_verbs") and intended is not None:
        aim = _match(intended)
        if aim is not None and aim.type in rules()["future_shift"]["to_threaten"]:
            kind, mode, cameo = "THREATEN", None, rules()["future_shift"]["threaten_cameo"]
    place = _place(token, governor, index)
    if not actor:
        actor = _claimant(token, index)  # "X claimed responsibility for a bombing that killed ..."
    if actor and all(v.label is None for v in actor):
        actor = _named_inside(token.doc[actor[0].token], index, places=False) or actor  # "delegates from X"
    victims = rules()["victim_clauses"]
    if kind in victims["types"] and not any(v.label for v in recipient):
        for clause in token.children:
            if clause.dep_ == "advcl" and clause.lemma_.lower() in victims["verbs"] and child(clause, "dobj"):
                recipient = [*recipient, *[v for v in _values([child(clause, "dobj")], index) if v.label]]
    if kind in rules()["place_targets"]["types"] and place and not any(v.label for v in recipient):
        recipient = [*recipient, Value(place, "GPE", token.i)]  # "killed 20 people in X"
    back = entry.pos == "NOUN" and kind == "CONSULT" and _back_reference(token)
    if back and place is None:  # "their last meeting a year ago in X": the place hangs off 'ago' or the verb
        place = next(
            (
                name
                for t in token.doc[token.i + 1 : token.i + 8]
                if token.doc[t.i - 1].lower_ in PLACE_PREPS and (name := place_name(t, index))
            ),
            None,
        )
    if mode == "visit" and entry.cameo == "042":
        # what is visited is a place when the gazetteer knows it, whatever label the tagger gave it
        places = [v for v in recipient if v.label in ("GPE", "LOC", "FAC") or country_of_place(v.name)]
        if places:
            place = place or places[0].name
            recipient = [v for v in recipient if v not in places]
    if kind == "CONSULT" and entry.pos == "VERB" and not [v for v in recipient if v.label == "PERSON"]:
        recipient += [v for v in _co_parties(token, actor, index) if v.name != place]
    actor, recipient = _parties_only(actor, token.doc, index), _parties_only(recipient, token.doc, index)
    actor, recipient = _specific(actor, recipient, token.doc, index)
    if kind == "CONSULT" and not actor and not recipient:
        actor = _the_two(token, index)  # "... with Y when the two held talks": the pair the sentence named
    if kind not in SYMMETRIC and not recipient and len(actor) > 1 and "prep:with" in entry.recipient:
        actor, recipient = actor[:1], actor[1:]  # "X and Y exchanged fire": a reciprocal act, coded X -> Y
    actor_names = {v.name for v in actor}
    recipient = [v for v in recipient if v.name not in actor_names]  # never its own recipient
    return Candidate(
        kind,
        mode,
        cameo,
        token,
        actor,
        recipient,
        place,
        _depth(token),
        back_reference=back,
        visit=mode == "visit",
    )


def _not_party(value: Value, doc: Doc) -> bool:
    """A value naming no one whose head is an event noun, an abstract noun (``rules.json``
    ``not_parties``) or the noun of "side by side": the predicate's object, topic or manner ('rejected
    the threat'), never a party."""
    if value.label is not None:
        return False
    head = doc[value.token]
    lemma = head.lemma_.lower()
    after = doc[head.i + 1 : head.i + 3]  # "side by side", "step by step": an adverb of manner, not a role
    repeated = len(after) == 2 and after[0].lower_ == "by" and after[1].lower_ == head.lower_
    return head.pos_ == "NOUN" and (
        repeated or (lemma, "NOUN") in predicates() or lemma in word_set("rules.json", "not_parties")
    )


def _author(noun: Token, index: EntityIndex) -> Value | None:
    """Whoever the text says made a proposal, demand or plan ("the government's plan", "the demand by
    X"): the party in its place."""
    poss = child(noun, "poss")
    makers = [poss] if poss is not None and poss.pos_ != "PRON" else []
    makers += [o for p in noun.children if p.dep_ == "prep" and p.lower_ in ("by", "from") for o in p.children
               if o.dep_ == "pobj"]
    for maker in makers:
        value = resolve(maker, index)
        if value is not None and not _not_party(value, noun.doc):
            return value
    return None


def _parties_only(values: list[Value], doc: Doc, index: EntityIndex) -> list[Value]:
    """The values that are parties; a proposal or demand gives way to its author when the text names one."""
    kept: list[Value] = []
    for value in values:
        if _not_party(value, doc):
            value = _author(doc[value.token], index)
            index.dropped["role is no party"] += value is None
        if value is not None and value.name not in {v.name for v in kept}:
            kept.append(value)
    return kept


def generic_role(value: Value, doc: Doc) -> bool:
    """A value naming no one that is a bare quantity ('millions'), has an indefinite determiner ('any
    regional country', 'other countries') or is a bare generic plural ('countries'): how many or whoever,
    not who (``rules.json`` ``generic_roles``)."""
    if value.label is not None:
        return False
    cue = rules()["generic_roles"]
    head = doc[value.token]
    counted = [t for t in phrase_tokens(head) if t.pos_ in ("NOUN", "PROPN", "NUM")]
    if counted and all(t.like_num or t.lemma_.lower() in cue["quantities"] for t in counted):
        return True
    if any(c.dep_ in ("det", "amod") and c.lower_ in cue["determiners"] for c in head.children):
        return True
    specific = [
        c for c in head.children
        if c.dep_ in GENERIC_MODIFIERS or (c.dep_ == "prep" and child(c, "pobj") is not None)
    ]
    # a plural written bare, or left bare once its clause or place is cut off ('countries in the region')
    bare = head.tag_ == "NNS" and (not specific or value.name.lower() == head.lower_)
    return bare and head.lemma_.lower() in cue["bare_heads"]


def _specific(
    actor: list[Value], recipient: list[Value], doc: Doc, index: EntityIndex
) -> tuple[list[Value], list[Value]]:
    """The roles without generic values, dropped and counted, unless no party would be left: then the
    generic value is the only reading of who acts or is acted on and stays."""
    kept_actor = [v for v in actor if not generic_role(v, doc)]
    kept_recipient = [v for v in recipient if not generic_role(v, doc)]
    if not (kept_actor or kept_recipient) or len(kept_actor + kept_recipient) == len(actor + recipient):
        return actor, recipient
    index.dropped["role is generic"] += len(actor + recipient) - len(kept_actor + kept_recipient)
    return kept_actor, kept_recipient


def deontic_request(token: Token, account: Account | None, index: EntityIndex) -> Candidate | None:
    """'It is necessary for X to withdraw' / 'X must withdraw' in a source's words: the source asks X."""
    if account is None or account.speaker is None or token.pos_ != "VERB":
        return None
    cue = rules()["deontic"]
    modal = any(c.dep_ == "aux" and c.lower_ in cue["modals"] for c in token.children)
    head = token.head
    adjective = token.dep_ in ("xcomp", "ccomp", "advcl") and (
        head.lemma_.lower() in cue["adjectives"]
        or any(c.dep_ == "acomp" and c.lemma_.lower() in cue["adjectives"] for c in head.children)
    )
    if not (modal or adjective):
        return None
    subject = child(token, "nsubj")
    recipient = _values([subject], index) if subject is not None and subject.pos_ != "PRON" else []
    speaker = Value(account.speaker, "PERSON", token.i)
    recipient = [v for v in recipient if v.name != speaker.name]
    _, recipient = _specific([speaker], recipient, token.doc, index)
    return Candidate("REQUEST", None, cue["cameo"], token, [speaker], recipient, None, _depth(token) - 1)
