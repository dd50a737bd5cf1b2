"""parse_published_at table: every supported notation, day-first rules, offsets, garbage."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from pipelines.clean import parse_published_at
from pipelines.text.dates import looks_like_date_line

DATE_CASES = [
    # ISO 8601
    ("2025-04-28T07:41:00Z", datetime(2025, 4, 28, 7, 41, tzinfo=UTC)),
    ("2025-04-28T07:41:00+03:00", datetime(2025, 4, 28, 4, 41, tzinfo=UTC)),
    ("2025-04-28T07:41:00.250-0500", datetime(2025, 4, 28, 12, 41, 0, 250000, tzinfo=UTC)),
    ("2025-04-28", datetime(2025, 4, 28, tzinfo=UTC)),
    ("2015-07-22 00:05:53", datetime(2015, 7, 22, 0, 5, 53, tzinfo=UTC)),
    ("2025-04-28 07:41 UTC", datetime(2025, 4, 28, 7, 41, tzinfo=UTC)),
    ("2025/04/28 07:41", datetime(2025, 4, 28, 7, 41, tzinfo=UTC)),
    # numeric, day-first unless only month-first is possible
    ("28.04.2025 07:41", datetime(2025, 4, 28, 7, 41, tzinfo=UTC)),
    ("28/04/2025", datetime(2025, 4, 28, tzinfo=UTC)),
    ("28-04-2025", datetime(2025, 4, 28, tzinfo=UTC)),
    ("04.05.2025", datetime(2025, 5, 4, tzinfo=UTC)),
    ("04/28/2025", datetime(2025, 4, 28, tzinfo=UTC)),
    ("12/03/2024 à 18h30", datetime(2024, 3, 12, 18, 30, tzinfo=UTC)),
    # RFC 2822
    ("Mon, 28 Apr 2025 07:41:00 +0300", datetime(2025, 4, 28, 4, 41, tzinfo=UTC)),
    ("28 Apr 2025 07:41:00 GMT", datetime(2025, 4, 28, 7, 41, tzinfo=UTC)),
    # month names
    ("28 April 2025", datetime(2025, 4, 28, tzinfo=UTC)),
    ("April 28, 2025", datetime(2025, 4, 28, tzinfo=UTC)),
    ("Monday, April 28, 2025 at 7:41 PM", datetime(2025, 4, 28, 19, 41, tzinfo=UTC)),
    ("3rd March 2024", datetime(2024, 3, 3, tzinfo=UTC)),
    ("lundi 28 avril 2025 à 07h41", datetime(2025, 4, 28, 7, 41, tzinfo=UTC)),
    ("1er février 2024", datetime(2024, 2, 1, tzinfo=UTC)),
    ("28 أبريل 2025", datetime(2025, 4, 28, tzinfo=UTC)),
    ("28 ابريل 2025", datetime(2025, 4, 28, tzinfo=UTC)),
    ("28 نيسان 2025", datetime(2025, 4, 28, tzinfo=UTC)),
    ("5 كانون الثاني 2025", datetime(2025, 1, 5, tzinfo=UTC)),
    ("٢٨ أبريل ٢٠٢٥", datetime(2025, 4, 28, tzinfo=UTC)),
    ("الاثنين ٢٨ أبريل ٢٠٢٥ - ٠٧:٤١ م", datetime(2025, 4, 28, 19, 41, tzinfo=UTC)),
    ("28 Nisan 2025", datetime(2025, 4, 28, tzinfo=UTC)),
    # labels
    ("Published: March 3, 2024", datetime(2024, 3, 3, tzinfo=UTC)),
    ("نشر في 28.04.2025 07:41", datetime(2025, 4, 28, 7, 41, tzinfo=UTC)),
    ("Updated 28 April 2025 10:00 GMT+3", datetime(2025, 4, 28, 7, 0, tzinfo=UTC)),
    # epoch seconds / milliseconds
    ("1745826060", datetime(2025, 4, 28, 7, 41, tzinfo=UTC)),
    ("1745826060000", datetime(2025, 4, 28, 7, 41, tzinfo=UTC)),
    # garbage and nonsense
    (None, None),
    ("", None),
    ("garbage", None),
    ("12", None),
    ("3 days ago", None),
    ("31.02.2025", None),
    ("1800-01-01", None),
    ("2150-01-01T00:00:00Z", None),
    ("Korea الشمالية أكدت لأول مرة أنها أرسلت جنودًا إلى روسيا.", None),
]


@pytest.mark.parametrize(("raw", "expected"), DATE_CASES)
def test_parse_published_at(raw: str | None, expected: datetime | None) -> None:
    assert parse_published_at(raw) == expected


def test_parsed_dates_are_utc_aware() -> None:
    parsed = parse_published_at("2025-04-28T07:41:00+03:00")
    assert parsed is not None
    assert parsed.tzinfo is UTC


def test_dateparser_fallback_handles_other_languages() -> None:
    assert parse_published_at("28. April 2025 um 07:41 Uhr") == datetime(
        2025, 4, 28, 7, 41, tzinfo=UTC
    )
    assert parse_published_at("28 de abril de 2025") == datetime(2025, 4, 28, tzinfo=UTC)


DATE_LINE_CASES = [
    ("28.04.2025 07:41", True),
    ("Published: March 3, 2024", True),
    ("نشر في 28 أبريل 2025", True),
    ("Updated: 2024-03-03T10:00:00Z", True),
    ("In 2024 the war went on", False),
    ("Korea الشمالية أكدت لأول مرة أنها أرسلت جنودًا إلى روسيا.", False),
    ("May 2025 be better", False),
    ("The 3 March 2024 meeting was cancelled", False),
]


@pytest.mark.parametrize(("line", "expected"), DATE_LINE_CASES)
def test_looks_like_date_line(line: str, expected: bool) -> None:
    assert looks_like_date_line(line) is expected
