"""``readout build``: ingest -> clean -> annotate -> events -> store, then link, over a store on disk.

Idempotent and incremental by content hash: a capture whose text is already stored is not processed
again, so a second run over the same folder adds nothing and a run over a grown folder processes only
the new captures, then relinks every stored mention into events. Each capture is committed in its own
transaction (manifest row, article, language layer, event mentions); linking runs after, replacing the
events in one transaction. A build killed at any moment therefore loses only uncommitted work, and the
next run redoes exactly that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from readout.clean import CleanContext, clean_capture
from readout.errors import ReadoutError
from readout.model import Annotated, Article, Capture, Event, EventMention, ManifestEntry
from readout.pipeline.dedupe import NearDuplicates
from readout.pipeline.run import captures
from readout.settings import DEFAULT_SETTINGS, Settings
from readout.store import Store, open_store

MODES = ("auto", "text", "html")
# Captures annotated together. The language layer gives canonical names across the collection it is
# given, so larger batches name people more consistently; 64 keeps the spaCy Docs of one batch in
# bounded memory and lets the first commits land within seconds, so a killed build has kept something.
BUILD_BATCH = 64


@dataclass(frozen=True)
class Stages:
    """The heavy stages build calls, resolved once per run (tests substitute small fakes)."""

    load_nlp: Callable[[], Any]
    annotate: Callable[[list[Article], Any, Settings], list[tuple[Annotated, Any]]]
    extract: Callable[[Annotated, Any], list[EventMention]]
    link: Callable[[list[EventMention]], list[Event]]


def default_stages() -> Stages:
    """The real language layer and event stages, imported only when a build has work for them."""
    from readout.events import extract_events, link_events
    from readout.nlp import annotate_collection, load_nlp

    return Stages(load_nlp=load_nlp, annotate=annotate_collection, extract=extract_events, link=link_events)


@dataclass
class BuildSummary:
    """What one build did: every input counted once, by what became of it."""

    inputs: int = 0
    captures: int = 0  # inputs stored as captures (this run or an earlier one)
    new: int = 0  # captures processed by this run
    duplicates: int = 0
    near_duplicates: int = 0
    rejected: int = 0
    events: int = 0
    relinked: bool = False
    warnings: list[str] = field(default_factory=list)

    def describe(self) -> str:
        already = self.captures - self.new
        lines = [
            f"{self.inputs} inputs: {self.captures} captures ({self.new} new, {already} already stored), "
            f"{self.duplicates} duplicates, {self.near_duplicates} near-duplicates, {self.rejected} rejected",
            f"{self.events} events" + (" (relinked)" if self.relinked else " (unchanged)"),
        ]
        return "\n".join(lines + [f"warning: {w}" for w in self.warnings])


def build_store(
    paths: Sequence[str], db: Path, mode: str, console: Console, settings: Settings = DEFAULT_SETTINGS
) -> BuildSummary:
    """Build or extend the store at ``db`` from the captures at ``paths``; see the module docstring."""
    if mode not in MODES:
        raise ReadoutError(f"--mode must be one of {', '.join(MODES)}, not {mode!r}")
    summary = BuildSummary()
    with open_store(db, create=True) as store:
        pending = _account(store, captures(paths, settings), summary)
        stages = default_stages() if pending or store.events_stale else None
        if pending and stages is not None:
            _process(store, pending, mode, stages, settings, console, summary)
        if store.events_stale and stages is not None:
            with console.status("linking events", spinner="dots"):
                store.replace_events(stages.link(store.event_mentions()))
            summary.relinked = True
        summary.events = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    return summary


def _account(
    store: Store, inputs: Iterator[tuple[ManifestEntry, Capture | None]], summary: BuildSummary
) -> list[tuple[ManifestEntry, Capture]]:
    """Record duplicates and rejections; return the captures not yet stored, in input order."""
    pending = []
    for entry, capture in inputs:
        summary.inputs += 1
        if capture is None:
            store.put_entry(entry)
            summary.duplicates += entry.status == "duplicate"
            summary.rejected += entry.status == "rejected"
            continue
        stored_as = store.stored_source(capture.id)
        if stored_as is None:
            pending.append((entry, capture))
        elif stored_as != entry.source:
            store.put_entry(
                replace(
                    entry, status="duplicate", reason=f"same content as {stored_as}", duplicate_of=stored_as
                )
            )
            summary.duplicates += 1
        else:
            previous = store.manifest_entry(entry.source)
            summary.captures += 1
            summary.near_duplicates += bool(previous and previous.near_duplicate_of)
    return pending


def _process(
    store: Store,
    pending: list[tuple[ManifestEntry, Capture]],
    mode: str,
    stages: Stages,
    settings: Settings,
    console: Console,
    summary: BuildSummary,
) -> None:
    """Clean, annotate (in batches) and extract each new capture, committing one capture at a time."""
    near = NearDuplicates(settings)
    for entry, article in store.articles():
        if article.body.strip():
            near.check(entry.source, article.body)
    context = CleanContext()
    nlp = stages.load_nlp()
    columns = (
        TextColumn("[bold]build"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    with Progress(*columns, console=console, transient=False) as progress:
        task = progress.add_task("", total=len(pending))
        for start in range(0, len(pending), BUILD_BATCH):
            cleaned: list[tuple[ManifestEntry, Article]] = []
            for entry, capture in pending[start : start + BUILD_BATCH]:
                try:
                    article = clean_capture(capture, mode, context)
                except Exception as error:  # noqa: BLE001 - one capture's failure is its rejection
                    _reject(store, entry, f"cleaning failed: {type(error).__name__}: {error}", summary)
                    progress.advance(task)
                    continue
                similar = near.check(entry.source, article.body) if article.body.strip() else None
                cleaned.append((replace(entry, near_duplicate_of=similar) if similar else entry, article))
            for (entry, _), annotated, doc in _annotate(cleaned, nlp, stages, settings, store, summary):
                progress.update(task, description=Path(entry.source).name)
                try:
                    mentions = stages.extract(annotated, doc)
                except Exception as error:  # noqa: BLE001 - the capture is kept, without events
                    mentions = []
                    summary.warnings.append(
                        f"{entry.source}: event extraction failed: {type(error).__name__}: {error}"
                    )
                store.put_capture(entry, annotated, mentions)
                summary.captures += 1
                summary.new += 1
                summary.near_duplicates += bool(entry.near_duplicate_of)
                progress.advance(task)
            progress.update(task, completed=min(len(pending), start + BUILD_BATCH))


def _annotate(
    cleaned: list[tuple[ManifestEntry, Article]],
    nlp: Any,
    stages: Stages,
    settings: Settings,
    store: Store,
    summary: BuildSummary,
) -> Iterator[tuple[tuple[ManifestEntry, Article], Annotated, Any]]:
    """The batch annotated together; if that fails, each capture alone, a failing one rejected."""
    if not cleaned:
        return
    try:
        results = stages.annotate([article for _, article in cleaned], nlp, settings)
    except Exception:  # noqa: BLE001 - find the capture at fault below instead of losing the batch
        results = None
    if results is not None and len(results) == len(cleaned):
        for item, (annotated, doc) in zip(cleaned, results, strict=True):
            yield item, annotated, doc
        return
    for item in cleaned:
        try:
            [(annotated, doc)] = stages.annotate([item[1]], nlp, settings)
        except Exception as error:  # noqa: BLE001 - one capture's failure is its rejection
            _reject(store, item[0], f"annotation failed: {type(error).__name__}: {error}", summary)
            continue
        yield item, annotated, doc


def _reject(store: Store, entry: ManifestEntry, reason: str, summary: BuildSummary) -> None:
    store.put_entry(replace(entry, status="rejected", reason=reason, near_duplicate_of=None))
    summary.rejected += 1
