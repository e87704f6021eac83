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


def _phrase(token: Token, limit: int) -> tuple[int, int] | None:
    """Character span of the token's phrase without clauses, cut to ``limit`` words."""
    keep = [token]
    stack = [c for c in token.children if c.dep_ not in CLAUSE_DEPS]
    while stack:
        child = stack.pop()
        keep.append(child)
        stack.extend(c for c in child.children if c.dep_ not in CLAUSE_DEPS)
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
    return [o for head in out for o in [head, *[c for c in head.children if c.dep_ == "conj"]]]


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
