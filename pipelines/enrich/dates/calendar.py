"""Calendar arithmetic: Gregorian ranges, ISO weeks, and Hijri <-> Gregorian conversion.

Hijri dates use the Umm al-Qura calendar (hijridate, AH 1343-1500 = 1924-2077 CE); outside that
range the arithmetic (tabular) Islamic calendar is used, which can be off by a day or two.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from hijridate import Gregorian, Hijri

DateRange = tuple[date, date]
_ISLAMIC_EPOCH_JD = 1948439.5
_JD_OF_ORDINAL_ZERO = 1721424.5


def month_range(year: int, month: int) -> DateRange:
    """First and last day of a Gregorian month."""
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def year_range(year: int) -> DateRange:
    return date(year, 1, 1), date(year, 12, 31)


def week_range(day: date) -> DateRange:
    """The ISO week (Monday to Sunday) holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _tabular_to_gregorian(year: int, month: int, day: int) -> date:
    jd = (
        day
        + (295 * (month - 1) + 9) // 10  # ceil(29.5 * (month - 1))
        + (year - 1) * 354
        + (3 + 11 * year) // 30
        + _ISLAMIC_EPOCH_JD
        - 1
    )
    return date.fromordinal(int(jd - _JD_OF_ORDINAL_ZERO))


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of a Hijri date; None when the date does not exist."""
    if not (1 <= month <= 12 and 1 <= day <= 30 and 1 <= year <= 1600):
        return None
    try:
        return Hijri(year, month, day).to_gregorian()  # type: ignore[no-any-return]
    except OverflowError:
        return _tabular_to_gregorian(year, month, day)
    except ValueError:
        return None


def hijri_month_range(year: int, month: int) -> DateRange | None:
    first = hijri_to_gregorian(year, month, 1)
    next_year, next_month = (year + 1, 1) if month == 12 else (year, month + 1)
    following = hijri_to_gregorian(next_year, next_month, 1)
    if first is None or following is None:
        return None
    return first, following - timedelta(days=1)


def hijri_year_range(year: int) -> DateRange | None:
    first = hijri_to_gregorian(year, 1, 1)
    following = hijri_to_gregorian(year + 1, 1, 1)
    if first is None or following is None:
        return None
    return first, following - timedelta(days=1)


def gregorian_to_hijri(day: date) -> tuple[int, int, int] | None:
    """(year, month, day) in the Umm al-Qura calendar; None outside its range."""
    try:
        hijri = Gregorian(day.year, day.month, day.day).to_hijri()
    except OverflowError:
        return None
    return hijri.year, hijri.month, hijri.day
