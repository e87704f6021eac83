"""Ingest's limits and name rules as data, each with the reason for its value."""

from __future__ import annotations

# Suffixes read when walking a folder (after removing a trailing ``.gz``). Files named on the command
# line are read whatever their suffix, by content; inside a folder, other files (images, scripts,
# READMEs) are not captures and are passed over.
TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
WARC_SUFFIXES = frozenset({".warc", ".wet", ".arc"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
READABLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | WARC_SUFFIXES | JSONL_SUFFIXES

# A plain-text line longer than this has no line breaks to cite by: the longest paragraphs of real
# articles are a few thousand characters, and spaCy refuses texts over 1,000,000 characters by default.
# Such a capture (a 50 MB single line, a dump) is rejected at once with its length.
MAX_TEXT_LINE_CHARS = 1_000_000

# trafilatura refuses pages over 20,000,000 bytes (its MAX_FILE_SIZE); larger markup is not a news
# page, and parsing it would cost seconds and hundreds of MB for nothing.
MAX_HTML_CHARS = 20_000_000

# Content sniffing reads only the start of a capture: a page's markup shows in its first kilobytes, and
# a bounded window keeps the check constant-time on a 50 MB input.
SNIFF_CHARS = 65_536
# Tags counted to call a capture markup when it has no doctype/<html>/<body> near its start: ten
# distinct markup tags are far more than a plain-text article quoting one ("<p>") ever holds.
MIN_MARKUP_TAGS = 10
# The doctype or root tags must appear this near the start to count (after a BOM, blank lines,
# an XML declaration or a comment).
ROOT_TAG_WINDOW = 1024
# Where an HTML page declares its charset: browsers look in the first 1024 bytes; we look a bit further
# for pages with long <head> preambles.
CHARSET_WINDOW = 4096

# Undeclared legacy-encoded pages are overwhelmingly windows-1252 (WHATWG's default for Western
# locales); on short texts charset-normalizer's chaos score cannot separate it from Baltic or Central
# European code pages (0.12 apart on a sentence of French), so it wins unless another is clearly cleaner.
CP1252_CHAOS_MARGIN = 0.2

# The content hash: sha256 hex, this many characters (64 bits: collisions are negligible for
# collections of millions of captures, and ids stay short enough to read).
ID_CHARS = 16
