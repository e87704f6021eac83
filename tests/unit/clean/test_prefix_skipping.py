"""The first-characters shortcut of the rule cascade must never skip a pattern that would match."""

from __future__ import annotations

import random
from pathlib import Path

from readout.clean import rules

ROOT = Path(__file__).resolve().parents[3]


def corpus() -> list[str]:
    """Every line of the captures written for this project, in the forms the cascade sees them."""
    lines: list[str] = []
    for path in [*ROOT.glob("samples/*.txt"), *ROOT.glob("tests/data/**/*.txt")]:
        for line in path.read_text(encoding="utf-8").split("\n"):
            stripped = line.strip()
            lines += [line, stripped, stripped.upper(), stripped.lower(), f"  {stripped}"]
    return lines


def random_lines(count: int) -> list[str]:
    pool = "aAbBcCsSkKiI ©(:/-–—.,0123456789ſıİ\u212a#*|•·>»"
    chooser = random.Random(7)
    return ["".join(chooser.choice(pool) for _ in range(chooser.randint(1, 12))) for _ in range(count)]


def test_no_line_a_pattern_matches_is_skipped():
    lines = corpus() + random_lines(5000)
    for name, pattern in rules.LINE_START_PATTERNS.items():
        for line in lines:
            if pattern.match(line):
                allowed = rules.LINE_START_BY_PREFIX.get(line[:2], rules.ALL_LINE_START)
                assert name in allowed, (name, line)
                assert rules.Anchored(pattern).match(line), (name, line)


def test_the_shortcut_does_skip_lines_that_cannot_match():
    # A line of prose starting with ordinary letters rules out most of the start-of-line patterns.
    allowed = rules.LINE_START_BY_PREFIX.get("Th", rules.ALL_LINE_START)
    assert len(allowed) < len(rules.ALL_LINE_START)


def test_the_credit_cue_never_hides_a_credit():
    from readout.clean.text import may_be_credit

    chooser = random.Random(3)
    pool = [*"abcdefghijklmnopqrstuvwxyz ./():-'’", "photo", "afp", "reuters", "getty images", "ap photo",
            "credit", "image", "picture", "фото", "foto", "bild", "imagen", " / "]
    lines = ["".join(chooser.choice(pool) for _ in range(chooser.randint(1, 14))) for _ in range(20000)]
    lines += [line.lower() for line in corpus()]
    matched = [line for line in lines if rules.CREDIT_TAIL.search(line)]
    assert len(matched) > 100  # the fuzz reaches the pattern's alternatives
    assert all(may_be_credit(line) for line in matched)
    assert not may_be_credit("the talks ended late on tuesday evening.")


def test_the_joint_phrase_search_finds_every_form_or_boilerplate_line():
    chooser = random.Random(5)
    phrases = [*rules._alternatives(rules.COMMENT_FORM.pattern), "all rights reserved", "privacy policy",
               "we use cookies", "sign up for our", "your e-mail address", "newsletter", "cancel reply"]
    pool = [*"abcdefghijklmnopqrstuvwxyz .,:-", *phrases]
    lines = ["".join(chooser.choice(pool) for _ in range(chooser.randint(1, 10))) for _ in range(20000)]
    lines += [line.lower() for line in corpus()]
    held = [line for line in lines
            if rules.COMMENT_FORM_SEARCH.search(line) or rules.BOILERPLATE_SEARCH.search(line)]
    assert len(held) > 1000  # the fuzz reaches both lists
    assert all(rules.FORM_OR_BOILERPLATE_SEARCH.search(line) for line in held)
    assert not rules.FORM_OR_BOILERPLATE_SEARCH.search("the talks ended late on tuesday evening.")


def test_the_capitals_shortcut_agrees_with_counting_the_letters():
    from readout.clean.text import _capitals

    def counted(text: str) -> bool:
        upper, lower = sum(map(str.isupper, text)), sum(map(str.islower, text))
        letters = sum(map(str.isalpha, text))
        return (letters >= rules.CAPS_MIN_LETTERS and upper + lower > 0
                and upper >= rules.CAPS_SHARE * (upper + lower))

    chooser = random.Random(12)
    pool = "aAbBeEzZ ÉéДд日 0123.:-"
    lines = ["".join(chooser.choice(pool) for _ in range(chooser.randint(0, 12))) for _ in range(20000)]
    lines += corpus()
    assert sum(map(counted, lines)) > 500  # the fuzz reaches lines in capitals
    assert all(_capitals(line) == counted(line) for line in lines)


def test_the_joint_cue_search_finds_every_line_a_phrase_test_could_take():
    from readout.clean.text import PHRASE_CUE, TIME_CUE, may_be_credit

    chooser = random.Random(8)
    pool = [*"abcdefghijklmnopqrstuvwxyz /():-.", "getty", "afp", "photo", "credit", "today", "now",
            "sign up", "privacy policy", "cancel reply", "newsletter", "all rights reserved", "yesterday"]
    lines = ["".join(chooser.choice(pool) for _ in range(chooser.randint(1, 10))) for _ in range(20000)]
    lines += [line.lower() for line in corpus()]
    taken = [line for line in lines if may_be_credit(line) or TIME_CUE.search(line) or "sign up" in line
             or rules.FORM_OR_BOILERPLATE_SEARCH.search(line)]
    assert len(taken) > 1000
    assert all(PHRASE_CUE.search(line) for line in taken)
    assert not PHRASE_CUE.search("the talks ended late on tuesday evening.")
