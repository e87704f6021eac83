"""Dates as an analyst reads them: each expression resolved only as far as the capture fixes it.

Candidates are the model's DATE entities plus regular expressions for calendar patterns it misses.
Each is read into its stated parts (weekday, day, month, year) by hand, so that nothing the text does
not say is ever filled in (dateparser fills a missing year from today and a missing day with the 1st);
dateparser normalises only what the hand reader does not structure (relative and numeric expressions),
with ``REQUIRE_PARTS`` and a ``RELATIVE_BASE`` taken only from a real reference, and cached.

Resolution, most reliable first:
1. day, month and year stated: that day (a stated weekday that disagrees leaves it null);
2. month and year, or a year: bounds, never a day;
3. day and month: the year comes from the reference (a stated publication date or dateline, the
   occurrence nearest to it); without one, a weekday stated with it ("Tuesday ... September 12", in
   the same or an adjacent sentence) fixes the year only when exactly one of the capture's own years
   fits; else ``value`` stays null and ``stated`` keeps the words;
4. a weekday or relative day ("yesterday") against the reference only.
"As of <date>" says the piece was written on or after that day: its date is an ``earliest`` bound, never
a value, and it is the reference's ``earliest`` when nothing better anchors the capture.
Capture-time widgets and footers (upper-case month-year, countdowns, copyright ranges) are left out.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from readout.model import Article, DateMention, DateValue, Evidence, Lines, Sentence

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAYS.update({name.lower(): i for i, name in enumerate(calendar.day_abbr)})

_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
# A month named alone is written in full ("in early May"); "Jan" or "Mar" alone is more often a name or word.
_MONTH_FULL = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|" \
              r"December)"
# Calendar patterns, longest first; each names the parts it states.
CALENDAR_PATTERNS = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"\b(?:{_WEEKDAY},?\s+)?(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b",
    rf"\b(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b",
    rf"\b{_MONTH},?\s+{_YEAR}\b",
    rf"\b(?:(?P<period>early|mid|late)(?:\s+|-))?{_MONTH_FULL}\b(?!\s*\d)",
    r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month_number>[01]\d)-(?P<day>[0-3]\d)\b",
    rf"\b{_WEEKDAY}\b",
))
# A run of weekdays ("Monday through Thursday", "Monday to Friday") or a recurring one ("every Friday"):
# a schedule or a span, never the one day a weekday alone would resolve to.
_WEEKDAY_NAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
WEEKDAY_RANGE = re.compile(rf"\b{_WEEKDAY_NAME}\s*(?:through|thru|to|until|till|-|\u2013)\s*"
                           rf"{_WEEKDAY_NAME}\b|\b(?:every|each)\s+{_WEEKDAY_NAME}\b")
# Relative days that need a reference to become a day.
RELATIVE = re.compile(r"\b(?:today|yesterday|tomorrow|tonight|this\s+(?:morning|afternoon|evening)"
                      r"|last\s+night|(?:last|this|next)\s+(?:Monday|Tuesday|"
                      r"Wednesday|Thursday|Friday|Saturday|Sunday)|(?:\d+|one|two|three|four|five|six|seven)"
                      r"\s+days?\s+ago)\b", re.IGNORECASE)
# A month alone is a date only after one of these words ("in May", "since January", "early May"); elsewhere
# a capitalised month word is as often a name ("June Carter") or the modal verb at a sentence's start.
MONTH_ALONE_CUES = frozenset({"in", "since", "until", "till", "by", "during", "before", "after", "from", "of",
                              "early", "mid", "late", "end", "start", "beginning", "middle"})
# The part of a month "early", "mid" and "late" stand for, as (first day, last day); generous, since
# writers differ ("early May" is often read up to the 15th), and a bound must never exclude the day meant.
MONTH_PERIODS = {"early": (1, 15), "mid": (10, 20), "late": (16, 31)}
# News reports the past more than it announces: a month named alone that lies ahead of the reference is
# taken only when it is less than half as far as its last occurrence ("in May" in a November piece is the
# May just past; "in early May" in March, the coming one).
FUTURE_MONTH_WEIGHT = 2
# Periods relative to the reference: "last week", "this month", "next year", "earlier this month".
RELATIVE_PERIOD = re.compile(r"\b(?:(?P<which>last|this|next|past)|(?P<earlier>earlier|later)\s+this)\s+"
                             r"(?P<unit>week|month|year)\b", re.IGNORECASE)
# "the past week/month/year": the days up to the reference, as many as the unit holds at most.
PAST_PERIOD_DAYS = {"week": 7, "month": 31, "year": 366}
# "on the 14th": a day of the reference's month. The word after it must not make it an ordinal of a noun
# ("on the 14th floor"): only punctuation, a past-tense verb or a function word may follow.
ORDINAL_DAY = re.compile(r"\b[Oo]n\s+the\s+(?P<day>[1-3]?\d)(?:st|nd|rd|th)\b"
                         r"(?=\s*[,.;:)\u2014\u2013-]|\s*$|\s+\w+ed\b|\s+(?:and|when|as|at|in|with|to|was|were|"
                         r"had|he|she|they|it|after|before|while|but)\b)")
_YEAR_ONLY = re.compile(r"^(?:in\s+|the\s+year\s+)?((?:1[89]|20)\d\d)$", re.IGNORECASE)
# Numeric dates ("17/05/2018", "17.05.2018"), read by dateparser.
NUMERIC = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.](?:1[89]|20)\d\d\b")
# A numeric date whose first two numbers could each be the month ("05/06/2018"), in either order.
AMBIGUOUS_NUMERIC = re.compile(r"\b(0?[1-9]|1[0-2])[/.\-](0?[1-9]|1[0-2])[/.\-]\d{2,4}\b")
# A future or intended action before a date in the same sentence ("will travel to X on Friday", "she would
# return on Friday", "is expected to arrive on Friday"): a weekday then names the coming day, not the last.
FUTURE_BEFORE = re.compile(r"\b(?:will|would|shall|(?:is|are)\s+(?:due|expected|scheduled|set|to)|"
                           r"plans?\s+to|intends?\s+to)\b[^.!?\n]*$", re.IGNORECASE)
# How far before a date FUTURE_BEFORE looks: about one clause.
FUTURE_WINDOW_CHARS = 80
# A verb of the past between the future word and the date ends the future clause: "a parent who would
# attend said on Tuesday" is told of the Tuesday just past.
PAST_BETWEEN = re.compile(r"\b(?:said|says|told|announced|added|stated|reported|confirmed|wrote|declared|met|"
                          r"signed|was|were|had|did|held|began|ended)\b", re.IGNORECASE)
AS_OF = re.compile(r"\b(?:as\s+of|as\s+at|as\s+on)\s+$", re.IGNORECASE)

# Capture-time widgets and footers, read on the line that holds the date: a countdown ("11 days left"),
# a time stamp relative to the capture ("Updated 3 days ago"), a copyright notice. Never a date of the
# article (see the module docstring).
WIDGET_LINE = re.compile(
    r"\b\d+\s+(?:days?|hours?|minutes?)\s+(?:left|remaining|to\s+go)\b|"
    r"\b(?:posted|updated|published|modified)\b.{0,40}\bago\b|"
    r"©|\(c\)\s*\d{4}|\bcopyright\s+(?:©\s*)?\d{4}|\ball\s+rights\s+reserved\b", re.IGNORECASE)
# A year range in a footer ("1991-2023"): never a date.
YEAR_RANGE = re.compile(r"\b(?:1[89]|20)\d\d\s*[-\u2013]\s*(?:1[89]|20)\d\d\b")
# A stated day-month is read against a reference at most this far away (half a year either side).
MAX_REFERENCE_DISTANCE_DAYS = 183
# A dateline's date starts within this many characters of the body's start ("PLACE, May 3, 2019 -").
DATELINE_WINDOW_CHARS = 60
# What follows a dateline's date: an optional agency in brackets, then a dash, colon or bar, or the end of
# the line ("May 3, 2019 (Reuters) -", "Published: May 3, 2019" on a line of its own).
DATELINE_SEPARATOR = re.compile(r"^[ \t]*(?:\([^)]{1,40}\))?[ \t]*(?:[-\u2013\u2014:|]|\n|$)")


@dataclass(frozen=True)
class Parts:
    """What a date expression states, nothing more."""

    weekday: int | None = None
    day: int | None = None
    month: int | None = None
    year: int | None = None
    period: str | None = None  # "early", "mid" or "late" of a month named alone

    def day_value(self) -> dt.date | None:
        if self.day is None or self.month is None or self.year is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    parts: Parts | None  # None: a relative or other expression for dateparser
    as_of: bool = False
    ahead: bool = False  # told in the future ("will travel on Friday"): a weekday is the coming one


def parts_of(match: re.Match[str]) -> Parts:
    groups = match.groupdict()
    month = groups.get("month")
    month_number = groups.get("month_number")
    return Parts(
        weekday=WEEKDAYS[groups["weekday"].lower()] if groups.get("weekday") else None,
        day=int(groups["day"]) if groups.get("day") else None,
        month=MONTHS[month.lower().rstrip(".")] if month else (int(month_number) if month_number else None),
        year=int(groups["year"]) if groups.get("year") else None,
        period=groups["period"].lower() if groups.get("period") else None,
    )


def read_parts(text: str) -> Parts | None:
    """The parts an expression states when it is a calendar expression as a whole, else None."""
    text = text.strip()
    for pattern in CALENDAR_PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return parts_of(match)
    year = _YEAR_ONLY.match(text)
    return Parts(year=int(year.group(1))) if year else None


def is_widget(body: str, candidate: Candidate) -> bool:
    """A capture-time widget or footer: upper-case month-year alone, countdowns, copyright lines."""
    start, end, parts = candidate.start, candidate.end, candidate.parts
    if parts and parts.day is None and parts.month and body[start:end].isupper():
        return True  # "NOVEMBER 2024": a site's calendar or archive widget, not a date of the story
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    line = body[line_start:line_end if line_end >= 0 else len(body)]
    return bool(WIDGET_LINE.search(line) or YEAR_RANGE.search(body[max(0, start - 6):end + 6]))


@lru_cache(maxsize=4096)
def _dateparser_day(text: str, reference: dt.date | None) -> dt.date | None:
    """dateparser for relative and numeric expressions: a full day or nothing, never today's year."""
    import dateparser

    settings = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past",
                "RETURN_AS_TIMEZONE_AWARE": False}
    if RELATIVE.search(text):
        if reference is None:
            return None
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference, dt.time())
    elif not re.search(r"\b(?:1[89]|20)\d\d\b", text):
        return None  # no year written and nothing relative: dateparser would take today's
    elif AMBIGUOUS_NUMERIC.search(text):
        return None  # "05/06/2018": 5 June or May 6; the text does not say which
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def _relative_weekday(text: str, reference: dt.date | None) -> dt.date | None:
    """"last Tuesday" (the one before the reference), "this Tuesday" (on or before), "next Tuesday"."""
    match = re.fullmatch(r"(last|this|next)\s+(\w+)", text.strip(), re.IGNORECASE)
    if not match or reference is None or match.group(2).lower() not in WEEKDAYS:
        return None
    which, weekday = match.group(1).lower(), WEEKDAYS[match.group(2).lower()]
    if which == "next":
        return _next_weekday(weekday, reference)
    back = _last_weekday(weekday, reference)
    return back - dt.timedelta(days=7) if which == "last" and back == reference else back


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _nearest(parts: Parts, reference: dt.date) -> dt.date | None:
    """The day-month occurrence nearest to the reference, within half a year of it."""
    best = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        day = replace(parts, year=year).day_value()
        if day and abs((day - reference).days) <= MAX_REFERENCE_DISTANCE_DAYS and (
                best is None or abs((day - reference).days) < abs((best - reference).days)):
            best = day
    return best


