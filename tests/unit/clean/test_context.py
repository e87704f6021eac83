"""Site furniture: lines repeated across captures of one host (or one folder without URLs)."""

from __future__ import annotations

from readout.clean.context import build_context, normalise_line, site_of

from .support import capture


def test_lines_in_two_captures_of_a_host_are_furniture():
    a = capture("Gulf Post\nStory one.\nSupport us", source="a.warc#1", url="https://www.gulfpost.example/a")
    b = capture("Gulf Post\nStory two.\nSupport  us", source="a.warc#2", url="https://gulfpost.example/b")
    c = capture("Gulf Post\nOther site.", source="a.warc#3", url="https://other.example/c")
    assert build_context([a, b, c]).site_boilerplate == frozenset({"gulf post", "support us"})


def test_folder_stands_in_for_the_host_without_urls():
    a = capture("Menu\nStory one.", source="site1/a.txt")
    b = capture("Menu\nStory two.", source="site2/b.txt")
    assert build_context([a, b]).site_boilerplate == frozenset()
    assert site_of(a) == "site1"


def test_long_lines_are_never_furniture():
    long_line = "word " * 60
    a = capture(f"{long_line}\nx", source="s/a.txt")
    b = capture(f"{long_line}\ny", source="s/b.txt")
    assert normalise_line(long_line) not in build_context([a, b]).site_boilerplate


def test_quotes_and_case_are_folded():
    assert normalise_line("  Russia’s  “Talks” ") == "russia's \"talks\""
