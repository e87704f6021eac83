"""The annotation stage over one collection: languages, sentences, canonical entities and dates.

The collection is annotated at once because canonical names are the collection's: the span ruler and
the name index are built from every document's names before any document's entities are final.
Per article, in order: paragraph languages; the Doc of the body (pipeline.parse_bodies); sentences;
entities (entities.py); dates (dates.py), whose evidence and lines come from the same offsets.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from spacy.language import Language
from spacy.tokens import Doc

from readout.model import Annotated, Article, Sentence
from readout.nlp import dates, entities, names
from readout.nlp.language import ENGLISH, paragraph_language
from readout.nlp.pipeline import parse_bodies
from readout.settings import Settings


def with_languages(article: Article) -> Article:
    """The article with each paragraph's language set (ISO 639-1)."""
    default = article.language or ENGLISH
    paragraphs = tuple(dataclasses.replace(p, language=paragraph_language(p.text, default))
                       for p in article.paragraphs)
    return dataclasses.replace(article, paragraphs=paragraphs)


def sentences_of(article: Article, doc: Doc) -> tuple[Sentence, ...]:
    """The Doc's sentences without surrounding whitespace, with their capture lines."""
    body = article.body
    out = []
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and body[start].isspace():
            start += 1
        while end > start and body[end - 1].isspace():
            end -= 1
        if start < end:
            out.append(Sentence(body[start:end], start, end, article.lines_of(start, end)))
    return tuple(out)


def annotate_collection(articles: Sequence[Article], nlp: Language, settings: Settings
                        ) -> list[tuple[Annotated, Doc]]:
    """One (Annotated, Doc of the body) per article, in order; the Doc carries the final entities."""
    articles = [with_languages(a) for a in articles]
    docs = parse_bodies(articles, nlp, settings)
    found = entities.vote_labels(
        docs, [entities.model_entities(a, d) for a, d in zip(articles, docs, strict=True)])
    people, place_names = entities.collection_names(found)
    ruler = entities.build_ruler(nlp, people, place_names, entities.ordinary_words(a.body for a in articles))
    found = [entities.complete(a, d, f, ruler) for a, d, f in zip(articles, docs, found, strict=True)]
    found = entities.settle_person_places(docs, found)
    found = entities.settle_full_names(docs, found)
    people, _ = entities.collection_names(found)
    index = names.NameIndex(people.elements())
    out = []
    for article, doc, ents in zip(articles, docs, found, strict=True):
        named = entities.canonicalise(doc, ents, index)
        named = entities.bind_roles(doc, named, entities.foreign_mask(article, doc))
        records = entities.to_records(article, doc, named)
        sentences = sentences_of(article, doc)
        date_spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"]
        mentions, reference = dates.find_dates(article, date_spans, sentences)
        out.append((Annotated(article, sentences, records, mentions, reference), doc))
    return out
