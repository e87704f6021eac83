"""Lines repeated across captures of one site are furniture, in `clean` and in `build` alike."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from readout.pipeline.build import build_store
from readout.pipeline.run import clean_all
from readout.store import open_store

SITE = Path(__file__).resolve().parents[1] / "data" / "site"
PROMO = "Readers like you"


def test_a_line_repeated_across_one_sites_captures_leaves_the_body():
    alone = dict(clean_all([str(SITE / "ferry_timetable.txt")], "text"))
    together = list(clean_all([str(SITE)], "text"))
    assert any(PROMO in article.body for article in alone.values() if article)
    assert together and all(article and PROMO not in article.body for _, article in together)
    assert all(any("other captures of the same site" in r.reason for r in article.removed)
               for _, article in together if article)


def test_build_stores_the_article_that_clean_prints(tmp_path):
    build_store([str(SITE)], tmp_path / "s.db", "text", Console(stderr=True, quiet=True))
    cleaned = {entry.source: article for entry, article in clean_all([str(SITE)], "text")}
    with open_store(tmp_path / "s.db", create=False) as store:
        stored = {entry.source: article for entry, article in store.articles()}
    assert stored.keys() == cleaned.keys()
    for source, article in cleaned.items():
        assert stored[source].body == article.body
        assert PROMO not in stored[source].body
