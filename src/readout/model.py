"""The typed records that flow between readout's stages.

Data flows one way: ingest -> clean -> nlp -> events -> store -> answer/report. Each stage takes the
previous stage's records and returns its own; none reaches into another's internals. Every record is a
frozen dataclass so that a per-document step is a pure function that can run in a local process or on
Ray Data unchanged. Line ranges are 1-based and inclusive, into the capture's line-addressable text
(``Article.text``); character offsets (``start``/``end``) are into ``Article.body``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

Lines = tuple[int, int]


# --- ingest -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Capture:
    """One decoded capture: a file, or one record of a container (WARC, WET, JSON Lines).

    ``text`` is the decoded content, verbatim but for mojibake repair (citations quote it). For an
    HTML capture it is the markup; cleaning renders it to the line-addressable text it cites.
    """

    source: str
    url: str | None
    id: str
    text: str
    format: str  # "text" | "html"


@dataclass(frozen=True)
class Rejection:
    """An input that could not be processed, with a reason a person can act on."""

    source: str
    url: str | None
    reason: str
    id: str | None = None


# --- clean --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the article body. ``text`` holds its lines joined by newlines."""

    text: str
    lines: Lines
    start: int  # offset of ``text`` in ``Article.body``
    kind: str = "content"  # "content" | "opinion"
    language: str | None = None  # ISO 639-1, set by the language layer

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True)
class Comment:
    author: str | None
    text: str
    lines: Lines


@dataclass(frozen=True)
class Removal:
    """A run of lines kept out of the body: ``label`` is chrome, metadata or comment."""

    lines: Lines
    label: str
    reason: str


@dataclass(frozen=True)
class Published:
    date: str  # YYYY-MM-DD
    evidence: str  # 'line 7: "Thursday 17 May 2018"' or 'meta article:published_time'


PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Article:
    """A cleaned capture: the article separated from its metadata, chrome and comments."""

    source: str
    url: str | None
    id: str
    mode: str  # "text" | "html"
    text: str  # the line-addressable text that ``lines`` refer to (rendered text for HTML)
    title: str | None
    title_lines: Lines | None
    byline: str | None
    published: Published | None
    language: str | None
    paragraphs: tuple[Paragraph, ...]
    comments: tuple[Comment, ...] = ()
    removed: tuple[Removal, ...] = ()

    @property
    def body(self) -> str:
        return PARAGRAPH_SEPARATOR.join(p.text for p in self.paragraphs)

    def lines_of(self, start: int, end: int) -> Lines:
        """The capture lines that hold ``body[start:end]`` (bisect over paragraph offsets: long bodies
        ask this for every sentence and entity)."""
        paragraphs = self.paragraphs
        starts = [p.start for p in paragraphs]
        first_index = max(0, bisect_right(starts, start) - 1)
        last_index = max(first_index, bisect_left(starts, end) - 1) if end > start else first_index
        if not paragraphs or start > paragraphs[-1].end or start < 0:
            raise ValueError(f"offsets {start}-{end} fall outside the body")
        first_paragraph, last_paragraph = paragraphs[first_index], paragraphs[last_index]
        if start > first_paragraph.end:  # in the separator between two paragraphs
            first_paragraph = paragraphs[min(first_index + 1, len(paragraphs) - 1)]
        first = first_paragraph.lines[0] + first_paragraph.text.count(
            "\n", 0, max(0, start - first_paragraph.start))
        last = last_paragraph.lines[0] + last_paragraph.text.count(
            "\n", 0, max(0, min(end, last_paragraph.end) - last_paragraph.start))
        return (first, max(first, last))


def make_paragraphs(items: list[tuple[str, Lines, str]]) -> tuple[Paragraph, ...]:
    """Paragraphs from ``(text, lines, kind)`` in order, with their offsets into the joined body."""
    out, offset = [], 0
    for text, lines, kind in items:
        out.append(Paragraph(text=text, lines=lines, start=offset, kind=kind))
        offset += len(text) + len(PARAGRAPH_SEPARATOR)
    return tuple(out)


# --- nlp ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Evidence:
    """Where a date (or other fact) was read: the capture, its lines and the words used."""

    source: str
    lines: Lines
    text: str


@dataclass(frozen=True)
class DateValue:
    """A date as the captures support it: a day only when they fix it, else bounds and stated words."""

    value: str | None = None  # YYYY-MM-DD
    earliest: str | None = None
    latest: str | None = None
    stated: str | None = None
    evidence: tuple[Evidence, ...] = ()

    @property
    def is_unknown(self) -> bool:
        return not self.evidence


UNKNOWN_DATE = DateValue()


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int
    end: int
    lines: Lines


@dataclass(frozen=True)
class Entity:
    text: str
    label: str  # PERSON, GPE, LOC, FAC, ORG, NORP...
    canonical: str
    start: int
    end: int
    lines: Lines


@dataclass(frozen=True)
class DateMention:
    """A date expression in the body, resolved as far as the capture allows."""

    text: str
    start: int
    end: int
    lines: Lines
    date: DateValue


@dataclass(frozen=True)
class Annotated:
    """An article with its language layer. ``article.paragraphs`` carry their languages."""

    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    dates: tuple[DateMention, ...]
    reference_date: DateValue = UNKNOWN_DATE  # the best anchor the capture gives (publication, dateline)


# --- events -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Topic:
    text: str
    source: str
    lines: Lines


@dataclass(frozen=True)
class Attribution:
    by: str
    kind: str  # participant | official | agency | unnamed | analysis | editorial
    via: str | None
    claim: str
    source: str
    lines: Lines


@dataclass(frozen=True)
class Mention:
    source: str
    lines: Lines
    start: int
    end: int
    sentence: str


@dataclass(frozen=True)
class EventMention:
    """One capture's account of one event, before mentions across captures are linked."""

    type: str  # PLOVER type, upper case
    mode: str | None
    cameo: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    participants: tuple[str, ...]
    also_present: tuple[str, ...]
    place: str | None
    date: DateValue
    duration: str | None
    topics: tuple[Topic, ...]
    attributions: tuple[Attribution, ...]
    mentions: tuple[Mention, ...]
    source: str
    opinion: bool = False
    back_reference: bool = False  # "their last meeting a few months ago": a mention of an earlier event
    reported: str | None = None  # the capture's stated publication day: a link anchor, never a date


@dataclass(frozen=True)
class Event:
    """One real-world event, linked across the captures that mention it."""

    id: str
    type: str
    mode: str | None
    cameo: str
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    participants: tuple[str, ...]
    also_present: tuple[str, ...]
    place: str | None
    date: DateValue
    duration: str | None
    topics: tuple[Topic, ...]
    attributions: tuple[Attribution, ...]
    documents: tuple[str, ...]
    mentions: tuple[Mention, ...]
    opinion: bool = False


# --- answer -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Citation:
    source: str
    lines: Lines
    text: str


@dataclass(frozen=True)
class Answer:
    question: str
    status: str  # answered | no_answer | ambiguous
    answer: str
    event: str | None
    events: tuple[str, ...]
    date: DateValue | None
    citations: tuple[Citation, ...]
    caveats: tuple[str, ...] = field(default=())


# --- manifest -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ManifestEntry:
    """How one input was accounted for: processed (ok), skipped as a duplicate, or rejected."""

    source: str
    url: str | None
    id: str | None
    status: str  # ok | duplicate | rejected
    reason: str | None = None
    duplicate_of: str | None = None  # source of the identical capture seen first
    near_duplicate_of: str | None = None  # source of a capture of the same article with small differences
