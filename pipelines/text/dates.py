"""Publication-date parsing: a regex fast path for common forms, dateparser as lazy fallback."""

from __future__ import annotations

import email.utils
import re
from datetime import UTC, datetime, timedelta, timezone
from functools import cache
from typing import Any

from pipelines.text.date_vocabulary import (
    ASCII_DIGITS_TABLE,
    DATE_FILLER_WORDS,
    MONTH_NAME_PATTERN,
    MONTH_NUMBER_BY_NAME,
    WEEKDAY_NAME_PATTERN,
    strip_date_label,
)
from pipelines.text.normalization import normalize_text

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
DATEPARSER_LANGUAGES = ("ar", "en", "fr", "de", "es", "tr")
DATEPARSER_SETTINGS: dict[str, Any] = {
    "DATE_ORDER": "DMY",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "TO_TIMEZONE": "UTC",
    "TIMEZONE": "UTC",  # naive input times are UTC, not the machine's local zone
    "PREFER_DATES_FROM": "past",
    "PREFER_DAY_OF_MONTH": "first",
    "REQUIRE_PARTS": ["month", "year"],
}

_TIME = (
    r"(?P<hour>\d{1,2})[:h.](?P<minute>\d{2})(?:[:.](?P<second>\d{2})(?:\.\d+)?)?"
    r"(?:\s*(?P<meridiem>am|pm|a\.m\.|p\.m\.|ص|م|صباحا|صباحاً|مساء|مساءً))?"
    r"(?:\s*(?P<tz>z|utc|gmt|(?:utc|gmt)?\s*[+-]\d{1,2}(?::?\d{2})?))?"
)
_TIME_SEPARATOR = r"(?:\s*[,،\-–|]\s*|\s+|t)(?:(?:at|à|um|saat|الساعة|-)\s+)?"
_OPTIONAL_TIME = rf"(?:{_TIME_SEPARATOR}{_TIME})?"
_WEEKDAY_PREFIX = rf"(?:(?:{WEEKDAY_NAME_PATTERN})\.?\s*[,،\-]?\s*)?"

_EPOCH_SECONDS_RE = re.compile(r"^\d{9,10}(?:\.\d+)?$")
_EPOCH_MILLISECONDS_RE = re.compile(r"^\d{12,13}$")
_ISO_RE = re.compile(r"^\d{4}-?\d{2}-?\d{2}(?:[t ].*)?$")
_YEAR_FIRST_RE = re.compile(
    rf"^(?P<year>\d{{4}})[./](?P<month>\d{{1,2}})[./](?P<day>\d{{1,2}}){_OPTIONAL_TIME}$"
)
_NUMERIC_DAY_FIRST_RE = re.compile(
    rf"^(?P<first_number>\d{{1,2}})(?P<sep>[./-])(?P<second_number>\d{{1,2}})(?P=sep)(?P<year>\d{{4}})"
    rf"{_OPTIONAL_TIME}$"
)
_DAY_MONTH_NAME_RE = re.compile(
    rf"^{_WEEKDAY_PREFIX}(?P<day>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s*(?:de\s+)?"
    rf"(?P<month_name>{MONTH_NAME_PATTERN})\.?(?:\s+de)?\s*,?\s*(?P<year>\d{{4}}){_OPTIONAL_TIME}$"
)
_MONTH_NAME_DAY_RE = re.compile(
    rf"^{_WEEKDAY_PREFIX}(?P<month_name>{MONTH_NAME_PATTERN})\.?\s+(?P<day>\d{{1,2}})"
    rf"(?:st|nd|rd|th)?\s*,?\s*(?P<year>\d{{4}}){_OPTIONAL_TIME}$"
)
_RFC_2822_SHAPE_RE = re.compile(r"^(?:[a-z]{3},\s*)?\d{1,2}\s+[a-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}")
_FOUR_DIGIT_YEAR_RE = re.compile(r"(?<!\d)(?:19|20|21)\d{2}(?!\d)")
_MONTH_OR_WEEKDAY_RE = re.compile(rf"\b(?:{MONTH_NAME_PATTERN}|{WEEKDAY_NAME_PATTERN})\b\.?")
_DATE_TOKEN_SPLIT_RE = re.compile(r"[\s,.:/\-–—|()+]+|(?<=\d)[th](?=\d)|(?<=\d)(?=z\b)")
_NUMBER_TOKEN_RE = re.compile(r"^\d+(?:st|nd|rd|th|er|e)?$")
_MAX_DATE_LINE_CHARS = 80


def _prepare(raw: str) -> str:
    return normalize_text(raw).translate(ASCII_DIGITS_TABLE).lower()


