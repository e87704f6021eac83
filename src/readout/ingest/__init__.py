"""Ingest: command-line paths in, one Capture per page (or a Rejection with its reason) out.

Stages, per path: expand (files, folders walked recursively in sorted order, globs); read by kind (a
single document, a WARC/WET archive, JSON Lines; gzip looked through); decode (byte-order mark, UTF-8,
declared charset, charset-normalizer; ftfy repairs mojibake only); decide the format by content
(markup or text); hash the decoded text for the id. Nothing here raises on bad input: every input is
accounted for by a Capture or a Rejection, and the run goes on. Exact duplicates are the runner's job.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from readout.ingest.containers import container_kind, read_document, read_jsonl, read_warc
from readout.ingest.decode import content_id, decode_bytes
from readout.ingest.paths import expand
from readout.model import Capture, Rejection
from readout.settings import DEFAULT_SETTINGS, Settings

READERS = {"warc": read_warc, "jsonl": read_jsonl, "document": read_document}

__all__ = ["content_id", "decode_bytes", "read_inputs"]


def read_inputs(paths: Sequence[str], settings: Settings = DEFAULT_SETTINGS) -> Iterator[Capture | Rejection]:
    """Every capture under ``paths``, in a deterministic order, each a Capture or a Rejection."""
    for item in expand(paths):
        if isinstance(item, Rejection):
            yield item
            continue
        source, path = item
        try:
            yield from READERS[container_kind(path)](source, path, settings)
        except OSError as error:  # unreadable file: permissions, vanished mid-run
            yield Rejection(source, None, f"cannot read the file: {error.strerror or error}")
