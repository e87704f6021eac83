"""Hand-built annotated captures for the events tests: spaCy's parse, plain canonical names, plain dates.

The language layer proper lives in readout.nlp; these tests need only what extraction reads from it
(entities with a canonical name, dates with the words that state them), built here so that a rule of
the events stage is tested on its own.
"""

from __future__ import annotations

import re

from readout.model import (
    Annotated,
    Article,
    DateMention,
    DateValue,
    Entity,
    Evidence,
    Sentence,
)
from readout.store.synthetic import article_from_blocks

MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_MONTH = "|".join(m.capitalize() for m in MONTHS)
DATE = re.compile(
    r"\b(?:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[ ,]*)?"
    rf"(?:(?P<d1>\d{{1,2}}) (?P<m1>{_MONTH})|(?P<m2>{_MONTH}) (?P<d2>\d{{1,2}}))?"
    r"(?:,? (?P<y>(?:19|20)\d\d))?\b"
)


def _dates(body: str, article: Article) -> tuple[DateMention, ...]:
    out = []
    for m in DATE.finditer(body):
        month = (m.group("m1") or m.group("m2") or "").lower()
        day = m.group("d1") or m.group("d2")
        if not (m.group("wd") or (month in MONTHS and day)):
            continue
        if month and month not in MONTHS:
            continue
        text = m.group(0).strip(" ,")
        lines = article.lines_of(m.start(), m.end())
        value = None
        if m.group("y") and month and day:
            value = f"{m.group('y')}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"
        ev = (Evidence(article.source, lines, text),)
        out.append(
            DateMention(
                text,
                m.start(),
                m.start() + len(text),
                lines,
                DateValue(value=value, stated=text, evidence=ev),
            )
        )
    return tuple(out)


def _canonical(text: str, label: str, longer: list[str]) -> str:
    text = re.sub(r"^(the|The)\s+", "", text).removesuffix("'s").removesuffix("’s")
    if label == "PERSON":
        for name in longer:
            if name != text and name.endswith(" " + text.split()[-1]):
                return name
    return text


def annotate(
    nlp,
    text: str,
    source: str = "test.txt",
    kinds: list[str] | None = None,
    title: str | None = None,
    byline: str | None = None,
):
    """(Annotated, Doc) for a capture whose paragraphs are separated by blank lines."""
    article = article_from_blocks(source, text, kinds, title, byline)
    return annotate_article(nlp, article)


def annotate_article(nlp, article: Article):
    """(Annotated, Doc) for a cleaned article."""
    doc = nlp.make_doc(article.body)
    for p in article.paragraphs[1:]:  # paragraphs never share a sentence, as in the language layer
        span = doc.char_span(p.start, p.start + 1, alignment_mode="expand")
        if span is not None:
            span[0].is_sent_start = True
    for _, component in nlp.pipeline:
        doc = component(doc)
    people = sorted({e.text for e in doc.ents if e.label_ == "PERSON"}, key=len, reverse=True)
    entities = tuple(
        Entity(
            e.text,
            e.label_,
            _canonical(e.text, e.label_, people),
            e.start_char,
            e.end_char,
            article.lines_of(e.start_char, e.end_char),
        )
        for e in doc.ents
        if e.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC")
    )
    sentences = tuple(
        Sentence(s.text, s.start_char, s.end_char, article.lines_of(s.start_char, s.end_char))
        for s in doc.sents
    )
    return Annotated(article, sentences, entities, _dates(article.body, article)), doc
