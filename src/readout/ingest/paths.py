"""Command-line paths to files: files as given, folders walked recursively, globs expanded; sorted.

Each file keeps the ``source`` a person recognises: the path as given, or the folder as given joined
with the path inside it (``samples/a.txt``). A path that names nothing is a Rejection, not an error.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from readout.ingest import rules
from readout.model import Rejection

GLOB_CHARS = frozenset("*?[")


def readable_name(name: str) -> bool:
    """A file a folder walk reads: not hidden, with a capture's suffix (``.gz`` looked through)."""
    lowered = name.lower()
    return not lowered.startswith(".") and Path(lowered.removesuffix(".gz")).suffix in rules.READABLE_SUFFIXES


def _walk(folder: str) -> Iterator[str]:
    """Every file under ``folder``, depth-first in sorted order so that runs are deterministic."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            yield os.path.join(root, name)


def expand(paths: Sequence[str]) -> Iterator[tuple[str, Path] | Rejection]:
    """(source, file) for every file to read, or a Rejection for a path that yields none."""
    for given in paths:
        if os.path.isfile(given):
            yield given, Path(given)
        elif os.path.isdir(given):
            files = [p for p in _walk(given) if readable_name(os.path.basename(p))]
            if not files:
                yield Rejection(given, None, "the folder holds no readable capture "
                                             "(.txt, .html, .htm, .warc, .wet, .jsonl, or the same .gz)")
            yield from ((p, Path(p)) for p in files)
        elif GLOB_CHARS & set(given):
            matches = sorted(m for m in glob.glob(given, recursive=True) if os.path.isfile(m))
            if not matches:
                yield Rejection(given, None, "no file matches this pattern")
            yield from ((m, Path(m)) for m in matches)
        else:
            yield Rejection(given, None, "no such file or folder")
