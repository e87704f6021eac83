"""Exact duplicates by content hash, near-duplicates by MinHash over word shingles (datasketch)."""

from __future__ import annotations

import re

from datasketch import MinHash, MinHashLSH

from readout.settings import Settings

WORD = re.compile(r"\w+")
# Five-word shingles: long enough that two different articles on one story rarely share many,
# short enough that a capture with a changed widget or comment still shares most of its article.
SHINGLE_WORDS = 5


def minhash(text: str, settings: Settings) -> MinHash:
    words = [w.lower() for w in WORD.findall(text)]
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    signature = MinHash(num_perm=settings.minhash_permutations, seed=1)
    signature.update_batch([s.encode("utf-8") for s in shingles if s])
    return signature


class NearDuplicates:
    """An index of the article texts seen so far; ``check`` names the first one a new text nearly repeats."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._lsh = MinHashLSH(threshold=settings.near_duplicate_threshold,
                               num_perm=settings.minhash_permutations)
        self._order: dict[str, int] = {}
        self._signatures: dict[str, MinHash] = {}

    def check(self, key: str, text: str) -> str | None:
        signature = minhash(text, self._settings)
        candidates = [k for k in self._lsh.query(signature)
                      if self._signatures[k].jaccard(signature) >= self._settings.near_duplicate_threshold]
        if key not in self._order:
            self._order[key] = len(self._order)
            self._signatures[key] = signature
            self._lsh.insert(key, signature)
        return min(candidates, key=self._order.__getitem__) if candidates else None
