"""Text-mode cleaning on the hand-written varied captures (tests/data/text/varied), against baselines.

Figures, as the judge's scorer computes them (../shared/tools/score.py ``shingle_f1`` and ``snippets``;
the formulas are repeated here so that the script runs from the repository alone):
- 4-token-shingle F1 of the body against the expected body: precision and recall are averaged over the
  pages, then combined (a page that matches exactly counts 1 for both);
- snippets: every expected body line is a snippet that must be in the body, every other line of 15
  characters or more (chrome, metadata, comments) one that must not; precision, recall and F1 over all;
- comment leaks: share of the comment lines (15 characters or more) found inside the body;
- titles: the headline, word for word.
For: readout's text mode, the whole capture as body (no cleaning), and jusText over the lines (each
line a paragraph, the capture's language's stoplist, default lengths). Then the same pages as HTML, each
wrapped in plain semantic markup built from its expected labels (menu in <nav>, headline in <h1>, body
lines as <p> in <article> with the in-article furniture in <div>s between them, comments in a
<section class="comments">, the rest in <footer>): readout's HTML mode against trafilatura alone.

    .venv/bin/python benchmarks/eval_cleaning_fixtures.py [--folder tests/data/text/varied] [--pages]
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from readout.clean import CleanContext, clean_capture
from readout.ingest import read_inputs
from readout.model import Capture

FOLDER = Path(__file__).resolve().parents[1] / "tests" / "data" / "text" / "varied"
WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_MIN_CHARS = 15


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = WORD.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def norm(text: str | None) -> str:
    return " ".join((text or "").split())


def page_scores(gold: str, body: str) -> tuple[float | None, float | None]:
    """(precision, recall) of one page's shingles, as score.py weighs them."""
    truth, found = shingles(gold), shingles(body)
    tp, fp, fn = sum((truth & found).values()), sum((found - truth).values()), sum((truth - found).values())
    total = tp + fp + fn
    if total == 0:
        return None, None
    exact = fp == fn == 0
    precision = (1.0 if exact else tp / (tp + fp)) if tp + fp else None
    recall = (1.0 if exact else tp / (tp + fn)) if tp + fn else None
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def as_html(lines: list[str], want: dict) -> str:
    """The capture as a simple news page whose markup follows the expected labels (see the docstring)."""
    body, comments, title = set(want["body"]), set(want["comments"]), want["title"]
    last = max(body)
    first_comment = min(comments, default=len(lines) + 1)
    parts = [f"<!doctype html><html><head><meta charset='utf-8'><title>{escape(lines[title - 1])}</title>"
             "</head><body><nav><ul>"]
    parts += [f"<li><a href='/s{n}'>{escape(lines[n - 1])}</a></li>" for n in range(1, title) if lines[n - 1]]
    parts.append(f"</ul></nav><main><article><h1>{escape(lines[title - 1])}</h1>")
    for n in range(title + 1, last + 1):
        text = escape(lines[n - 1])
        if text:
            parts.append(f"<p>{text}</p>" if n in body else f"<div class='box'><span>{text}</span></div>")
    parts.append("</article><section class='comments'>")
    for n in range(last + 1, max(comments, default=last) + 1):
        text = escape(lines[n - 1])
        if text and n in comments:
            parts.append(f"<div class='comment'><p>{text}</p></div>")
        elif text and n < first_comment:
            parts.append(f"<h3>{text}</h3>")
    parts.append("</section></main><footer><ul>")
    parts += [f"<li><a href='/f{n}'>{escape(lines[n - 1])}</a></li>"
              for n in range(max([last, *comments]) + 1, len(lines) + 1) if lines[n - 1]]
    return "".join(parts) + "</ul></footer></body></html>"


def readout_html_body(capture: Capture, language: str) -> tuple[str, str | None]:
    article = clean_capture(capture, "html", CleanContext())
    return article.body, article.title


def trafilatura_body(capture: Capture, language: str) -> tuple[str, str | None]:
    import trafilatura

    return trafilatura.extract(capture.text, include_comments=False) or "", None


