"""``readout build``: ingest -> clean -> annotate -> events -> store, then link, over a store on disk.

Idempotent and incremental by content hash: a capture whose text is already stored is not processed
again, so a second run over the same folder adds nothing and a run over a grown folder processes only
the new captures, then relinks every stored mention into events. Each capture is committed in its own
transaction (manifest row, article, language layer, event mentions); linking runs after, replacing the
events in one transaction. A build killed at any moment therefore loses only uncommitted work, and the
next run redoes exactly that.

Work per batch (clean, annotate, extract) is a pure function of the batch, so several batches run at
once in worker processes (each loading the model once) while this process commits their results in
input order; a build of a single batch runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from readout.clean import CleanContext, clean_capture
from readout.clean.context import build_context
from readout.errors import InputError, ReadoutError
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
# Worker processes for builds of several batches: one per available core, at most two, since each holds
# its own copy of the spaCy model (a few hundred MB) and the parse is what they share out.
MAX_WORKERS = 2


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
        work = _account(store, captures(paths, settings), summary)
        stages = default_stages() if work.pending or store.events_stale else None
        if work.pending and stages is not None:
            # Site furniture (lines repeated across captures of one site) from every text capture of
            # this run, as `readout clean` sees it: a rerun after a kill computes the same context.
            context = build_context(c for _, c in work.inputs if c.format == "text")
            _process(store, work, mode, stages, settings, console, summary, context)
        if store.events_stale and stages is not None:
            with console.status("linking events", spinner="dots"):
                store.replace_events(_unique_ids(stages.link(store.event_mentions()), summary))
            summary.relinked = True
        summary.events = store.conn.execute("SELECT count(*) FROM events").fetchone()[0]
    return summary


@dataclass
class Work:
    """The inputs that are captures: all of them in input order, and those not yet stored."""

    inputs: list[tuple[ManifestEntry, Capture]] = field(default_factory=list)
    pending: list[tuple[ManifestEntry, Capture]] = field(default_factory=list)


def _account(
    store: Store, inputs: Iterator[tuple[ManifestEntry, Capture | None]], summary: BuildSummary
) -> Work:
    """Record duplicates and rejections; return the captures, and which of them are not stored yet."""
    work = Work()
    for entry, capture in inputs:
        summary.inputs += 1
        if capture is None:
            store.put_entry(entry)
            summary.duplicates += entry.status == "duplicate"
            summary.rejected += entry.status == "rejected"
            continue
        stored_as = store.stored_source(capture.id)
        previous = store.manifest_entry(entry.source)
        if stored_as is None and previous and previous.status == "rejected" and previous.id == capture.id:
            # Rejected by an earlier run for what this text is (cleaning, annotation): the same text
            # fails the same way, and retrying it would shift the batches a rerun annotates together.
            summary.rejected += 1
            continue
        if stored_as is None:
            work.inputs.append((entry, capture))
            work.pending.append((entry, capture))
        elif stored_as != entry.source:
            store.put_entry(
                replace(
                    entry, status="duplicate", reason=f"same content as {stored_as}", duplicate_of=stored_as
                )
            )
            summary.duplicates += 1
        else:
            work.inputs.append((entry, capture))
            summary.captures += 1
            summary.near_duplicates += bool(previous and previous.near_duplicate_of)
    return work


Batch = list[tuple[ManifestEntry, Capture, bool]]


@dataclass(frozen=True)
class Outcome:
    """What became of one capture of a batch: its annotation and mentions, or why it was rejected."""

    entry: ManifestEntry
    stored: bool  # already in the store: annotated only as company for the rest of its batch
    annotated: Annotated | None = None
    mentions: tuple[EventMention, ...] = ()
    rejection: str | None = None
    warning: str | None = None


def _batches(store: Store, work: Work) -> list[Batch]:
    """The batches to annotate, each item with whether it is already stored.

    A batch a killed build was committing comes first, whole, so that its remaining captures are
    annotated in the same company as in a clean run; the rest follow in batches of ``BUILD_BATCH``.
    """
    unfinished = set(store.unfinished_batch())
    pending_ids = {capture.id for _, capture in work.pending}
    first = [(e, c, c.id not in pending_ids) for e, c in work.inputs if c.id in unfinished]
    if not any(not stored for *_, stored in first):
        first = []
    taken = {c.id for _, c, _ in first}
    rest = [(e, c, False) for e, c in work.pending if c.id not in taken]
    return ([first] if first else []) + [rest[i : i + BUILD_BATCH] for i in range(0, len(rest), BUILD_BATCH)]


def run_batch(
    batch: Batch, mode: str, stages: Stages, nlp: Any, settings: Settings, context: CleanContext | None = None
) -> list[Outcome]:
    """Clean, annotate together and extract events from one batch; a capture's failure is its own."""
    context = context or CleanContext()
    cleaned: list[tuple[ManifestEntry, Article, bool]] = []
    outcomes: dict[int, Outcome] = {}
    for k, (entry, capture, stored) in enumerate(batch):
        try:
            cleaned.append((entry, clean_capture(capture, mode, context), stored))
        except InputError as error:  # a capture that cannot be rendered says why in its own words
            outcomes[k] = Outcome(entry, stored, rejection=str(error))
        except Exception as error:  # noqa: BLE001 - one capture's failure is its rejection
            outcomes[k] = Outcome(
                entry, stored, rejection=f"cleaning failed: {type(error).__name__}: {error}"
            )
    order = [k for k in range(len(batch)) if k not in outcomes]
    results = _annotate(cleaned, nlp, stages, settings)
    for k, (entry, stored, annotated, doc, failure) in zip(order, results, strict=True):
        if failure is not None or stored:
            outcomes[k] = Outcome(entry, stored, rejection=failure)
            continue
        try:
            outcomes[k] = Outcome(entry, stored, annotated, tuple(stages.extract(annotated, doc)))
        except Exception as error:  # noqa: BLE001 - the capture is kept, without events
            warning = f"{entry.source}: event extraction failed: {type(error).__name__}: {error}"
            outcomes[k] = Outcome(entry, stored, annotated, warning=warning)
    return [outcomes[k] for k in range(len(batch))]