def _next_weekday(weekday: int, reference: dt.date) -> dt.date:
    """The first such weekday after the reference ("will arrive on Friday")."""
    return reference + dt.timedelta(days=(weekday - reference.weekday() - 1) % 7 + 1)


def _last_weekday(weekday: int, reference: dt.date) -> dt.date:
    return reference - dt.timedelta(days=(reference.weekday() - weekday) % 7)


_NAME_BEFORE = re.compile(r"\b[A-Z][\w.]*[ \t]+$")


def _capitalised(match: re.Match[str]) -> bool:
    """Month and weekday names are capitalised in English; "may" the verb is not a month."""
    return all(match.group(g)[:1].isupper() for g in ("month", "weekday")
               if g in match.groupdict() and match.group(g))


def _month_alone(match: re.Match[str]) -> bool:
    groups = match.groupdict()
    return bool(groups.get("month")) and not any(groups.get(g) for g in ("day", "year", "weekday"))


_WORD_BEFORE = re.compile(r"(\w+)[\s-]*$")


def _month_cue(body: str, match: re.Match[str]) -> bool:
    """A month alone is a date after "in", "since", "early"... (MONTH_ALONE_CUES), never bare."""
    if match.groupdict().get("period"):
        return True
    before = _WORD_BEFORE.search(body[max(0, match.start() - 20):match.start()])
    return bool(before) and before.group(1).lower() in MONTH_ALONE_CUES


