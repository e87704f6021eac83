"""Throughput of the annotation stage against bare ``nlp.pipe`` of the same model on the same texts.

Target: annotate_collection takes at most 1.2x the bare pipe. Both run in this one process on the same
generated English news bodies (invented people, places and dates, varied per document so no cache is
trivially warm); each is warmed up once, then the two are timed alternately, best of N each. Wall time
and this process's CPU time are both printed; the machine is shared, so the verdict is read on CPU time
(other processes' load inflates wall time unevenly). Usage:
    .venv/bin/python benchmarks/bench_annotate.py [--docs 300] [--repeats 3]
"""

from __future__ import annotations

import argparse
import random
import time

from readout.model import Article, make_paragraphs
from readout.nlp import annotate_collection, load_nlp
from readout.settings import DEFAULT_SETTINGS

TARGET_RATIO = 1.2
GIVEN = ["Mara", "Tomas", "Ilse", "Marek", "Lena", "Ivan", "Karim", "Anneke", "Piet", "Noor", "Sofia",
         "Elias"]
SURNAMES = ["Lind", "Halvorsen", "Brandvold", "Tanzer", "Okafor", "Zhukovsky", "al-Haddad", "Vos", "Brandt",
            "Castellan", "Moreau", "Kovalenko"]
PLACES = ["Tallinn", "Oslo", "Riga", "Bergen", "Warsaw", "Lisbon", "Vienna", "Helsinki", "Gdansk", "Porto"]
COUNTRIES = ["Valdoria", "Norway", "Estonia", "Latvia", "Poland", "Portugal", "Austria", "Finland"]
DEMONYMS = ["Valdorian", "Norwegian", "Estonian", "Latvian", "Polish", "Portuguese", "Austrian", "Finnish"]
TITLES = ["President", "Foreign Minister", "Defence Minister", "Prime Minister"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
TEMPLATES = [
    "{dem} {title} {full} arrived in {place} on {weekday} for talks with {full2}, officials said.",
    "The two sides discussed trade, energy and border security, according to a statement from the ministry.",
    "Mr. {sur} told reporters in {place} that the talks on {month} {day} had been useful and frank.",
    "The {dem} {title} said the agreement signed on {day} {month} {year} would be reviewed next year.",
    "{full2} and {sur} met at the harbour office; it was their second meeting since {month} {year}.",
    "Analysts in {place2} said the visit showed how far relations with {country} had improved.",
    "\u201cWe have agreed to continue the work,\u201d {sur} said after the meeting, adding more was needed.",
    "Dr. {sur2} welcomed the decision and thanked the people of {country} for their patience.",
    "As of {month} {day}, {year}, more than {n} inspectors had visited the ports of {country}.",
    "The delegation left {place} for {place2} on {weekday}, {month} {day}, a spokesman said.",
    "Critics in {country} said the plan was rushed and asked the {dem} government to publish it in full.",
    "Talks are expected to resume in {place2} later this year, the foreign ministry of {country} said.",
]


def generate(count: int, seed: int = 11) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    for n in range(count):
        paragraphs = []
        for _ in range(rng.randint(8, 14)):
            slots = dict(
                full=f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}",
                full2=f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}",
                sur=rng.choice(SURNAMES), sur2=rng.choice(SURNAMES), place=rng.choice(PLACES),
                place2=rng.choice(PLACES), country=rng.choice(COUNTRIES), dem=rng.choice(DEMONYMS),
                title=rng.choice(TITLES), weekday=rng.choice(WEEKDAYS), month=rng.choice(MONTHS),
                day=rng.randint(1, 28), year=rng.randint(2005, 2024), n=rng.randint(20, 900))
            sentences = [rng.choice(TEMPLATES).format(**slots) for _ in range(rng.randint(1, 3))]
            paragraphs.append(" ".join(sentences))
        lines, items = [], []
        for text in paragraphs:
            items.append((text, (len(lines) + 1, len(lines) + 1), "content"))
            lines.extend([text, ""])
        articles.append(Article(source=f"bench{n}.txt", url=None, id=f"{n:016x}", mode="text",
                                text="\n".join(lines), title=None, title_lines=None, byline=None,
                                published=None, language="en", paragraphs=make_paragraphs(items)))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    nlp = load_nlp()
    settings = DEFAULT_SETTINGS
    articles = generate(args.docs)
    bodies = [a.body for a in articles]
    warm = generate(8, seed=3)
    list(nlp.pipe([a.body for a in warm], batch_size=settings.nlp_batch_size))
    annotate_collection(warm, nlp, settings)

    def bare() -> int:
        return sum(len(doc) for doc in nlp.pipe(bodies, batch_size=settings.nlp_batch_size))

    def ours() -> int:
        return sum(len(doc) for _, doc in annotate_collection(articles, nlp, settings))

    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    tokens = 0
    for _ in range(args.repeats):
        for name, run in (("bare nlp.pipe", bare), ("annotate_collection", ours)):
            start, start_cpu = time.perf_counter(), time.process_time()
            tokens = run()
            wall[name] = min(wall.get(name, float("inf")), time.perf_counter() - start)
            cpu[name] = min(cpu.get(name, float("inf")), time.process_time() - start_cpu)
    for name in wall:
        for clock, seconds in (("wall", wall[name]), ("cpu", cpu[name])):
            print(f"{name:20s} {clock:4s} {len(bodies)} docs, {tokens} tokens in {seconds:.2f}s: "
                  f"{len(bodies) / seconds:.1f} docs/s, {tokens / seconds:.0f} tokens/s")
    wall_ratio = wall["annotate_collection"] / wall["bare nlp.pipe"]
    cpu_ratio = cpu["annotate_collection"] / cpu["bare nlp.pipe"]
    verdict = "PASS" if cpu_ratio <= TARGET_RATIO else "FAIL"
    print(f"ratio annotate/bare: cpu {cpu_ratio:.3f}, wall {wall_ratio:.3f} "
          f"(target <= {TARGET_RATIO}, read on cpu) {verdict}")


if __name__ == "__main__":
    main()
