"""A conservative answer from sentences when no event record fits a what- or who-question.

The event records are what ask trusts; a sentence no event was read from may still state what the
question asks ("What did the river guard launch against the smugglers?"). Such a sentence answers only
when it holds every name the question gives and every content word it asks with (by stem), is a
reported paragraph's (not a comment's), says nothing in the negative, and is not a sentence an event
was read from: an event read from it was already weighed against the question and did not fit, so the
sentence's names being together there ("X, sent by Y, met Z") is no sign that the question's event
happened. The answer quotes the sentences and says that no event record matched.

FTS5 finds the candidates: the question's words are passed as data (``Store.search_sentences`` quotes
each one), never as query syntax.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from readout.answer.cite import fold
from readout.answer.question import Question, lexicon, name_phrases, stem
from readout.model import Event
from readout.store import Store, StoredSentence, name_tokens

# Kinds a quoted sentence can answer: what happened, who did it. A date, a place, a length or a yes
# needs the field an event record carries.
KINDS = frozenset({"what", "who", "which"})
# Sentences read from the index per question: every candidate must hold all the question's words, so
# the best-ranked few hold them if any does.
SEARCHED = 40
# Sentences quoted in an answer.
MAX_QUOTED = 3
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Fallback:
    sentences: tuple[StoredSentence, ...]
    words: tuple[str, ...]  # the question's names and words every quoted sentence holds


def required_words(question: Question) -> tuple[set[str], set[str], list[str]]:
    """The name tokens and the content-word stems a sentence must hold, and the words as asked.

    Names are every capitalised run of the question (organisations too, which are no event party),
    less titles; words are its content words less names, titles and the words that ask for a source
    ("who says"): the sentence that answers names the source instead.
    """
    lexical = lexicon()
    titles = set(lexical["titles"]["words"])
    names = {t for phrase, _ in name_phrases(question.text) for t in name_tokens(phrase)} - titles
    names |= {t for c in question.people + question.places for t in c.tokens}
    asking = {w for p in lexical["focus"]["attribution"] for w in p.split()}
    asked = [
        w
        for w in question.words
        if w not in titles and w not in asking and not w.isdigit() and not (name_tokens(w) & names)
    ]
    return names, {stem(w) for w in asked}, asked


def _negated(sentence: StoredSentence) -> bool:
    cues = set(lexicon()["negation_cues"]["words"])
    words = {w.lower() for w in WORD.findall(sentence.text)}
    return bool(words & cues) or "n't" in sentence.text.lower() or "n’t" in sentence.text.lower()


def _read_from(sentence: StoredSentence, events: list[Event]) -> bool:
    """Whether an event was read from this sentence (one of its mentions is the sentence)."""
    text = fold(sentence.text)
    return any(
        m.source == sentence.source
        and m.lines[0] <= sentence.lines[1]
        and m.lines[1] >= sentence.lines[0]
        and (fold(m.sentence) in text or text in fold(m.sentence))
        for e in events
        for m in e.mentions
    )


def sentence_fallback(question: Question, store: Store) -> Fallback | None:
    """The sentences that may answer the question when no event record fits it, or None."""
    constraints = question.people + question.places
    if question.kind not in KINDS or question.times or any(not c.known for c in constraints):
        return None
    names, words, asked = required_words(question)
    if not names or not words:
        return None
    # BM25 over names and words (each quoted as data) ranks the sentences holding most of them first.
    hits = store.search_sentences(sorted(names) + asked, limit=SEARCHED)
    held = []
    for sentence in hits:
        tokens = {w.lower() for w in WORD.findall(sentence.text)}
        if sentence.kind != "content" or not names <= tokens or not words <= {stem(w) for w in tokens}:
            continue
        if not _negated(sentence):
            held.append(sentence)
    if not held:
        return None
    capitalised = {w.lower() for s in held for w in WORD.findall(s.text) if w[:1].isupper()}
    ids = {event_id for event_id, *_ in store.event_names(names | capitalised)}
    events = store.events_by_id(ids)
    kept = [s for s in held if not _read_from(s, events)][:MAX_QUOTED]
    if not kept:
        return None
    return Fallback(tuple(kept), tuple(sorted(names | words)))
