"""Golden expectations for the hand-written captures in tests/data/text (expected.json beside them)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from readout.clean import CleanContext
from readout.clean.text import clean_text
from readout.model import ManifestEntry
from readout.records import clean_record

from .support import body_lines, capture

TEXT = Path(__file__).resolve().parents[2] / "data" / "text"
EXPECTED = {k: v for k, v in json.loads((TEXT / "expected.json").read_text()).items() if k != "about"}


@pytest.fixture(scope="module")
def cleaned():
    out = {}
    for name in EXPECTED:
        text = (TEXT / name).read_text(encoding="utf-8")
        out[name] = clean_text(capture(text, source=str(TEXT / name)), CleanContext())
    return out


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_capture_cleaned_as_expected(name, cleaned, contract):
    want, article = EXPECTED[name], cleaned[name]
    lines = article.text.split("\n")
    assert body_lines(article) == want["body"]
    assert article.title == (lines[want["title"] - 1].strip() if want["title"] else None)
    assert article.byline == want["byline"]
    assert (article.published.date if article.published else None) == want["published"]
    assert [p.lines[0] for p in article.paragraphs if p.kind == "opinion"] == want["opinion"]
    assert [c.author for c in article.comments] == want["comments"]
    metadata = {n for r in article.removed if r.label == "metadata"
                for n in range(r.lines[0], r.lines[1] + 1)}
    assert set(want["metadata"]) <= metadata
    contract("clean_record", clean_record(ManifestEntry(article.source, None, article.id, "ok"), article))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_nonblank_line_is_accounted_for(name, cleaned):
    """Each non-blank line is body, headline or a removal with a reason: nothing silently lost."""
    article = cleaned[name]
    lines = article.text.split("\n")
    covered = {n for p in article.paragraphs for n in range(p.lines[0], p.lines[1] + 1)}
    covered |= {n for r in article.removed for n in range(r.lines[0], r.lines[1] + 1)}
    if article.title_lines:
        covered |= set(range(article.title_lines[0], article.title_lines[1] + 1))
    assert {n for n, t in enumerate(lines, 1) if t.strip()} <= covered
    assert all(r.reason and r.label in ("chrome", "metadata", "comment") for r in article.removed)


def test_comment_text_never_reaches_the_body(cleaned):
    for article in cleaned.values():
        for comment in article.comments:
            assert comment.text not in article.body


def _paragraph_at(lines: list[str], first: int) -> str:
    """The paragraph starting at line ``first``: it runs on while the next line starts in lower case."""
    out = [lines[first - 1]]
    for line in lines[first:]:
        if not line[:1].islower():
            break
        out.append(line)
    return " ".join(out)


def _shingle_f1(predicted: str, gold: str) -> float:
    from collections import Counter

    def shingles(text: str) -> Counter:
        import re

        words = re.findall(r"\w+", text)
        return Counter(tuple(words[i:i + 4]) for i in range(max(1, len(words) - 3)))

    p, g = shingles(predicted), shingles(gold)
    hit = sum((p & g).values())
    if not hit:
        return 0.0
    precision, recall = hit / sum(p.values()), hit / sum(g.values())
    return 2 * precision * recall / (precision + recall)


def test_beats_justext_on_the_hand_written_captures(cleaned):
    """jusText over lines (lengths set for short paragraphs) is the baseline to beat: mean 4-token-shingle
    F1 against the expected bodies."""
    import justext

    ours, theirs = [], []
    for name, want in EXPECTED.items():
        lines = cleaned[name].text.split("\n")
        gold = "\n\n".join(_paragraph_at(lines, n) for n in want["body"])
        html = "".join(f"<p>{line}</p>" for line in lines if line.strip()).encode()
        paragraphs = justext.justext(html, justext.get_stoplist("English"), length_low=50, length_high=100)
        baseline = "\n\n".join(p.text for p in paragraphs
                             if not p.is_boilerplate)
        ours.append(_shingle_f1(cleaned[name].body, gold))
        theirs.append(_shingle_f1(baseline, gold))
    print(f"shingle F1 ours {sum(ours) / len(ours):.3f} jusText {sum(theirs) / len(theirs):.3f}")
    assert sum(ours) / len(ours) > sum(theirs) / len(theirs)
