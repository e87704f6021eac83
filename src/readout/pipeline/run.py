"""The local runner: ingest -> clean -> annotate over a collection, every input accounted for.

Each input yields exactly one ManifestEntry: ``ok`` (processed), ``duplicate`` (its content hash was
seen before in this run) or ``rejected`` (with a reason). A failure in one capture becomes that
capture's rejection; the run goes on.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from readout.clean import clean_capture
from readout.clean.context import build_context
from readout.errors import InputError
from readout.ingest import read_inputs
from readout.model import Annotated, Article, Capture, ManifestEntry, Rejection
from readout.pipeline.dedupe import NearDuplicates
from readout.settings import DEFAULT_SETTINGS, Settings


def captures(paths: Sequence[str], settings: Settings = DEFAULT_SETTINGS
             ) -> Iterator[tuple[ManifestEntry, Capture | None]]:
    """Every input once: a Capture for the ones to process, None for duplicates and rejections."""
    first_source: dict[str, str] = {}
    for item in read_inputs(paths, settings):
        if isinstance(item, Rejection):
            yield ManifestEntry(item.source, item.url, item.id, "rejected", item.reason), None
        elif item.id in first_source:
            yield ManifestEntry(item.source, item.url, item.id, "duplicate",
                                f"same content as {first_source[item.id]}",
                                duplicate_of=first_source[item.id]), None
        else:
            first_source[item.id] = item.source
            yield ManifestEntry(item.source, item.url, item.id, "ok"), item


def clean_all(paths: Sequence[str], mode: str = "auto", settings: Settings = DEFAULT_SETTINGS
              ) -> Iterator[tuple[ManifestEntry, Article | None]]:
    """Clean every capture; near-duplicates stay ``ok`` and name the capture they repeat.

    Captures are read first in full so that lines repeated across captures of one site (menus, footers,
    widgets) are known before any is cleaned.
    """
    near = NearDuplicates(settings)
    inputs = list(captures(paths, settings))  # two passes: site furniture is what repeats across captures
    context = build_context(c for _, c in inputs if c is not None and c.format == "text")
    for entry, capture in inputs:
        if capture is None:
            yield entry, None
            continue
        try:
            article = clean_capture(capture, mode, context)
        except InputError as error:
            yield ManifestEntry(entry.source, entry.url, entry.id, "rejected", str(error)), None
            continue
        except Exception as error:  # noqa: BLE001 - one capture's failure is its rejection, never the run's
            yield ManifestEntry(entry.source, entry.url, entry.id, "rejected",
                                f"cleaning failed: {type(error).__name__}: {error}"), None
            continue
        similar = near.check(entry.source, article.body) if article.body.strip() else None
        if similar:
            entry = ManifestEntry(entry.source, entry.url, entry.id, "ok", near_duplicate_of=similar)
        yield entry, article


def annotate_all(paths: Sequence[str], mode: str = "auto", settings: Settings = DEFAULT_SETTINGS
                 ) -> list[tuple[ManifestEntry, Annotated | None]]:
    """Clean, then annotate the whole collection at once: canonical names are the collection's."""
    from readout.nlp import annotate_collection, load_nlp

    cleaned = list(clean_all(paths, mode, settings))
    articles = [article for _, article in cleaned if article is not None]
    annotated = iter(annotate_collection(articles, load_nlp(), settings))
    return [(entry, next(annotated)[0] if article is not None else None) for entry, article in cleaned]
