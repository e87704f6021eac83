"""Events benchmark: extraction and linking time against the annotation time of the same captures.

Builds N captures (default 1,000) from the events test fixtures (tests/data/events/sentences.jsonl):
each capture joins 3-6 of those sentences, a few as separate paragraphs, with invented people's
meetings mixed in, seeded so that every run sees the same collection. Then, in the same run:
  baseline  readout.nlp.annotate_collection over all captures (the language layer's time);
  events    extract_events per capture + link_events over all mentions.
Prints both times, the overhead ratio, and PASS when events add at most 25% to annotation.
Usage: .venv/bin/python benchmarks/bench_events.py [N]
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from readout.events import extract_events, link_events
from readout.events.extract import extract_with_counts
from readout.model import Article
from readout.nlp import annotate_collection, load_nlp
from readout.settings import DEFAULT_SETTINGS
from readout.store.synthetic import article_from_blocks

ROOT = Path(__file__).resolve().parents[1]
BOUND = 0.25  # the bar: extraction and linking add at most 25% to annotation time
LEADERS = [
    ("Ruth Nabirye", "Ugandan", "Kampala"),
    ("Joel Otieno", "Kenyan", "Nairobi"),
    ("Lucia Vera", "Chilean", "Santiago"),
    ("Hugo Salas", "Peruvian", "Lima"),
    ("Ivar Lund", "Norwegian", "Oslo"),
    ("Elsa Berg", "Swedish", "Stockholm"),
]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def _meeting(rng: random.Random) -> str:
    (a, na, _), (b, nb, city) = rng.sample(LEADERS, 2)
    day, month, year = rng.randint(1, 28), rng.choice(MONTHS), rng.randint(2010, 2023)
    return (
        f"{na} President {a} met his {nb} counterpart {b} in {city} on {day} {month} {year}. "
        f'"We discussed trade and the need for a joint energy grid," {b.split()[-1]} said.'
    )


def captures(n: int) -> list[Article]:
    rng = random.Random(7)
    sentences = [
        json.loads(line)["text"]
        for line in (ROOT / "tests" / "data" / "events" / "sentences.jsonl").read_text().splitlines()
    ]
    out = []
    for i in range(n):
        parts = rng.sample(sentences, rng.randint(3, 6)) + [_meeting(rng)]
        rng.shuffle(parts)
        paragraphs = [" ".join(parts[k : k + 2]) for k in range(0, len(parts), 2)]
        out.append(article_from_blocks(f"bench-{i:04d}.txt", "\n\n".join(paragraphs)))
    return out


def main(n: int) -> int:
    articles = captures(n)
    nlp = load_nlp()
    for item, doc in annotate_collection(articles[:20], nlp, DEFAULT_SETTINGS):  # warm-up: model, lexicons,
        extract_events(item, doc)  # gazetteer: loaded once per worker, as the model is
    started = time.perf_counter()
    annotated = annotate_collection(articles, nlp, DEFAULT_SETTINGS)
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    dropped = 0
    mentions = []
    for item, doc in annotated:
        found, counts = extract_with_counts(item, doc)
        mentions.extend(found)
        dropped += sum(counts.values())
    extracted = time.perf_counter() - started
    started = time.perf_counter()
    events = link_events(mentions)
    linked = time.perf_counter() - started
    overhead = (extracted + linked) / baseline
    print(f"role values dropped (resolve to no name, or name no party): {dropped}")
    print(
        f"captures {n}: annotation {baseline:.2f}s; extraction {extracted:.2f}s ({len(mentions)} mentions), "
        f"linking {linked:.2f}s ({len(events)} events)"
    )
    print(
        f"events add {overhead:.1%} to annotation (bound {BOUND:.0%}): "
        f"{'PASS' if overhead <= BOUND else 'FAIL'}"
    )
    return 0 if overhead <= BOUND else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000))
