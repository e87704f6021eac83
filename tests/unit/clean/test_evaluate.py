"""The cleaning eval scores word-level P/R/F1, leaks and titles as the gold file's ``about`` says."""

from __future__ import annotations

import json

from readout.clean.evaluate import evaluate_cleaning

from .support import ARTICLE


def test_eval_on_a_labelled_capture(tmp_path):
    text = ARTICLE + "\n\n1 Comment\nOldest\nMira Holm\n\nThe quota talks are long overdue for everyone.\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    gold = {"files": {"a.txt": {"title": "Ministers meet in Tovana to discuss fishing quotas",
                                "content": [[1, 1], [3, 3], [5, 5], [7, 7]], "meta": [],
                                "comment": [[11, 13]]}}}
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    report = evaluate_cleaning(tmp_path / "gold.json", tmp_path)
    figures = (report.precision, report.recall, report.leaks, report.titles, report.published)
    assert figures == (1.0, 1.0, 0, 1, 0)
    assert report.lines()[-1].startswith("precision 1.000 recall 1.000 F1 1.000 leaks 0 titles 1/1")
