"""Time of ``readout build`` against bare spaCy ``nlp.pipe`` over the same capture texts.

Target: build takes at most 1.5x the bare pipe. Both run in this one process on the same generated
captures (invented news reports, the generator of bench_annotate.py, written to files with a headline);
the model is loaded and warmed once before either is timed (build's worker processes load their own,
inside its timing), so the figures compare work per capture:
build's ingest, cleaning, annotation, event extraction, SQLite commits (one transaction per capture)
and linking against spaCy's parse alone. Each build starts from an empty store. ``--workers 1`` keeps
the whole build in one process, as the bare pipe is. Usage:
    .venv/bin/python benchmarks/bench_build.py [--docs 300] [--repeats 2] [--workers 2]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from rich.console import Console

from readout.nlp import load_nlp
from readout.pipeline import build
from readout.pipeline.build import build_store
from readout.settings import DEFAULT_SETTINGS

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_annotate import generate  # noqa: E402 - the shared generator of invented news bodies

TARGET_RATIO = 1.5


def write_captures(folder: Path, count: int, seed: int) -> list[str]:
    """``count`` capture files (headline, blank line, the body); return their texts."""
    folder.mkdir(parents=True)
    texts = []
    for n, article in enumerate(generate(count, seed=seed)):
        text = f"Officials meet for talks, report {n}\n\n{article.text}\n"
        (folder / f"capture{n:05d}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return texts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument(
        "--workers",
        type=int,
        default=build.MAX_WORKERS,
        help="at most this many worker processes (1: all in this process)",
    )
    args = parser.parse_args()
    build.MAX_WORKERS = args.workers
    nlp = load_nlp()
    quiet = Console(stderr=True, quiet=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        texts = write_captures(root / "captures", args.docs, seed=11)
        write_captures(root / "warm", 8, seed=3)
        build_store([str(root / "warm")], root / "warm.db", "auto", quiet)
        list(nlp.pipe(texts[:8], batch_size=DEFAULT_SETTINGS.nlp_batch_size))

        def bare() -> str:
            tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=DEFAULT_SETTINGS.nlp_batch_size))
            return f"{tokens} tokens"

        def ours(run: int) -> str:
            summary = build_store([str(root / "captures")], root / f"build{run}.db", "auto", quiet)
            return f"{summary.new} captures, {summary.events} events"

        timings: dict[str, float] = {}
        notes: dict[str, str] = {}
        for run in range(args.repeats):
            for name, job in (("bare nlp.pipe", bare), ("readout build", lambda run=run: ours(run))):
                start = time.perf_counter()
                notes[name] = job()
                timings[name] = min(timings.get(name, float("inf")), time.perf_counter() - start)
    for name, seconds in timings.items():
        print(
            f"{name:14s} {args.docs} captures in {seconds:.2f}s ({args.docs / seconds:.1f}/s): {notes[name]}"
        )
    ratio = timings["readout build"] / timings["bare nlp.pipe"]
    print(f"build used up to {build._workers()} worker process(es) for batches of {build.BUILD_BATCH}")
    verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
    print(f"ratio build/bare: {ratio:.3f} (target <= {TARGET_RATIO}) {verdict}")


if __name__ == "__main__":
    main()
