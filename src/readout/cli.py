"""The ``readout`` command: parses arguments, calls library functions, turns errors into exit codes.

Stages are imported inside their commands so that ``readout clean`` does not pay for loading spaCy.
With ``--json``/``--jsonl`` stdout carries only that output; progress and messages go to stderr.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated as Arg

import typer
from rich.console import Console

from readout.errors import ReadoutError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Cited, date-honest accounts of events from raw web captures of news articles.")
eval_app = typer.Typer(no_args_is_help=True, help="Score readout's stages against gold files.")
app.add_typer(eval_app, name="eval")
err = Console(stderr=True)

PathsArg = Arg[list[str], typer.Argument(help="Files, folders (recursive) or globs.")]
ModeOpt = Arg[str, typer.Option("--mode", help="auto, text or html.")]
DbOpt = Arg[Path, typer.Option("--db", help="The SQLite store.")]


def _emit_jsonl(records) -> None:
    from readout.records import json_line

    out = sys.stdout
    for record in records:
        out.write(json_line(record) + "\n")
    out.flush()


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[red]error:[/red] {message}", markup=True, highlight=False)
    raise typer.Exit(code)


def _exit_for(entries) -> None:
    """Exit 0 unless every input failed (or there was none)."""
    if not entries:
        _fail("no input found at the given paths", 2)
    if all(e.status == "rejected" for e in entries):
        _fail("every input was rejected; see the reasons in the output", 1)


@app.command()
def clean(paths: PathsArg, mode: ModeOpt = "auto",
          jsonl: Arg[bool, typer.Option("--jsonl", help="One clean_record per capture on stdout.")] = True
          ) -> None:
    """Split each capture into article, metadata, chrome and comments."""
    from readout.pipeline.run import clean_all
    from readout.records import clean_record

    if mode not in ("auto", "text", "html"):
        _fail(f"--mode must be auto, text or html, not {mode!r}", 2)
    entries = []

    def records():
        for entry, article in clean_all(paths, mode):
            entries.append(entry)
            yield clean_record(entry, article)

    try:
        _emit_jsonl(records())
    except ReadoutError as error:
        _fail(str(error))
    _exit_for(entries)


@app.command()
def annotate(paths: PathsArg, mode: ModeOpt = "auto",
             jsonl: Arg[bool, typer.Option("--jsonl", help="One annotate_record per capture.")] = True
             ) -> None:
    """Sentences, canonical entities and dates with evidence, mapped back to capture lines."""
    from readout.pipeline.run import annotate_all
    from readout.records import annotate_record

    try:
        results = annotate_all(paths, mode)
    except ReadoutError as error:
        _fail(str(error))
    _emit_jsonl(annotate_record(entry, annotated) for entry, annotated in results)
    _exit_for([entry for entry, _ in results])


@app.command()
def build(paths: PathsArg, db: DbOpt = Path("readout.db"), mode: ModeOpt = "auto") -> None:
    """Ingest, clean, annotate, extract and link events, and store them (idempotent, incremental)."""
    from readout.pipeline.build import build_store

    try:
        summary = build_store(paths, db, mode, console=err)
    except ReadoutError as error:
        _fail(str(error))
    err.print(summary.describe(), highlight=False)
    if summary.inputs == 0:
        _fail("no input found at the given paths", 2)
    if summary.inputs == summary.rejected:
        _fail("every input was rejected; see `readout manifest`", 1)


@app.command()
def events(
    db: DbOpt = Path("readout.db"),
    as_json: Arg[bool, typer.Option("--json", help="The events_output JSON.")] = False,
    fmt: Arg[str, typer.Option("--format", help="json, gdelt-csv or plover-json.")] = "json",
) -> None:
    """The linked events of a store, ordered by date."""
    from readout.events.export import EXPORTERS
    from readout.store import open_store

    if fmt not in EXPORTERS:
        _fail(f"--format must be one of {', '.join(EXPORTERS)}", 2)
    try:
        with open_store(db, create=False) as store:
            sys.stdout.write(EXPORTERS[fmt](store.events()))
    except ReadoutError as error:
        _fail(str(error))


@app.command()
def timeline(db: DbOpt = Path("readout.db")) -> None:
    """A readable timeline; undated events placed by their bounds and marked."""
    from readout.events.timeline import render_timeline
    from readout.store import open_store

    try:
        with open_store(db, create=False) as store:
            sys.stdout.write(render_timeline(store.events()))
    except ReadoutError as error:
        _fail(str(error))


@app.command()
def ask(
    question: Arg[str, typer.Argument(help="A question about the events in the store.")],
    db: DbOpt = Path("readout.db"),
    as_json: Arg[bool, typer.Option("--json", help="The answer JSON.")] = False,
) -> None:
    """Answer a question from the store, extractively, with citations."""
    from readout.answer import answer_question, render_plain
    from readout.records import plain
    from readout.store import open_store

    try:
        with open_store(db, create=False) as store:
            answer = answer_question(question, store)
    except ReadoutError as error:
        _fail(str(error))
    sys.stdout.write(json.dumps(plain(answer), ensure_ascii=False, indent=2) + "\n" if as_json
                     else render_plain(answer))


@app.command()
def show(
    source: Arg[str, typer.Argument(help="A capture's source, as the manifest names it.")],
    db: DbOpt = Path("readout.db"),
    lines: Arg[str | None, typer.Option("--lines", help="A-B: only these lines.")] = None,
) -> None:
    """Print a capture's stored text with line numbers, to check any citation by eye."""
    from readout.store import open_store

    try:
        with open_store(db, create=False) as store:
            text = store.capture_text(source)
    except ReadoutError as error:
        _fail(str(error))
    all_lines = text.split("\n")
    first, last = 1, len(all_lines)
    if lines:
        try:
            a, _, b = lines.partition("-")
            first, last = int(a), int(b or a)
        except ValueError:
            _fail(f"--lines takes A-B, not {lines!r}", 2)
    width = len(str(last))
    for number in range(max(1, first), min(last, len(all_lines)) + 1):
        print(f"{number:>{width}}  {all_lines[number - 1]}")