def candidates(body: str, entity_spans: Sequence[tuple[int, int]]) -> list[Candidate]:
    """Date expressions: the calendar regexes first, then the model's DATE entities they do not cover."""
    found: list[tuple[int, int, Parts | None]] = []
    taken = bytearray(len(body))
    for match in WEEKDAY_RANGE.finditer(body):  # stated, never resolved to one of its days
        found.append((match.start(), match.end(), None))
        taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    for pattern in CALENDAR_PATTERNS:
        for match in pattern.finditer(body):
            if not any(taken[match.start():match.end()]) and _capitalised(match) and (
                    not _month_alone(match) or _month_cue(body, match)):
                found.append((match.start(), match.end(), parts_of(match)))
                taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    for match in ORDINAL_DAY.finditer(body):
        start = body.index("the", match.start())
        if not any(taken[start:match.end()]):
            found.append((start, match.end(), Parts(day=int(match.group("day")))))
            taken[start:match.end()] = b"\x01" * (match.end() - start)
    for match in RELATIVE_PERIOD.finditer(body):
        if not any(taken[match.start():match.end()]):
            found.append((match.start(), match.end(), None))
            taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    for match in NUMERIC.finditer(body):
        if not any(taken[match.start():match.end()]):
            found.append((match.start(), match.end(), None))
            taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    for match in RELATIVE.finditer(body):
        before = body[max(0, match.start() - 30):match.start()]
        if match.group(0)[:1].isupper() and _NAME_BEFORE.search(before):
            continue  # part of a name ("Capital Today"), not a relative day
        if not any(taken[match.start():match.end()]):
            found.append((match.start(), match.end(), None))
            taken[match.start():match.end()] = b"\x01" * (match.end() - match.start())
    for start, end in entity_spans:
        if any(taken[start:end]):
            continue
        parts = read_parts(body[start:end])
        if parts is not None or re.search(r"\b(?:1[89]|20)\d\d\b", body[start:end]):
            found.append((start, end, parts))
    out = []
    for start, end, parts in sorted(found, key=lambda f: f[0]):
        as_of = AS_OF.search(body[max(0, start - 12):start])
        if as_of:
            start = start - (len(body[max(0, start - 12):start]) - as_of.start())
        future = FUTURE_BEFORE.search(body[max(0, start - FUTURE_WINDOW_CHARS):start])
        ahead = bool(future) and not PAST_BETWEEN.search(future.group(0))
        out.append(Candidate(start, end, parts, bool(as_of), ahead))
    return out


