"""Bounds shared by validation and the publication gate: one declaration, read by both.

Validation quarantines a record whose publication date field parses outside these bounds
(invalid_published_at), so the gate, which refuses a published table holding such a date,
never sees one from a record field. Cleaning's parser still accepts 1900-2100 for other
evidence (a date line, a URL): see pipelines/text/dates.py EARLIEST_YEAR / LATEST_YEAR.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Final

# Publication dates outside these bounds are parsing errors or placeholders, not news.
EARLIEST_PUBLISHED_AT: Final = date(1990, 1, 1)
FUTURE_DAYS_ALLOWED: Final = 2


def published_at_bounds(now: datetime | None = None) -> tuple[datetime, datetime]:
    """(earliest, latest) publication time allowed now, both UTC-aware and inclusive."""
    now = now or datetime.now(UTC)
    now = now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)
    earliest = datetime.combine(EARLIEST_PUBLISHED_AT, datetime.min.time(), tzinfo=UTC)
    return earliest, now + timedelta(days=FUTURE_DAYS_ALLOWED)


def describe_bounds(now: datetime | None = None) -> str:
    earliest, latest = published_at_bounds(now)
    return f"between {earliest:%Y-%m-%d} and {latest:%Y-%m-%d %H:%M} UTC (schemas/contract.py)"
