"""What a named writer thinks: "What does the columnist X think the talks achieved?".

Such a question asks for a view, not for an event the writer took part in; no event record has the
writer as a party, and a view is never an event's field. It is answered from the writer's own pieces
only (the captures whose byline names them), quoting the paragraphs that hold most of the question's
other words, with the caveat that the account is the writer's opinion, not an official or a news
report. A writer no byline names gets no such answer: ask goes on as for any question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readout.answer.compose import Captures
from readout.answer.question import Question, lexicon, stem
from readout.model import Citation
from readout.store import name_tokens

WORD = re.compile(r"\w+")
# Paragraphs quoted: the writer's view in a few of their own paragraphs, each cited.
MAX_PARAGRAPHS = 3
# A paragraph answers when it holds at least this many of the question's own words (by stem): one
# shared word ("meeting") does not make a paragraph about what the question asks.
MIN_HELD = 2


@dataclass(frozen=True)
class Opinion:
    writer: str  # the name as the question gives it
    byline: str  # the byline of the writer's piece, as the capture gives it
    source: str
    citations: tuple[Citation, ...]


def _asked_stems(question: Question) -> set[str]:
    """The question's words less the writer's name, and the words that ask for a view."""
    lexical = lexicon()
    writer = question.opinion_of.tokens if question.opinion_of else frozenset()
    skip = set(lexical["opinion_verbs"]["words"]) | set(lexical["commentator_nouns"]["words"])
    skip |= set(lexical["stopwords"]["words"]) | {"does", "think"}
    return {stem(w) for w in question.words if w not in skip and w not in writer and len(w) > 2}


def writer_opinion(question: Question, captures: Captures) -> Opinion | None:
    """The writer's paragraphs that answer the question, from the first capture whose byline names the
    writer and that holds any; None when no byline names them or none of their paragraphs does."""
    writer = question.opinion_of
    if writer is None:
        return None
    asked = _asked_stems(question)
    if len(asked) < MIN_HELD:
        return None
    for entry in captures.store.manifest():
        if entry.status != "ok":
            continue
        byline = captures.store.article(entry.source).byline or ""
        if not writer.tokens <= name_tokens(byline):
            continue
        paragraphs: dict[int, list] = {}
        for sentence in captures.sentences(entry.source):
            paragraphs.setdefault(sentence.lines[0], []).append(sentence)
        scored = []
        for first, sentences in paragraphs.items():
            text = " ".join(s.text for s in sentences)
            held = len({stem(w) for w in WORD.findall(text.lower())} & asked)
            if held >= MIN_HELD:
                scored.append((-held, first, sentences, text))
        chosen = sorted(sorted(scored, key=lambda item: item[:2])[:MAX_PARAGRAPHS], key=lambda item: item[1])
        citations = []
        for _, _, sentences, text in chosen:
            lines = (sentences[0].lines[0], max(s.lines[1] for s in sentences))
            citation = captures.quote(entry.source, lines, text)
            if citation is not None and citation not in citations:
                citations.append(citation)
        if citations:
            return Opinion(writer.text, byline, entry.source, tuple(citations))
    return None