def _stated(body: str, pieces: Sequence[Candidate]) -> str:
    return ", ".join(body[c.start:c.end] for c in pieces)


def published_reference(article: Article) -> DateValue:
    """The stated publication date with its evidence, parsed from the cleaner's evidence string."""
    published = article.published
    if published is None:
        return DateValue()
    match = re.match(r'line (\d+): "?(.*?)"?$', published.evidence)
    if match:
        line = int(match.group(1))
        evidence = Evidence(article.source, (line, line), match.group(2))
    else:  # page metadata: no line of the text holds it; cite the top of the capture with the field
        evidence = Evidence(article.source, (1, 1), published.evidence)
    return DateValue(value=published.date, earliest=published.date, latest=published.date,
                     stated=evidence.text, evidence=(evidence,))


def _dateline(article: Article, found: Sequence[Candidate]) -> DateValue:
    """A full date at the head of the body followed by a dateline separator ("May 3, 2019 -")."""
    body = article.body
    for cand in found:
        if cand.start > DATELINE_WINDOW_CHARS:
            break
        day = cand.parts.day_value() if cand.parts else None
        if day and DATELINE_SEPARATOR.match(body[cand.end:cand.end + DATELINE_WINDOW_CHARS]):
            lines = article.lines_of(cand.start, cand.end)
            evidence = Evidence(article.source, lines, body[cand.start:cand.end])
            return DateValue(value=day.isoformat(), earliest=day.isoformat(), latest=day.isoformat(),
                             stated=evidence.text, evidence=(evidence,))
    return DateValue()


