"""Find the date expressions of a text and resolve them to date ranges, anchored on publication."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from pipelines.arabic import ARABIC_INDIC_DIGITS, PERSIAN_DIGITS
from pipelines.clean.date_vocabulary import ASCII_DIGITS_TABLE
from pipelines.enrich.dates import calendar as cal
from pipelines.enrich.dates.candidates import candidate_starts
from pipelines.enrich.dates.patterns import language_pattern
from pipelines.enrich.dates.vocabulary import (
    DIRECTIONS,
    HIJRI_MONTHS,
    HIJRI_SUFFIXES,
    MODIFIERS,
    MONTHS,
    NUMBER_WORDS,
    RELATIVE_DAYS,
    UNITS,
    WEEKDAYS,
    word_key,
)

EARLIEST_YEAR, LATEST_YEAR = 1000, 2199
_KIND_SUFFIX_RE = re.compile(r"\d+$")
_EASTERN_DIGIT_RE = re.compile(f"[{ARABIC_INDIC_DIGITS}{PERSIAN_DIGITS}]")


@dataclass(frozen=True)
class DateMention:
    """A date expression: its span in the text and the inclusive date range it denotes."""

    text: str
    start_char: int
    end_char: int
    resolved_start: date | None  # None: could not be resolved (no anchor, vague, incomplete)
    resolved_end: date | None
    granularity: str  # 'day' | 'week' | 'month' | 'year'
    is_relative: bool  # True when the anchor (publication date) was needed to resolve it
    calendar: str  # 'gregorian' | 'hijri'


@dataclass(frozen=True)
class _Resolution:
    range: cal.DateRange | None
    granularity: str
    is_relative: bool = False
    calendar: str = "gregorian"


class _Match:
    """Access to the groups of one alternative by their short names."""

    def __init__(self, match: re.Match[str], language: str) -> None:
        self.kind_name = match.lastgroup or ""
        self.kind = _KIND_SUFFIX_RE.sub("", self.kind_name)
        self.match = match
        self.language = language

    def get(self, name: str) -> str | None:
        try:
            return self.match.group(f"{self.kind_name}__{name}")
        except IndexError:
            return None

    def key(self, name: str) -> str | None:
        value = self.get(name)
        return None if value is None else word_key(value)

    def int(self, name: str) -> int | None:
        value = self.get(name)
        return int(value) if value is not None and value.isdigit() else None


def _month(m: _Match) -> int | None:
    key = m.key("month")
    return None if key is None else MONTHS[m.language].get(key) or MONTHS[m.language].get(key[:3])


def _day_range(day: date | None, relative: bool = False) -> _Resolution:
    return _Resolution((day, day) if day else None, "day", relative)


def _safe_date(year: int, month: int, day: int) -> date | None:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _explicit_or_inferred_day(m: _Match, anchor: date | None) -> _Resolution | None:
    month, day, year = _month(m), m.int("day"), m.int("year")
    if month is None or day is None or not 1 <= day <= 31:
        return None
    if year is not None:
        return _day_range(_safe_date(year, month, day))
    if anchor is None:
        return _Resolution(None, "day", True)
    # Without a year: the latest such day on or before the anchor (news mostly looks back).
    year = anchor.year if (month, day) <= (anchor.month, anchor.day) else anchor.year - 1
    return _day_range(_safe_date(year, month, day), relative=True)


def _numeric(m: _Match, day_first: bool) -> _Resolution | None:
    first, second, year = m.int("a"), m.int("b"), m.int("year")
    if first is None or second is None or year is None:
        return None
    if m.kind == "iso" or (day_first and first <= 31) or second > 12:
        day, month = first, second
    else:
        day, month = second, first
    day_value = _safe_date(year, month, day) if month <= 12 else None
    return None if day_value is None else _day_range(day_value)


def _month_relative(m: _Match, anchor: date | None) -> _Resolution | None:
    month = _month(m)
    if month is None:
        return None
    if m.kind == "month_year":
        year = m.int("year")
        if year is None or not EARLIEST_YEAR <= year <= LATEST_YEAR:
            return None
        return _Resolution(cal.month_range(year, month), "month")
    if anchor is None:
        return _Resolution(None, "month", True)
    modifier = MODIFIERS[m.language].get(m.key("mod") or "")
    if modifier == -1:
        year = anchor.year if month < anchor.month else anchor.year - 1
    elif modifier == 1:
        year = anchor.year if month > anchor.month else anchor.year + 1
    elif modifier == 0:
        year = anchor.year
    else:  # a bare month: the latest one not after the anchor's month
        year = anchor.year if month <= anchor.month else anchor.year - 1
    return _Resolution(cal.month_range(year, month), "month", True)


def _year(m: _Match) -> _Resolution | None:
    year = m.int("year")
    if year is None:
        return None
    if m.key("suffix") in HIJRI_SUFFIXES:
        return _Resolution(cal.hijri_year_range(year), "year", calendar="hijri")
    if not 1800 <= year <= LATEST_YEAR:
        return None
    return _Resolution(cal.year_range(year), "year")


def _hijri(m: _Match, anchor: date | None) -> _Resolution | None:
    month = HIJRI_MONTHS.get(m.key("hmonth") or "")
    if month is None:
        return None
    year, day = m.int("year"), m.int("day")
    if m.kind == "hijri_date" and year is not None and day is not None:
        converted = cal.hijri_to_gregorian(year, month, day)
        return (
            None
            if converted is None
            else _Resolution((converted, converted), "day", False, "hijri")
        )
    if m.kind == "hijri_month" and year is not None:
        return _Resolution(cal.hijri_month_range(year, month), "month", False, "hijri")
    modifier = MODIFIERS[m.language].get(m.key("mod") or "")
    today = cal.gregorian_to_hijri(anchor) if anchor else None
    if modifier is None or today is None:  # incomplete: flagged by an empty range
        return _Resolution(None, "month", modifier is not None, "hijri")
    anchor_year, anchor_month, _ = today
    if modifier == -1:
        year = anchor_year if month < anchor_month else anchor_year - 1
    elif modifier == 1:
        year = anchor_year if month > anchor_month else anchor_year + 1
    else:
        year = anchor_year
    return _Resolution(cal.hijri_month_range(year, month), "month", True, "hijri")


def _shifted(granularity: str, steps: int, anchor: date) -> cal.DateRange:
    if granularity == "day":
        day = anchor + timedelta(days=steps)
        return day, day
    if granularity == "week":
        return cal.week_range(anchor + timedelta(weeks=steps))
    if granularity == "month":
        return cal.month_range(*cal.shift_month(anchor.year, anchor.month, steps))
    return cal.year_range(anchor.year + steps)


def _unit_relative(m: _Match, anchor: date | None) -> _Resolution | None:
    unit = UNITS[m.language].get(m.key("unit") or "")
    if unit is None:
        return None
    granularity, unit_count = unit
    if m.kind == "ago":
        direction = DIRECTIONS[m.language].get(m.key("dir") or "")
        number_text = m.key("num")
        if number_text is None:
            # "منذ أسبوع" is one week; "منذ سنوات" (years ago) is vague: kept, unresolved.
            count = unit_count if _is_singular_or_dual(m) else None
        else:
            count = (
                int(number_text)
                if number_text.isdigit()
                else NUMBER_WORDS[m.language].get(number_text)
            )
        if direction is None or count is None or anchor is None:
            return _Resolution(None, granularity, True)
        steps = direction * count
    else:
        modifier = MODIFIERS[m.language].get(m.key("mod") or "")
        if modifier is None:
            return None
        if anchor is None:
            return _Resolution(None, granularity, True)
        steps = modifier
    return _Resolution(_shifted(granularity, steps, anchor), granularity, True)


def _is_singular_or_dual(m: _Match) -> bool:
    unit = m.key("unit") or ""
    return (
        unit in {word_key(w) for w in ("يوم", "أسبوع", "شهر", "عام", "سنة")}
        or UNITS[m.language].get(unit, ("", 1))[1] == 2
    )


def _relative_day(m: _Match, anchor: date | None) -> _Resolution | None:
    offset = RELATIVE_DAYS[m.language].get(m.key("word") or "")
    if offset is None:
        return None
    return _day_range(anchor + timedelta(days=offset) if anchor else None, relative=True)


def _weekday(m: _Match, anchor: date | None) -> _Resolution | None:
    weekday = WEEKDAYS[m.language].get(m.key("weekday") or "")
    if weekday is None:
        return None
    if anchor is None:
        return _Resolution(None, "day", True)
    modifier = MODIFIERS[m.language].get(m.key("mod") or "")
    if modifier == 1:
        day = anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    elif modifier == -1:
        day = anchor - timedelta(days=(anchor.weekday() - weekday) % 7 or 7)
    else:  # "on Monday": the latest Monday on or before the anchor
        day = anchor - timedelta(days=(anchor.weekday() - weekday) % 7)
    return _day_range(day, relative=True)


def _resolve(m: _Match, anchor: date | None, day_first: bool) -> _Resolution | None:
    kind = m.kind
    if kind in ("day_month", "month_day"):
        return _explicit_or_inferred_day(m, anchor)
    if kind in ("numeric", "iso"):
        return _numeric(m, day_first)
    if kind in ("month_year", "month_mod", "month"):
        return _month_relative(m, anchor)
    if kind == "year":
        return _year(m)
    if kind.startswith("hijri"):
        return _hijri(m, anchor)
    if kind in ("ago", "unit_mod", "mod_unit"):
        return _unit_relative(m, anchor)
    if kind == "relative_day":
        return _relative_day(m, anchor)
    if kind == "weekday":
        return _weekday(m, anchor)
    raise AssertionError(f"no resolver for {kind}")


def find_date_mentions(
    text: str, language: str | None, anchor: date | None, *, day_first: bool = True
) -> list[DateMention]:
    """Date expressions of `text` in `language` ('ar', 'en', 'fr'), resolved against `anchor`."""
    pattern = language_pattern(language or "")
    if pattern is None or not text:
        return []
    # Same length: offsets stay valid. Arabic-Indic digits are rare enough to test for first.
    searchable = text.translate(ASCII_DIGITS_TABLE) if _EASTERN_DIGIT_RE.search(text) else text
    mentions = []
    covered = 0
    # Try the pattern only where a date expression can start: a few words before a core word.
    for position in candidate_starts(searchable, language or ""):
        if position < covered:
            continue
        match = pattern.match(searchable, position)
        if match is None:
            continue
        covered = match.end()
        mention = _mention(text, match, language or "", anchor, day_first)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _mention(
    text: str, match: re.Match[str], language: str, anchor: date | None, day_first: bool
) -> DateMention | None:
    resolution = _resolve(_Match(match, language), anchor, day_first)
    if resolution is None:
        return None
    start, end = match.span()
    surface = text[start:end]
    stripped = surface.strip()
    start += len(surface) - len(surface.lstrip())
    low, high = resolution.range or (None, None)
    return DateMention(
        stripped,
        start,
        start + len(stripped),
        low,
        high,
        resolution.granularity,
        resolution.is_relative,
        resolution.calendar,
    )