def _annotate(
    cleaned: list[tuple[ManifestEntry, Article, bool]], nlp: Any, stages: Stages, settings: Settings
) -> Iterator[tuple[ManifestEntry, bool, Any, Any, str | None]]:
    """The batch annotated together; if that fails, each capture alone, a failing one with its reason."""
    if not cleaned:
        return
    try:
        results = stages.annotate([article for _, article, _ in cleaned], nlp, settings)
    except Exception:  # noqa: BLE001 - find the capture at fault below instead of losing the batch
        results = None
    if results is not None and len(results) == len(cleaned):
        for (entry, _, stored), (annotated, doc) in zip(cleaned, results, strict=True):
            yield entry, stored, annotated, doc, None
        return
    for entry, article, stored in cleaned:
        try:
            [(annotated, doc)] = stages.annotate([article], nlp, settings)
        except Exception as error:  # noqa: BLE001 - one capture's failure is its rejection
            yield entry, stored, None, None, f"annotation failed: {type(error).__name__}: {error}"
            continue
        yield entry, stored, annotated, doc, None


_WORKER: tuple[Stages, Any] | None = None


def _start_worker() -> None:
    """Load the stages and the model once per worker process."""
    global _WORKER
    stages = default_stages()
    _WORKER = (stages, stages.load_nlp())


def _run_batch_in_worker(batch: Batch, mode: str, settings: Settings, context: CleanContext) -> list[Outcome]:
    assert _WORKER is not None, "worker not started"
    stages, nlp = _WORKER
    return run_batch(batch, mode, stages, nlp, settings, context)


def _workers() -> int:
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(MAX_WORKERS, available))


def _outcomes(
    batches: list[Batch],
    mode: str,
    stages: Stages,
    settings: Settings,
    pool: Executor | None,
    context: CleanContext | None = None,
) -> Iterator[list[Outcome]]:
    """Each batch's outcomes in order: from the worker pool when there is one, else in this process.

    A pool that cannot start or breaks (no shared memory for its locks, a worker killed) hands the
    batches it has not delivered back to this process.
    """
    context = context or CleanContext()
    if pool is not None:
        done = 0
        try:
            for outcomes in pool.map(
                _run_batch_in_worker,
                batches,
                [mode] * len(batches),
                [settings] * len(batches),
                [context] * len(batches),
            ):
                yield outcomes
                done += 1
            return
        except (OSError, BrokenProcessPool):
            batches = batches[done:]
    nlp = stages.load_nlp()
    for batch in batches:
        yield run_batch(batch, mode, stages, nlp, settings, context)


def _process(
    store: Store,
    work: Work,
    mode: str,
    stages: Stages,
    settings: Settings,
    console: Console,
    summary: BuildSummary,
    context: CleanContext,
) -> None:
    """Run the batches and commit their captures one at a time, in input order."""
    near = NearDuplicates(settings)
    for entry, article in store.articles():
        if article.body.strip():
            near.check(entry.source, article.body)
    batches = _batches(store, work)
    workers = _workers() if len(batches) > 1 else 1
    # Spawned, not forked: the progress bar's thread must not be copied into a child mid-lock.
    pool = (
        ProcessPoolExecutor(workers, multiprocessing.get_context("spawn"), initializer=_start_worker)
        if workers > 1
        else None
    )
    columns = (
        TextColumn("[bold]build"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
    )
    try:
        with Progress(*columns, console=console, transient=False) as progress:
            task = progress.add_task("", total=len(work.pending))
            for batch, outcomes in zip(
                batches, _outcomes(batches, mode, stages, settings, pool, context), strict=True
            ):
                store.set_unfinished_batch([capture.id for _, capture, _ in batch])
                for outcome in outcomes:
                    if outcome.stored:
                        continue
                    _commit(store, outcome, near, summary)
                    progress.update(task, description=Path(outcome.entry.source).name)
                    progress.advance(task)
                store.set_unfinished_batch(None)
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def _commit(store: Store, outcome: Outcome, near: NearDuplicates, summary: BuildSummary) -> None:
    entry = outcome.entry
    if outcome.rejection is not None or outcome.annotated is None:
        store.put_entry(replace(entry, status="rejected", reason=outcome.rejection, near_duplicate_of=None))
        summary.rejected += 1
        return
    body = outcome.annotated.article.body
    similar = near.check(entry.source, body) if body.strip() else None
    if similar:
        entry = replace(entry, near_duplicate_of=similar)
    if outcome.warning:
        summary.warnings.append(outcome.warning)
    store.put_capture(entry, outcome.annotated, outcome.mentions)
    summary.captures += 1
    summary.new += 1
    summary.near_duplicates += bool(similar)


def _unique_ids(events: list[Event], summary: BuildSummary) -> list[Event]:
    """The events with distinct ids: a repeated id (a linker fault) gets a suffix, and a warning."""
    seen: dict[str, int] = {}
    out = []
    for event in events:
        seen[event.id] = seen.get(event.id, 0) + 1
        if seen[event.id] > 1:
            summary.warnings.append(
                f"the linker gave two events the id {event.id}; the later is {event.id}-{seen[event.id]}"
            )
            event = replace(event, id=f"{event.id}-{seen[event.id]}")
        out.append(event)
    return out