def _sentence_index(sentences: Sequence[Sentence], starts: Sequence[int], offset: int) -> int:
    """Index of the sentence holding ``offset`` (``starts``: the sentences' starts, in order), or -1."""
    i = bisect.bisect_right(starts, offset) - 1
    return i if i >= 0 and offset < sentences[i].end else -1


def find_dates(article: Article, entity_spans: Sequence[tuple[int, int]], sentences: Sequence[Sentence]
               ) -> tuple[tuple[DateMention, ...], DateValue]:
    """Every date expression of the body, resolved, and the capture's reference date."""
    body = article.body
    found = [c for c in candidates(body, entity_spans) if not is_widget(body, c)]
    reference = published_reference(article)
    if reference.is_unknown:
        reference = _dateline(article, found)
    ref_day = dt.date.fromisoformat(reference.value) if reference.value else None
    year_sources: dict[int, list[Candidate]] = {}
    for c in found:
        if c.parts and c.parts.year and not c.as_of:
            year_sources.setdefault(c.parts.year, []).append(c)
    sentence_starts = [s.start for s in sentences]
    sentence_of = {c: _sentence_index(sentences, sentence_starts, c.start) for c in found}

    def lines(c: Candidate) -> Lines:
        return article.lines_of(c.start, c.end)

    def evidence(pieces: Sequence[Candidate]) -> tuple[Evidence, ...]:
        return tuple(Evidence(article.source, lines(c), body[c.start:c.end]) for c in pieces)

    # The capture's own years, each with the expression that states it (the reference's year too).
    own_years = {year: evidence(sources[:1]) for year, sources in year_sources.items()}
    if ref_day:
        own_years.setdefault(ref_day.year, reference.evidence)

    partners: dict[Candidate, list[Candidate]] = {}
    for c in found:
        if c.parts and c.parts.weekday is None and c.parts.day and c.parts.month and c.parts.year is None:
            # "on Tuesday ... on September 12": the weekday written first, in this or the previous sentence
            near = [w for w in found if w.parts and w.parts.weekday is not None and w.parts.day is None
                    and w.start < c.start and 0 <= sentence_of[c] - sentence_of[w] <= 1]
            if near:
                weekday = min(near, key=lambda w: abs(w.start - c.start))
                partners[c] = partners[weekday] = sorted([weekday, c], key=lambda x: x.start)
                continue
            # "In March 2021, ... On March 18": the same month with its year, in this or the previous sentence
            same_month = [m for m in found if m.parts and m.parts.month == c.parts.month and m.parts.year
                          and m.parts.day is None and m.start < c.start and not m.as_of
                          and 0 <= sentence_of[c] - sentence_of[m] <= 1]
            if same_month:
                partners[c] = [same_month[-1], c]

    mentions = []
    for c in found:
        pieces = partners.get(c, [c])
        date = _resolve(body, pieces, ref_day, reference, own_years, evidence)
        if len(pieces) > 1 and ref_day and date.value is None:  # two different days, each fixed alone
            date = _resolve(body, [c], ref_day, reference, own_years, evidence)
        mentions.append(DateMention(body[c.start:c.end], c.start, c.end, lines(c), date))
    as_of = [m for m, c in zip(mentions, found, strict=True) if c.as_of and c.parts and c.parts.day_value()]
    if reference.is_unknown and as_of:
        bound = as_of[0].date
        reference = DateValue(earliest=bound.earliest, stated=bound.stated, evidence=bound.evidence)
    return tuple(mentions), reference


