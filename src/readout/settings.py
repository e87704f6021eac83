"""One typed Settings object, built once and passed down; copy with ``dataclasses.replace`` to change."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    # 64 MiB: a 50 MB single-line capture must still be read and handled within bounded memory;
    # anything larger is not a news page and is rejected with its size.
    max_capture_bytes: int = 64 * 1024 * 1024
    # Texts longer than this are not fed to spaCy whole (its default max_length is 1,000,000 chars).
    max_body_chars: int = 1_000_000
    # spaCy batch size for nlp.pipe: large enough to amortise, small enough to bound memory.
    nlp_batch_size: int = 32
    # MinHash near-duplicate threshold (Jaccard of word 5-shingles) and permutations.
    near_duplicate_threshold: float = 0.8
    minhash_permutations: int = 128


DEFAULT_SETTINGS = Settings()
