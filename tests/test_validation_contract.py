"""One contract: the publication-date bounds validation applies are the gate's."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl

from pipelines.quality.gate import expectations_for
from pipelines.quality.suites import TableSuite
from pipelines.validation import find_rejections
from schemas.contract import published_at_bounds

NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
DATES = {
    0: "1900-01-01",
    1: "2015-07-22 10:00:00",
    2: "01.01.1900 10:00",
    3: "3000-01-01T00:00:00Z",  # cleaning reads no date in it (its parser stops at 2100)
    4: None,
    5: "2026-12-08",  # tomorrow: within the 2 days allowed
    6: "2026-12-20",  # beyond them
    7: "22 July 2015",
    8: "1989-12-31",
    9: "not a date 12345",
}


NULLABLE = ("url", "language", "authors", "source", "extra")


def frame() -> pl.DataFrame:
    n = len(DATES)
    return pl.DataFrame(
        {
            "dump_file": ["d.jsonl"] * n,
            "record_index": list(DATES),
            "record_locator": [f"line:{i + 1}" for i in DATES],
            "dump_format": ["jsonl"] * n,
            "raw_record": ["{}"] * n,
            "title": ["t"] * n,
            "body": ["a body"] * n,
            "url": [None] * n,
            "published_at_raw": list(DATES.values()),
            "language": [None] * n,
            "authors": [None] * n,
            "source": [None] * n,
            "extra": [None] * n,
        },
        schema_overrides=dict.fromkeys(NULLABLE, pl.String),
    )


def test_out_of_bounds_dates_are_quarantined_at_validation() -> None:
    rows = find_rejections(frame(), NOW)
    assert {r["record_index"]: r["reject_reason"] for r in rows} == {
        0: "invalid_published_at",
        2: "invalid_published_at",
        6: "invalid_published_at",
        8: "invalid_published_at",
    }
    assert "1900-01-01" in str(rows[0]["reject_detail"])
    assert "schemas/contract.py" in str(rows[0]["reject_detail"])


def test_gate_reads_the_same_bounds() -> None:
    suite = TableSuite("core.articles", dates=("published_at",), may_be_empty=True)
    found = expectations_for(suite, None, None, NOW)
    [between] = [e for e in found if "Between" in type(e).__name__]
    earliest, latest = published_at_bounds(NOW)
    assert (between.min_value, between.max_value) == (
        earliest.replace(tzinfo=None),
        latest.replace(tzinfo=None),
    )


def test_a_date_line_outside_the_contract_is_no_evidence() -> None:
    from pipelines.clean.published import resolve_published_at

    published = resolve_published_at(
        record_date=None,
        record_date_source=None,
        date_line="01.01.1900 10:00",
        url="https://news.example.com/2024/05/03/story",
        language="en",
        source="news.example.com",
    )
    assert published.value is not None and published.value.year == 2024
    assert published.source != "text"
