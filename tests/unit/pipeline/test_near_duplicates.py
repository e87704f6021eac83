"""Near-duplicates: shingle hashes, signatures that estimate the shingles' Jaccard, the LSH layout."""

from __future__ import annotations

import random

from datasketch import MinHashLSH

from readout.pipeline.dedupe import LSH_PARAMS, NearDuplicates, shingle_hashes
from readout.settings import Settings

WORDS = ["harbour", "council", "vote", "ferry", "tariff", "minister", "delegation", "border", "treaty",
         "river", "summit", "envoy", "grain", "quota", "customs", "talks", "island", "pact", "fishing",
         "fleet", "season", "storm", "port", "levy"]


def _article(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)) + "."


def test_the_lsh_layout_given_in_advance_is_the_one_datasketch_chooses():
    for (threshold, permutations), params in LSH_PARAMS.items():
        chosen = MinHashLSH(threshold=threshold, num_perm=permutations)
        assert (chosen.b, chosen.r) == params


def test_shingles_keep_word_order_and_ignore_case():
    assert shingle_hashes("One two three four five") == shingle_hashes("ONE two Three four five!")
    assert shingle_hashes("one two three four five") != shingle_hashes("five four three two one")
    assert len(shingle_hashes("one two three four five six")) == 2
    assert len(shingle_hashes("only three words")) == 1
    assert shingle_hashes("... --- !!!") == []


def test_signatures_estimate_the_jaccard_of_the_shingle_sets():
    rng = random.Random(4)
    near = NearDuplicates(Settings())
    for _ in range(40):
        base = _article(rng, 300).split()
        other = [rng.choice(WORDS) if rng.random() < rng.choice((0.01, 0.05, 0.2)) else w for w in base]
        a, b = set(shingle_hashes(" ".join(base))), set(shingle_hashes(" ".join(other)))
        truth = len(a & b) / len(a | b)
        estimate = near.signature(" ".join(base)).jaccard(near.signature(" ".join(other)))
        assert abs(estimate - truth) < 0.15, (estimate, truth)


def test_a_lightly_edited_copy_is_named_and_another_article_is_not():
    rng = random.Random(9)
    first, unrelated = _article(rng, 400), _article(rng, 400)
    words = first.split()
    words[200] = "amended"
    edited = " ".join(words)
    near = NearDuplicates(Settings())
    assert near.check("first", first) is None
    assert near.check("unrelated", unrelated) is None
    assert near.check("edited", edited) == "first"