def _combine(pieces: Sequence[Candidate]) -> Parts:
    merged = Parts()
    for c in pieces:
        p = c.parts or Parts()
        merged = Parts(weekday=merged.weekday if merged.weekday is not None else p.weekday,
                       day=merged.day or p.day, month=merged.month or p.month, year=merged.year or p.year,
                       period=merged.period or p.period)
    return merged


def _resolve(body: str, pieces: Sequence[Candidate], ref_day: dt.date | None, reference: DateValue,
             own_years: Mapping[int, tuple[Evidence, ...]],
             evidence: Callable[[Sequence[Candidate]], tuple[Evidence, ...]]) -> DateValue:
    stated = _stated(body, pieces)
    own = evidence(pieces)
    parts = _combine(pieces) if all(c.parts for c in pieces) else None
    if parts is None:  # relative or numeric: against the reference only
        text = body[pieces[0].start:pieces[0].end]
        period = _relative_period(text, ref_day)
        if period is not None:
            return DateValue(earliest=period[0].isoformat(), latest=period[1].isoformat(), stated=stated,
                             evidence=own + reference.evidence)
        day = _relative_weekday(text, ref_day) or _dateparser_day(text, ref_day)
        if day is None:
            return DateValue(stated=stated, evidence=own)
        used = own + (reference.evidence if ref_day and RELATIVE.search(stated) else ())
        return DateValue(value=day.isoformat(), earliest=day.isoformat(), latest=day.isoformat(),
                         stated=stated, evidence=used)
    day = parts.day_value()
    used = own
    if day is None and parts.day and parts.month and parts.year is None:
        day, used = _year_for(parts, ref_day, reference, own_years, own)
    elif day is None and parts.weekday is not None and parts.day is None and parts.month is None and ref_day:
        coming = _next_weekday if pieces[0].ahead else _last_weekday
        day, used = coming(parts.weekday, ref_day), own + reference.evidence
    elif parts.day and parts.month is None and parts.year is None and ref_day and parts.day <= ref_day.day:
        day, used = ref_day.replace(day=parts.day), own + reference.evidence  # "on the 14th" of this month
    if parts.month and parts.year is None and parts.day is None and ref_day and not pieces[0].as_of:
        year = _nearest_month_year(parts.month, ref_day)
        bounds = _month_bounds(replace(parts, year=year))
        return replace(bounds, stated=stated, evidence=own + reference.evidence)
    if day is not None and parts.weekday is not None and day.weekday() != parts.weekday:
        day = None  # the text's weekday and day disagree: it does not fix the day
    if pieces[0].as_of:
        return DateValue(earliest=_iso(day), stated=stated, evidence=used if day else own)
    if day is not None:
        return DateValue(value=day.isoformat(), earliest=day.isoformat(), latest=day.isoformat(),
                         stated=stated, evidence=used)
    if parts.month and parts.year and parts.day is None:
        return replace(_month_bounds(parts), stated=stated, evidence=own)
    if parts.year and parts.month is None:
        return DateValue(earliest=f"{parts.year}-01-01", latest=f"{parts.year}-12-31",
                         stated=stated, evidence=own)
    return DateValue(stated=stated, evidence=own)


