"""Invented captures, annotations and events, written through the Store's own API.

For benchmarks that need a store of many thousands of captures (running spaCy over each would measure
spaCy, not the store) and for tests of ask and the report that need a store whose contents they know.
Every name and sentence here is made up; nothing is taken from real captures.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterator
from pathlib import Path

from readout.model import (
    Annotated,
    Article,
    Attribution,
    DateMention,
    DateValue,
    Entity,
    Event,
    EventMention,
    Evidence,
    ManifestEntry,
    Mention,
    Sentence,
    Topic,
    make_paragraphs,
)
from readout.store import open_store

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"])")


def content_id(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def article_from_lines(source: str, lines: list[str], kinds: dict[int, str] | None = None) -> Article:
    """An article whose first line is the title and every later non-blank line a paragraph."""
    text = "\n".join(lines)
    items = [
        (line, (n, n), (kinds or {}).get(n, "content"))
        for n, line in enumerate(lines, start=1)
        if n > 1 and line.strip()
    ]
    return Article(
        source=source,
        url=None,
        id=content_id(text),
        mode="text",
        text=text,
        title=lines[0],
        title_lines=(1, 1),
        byline=None,
        published=None,
        language="en",
        paragraphs=make_paragraphs(items),
    )


def article_from_blocks(source: str, text: str, kinds: list[str] | None = None, title: str | None = None,
                        byline: str | None = None) -> Article:
    """An article with no headline line whose paragraphs are the text's blocks between blank lines, each
    with its lines (``kinds``: each block's kind, content by default)."""
    blocks, line = [], 1
    for i, block in enumerate(text.strip().split("\n\n")):
        n = block.count("\n")
        kind = kinds[i] if kinds and i < len(kinds) else "content"
        blocks.append((block, (line, line + n), kind))
        line += n + 2
    return Article(
        source=source,
        url=None,
        id=content_id(text),
        mode="text",
        text=text,
        title=title,
        title_lines=None,
        byline=byline,
        published=None,
        language="en",
        paragraphs=make_paragraphs(blocks),
    )


def annotate_simply(
    article: Article, names: dict[str, tuple[str, str]], dates: dict[str, DateValue] | None = None
) -> Annotated:
    """Sentences split at sentence ends; an entity wherever a key of ``names`` occurs (-> canonical, label).

    ``dates`` maps a date expression to its value, giving a date mention wherever it occurs."""
    body = article.body
    sentences, entities, mentions = [], [], []
    for p in article.paragraphs:
        offset = p.start
        for piece in SENTENCE_END.split(p.text):
            start = body.index(piece, offset)
            sentences.append(
                Sentence(piece, start, start + len(piece), article.lines_of(start, start + len(piece)))
            )
            offset = start + len(piece)
    for surface, (canonical, label) in names.items():
        for found in re.finditer(rf"\b{re.escape(surface)}\b", body):
            lines = article.lines_of(found.start(), found.end())
            entities.append(Entity(surface, label, canonical, found.start(), found.end(), lines))
    for surface, value in (dates or {}).items():
        for found in re.finditer(re.escape(surface), body):
            lines = article.lines_of(found.start(), found.end())
            mentions.append(DateMention(surface, found.start(), found.end(), lines, value))
    entities.sort(key=lambda e: e.start)
    return Annotated(
        article=article, sentences=tuple(sentences), entities=tuple(entities), dates=tuple(mentions)
    )


def sentence_mention(annotated: Annotated, containing: str) -> Mention:
    """The mention of the first sentence that holds ``containing``."""
    sentence = next(s for s in annotated.sentences if containing in s.text)
    return Mention(annotated.article.source, sentence.lines, sentence.start, sentence.end, sentence.text)


def mention_of(annotated: Annotated, containing: str, **fields: object) -> EventMention:
    """An event mention (a plain meeting unless ``fields`` say otherwise) of the first sentence of
    ``annotated`` that holds ``containing``."""
    base: dict[str, object] = dict(
        type="CONSULT", mode=None, cameo="040", actor=(), recipient=(), participants=(), also_present=(),
        place=None, date=DateValue(), duration=None, topics=(), attributions=(),
        source=annotated.article.source,
    )
    base.update(fields)
    return EventMention(mentions=(sentence_mention(annotated, containing),), **base)  # type: ignore[arg-type]


def event_from_mentions(event_id: str, mentions: list[EventMention]) -> Event:
    """A linked event from mentions that agree (the first one's fields, everyone's documents)."""
    first = mentions[0]
    return Event(
        id=event_id,
        type=first.type,
        mode=first.mode,
        cameo=first.cameo,
        actor=first.actor,
        recipient=first.recipient,
        participants=first.participants,
        also_present=first.also_present,
        place=first.place,
        date=first.date,
        duration=first.duration,
        topics=tuple(t for m in mentions for t in m.topics),
        attributions=tuple(a for m in mentions for a in m.attributions),
        documents=tuple(dict.fromkeys(m.source for m in mentions)),
        mentions=tuple(x for m in mentions for x in m.mentions),
        opinion=all(m.opinion for m in mentions),
    )


def write_store(path: Path, annotated: dict[str, Annotated], mentions: dict[str, list[EventMention]],
                events: list[Event]) -> Path:
    """A store at ``path`` holding the captures with their mentions and the linked ``events``, written
    through the Store's own API as build writes them."""
    with open_store(path, create=True) as store:
        for source, item in annotated.items():
            entry = ManifestEntry(source, None, item.article.id, "ok")
            store.put_capture(entry, item, mentions.get(source, []))
        store.replace_events(events)
    return path


def write_tagged_store(path: Path, annotated: dict[str, Annotated],
                       tagged: dict[str, list[tuple[str, EventMention]]]) -> Path:
    """``write_store`` from each capture's mentions tagged with the id of the event they belong to: the
    mentions of one id, across captures, make one event (``event_from_mentions``)."""
    grouped: dict[str, list[EventMention]] = {}
    for rows in tagged.values():
        for event_id, mention in rows:
            grouped.setdefault(event_id, []).append(mention)
    mentions = {source: [m for _, m in rows] for source, rows in tagged.items()}
    return write_store(path, annotated, mentions, [event_from_mentions(i, ms) for i, ms in grouped.items()])


# --- a large invented collection, for benchmarks ---------------------------------------------------

GIVEN = (
    "Ilsa",
    "Marek",
    "Tomas",
    "Odile",
    "Brann",
    "Kasimir",
    "Yelena",
    "Anwen",
    "Dario",
    "Petra",
    "Soren",
    "Lucan",
    "Mirela",
    "Joren",
    "Talia",
    "Evander",
    "Rosalind",
    "Cassian",
    "Nadia",
    "Orrin",
)
FAMILY = (
    "Varga",
    "Holm",
    "Quill",
    "Dunmore",
    "Ashby",
    "Kestrel",
    "Morrow",
    "Valen",
    "Castell",
    "Brisk",
    "Lorne",
    "Tarrant",
    "Wexley",
    "Orme",
    "Pellam",
    "Sorrel",
    "Hale",
    "Ravel",
    "Corwin",
    "Ember",
)
CITIES = (
    "Port Alder",
    "Veldra",
    "Kessmar",
    "Orlin",
    "Tamsk",
    "Bryndale",
    "Calvora",
    "Nethen",
    "Ostrava Nova",
    "Serrin",
    "Lumeth",
    "Dravik",
    "Hollin",
    "Marrow Bay",
    "Istrel",
    "Quenby",
    "Zarith",
    "Elmsworth",
)
SUBJECTS = (
    "trade tariffs",
    "border crossings",
    "grain exports",
    "water rights",
    "a ceasefire",
    "energy prices",
    "fishing quotas",
    "rail links",
    "refugee returns",
    "customs rules",
    "a prisoner exchange",
    "airspace access",
    "port fees",
    "vaccine supplies",
)
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def generated_collection(
    count: int, seed: int = 7
) -> Iterator[tuple[ManifestEntry, Annotated, list[EventMention], Event]]:
    """``count`` invented meeting reports, each with its annotation, one mention and its event."""
    rng = random.Random(seed)
    people = [f"{g} {f}" for g in GIVEN for f in FAMILY]
    for n in range(count):
        host, visitor = rng.sample(people, 2)
        place = rng.choice(CITIES)
        year, month, day = rng.randint(2001, 2024), rng.randint(1, 12), rng.randint(1, 28)
        subject, other = rng.sample(SUBJECTS, 2)
        stated = f"{day} {MONTH_NAMES[month - 1]} {year}"
        lines = [
            f"{visitor} visits {place}",
            "",
            f"{visitor} met {host} in {place} on {stated}, officials said (report {n}).",
            "",
            f"The two discussed {subject} and agreed to review {other} next year.",
            "",
            f"{host.split()[1]} stressed that talks on {subject} would continue.",
        ]
        source = f"generated/{n:05d}.txt"
        article = article_from_lines(source, lines)
        date = DateValue(
            value=f"{year:04d}-{month:02d}-{day:02d}",
            stated=stated,
            evidence=(Evidence(source, (3, 3), stated),),
        )
        names = {visitor: (visitor, "PERSON"), host: (host, "PERSON"), place: (place, "GPE")}
        annotated = annotate_simply(article, names, {stated: date})
        mention = EventMention(
            type="CONSULT",
            mode="visit",
            cameo="042",
            actor=(visitor,),
            recipient=(host,),
            participants=(visitor, host),
            also_present=(),
            place=place,
            date=date,
            duration=None,
            topics=(Topic(subject, source, (5, 5)), Topic(other, source, (5, 5))),
            attributions=(
                Attribution("officials", "official", None, "the meeting took place", source, (3, 3)),
            ),
            mentions=(sentence_mention(annotated, " met "),),
            source=source,
        )
        entry = ManifestEntry(source=source, url=None, id=article.id, status="ok")
        yield entry, annotated, [mention], event_from_mentions(f"ev{n:05d}{article.id[:8]}", [mention])