def readout_body(capture: Capture, language: str) -> tuple[str, str | None]:
    article = clean_capture(capture, "text", CleanContext())
    return article.body, article.title


def whole_body(capture: Capture, language: str) -> tuple[str, str | None]:
    return capture.text, None


def justext_body(capture: Capture, language: str) -> tuple[str, str | None]:
    import justext

    stoplist = justext.get_stoplist(language) if language in justext.get_stoplists() else frozenset()
    html = "".join(f"<p>{escape(line)}</p>" for line in capture.text.split("\n") if line.strip())
    paragraphs = justext.justext(html.encode("utf-8"), stoplist, encoding="utf-8")
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate), None


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def evaluate(folder: Path, system: Callable[[Capture, str], tuple[str, str | None]], show: bool,
             html: bool = False) -> dict:
    expected = {k: v for k, v in json.loads((folder / "expected.json").read_text(encoding="utf-8")).items()
                if k != "about"}
    precisions, recalls = [], []
    tp = fp = fn = 0
    leaked = comment_total = titles = 0
    for name, want in expected.items():
        capture = next(iter(read_inputs([str(folder / name)])))
        assert isinstance(capture, Capture), capture
        lines = capture.text.split("\n")
        if html:
            markup = as_html(lines, want)
            capture = Capture(capture.source, None, capture.id, markup, "html")
        gold = "\n".join(lines[n - 1] for n in want["body"])
        body, title = system(capture, want["language"])
        precision, recall = page_scores(gold, body)
        if precision is not None:
            precisions.append(precision)
        if recall is not None:
            recalls.append(recall)
        flat = norm(body)
        inside = {norm(lines[n - 1]) for n in want["body"]}
        for n in want["body"]:
            if norm(lines[n - 1]) in flat:
                tp += 1
            else:
                fn += 1
        for n, line in enumerate(lines, start=1):
            snippet = norm(line)
            if n in want["body"] or n == want["title"] or len(snippet) < SNIPPET_MIN_CHARS:
                continue
            if snippet in inside:
                continue
            fp += snippet in flat
        page_leaks = 0
        for n in want["comments"]:
            snippet = norm(lines[n - 1])
            if len(snippet) >= SNIPPET_MIN_CHARS:
                comment_total += 1
                page_leaks += snippet in flat
        leaked += page_leaks
        title_right = want["title"] is not None and WORD.findall((title or "").lower()) == WORD.findall(
            lines[want["title"] - 1].lower())
        titles += title_right
        if show:
            print(f"  {name:34} P {precision or 0:.3f} R {recall or 0:.3f} leaks {page_leaks} "
                  f"title {'right' if title_right else 'WRONG'}")
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    sp = tp / (tp + fp) if tp + fp else 0.0
    sr = tp / (tp + fn) if tp + fn else 0.0
    return {"pages": len(expected), "precision": p, "recall": r, "f1": f1(p, r), "snippet_f1": f1(sp, sr),
            "leaked": leaked, "comments": comment_total, "titles": titles}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path, default=FOLDER)
    parser.add_argument("--pages", action="store_true", help="print readout's figures per page")
    args = parser.parse_args()
    print(f"{'':22}{'shingle P':>10}{'R':>7}{'F1':>7}{'snippet F1':>12}{'comments leaked':>18}{'titles':>8}")
    for label, system, html in (("readout --mode text", readout_body, False),
                                ("no cleaning", whole_body, False), ("jusText on lines", justext_body, False),
                                ("readout --mode html", readout_html_body, True),
                                ("trafilatura (HTML)", trafilatura_body, True)):
        s = evaluate(args.folder, system, args.pages and system is readout_body, html)
        share = s["leaked"] / s["comments"] if s["comments"] else 0.0
        titles = f"{s['titles']}/{s['pages']}" if system in (readout_body, readout_html_body) else "-"
        print(f"{label:22}{s['precision']:>10.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['snippet_f1']:>12.3f}"
              f"{s['leaked']:>8}/{s['comments']:<3} {share:>5.1%}{titles:>8}")


if __name__ == "__main__":
    main()
