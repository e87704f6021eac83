"""The publication date a text capture states, with the line it was read from.

Strategies, most reliable first; the first that yields a full day (year, month and day) wins:
1. a labelled line: "Published 12 March 2019", "Posted on May 3, 2021", "Updated: 2021-05-03";
2. a byline or date line standing apart from the prose: "By Jane Roe | 3 May 2021", "Thursday 17 May 2018";
3. a dateline opening the first paragraphs: "May 3, 2021 — ...", "LISBON, 3 May 2021 (Agency) - ...".
Never a date: capture-time widgets ("NOVEMBER 2024", "11 DAYS LEFT ..."), countdowns, copyright
footers, comment timestamps, or a date inside a sentence about an event. A month or a year alone
leaves the date unknown (None).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import lru_cache

from readout.clean import rules
from readout.model import Published

# Month names of the other languages readout reads (German, French, Spanish, Portuguese, Italian, Dutch,
# Russian in the genitive a date uses, Arabic), with their numbers: pages state dates in their own language.
FOREIGN_MONTHS = {name: number for number, names in enumerate((
    "januar janvier enero janeiro gennaio januari января يناير",
    "februar février fevrier febrero fevereiro febbraio februari февраля فبراير",
    "märz maerz mars marzo março marzo maart марта مارس",
    "april avril abril aprile апреля أبريل",
    "mai mayo maio maggio mei мая مايو",
    "juni juin junio junho giugno июня يونيو",
    "juli juillet julio julho luglio июля يوليو",
    "august août aout agosto augustus августа أغسطس",
    "september septembre septiembre setiembre setembro settembre сентября سبتمبر",
    "oktober octobre octubre outubro ottobre октября أكتوبر",
    "november novembre noviembre novembro ноября نوفمبر",
    "dezember décembre decembre diciembre dezembro dicembre december декабря ديسمبر",
), start=1) for name in names.split()}
ENGLISH_MONTHS = ["jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june",
                  "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
                  "november", "dec", "december"]
# Abbreviations of foreign month names ("12 okt 2023", "3 dic 2021").
FOREIGN_ABBREVIATIONS = ["okt", "dez", "déc", "ene", "dic", "abr", "ago", "set", "out"]


# Month names as a tree of shared prefixes: a handful of letters tried at each position, not every name
# of every month in eight languages.
MONTH = f"(?:{rules.prefix_tree([*ENGLISH_MONTHS, *FOREIGN_ABBREVIATIONS, *FOREIGN_MONTHS])})\\.?"
WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
# A full day: "12 March 2019", "March 12, 2019", "2019-03-12", "12/03/2019" (with an optional weekday).
FULL_DATE = re.compile(
    rf"{WEEKDAY}(?:\d{{1,2}}(?:st|nd|rd|th|\.|º)?\s+(?:of\s+|de\s+)?{MONTH},?\s+(?:de\s+)?\d{{4}}\b"
    rf"|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})",
    re.IGNORECASE)
# Whether a text holds a full date: FULL_DATE without its optional weekday, which finds one in exactly the
# texts FULL_DATE does (a quarter faster: the weekday alternation is not tried at every position); for
# tests, not for the match.
HAS_FULL_DATE = re.compile(FULL_DATE.pattern.removeprefix(WEEKDAY), re.IGNORECASE)
# A four-digit year: every full date has one, and looking for it first is cheap.
YEAR = re.compile(r"\d{4}")
# The shapes read without dateparser (lower-cased, weekday removed).
MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
WEEKDAY_PREFIX = re.compile(r"^(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\.?,?\s+")
DAY_MONTH_YEAR = re.compile(
    r"(?P<day>\d{1,2})(st|nd|rd|th|\.|º)?\s+(of\s+|de\s+)?(?P<month>[^\W\d_]{3,10})\.?,?\s+(de\s+)?"
    r"(?P<year>\d{4})")
# Short forms of foreign month names that differ from the English ones in their first three letters.
FOREIGN_SHORT = {"okt": 10, "dez": 12, "déc": 12, "ene": 1, "dic": 12, "abr": 4, "ago": 8, "set": 9,
                 "out": 10}
MONTH_DAY_YEAR = re.compile(r"(?P<month>[a-z]{3,9})\.?\s+(?P<day>\d{1,2})(st|nd|rd|th)?,?\s+(?P<year>\d{4})")
ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
NUMERIC_DAY = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})")
# A line that announces the publication date.
LABELLED = re.compile(
    r"^\W{0,3}(published|posted|first published|date published|publication date|date|updated|last updated"
    r"|modified|last modified|released|issued|veröffentlicht|aktualisiert|stand|publié|mis à jour"
    r"|publicado|actualizado|atualizado|pubblicato|aggiornato|gepubliceerd|опубликовано|обновлено)\b\s*"
    r"(on|at|am|le|el|em|il|op|:)?", re.IGNORECASE)
# A date the page was changed, not published: a date line (metadata) but never the publication date.
UPDATE_WORDS = (r"(updated|last updated|modified|last modified|aktualisiert|stand|mis à jour|actualizado"
                r"|atualizado|aggiornato|обновлено)")
UPDATED = re.compile(rf"^\W{{0,3}}{UPDATE_WORDS}\b", re.IGNORECASE)
# An update label anywhere before a line's date ("Jane Roe · Updated: 9 January 2025"): the update's day.
UPDATE_BEFORE = re.compile(rf"\b{UPDATE_WORDS}\b", re.IGNORECASE)
# A dateline opening a paragraph: optional place in capitals, then the date, then a dash or "(Agency)".
DATELINE = re.compile(rf"^\s*(?:[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{{1,40}},\s*)?(?P<date>{FULL_DATE.pattern})\s*"
                      r"(?:\([^)]{1,40}\)\s*)?[—–-]{1,2}\s", re.IGNORECASE)
# A line that is only a date (with weekday and time), or a byline carrying one: short enough to be a label.
DATE_LINE_MAX_WORDS = 14
# Compiled once (``re.search`` with a pattern string looks it up in re's cache on every call):
# a copyright mark in words, and what a date line may hold besides its date (clock times, zones, separators,
# an update stamp).
COPYRIGHT_WORDS = re.compile(r"\(c\)|copyright|rights reserved", re.IGNORECASE)
DATE_LINE_EXTRAS = re.compile(
    r"\b\d{1,2}[:h.]\d{2}(\s*[ap]\.?m\.?)?\b|\b(gmt|utc|[a-z]{2,4}t)\b|[|•·/,:()–—-]"
    r"|\b(updated|last updated|modified|edited)\b"  # "June 3, 2026 6:14 PM UTC Updated 3 hours ago"
    r"|\b\d+\s+(seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b",
    re.IGNORECASE)
DATE_LINE_MAX_CHARS = 200
# The first few content paragraphs may open with a dateline; later ones are the story's own dates.
DATELINE_PARAGRAPHS = 3
# The first non-blank lines of a page are its top bar (logo, clock, language links): a date line there is
# the page's clock even when the headline follows it at once.
TOP_BAR_LINES = 3
# Evidence quotes the line, cut to this length: enough to show the date and what labels it.
EVIDENCE_CHARS = 120


@lru_cache(maxsize=1)
def _parser():
    """dateparser, imported on first use: it costs about a second and most captures state no date."""
    import dateparser

    return dateparser


def _common_day(expression: str) -> date | None:
    """The usual shapes ("12 March 2019", "March 12, 2019", "2019-03-12") read directly: dateparser costs
    milliseconds per call, this microseconds."""
    text = WEEKDAY_PREFIX.sub("", expression.strip().lower())
    found = DAY_MONTH_YEAR.fullmatch(text) or MONTH_DAY_YEAR.fullmatch(text)
    try:
        name = found.group("month") if found else ""
        month = FOREIGN_MONTHS.get(name) or FOREIGN_SHORT.get(name) or MONTHS.get(name[:3]) if found else None
        if found and month:
            return date(int(found.group("year")), month, int(found.group("day")))
        iso = ISO_DAY.fullmatch(text)
        if iso:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        numeric = NUMERIC_DAY.fullmatch(text)
        if numeric:
            first, separator, second, year = numeric.groups()
            first, second = int(first), int(second)
            if separator == "." and second <= 12:
                return date(int(year), second, first)  # dots are written day first (12.06.2026)
            if first <= 12 and second <= 12:
                return None  # 03/04/2019: the 3rd of April or the 4th of March, the page does not say
            day, month = (first, second) if first > 12 else (second, first)
            return date(int(year), month, day)
    except ValueError:
        return None  # "31 February 2019": no such day
    return None


def parse_day(expression: str) -> date | None:
    """The day an expression names, only when it gives year, month and day."""
    common = _common_day(expression)
    if common is not None or NUMERIC_DAY.fullmatch(expression.strip()):
        return common
    parsed = _parser().parse(expression, languages=["en"], settings={
        "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False, "DATE_ORDER": "DMY"})
    return parsed.date() if parsed else None


def _is_trap(text: str) -> bool:
    """Capture-time widgets, countdowns and copyright footers are never publication dates."""
    return bool(rules.CAPTURE_TIME_WIDGET_SEARCH.search(text.lower()) or rules.COPYRIGHT.match(text)
                or "©" in text or COPYRIGHT_WORDS.search(text))


def _evidence(number: int, text: str) -> str:
    quoted = text.strip()
    if len(quoted) > EVIDENCE_CHARS:
        quoted = quoted[:EVIDENCE_CHARS].rstrip() + "…"
    return f'line {number}: "{quoted}"'


def _from_match(number: int, text: str, expression: str) -> Published | None:
    day = parse_day(expression)
    if day is None:
        return None
    return Published(date=day.isoformat(), evidence=_evidence(number, text))


def is_date_line(text: str) -> bool:
    """A short line whose point is a date: labelled, or a date with little else (a byline, a weekday)."""
    if len(text) > DATE_LINE_MAX_CHARS or not YEAR.search(text):
        return False
    labelled = LABELLED.match(text) is not None
    if not labelled and len(text.split()) > DATE_LINE_MAX_WORDS:
        return False  # the test below would fail too: checked first, it spares the date search
    if _is_trap(text) or not HAS_FULL_DATE.search(text):
        return False
    if labelled:
        return True
    rest = FULL_DATE.sub(" ", text)
    rest = DATE_LINE_EXTRAS.sub(" ", rest)
    return len(text.split()) <= DATE_LINE_MAX_WORDS and len(rest.split()) <= 6 and (
        rules.BYLINE.match(text) is not None or len(rest.split()) <= 2)


def _update_stamp(text: str) -> bool:
    """A line whose date is an update's: labelled so at its start, or after an update label before the
    date ("Jane Roe · Updated: 9 January 2025"); "3 May 2021, updated 2 hours ago" is a publication."""
    if UPDATED.match(text):
        return True
    date = FULL_DATE.search(text)
    return date is not None and UPDATE_BEFORE.search(text, 0, date.start()) is not None


def find_published(lines: list[str], candidates: Iterable[int], paragraphs: Iterable[int],
                   article: tuple[int, int] | None = None) -> Published | None:
    """The stated publication day: from labelled or date-only lines among ``candidates`` (1-based numbers of
    lines outside the body and the comments), else from a dateline opening one of the first body
    ``paragraphs`` (1-based first lines). A bare date line counts only inside ``article`` (from the
    headline to the end of the body) or right above the headline, in the article's own header ("March 14,
    2017 / 3:52 PM" over a wire story's headline); higher up, or in the page's top bar, it is the page's
    clock, not the story's date."""
    ordered = [n for n in sorted(candidates)  # every date line has a year: the other lines are passed over
               if YEAR.search(lines[n - 1]) and not _update_stamp(lines[n - 1])]
    for number in ordered:
        text = lines[number - 1]
        if LABELLED.match(text) and is_date_line(text):
            found = _from_match(number, text, FULL_DATE.search(text).group(0))
            if found:
                return found
    first, last = article or (1, len(lines))
    above = _right_above(lines, first)
    for number in ordered:
        text = lines[number - 1]
        if (first <= number <= last or number == above) and is_date_line(text):
            found = _from_match(number, text, FULL_DATE.search(text).group(0))
            if found:
                return found
    for number in list(paragraphs)[:DATELINE_PARAGRAPHS]:
        text = lines[number - 1]
        match = DATELINE.match(text)
        if match and not _is_trap(text):
            found = _from_match(number, text, match.group("date"))
            if found:
                return found
    return None


def _right_above(lines: list[str], headline: int) -> int | None:
    """The line right above the headline (1-based; blank lines between), unless it is in the page's top
    bar (``TOP_BAR_LINES``)."""
    filled = [n for n in range(1, headline) if lines[n - 1].strip()]
    return filled[-1] if len(filled) > TOP_BAR_LINES else None