@app.command()
def report(
    db: DbOpt = Path("readout.db"),
    out: Arg[Path, typer.Option("-o", "--out", help="Output folder.")] = Path("report"),
) -> None:
    """Write the readout report: DIR/index.html (self-contained) and DIR/readout.md."""
    from readout.report import write_report
    from readout.store import open_store

    try:
        with open_store(db, create=False) as store:
            path = write_report(store, out)
    except ReadoutError as error:
        _fail(str(error))
    print(path)


@app.command()
def manifest(
    db: DbOpt = Path("readout.db"),
    as_json: Arg[bool, typer.Option("--json", help="The manifest JSON.")] = False,
) -> None:
    """Every input of the store exactly once: processed, duplicate or rejected, with reasons."""
    from readout.records import manifest_record
    from readout.store import open_store

    try:
        with open_store(db, create=False) as store:
            entries = store.manifest()
    except ReadoutError as error:
        _fail(str(error))
    if as_json:
        print(json.dumps(manifest_record(entries), ensure_ascii=False, indent=2))
    else:
        for e in entries:
            print(f"{e.status:10} {e.source}  {e.reason or ''}")


@eval_app.command("cleaning")
def eval_cleaning(
    gold: Arg[Path, typer.Option("--gold", help="Line labels, as ../shared/gold/cleaning.json.")],
    captures: Arg[Path, typer.Option("--captures", help="The folder of the labelled captures.")],
) -> None:
    """Precision, recall, F1, comment leaks and titles of text-mode cleaning against line labels."""
    from readout.clean.evaluate import evaluate_cleaning

    report = evaluate_cleaning(gold, captures)
    for line in report.lines():
        print(line)


@eval_app.command("events")
def eval_events(
    gold: Arg[Path, typer.Option("--gold", help="Gold events, as ../shared/gold/events.json.")],
    captures: Arg[Path | None, typer.Option("--captures", help="Captures to score.")] = None,
    db: Arg[Path | None, typer.Option("--db", help="Score this store instead of building one.")] = None,
) -> None:
    """Meetings, false dates, secondary events, attributions, roles and topics against gold events."""
    from readout.events.evaluate import evaluate_events

    for line in evaluate_events(gold, captures, db).lines():
        print(line)


def main() -> None:  # pragma: no cover - the console script entry point
    app()
