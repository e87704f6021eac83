"""What a meeting was about: short phrases of the text, each with its source and lines.

The objects of discussion verbs ("discussed X", "stressed on X", "thanked X"), the phrase of cue nouns
("issues of X", "the need for X", "readiness for X"), and short reported clauses ("said that X"), read
from the document's content (never its opinion paragraphs). Cues live in ``lexicons/topics.json``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from readout.events.lexicon import topic_cues, word_set
from readout.model import Annotated, Topic

CLAUSE_DEPS = frozenset({"relcl", "advcl", "ccomp", "punct", "appos", "mark", "nsubj"})
# A hyphen inside a name or compound ("the Averno-Selvana ferry link") is part of the phrase, not a break.
HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# Entity types that are who or when, never what was discussed ("called President X", "on Monday").
NOT_TOPICS = frozenset({"PERSON", "CARDINAL", "ORDINAL"})
SHORT_DATES = frozenset({"DATE", "TIME"})


def _in_phrase(token: Token) -> bool:
    return token.dep_ not in CLAUSE_DEPS or (token.text in HYPHENS and not token.whitespace_)


def _phrase(token: Token, limit: int) -> tuple[int, int] | None:
    """Character span of the token's phrase without clauses, cut to ``limit`` words."""
    keep = [token]
    stack = [c for c in token.children if _in_phrase(c)]
    while stack:
        child = stack.pop()
        keep.append(child)
        stack.extend(c for c in child.children if _in_phrase(c))
    keep.sort(key=lambda t: t.i)
    while keep and (
        keep[0].dep_ in ("det", "poss", "cc", "case") or keep[0].pos_ in ("DET", "PRON", "CCONJ", "PART")
    ):
        keep = keep[1:]
    run = []
    for t in keep:  # a contiguous run from the first kept token
        if run and t.i != run[-1].i + 1:
            break
        run.append(t)
    words = [t for t in run if not t.is_space][:limit]
    while words and (words[-1].is_punct or words[-1].pos_ in ("ADP", "CCONJ", "DET")):
        words.pop()
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1].text)


def _objects(token: Token) -> list[Token]:
    preps = word_set("topics.json", "preps")
    out = []
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "attr") and child.pos_ in ("NOUN", "PROPN", "ADJ"):
            out.append(child)
        elif child.dep_ == "prep" and child.lower_ in preps:
            out.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
        elif child.dep_ in ("ccomp", "xcomp"):
            out.extend(c for c in child.children if c.dep_ in ("nsubj", "dobj", "csubj") and c.pos_ != "PRON")
            if child.dep_ == "xcomp":  # "agreed to instruct X to prepare a meeting of Y": the aim's aim
                out.extend(
                    c for x in child.children if x.dep_ == "xcomp" for c in x.children if c.dep_ == "dobj"
                )
    # every item of "discussed X, Y and Z"; the parser often hangs Y off X as an apposition
    listed = [a for head in out for a in head.children if a.dep_ == "appos"]
    heads = [o for head in [*out, *listed] for o in [head, *head.conjuncts]]
    return [h for h in dict.fromkeys(heads) if not _who_or_when(h)]


def _who_or_when(token: Token) -> bool:
    """A person met or thanked, a number, or a bare day ("on Monday"): not what was discussed. A longer
    date phrase names an occasion ("the holy month of X") and stays."""
    if token.ent_type_ in NOT_TOPICS:
        return True
    entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    return token.ent_type_ in SHORT_DATES and entity is not None and len(entity) <= 2


def _clause(token: Token, limit: int) -> tuple[int, int] | None:
    words = [t for t in token.subtree if not t.is_space and not t.is_punct]
    if not words or len(words) > limit or words[0].dep_ != "mark" and len(words) < 4:
        return None
    words = [t for t in words if t.dep_ != "mark" or t.i != words[0].i]
    return words[0].idx, words[-1].idx + len(words[-1].text)


def topics_of(annotated: Annotated, doc: Doc, opinion: list[tuple[int, int]]) -> tuple[Topic, ...]:
    cues = topic_cues()
    limit = cues["max_words"]["value"]
    clause_limit = cues["reported_clause_words"]["value"]
    verbs = word_set("topics.json", "verbs")
    nouns = word_set("topics.json", "nouns")
    speech = word_set("rules.json", "speech_verbs")
    article = annotated.article
    found: dict[str, Topic] = {}
    cue_words = verbs | nouns | speech
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma not in cue_words or any(a <= token.idx <= b for a, b in opinion):
            continue
        spans: list[tuple[int, int] | None] = []
        if lemma in verbs and token.pos_ in ("VERB", "NOUN"):
            spans = [_phrase(head, limit) for head in _objects(token) if head.pos_ != "PRON"]
        elif lemma in nouns and token.pos_ == "NOUN":
            spans = [_phrase(token, limit)]
        if lemma in speech and token.pos_ == "VERB":
            spans += [_clause(c, clause_limit) for c in token.children if c.dep_ == "ccomp"]
        for span in spans:
            if span is None:
                continue
            text = " ".join(article.body[span[0] : span[1]].split())
            if len(text) < 3 or text.lower() in found:
                continue
            found[text.lower()] = Topic(text, article.source, article.lines_of(*span))
    return tuple(found.values())
