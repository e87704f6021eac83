"""Latency of ``ask`` on a store of many generated captures: median and p95 against a bare FTS5 query.

Target: p95 <= 100 ms per question on a store of at least 10,000 captures. The store is generated
through the Store's own write API (``put_capture`` per capture, then ``replace_events``) from invented
meeting reports (readout.store.synthetic), so the figures measure the store and ask, not spaCy. The
baseline, measured in the same run on the same store, is one bare FTS5 BM25 query per question: the
least any retrieval over these sentences costs. Usage:
    .venv/bin/python benchmarks/bench_ask.py [--captures 10000] [--questions 300] [--db PATH]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from readout.answer import answer_question
from readout.store import open_store
from readout.store.synthetic import MONTH_NAMES, generated_collection

TARGET_P95_MS = 100.0
KINDS = [
    "What did {a} and {b} discuss in {place}?",
    "When did {a} meet {b} in {place}?",
    "Who met {b} in {place} in {year}?",
    "Where did {a} meet {b}?",
    "Which meetings took place in {place} in {month} {year}?",
    "Did {a} meet {b} in Atlantis?",
]


def generate_store(db: Path, count: int) -> list[tuple[str, str, str, str]]:
    """Write ``count`` generated captures and their events; return (visitor, host, place, date) of each."""
    facts, events = [], []
    started = time.perf_counter()
    with open_store(db, create=True) as store:
        for entry, annotated, mentions, event in generated_collection(count):
            store.put_capture(entry, annotated, mentions)
            events.append(event)
            facts.append((event.actor[0], event.recipient[0], event.place or "", event.date.value or ""))
        store.replace_events(events)
    print(f"generated {count} captures and {len(events)} events in {time.perf_counter() - started:.1f} s")
    return facts


def facts_of(db: Path) -> list[tuple[str, str, str, str]]:
    with open_store(db, create=False) as store:
        return [(e.actor[0], e.recipient[0], e.place or "", e.date.value or "") for e in store.events()]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--captures", type=int, default=10_000)
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--db", type=Path, default=None, help="reuse (or create) the generated store here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.db"
        reuse = db.exists()
        facts = facts_of(db) if reuse else generate_store(db, args.captures)
        rng = random.Random(5)
        questions = []
        for n in range(args.questions):
            visitor, host, place, day = rng.choice(facts)
            questions.append(
                KINDS[n % len(KINDS)].format(
                    a=visitor, b=host, place=place, year=day[:4], month=MONTH_NAMES[int(day[5:7]) - 1]
                )
            )
        with open_store(db, create=False) as store:
            captures = store.capture_count()
            answer_question(questions[0], store)  # warm the page cache once
            baseline, latency, statuses = [], [], {}
            for question in questions:
                words = [w for w in question.rstrip("?").split() if len(w) > 3]
                started = time.perf_counter()
                store.search_sentences(words, limit=50)
                baseline.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                answer = answer_question(question, store)
                latency.append((time.perf_counter() - started) * 1000)
                statuses[answer.status] = statuses.get(answer.status, 0) + 1
    median, p95 = statistics.median(latency), percentile(latency, 0.95)
    print(f"store: {captures} captures; {len(questions)} questions; statuses {statuses}")
    print(
        f"baseline bare FTS5 query: median {statistics.median(baseline):.1f} ms, "
        f"p95 {percentile(baseline, 0.95):.1f} ms"
    )
    print(
        f"ask: median {median:.1f} ms, p95 {p95:.1f} ms (target p95 <= {TARGET_P95_MS:.0f} ms): "
        f"{'PASS' if p95 <= TARGET_P95_MS and captures >= 10_000 else 'FAIL'}"
    )


if __name__ == "__main__":
    main()
