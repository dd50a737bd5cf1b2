"""resolve_published_at: evidence order, provenance, confidence and the day/month policy."""

from __future__ import annotations

from datetime import UTC, datetime

from pipelines.clean.published import resolve_published_at, url_date


def resolve(**given: str | None) -> tuple[object, ...]:
    evidence: dict[str, str | None] = {
        "record_date": None,
        "record_date_source": None,
        "date_line": None,
        "url": None,
        "language": "ar",
        "source": None,
    }
    result = resolve_published_at(**(evidence | given))  # type: ignore[arg-type]
    return result.value, result.raw, result.source, result.confidence, result.is_ambiguous


def test_seed_date_line() -> None:
    assert resolve(date_line="28.04.2025 07:41") == (
        datetime(2025, 4, 28, 7, 41, tzinfo=UTC),
        "28.04.2025 07:41",
        "text",
        0.8,
        False,
    )


def test_record_field_beats_url_and_url_beats_crawl() -> None:
    url = "https://example.com/news/2025/04/27/story"
    assert resolve(record_date="2025-04-28T07:41:00+03:00", url=url)[2:4] == ("field", 0.9)
    crawl = resolve(record_date="2025-04-29 00:05:53", record_date_source="crawl", url=url)
    assert crawl[:4] == (datetime(2025, 4, 27, tzinfo=UTC), "2025-04-27", "url", 0.6)
    assert resolve(record_date="2025-04-29 00:05:53", record_date_source="crawl")[2:4] == (
        "crawl",
        0.3,
    )


def test_day_month_order_is_per_source_and_language_and_flagged() -> None:
    us = resolve(record_date="04/05/2025", language="en", source="news.example.com")
    assert us == (datetime(2025, 4, 5, tzinfo=UTC), "04/05/2025", "field", 0.45, True)
    uk = resolve(record_date="04/05/2025", language="en", source="www.bbc.co.uk")
    assert uk[0] == datetime(2025, 5, 4, tzinfo=UTC) and uk[4] is True
    assert resolve(record_date="28.04.2025", language="en")[0] == datetime(2025, 4, 28, tzinfo=UTC)
    assert resolve(record_date="04.05.2025", language="ar")[0] == datetime(2025, 5, 4, tzinfo=UTC)


def test_no_evidence_is_no_date() -> None:
    assert resolve() == (None, None, None, None, False)
    assert url_date("https://example.com/2025/13/01/x") is None
