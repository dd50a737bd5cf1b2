"""Date mentions of a batch of articles as an Arrow table in the core.date_mentions layout."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any

import pyarrow as pa

from pipelines.clean.published import is_month_first
from pipelines.enrich.dates.mentions import find_date_mentions
from pipelines.parallel import ordered_map

DATE_MENTIONS_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()),
        ("mention_index", pa.int32()),
        ("surface_text", pa.string()),
        ("start_char", pa.int32()),
        ("end_char", pa.int32()),
        ("resolved_start", pa.date32()),
        ("resolved_end", pa.date32()),
        ("granularity", pa.string()),
        ("is_relative", pa.bool_()),
        ("anchor_date", pa.date32()),
        ("calendar", pa.string()),
        ("language", pa.string()),
    ]
)


def anchor_of(published_at: datetime | None) -> date | None:
    """The UTC publication day relative expressions are resolved against."""
    if published_at is None:
        return None
    aware = published_at if published_at.tzinfo else published_at.replace(tzinfo=UTC)
    return aware.astimezone(UTC).date()


def _host(url: str | None) -> str:
    return (url or "").split("://", 1)[-1].split("/", 1)[0]


def mention_rows(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for articles with article_id, body, language, published_at and canonical_url."""
    rows = []
    for article in articles:
        language, anchor = article["language"], anchor_of(article["published_at"])
        day_first = not is_month_first(language, _host(article["canonical_url"]), "/")
        mentions = find_date_mentions(article["body"], language, anchor, day_first=day_first)
        for index, mention in enumerate(mentions):
            rows.append(
                {
                    "article_id": article["article_id"],
                    "mention_index": index,
                    "surface_text": mention.text,
                    "start_char": mention.start_char,
                    "end_char": mention.end_char,
                    "resolved_start": mention.resolved_start,
                    "resolved_end": mention.resolved_end,
                    "granularity": mention.granularity,
                    "is_relative": mention.is_relative,
                    "anchor_date": anchor,
                    "calendar": mention.calendar,
                    "language": language,
                }
            )
    return rows


def mentions_table(articles: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(mention_rows(articles), schema=DATE_MENTIONS_SCHEMA)


def mention_tables(batches: Iterable[list[dict[str, Any]]], workers: int) -> Iterator[pa.Table]:
    """Mention tables in input order; `workers` > 1 spreads the batches over processes."""
    return ordered_map(mentions_table, batches, workers)
