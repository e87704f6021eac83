"""Coded-sentence evaluation: the judge's `coded` figures on an independent, hand-coded sentence set.

Each sentence of tests/data/events/independent.jsonl (wire-style news sentences written without looking at
the lexicon, coded by PLOVER's manual: event, source words, target words) becomes its own one-sentence
capture. The real pipeline runs over them exactly as the judge runs it:
  readout build DIR --db X ; readout events --db X --json
and ../shared/tools/score.py's `coded` function scores the output (imported, not re-implemented, so the
figures are the judge's). Then, from the same scorer's helpers, a per-type breakdown (gold type -> emitted
types) shows where the misses are. Pass --verbose to list every sentence whose type or roles are wrong.
Three sets, by how independent they are of the rules (each line: id, text, event, source, target):
  independent.jsonl     185 sentences written before the lexicon was read; the rules were then improved on
                        its misses, so its figures after that are optimistic;
  heldout.jsonl         72 sentences written after the first round of fixes, measured once, then used for
                        a second round;
  final_heldout.jsonl   45 sentences written last and never used to change a rule: the honest figure.
Usage: .venv/bin/python benchmarks/eval_coded.py [--verbose] [--gold FILE]
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCORE = ROOT.parent / "shared" / "tools" / "score.py"
READOUT = ROOT / ".venv" / "bin" / "readout"
DEFAULT_GOLD = ROOT / "tests" / "data" / "events" / "independent.jsonl"


def load_scorer():
    """The judge's scorer module, loaded from its file (it is not a package)."""
    spec = importlib.util.spec_from_file_location("readout_judge_score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_pipeline(rows: list[dict], work: Path) -> Path:
    """One capture per sentence, built and exported by the CLI; returns the events JSON file."""
    captures = work / "captures"
    captures.mkdir()
    for row in rows:
        (captures / f"{row['id']}.txt").write_text(row["text"] + "\n", encoding="utf-8")
    db = work / "coded.db"
    subprocess.run([str(READOUT), "build", str(captures), "--db", str(db)], check=True,
                   stdout=subprocess.DEVNULL)
    out = work / "events.json"
    with out.open("w", encoding="utf-8") as handle:
        subprocess.run([str(READOUT), "events", "--db", str(db), "--json"], check=True, stdout=handle)
    return out


def role_ok(score, gold: dict, event: dict) -> bool:
    """The scorer's actor/recipient rule for one emitted record of the right type."""
    if score.type_of(event) in score.SYMMETRIC:
        actor = recip = (score.names(event.get("actor")) + score.names(event.get("recipient"))
                         + score.names(event.get("participants")))
    else:
        actor, recip = score.names(event.get("actor")), score.names(event.get("recipient"))
        if actor and set(actor) == set(recip):
            return False
    return score.role_match(gold["source"], actor) and (
        not gold["target"] or score.role_match(gold["target"], recip))


def breakdown(score, gold: dict[str, dict], out: Path, verbose: bool) -> None:
    """Per gold type: sentences, type right, type+roles right, and what was emitted instead."""
    events = score.load_json(out).get("events", [])
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for event in events:
        for name in score.doc_names(event):
            by_doc[name.split(".")[0]].append(event)
    rows: dict[str, Counter] = defaultdict(Counter)
    confusion: dict[str, Counter] = defaultdict(Counter)
    for key, g in gold.items():
        want = score.PLOVER_ALIASES.get(g["event"], {g["event"]})
        label = sorted(want - {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"} or want)[0]
        evs = by_doc.get(key, [])
        same = [e for e in evs if score.type_of(e) in want]
        full = any(role_ok(score, g, e) for e in same)
        rows[label]["n"] += 1
        rows[label]["typed"] += bool(same)
        rows[label]["full"] += full
        for e in evs:
            if score.type_of(e) not in want:
                confusion[label][score.type_of(e)] += 1
        if not evs:
            confusion[label]["(none)"] += 1
        if verbose and not full:
            got = [(score.type_of(e), score.names(e.get("actor")), score.names(e.get("recipient")))
                   for e in evs]
            print(f"{key} {g['event']} {g['source']} -> {g['target']}\n   got {got}\n   {g['text']}")
    print(f"{'type':<11}{'n':>4}{'typed':>7}{'full':>6}  emitted instead")
    for label, c in sorted(rows.items(), key=lambda kv: kv[1]["typed"] / kv[1]["n"]):
        others = ", ".join(f"{t} {k}" for t, k in confusion[label].most_common(4))
        print(f"{label:<11}{c['n']:>4}{c['typed']:>7}{c['full']:>6}  {others}")


def main(argv: list[str]) -> None:
    verbose = "--verbose" in argv
    gold_path = Path(argv[argv.index("--gold") + 1]) if "--gold" in argv else DEFAULT_GOLD
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold = {row["id"]: {k: row[k] for k in ("event", "source", "target", "text")} for row in rows}
    score = load_scorer()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        out = run_pipeline(rows, work)
        gold_file = work / "gold.json"
        gold_file.write_text(json.dumps(gold), encoding="utf-8")
        score.coded(gold_file, out)
        breakdown(score, gold, out, verbose)


if __name__ == "__main__":
    main(sys.argv[1:])
