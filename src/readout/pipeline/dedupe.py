"""Exact duplicates by content hash, near-duplicates by MinHash over word shingles (datasketch).

A shingle is five consecutive words. Its 32-bit hash is combined from its words' CRC-32 hashes in numpy,
so a document's shingles are hashed in a few array operations instead of one string join, encoding
and SHA-1 per shingle; datasketch then mixes, permutes and keeps the minima as it always does. One
MinHash of the index is cleared and refilled for each document and its values kept as a LeanMinHash:
its permutations are drawn once per run, not once per document (drawing them costs more than the rest
of a small page's signature). The LSH index's band layout for the default threshold is known in
advance (datasketch finds it by numerical integration, tens of milliseconds per run).
"""

from __future__ import annotations

import re
import zlib

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from readout.settings import Settings

WORD = re.compile(r"\w+")
# Five-word shingles: long enough that two different articles on one story rarely share many,
# short enough that a capture with a changed widget or comment still shares most of its article.
SHINGLE_WORDS = 5
# An odd 64-bit multiplier for combining word hashes in order (wrapping arithmetic, as uint64 does):
# the same words in another order make another shingle.
SHINGLE_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
LOW_32_BITS = np.uint64(0xFFFFFFFF)
# datasketch's (bands, rows) for (threshold, permutations), from ``MinHashLSH``'s own optimisation
# with its default weights; a test checks each entry against it. Other settings are computed at run time.
LSH_PARAMS = {(0.8, 128): (9, 13)}


def shingle_hashes(text: str) -> list[int]:
    """The distinct 32-bit hashes of the text's five-word shingles (lower case); a text of fewer words is
    one shingle, a text of none has none."""
    words = WORD.findall(text.lower())
    if not words:
        return []
    word_hashes = np.fromiter(map(zlib.crc32, map(str.encode, words)), dtype=np.uint64, count=len(words))
    count = max(1, len(words) - SHINGLE_WORDS + 1)
    combined = word_hashes[:count].copy()
    for k in range(1, min(SHINGLE_WORDS, len(words))):
        combined = combined * SHINGLE_MULTIPLIER + word_hashes[k:k + count]
    folded = (combined >> np.uint64(32)) ^ (combined & LOW_32_BITS)
    return list(set(folded.tolist()))


class NearDuplicates:
    """An index of the article texts seen so far; ``check`` names the first one a new text nearly repeats."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        threshold, permutations = settings.near_duplicate_threshold, settings.minhash_permutations
        self._lsh = MinHashLSH(threshold=threshold, num_perm=permutations,
                               params=LSH_PARAMS.get((threshold, permutations)))
        self._scratch = MinHash(num_perm=permutations, seed=1, hashfunc=int)
        self._order: dict[str, int] = {}
        self._signatures: dict[str, LeanMinHash] = {}

    def signature(self, text: str) -> LeanMinHash:
        """The text's MinHash, with this index's permutations."""
        self._scratch.clear()
        self._scratch.update_batch(shingle_hashes(text))
        return LeanMinHash(self._scratch)

    def check(self, key: str, text: str) -> str | None:
        signature = self.signature(text)
        candidates = [k for k in self._lsh.query(signature)
                      if self._signatures[k].jaccard(signature) >= self._settings.near_duplicate_threshold]
        if key not in self._order:
            self._order[key] = len(self._order)
            self._signatures[key] = signature
            self._lsh.insert(key, signature)
        return min(candidates, key=self._order.__getitem__) if candidates else None
