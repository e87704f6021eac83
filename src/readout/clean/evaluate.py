"""Text-mode cleaning scored against line labels (../shared/gold/cleaning.json), as the gold file's
``about`` says: word-level precision and recall of the body against the content lines, the headline
scored as the title (not body), metadata lines neutral, comment lines leaking into the body counted
apart, and the title compared word for word.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from readout.clean import clean_capture
from readout.clean.context import build_context
from readout.model import Article, Capture

WORD = re.compile(r"\w+", re.UNICODE)
# A comment line leaks when its words appear in the body in order; shorter lines match by chance.
LEAK_MIN_WORDS = 4


def words(text: str | None) -> list[str]:
    return [w.lower() for w in WORD.findall(text or "")]


def expand(ranges: list[list[int]]) -> set[int]:
    return {n for a, b in ranges for n in range(a, b + 1)}


@dataclass(frozen=True)
class FileScore:
    name: str
    true_positive: int
    false_positive: int
    false_negative: int
    leaks: int
    title_right: bool
    published: str | None


@dataclass(frozen=True)
class CleaningReport:
    files: tuple[FileScore, ...] = field(default_factory=tuple)

    @property
    def precision(self) -> float:
        tp, fp = sum(f.true_positive for f in self.files), sum(f.false_positive for f in self.files)
        return tp / (tp + fp) if tp + fp else 0.0

    @property
    def recall(self) -> float:
        tp, fn = sum(f.true_positive for f in self.files), sum(f.false_negative for f in self.files)
        return tp / (tp + fn) if tp + fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def leaks(self) -> int:
        return sum(f.leaks for f in self.files)

    @property
    def titles(self) -> int:
        return sum(f.title_right for f in self.files)

    @property
    def published(self) -> int:
        """How many captures were given a publication date."""
        return sum(f.published is not None for f in self.files)

    def lines(self) -> list[str]:
        out = [f"{f.name}: tp {f.true_positive} fp {f.false_positive} fn {f.false_negative} leaks {f.leaks} "
               f"title {'right' if f.title_right else 'wrong'} published {f.published}" for f in self.files]
        out.append(f"precision {self.precision:.3f} recall {self.recall:.3f} F1 {self.f1:.3f} "
                   f"leaks {self.leaks} titles {self.titles}/{len(self.files)} "
                   f"published {self.published}/{len(self.files)}")
        return out


def read_capture(path: Path) -> Capture:
    """A plain-text capture read as UTF-8 (the gold's captures are UTF-8 text)."""
    text = path.read_text(encoding="utf-8")
    return Capture(source=str(path), url=None, id=hashlib.sha256(text.encode()).hexdigest()[:16],
                   text=text, format="text")


def score_file(name: str, gold: dict, article: Article) -> FileScore:
    """One capture's counts against its line labels."""
    lines = article.text.split("\n")
    title_words = words(gold["title"])
    title_lines = {n for n in expand(gold["content"]) if words(lines[n - 1]) == title_words}
    content = expand(gold["content"]) - title_lines
    meta = expand(gold.get("meta", [])) | title_lines
    gold_words = Counter(w for n in content for w in words(lines[n - 1]))
    meta_words = Counter(w for n in meta for w in words(lines[n - 1]))
    predicted = Counter(words(article.body))
    hit = predicted & gold_words
    extra = (predicted - gold_words) - meta_words
    body = " ".join(words(article.body))
    leaks = sum(1 for n in expand(gold.get("comment", []))
                if len(words(lines[n - 1])) >= LEAK_MIN_WORDS and " ".join(words(lines[n - 1])) in body)
    return FileScore(name, sum(hit.values()), sum(extra.values()), sum((gold_words - predicted).values()),
                     leaks, words(article.title) == title_words,
                     article.published.date if article.published else None)


def evaluate_cleaning(gold: Path, captures: Path) -> CleaningReport:
    """Clean every labelled capture in text mode (with the site context of the whole folder) and score it."""
    labels = json.loads(Path(gold).read_text(encoding="utf-8"))["files"]
    loaded = {name: read_capture(Path(captures) / name) for name in sorted(labels)}
    context = build_context(loaded.values())
    return CleaningReport(tuple(score_file(name, labels[name], clean_capture(capture, "text", context))
                                for name, capture in loaded.items()))