def _month_bounds(parts: Parts) -> DateValue:
    """The days of a stated month (``parts.year`` set), narrowed to its early, mid or late part."""
    last = calendar.monthrange(parts.year, parts.month)[1]
    first, final = MONTH_PERIODS.get(parts.period or "", (1, last))
    return DateValue(earliest=dt.date(parts.year, parts.month, first).isoformat(),
                     latest=dt.date(parts.year, parts.month, min(final, last)).isoformat())


def _nearest_month_year(month: int, reference: dt.date) -> int:
    """The year of a month named alone: the occurrence whose middle is nearest the reference, a month
    ahead counting FUTURE_MONTH_WEIGHT times its distance; so "in May" written in March is this May, and
    written in November is the May just past, not the next one."""
    def distance(year: int) -> int:
        days = (dt.date(year, month, 15) - reference).days
        return days * FUTURE_MONTH_WEIGHT if days > 0 else -days

    return min((reference.year - 1, reference.year, reference.year + 1), key=distance)


def _relative_period(text: str, reference: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """"last week" (Monday to Sunday before the reference's week), "this month", "next year", "the past
    week" (the seven days up to the reference), "earlier this month" (the month up to the reference)."""
    match = RELATIVE_PERIOD.fullmatch(text.strip())
    if not match or reference is None:
        return None
    unit = match.group("unit").lower()
    which = (match.group("which") or match.group("earlier")).lower()
    if which == "past":
        return reference - dt.timedelta(days=PAST_PERIOD_DAYS[unit]), reference
    step = {"last": -1, "this": 0, "next": 1, "earlier": 0, "later": 0}[which]
    if unit == "week":
        monday = reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=step)
        first, last = monday, monday + dt.timedelta(days=6)
    elif unit == "month":
        index = reference.year * 12 + reference.month - 1 + step
        year, month = divmod(index, 12)
        first = dt.date(year, month + 1, 1)
        last = first.replace(day=calendar.monthrange(year, month + 1)[1])
    else:
        first, last = dt.date(reference.year + step, 1, 1), dt.date(reference.year + step, 12, 31)
    if which == "earlier":
        last = reference
    elif which == "later":
        first = reference
    return first, last


def _year_for(parts: Parts, ref_day: dt.date | None, reference: DateValue,
              own_years: Mapping[int, tuple[Evidence, ...]], own: tuple[Evidence, ...]
              ) -> tuple[dt.date | None, tuple[Evidence, ...]]:
    """The year of a day-month: from the reference, else from a weekday that only one of the capture's
    own years fits; the expression that states that year joins the evidence."""
    if ref_day:
        return _nearest(parts, ref_day), own + reference.evidence
    if parts.weekday is None:
        return None, own
    days = [replace(parts, year=year).day_value() for year in sorted(own_years)]
    fits = [d for d in days if d and d.weekday() == parts.weekday]
    return (fits[0], own + own_years[fits[0].year]) if len(fits) == 1 else (None, own)


def bounds_writing_only(mention: DateMention) -> bool:
    """True for "As of <date>": it says when the piece was written, not when anything happened."""
    return bool(re.match(r"as\s+(?:of|at|on)\b", mention.text, re.IGNORECASE))