def _timezone_from(tz_text: str | None) -> timezone:
    if not tz_text:
        return UTC
    offset = re.sub(r"^(?:utc|gmt)\s*", "", tz_text.strip())
    if offset in ("", "z", "utc", "gmt"):
        return UTC
    sign = -1 if offset.startswith("-") else 1
    digits = offset[1:].replace(":", "")
    hours = int(digits[:-2]) if len(digits) > 2 else int(digits)
    minutes = int(digits[-2:]) if len(digits) > 2 else 0
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _build(year: int, month: int, day: int, match: re.Match[str]) -> datetime:
    hour = int(match.group("hour") or 0)
    minute = int(match.group("minute") or 0)
    second = int(match.group("second") or 0)
    meridiem = (match.group("meridiem") or "").replace(".", "")
    if meridiem in ("pm", "م", "مساء", "مساءً") and hour < 12:
        hour += 12
    elif meridiem in ("am", "ص", "صباحا", "صباحاً") and hour == 12:
        hour = 0
    return datetime(year, month, day, hour, minute, second, tzinfo=_timezone_from(match["tz"]))


def _parse_numeric(text: str, month_first: bool = False) -> datetime | None:
    if match := _NUMERIC_DAY_FIRST_RE.match(text):
        first, second = int(match["first_number"]), int(match["second_number"])
        # Day-first (or month-first if asked), unless only the other order can be valid.
        if month_first:
            month, day = (second, first) if first > 12 and second <= 12 else (first, second)
        else:
            day, month = (second, first) if second > 12 and first <= 12 else (first, second)
        return _build(int(match["year"]), month, day, match)
    if match := _YEAR_FIRST_RE.match(text):
        return _build(int(match["year"]), int(match["month"]), int(match["day"]), match)
    return None


def _parse_month_name(text: str) -> datetime | None:
    match = _DAY_MONTH_NAME_RE.match(text) or _MONTH_NAME_DAY_RE.match(text)
    if match is None:
        return None
    month = MONTH_NUMBER_BY_NAME[match["month_name"]]
    return _build(int(match["year"]), month, int(match["day"]), match)


def _parse_epoch_or_iso(text: str) -> datetime | None:
    if _EPOCH_SECONDS_RE.match(text):
        return datetime.fromtimestamp(float(text), tz=UTC)
    if _EPOCH_MILLISECONDS_RE.match(text):
        return datetime.fromtimestamp(int(text) / 1000, tz=UTC)
    if _ISO_RE.match(text):
        iso_text = re.sub(r"\s*(?:utc|gmt)$", "+00:00", text).upper()
        return datetime.fromisoformat(iso_text)
    if _RFC_2822_SHAPE_RE.match(text):
        return email.utils.parsedate_to_datetime(text)
    return None


def _parse_fast(text: str, month_first: bool = False) -> datetime | None:
    """Parse the common shapes; may raise ValueError when a shape matches but values are bad."""
    return _parse_epoch_or_iso(text) or _parse_numeric(text, month_first) or _parse_month_name(text)


@cache
def _dateparser_parse() -> Any:
    import dateparser  # loads slowly: only when the fast path fails

    return dateparser.parse


def _parse_with_dateparser(text: str, month_first: bool = False) -> datetime | None:
    settings = {**DATEPARSER_SETTINGS, "DATE_ORDER": "MDY"} if month_first else DATEPARSER_SETTINGS
    parsed: datetime | None = _dateparser_parse()(
        text, languages=list(DATEPARSER_LANGUAGES), settings=settings
    )
    return parsed


def _as_utc(parsed: datetime) -> datetime:
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def parse_published_at(raw: str | None, *, month_first: bool = False) -> datetime | None:
    """Parse a publication date in many notations; returns a UTC-aware datetime or None.

    Numeric dates are read day-first (28.04.2025) unless `month_first`; either way the other
    order is used when it is the only valid one (04/28/2025).
    """
    if raw is None:
        return None
    text = strip_date_label(_prepare(raw))
    if not text:
        return None
    try:
        parsed = _parse_fast(text, month_first)
    except (ValueError, TypeError, OverflowError, OSError):
        parsed = None
    # Without a year the text is relative ("3 days ago") or partial: not a publication date.
    if parsed is None and _FOUR_DIGIT_YEAR_RE.search(text):
        parsed = _parse_with_dateparser(text, month_first)
    if parsed is None or not EARLIEST_YEAR <= parsed.year <= LATEST_YEAR:
        return None
    return _as_utc(parsed)


def looks_like_date_line(line: str) -> bool:
    """True for a line holding only a date/time, maybe labelled ("Published: 3 March 2024")."""
    if len(line) > 2 * _MAX_DATE_LINE_CHARS:
        return False
    text = _prepare(line)
    if len(text) > _MAX_DATE_LINE_CHARS or not any(char.isdigit() for char in text):
        return False
    remainder = _MONTH_OR_WEEKDAY_RE.sub(" ", strip_date_label(text))
    for token in _DATE_TOKEN_SPLIT_RE.split(remainder):
        if token and token not in DATE_FILLER_WORDS and not _NUMBER_TOKEN_RE.match(token):
            return False
    return parse_published_at(line) is not None
