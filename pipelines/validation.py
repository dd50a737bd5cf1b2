"""Validate raw records against the Pandera contract; name the reason each failure is rejected."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pandera.polars as pa
import polars as pl
import pyarrow

from pipelines.reject_reasons import INVALID_PUBLISHED_AT
from pipelines.text.dates import parse_published_at
from schemas.contract import describe_bounds, published_at_bounds
from schemas.raw import REJECT_REASON_BY_CHECK, RawRecordSchema

_DIGITS = re.compile(r"\d{4,}")
# Validation needs a timestamp column shaped like raw.records'; the real one is set at merge.
_PLACEHOLDER_TIME = datetime(1970, 1, 1, tzinfo=UTC)


def validate_raw_chunk(raw: pyarrow.Table) -> list[dict[str, object]]:
    """Quarantine rows (stage `validate`) for the records of a raw chunk (`raw.records` layout)
    that break the contract. Run where the dump is read, so the map's workers never load
    Polars and Pandera (~0.1 GB each)."""
    frame = pl.from_arrow(raw.drop_columns(["raw_payload"]))
    assert isinstance(frame, pl.DataFrame)
    frame = frame.with_columns(ingested_at=pl.lit(_PLACEHOLDER_TIME))
    return [{**row, "stage": "validate"} for row in find_rejections(frame)]


def find_rejections(records: pl.DataFrame, now: datetime | None = None) -> list[dict[str, object]]:
    """Quarantine rows for records breaking RawRecordSchema or the publication-date bounds
    the gate enforces (schemas/contract.py), one per record (lazy validation)."""
    try:
        RawRecordSchema.validate(records, lazy=True)
    except pa.errors.SchemaErrors as errors:
        rows = _rejections_from(records, errors.failure_cases)
    else:
        rows = []
    done = {row["record_index"] for row in rows}
    rows += [row for row in _dates_out_of_bounds(records, now) if row["record_index"] not in done]
    return sorted(rows, key=lambda row: int(str(row["record_index"])))


def _dates_out_of_bounds(records: pl.DataFrame, now: datetime | None) -> list[dict[str, object]]:
    """Records whose date field reads as a time the gate would refuse (1900-01-01, 2999, ...).

    Only dates holding a number that is not a year within the bounds are parsed (with
    cleaning's parser, so both read the same date).
    """
    if "published_at_raw" not in records.columns:
        return []
    earliest, latest = published_at_bounds(now)
    years = range(earliest.year, latest.year)  # the latest year is parsed: its days matter
    rows = []
    columns = ("record_index", "record_locator", "published_at_raw", "raw_record")
    for index, locator, raw, raw_record in records.select(columns).iter_rows():
        if not raw or all(len(m) == 4 and int(m) in years for m in _DIGITS.findall(raw)):
            continue
        parsed = parse_published_at(raw)
        if parsed is None or earliest <= parsed <= latest:
            continue
        detail = (
            f"published date {raw[:80]!r} reads as {parsed:%Y-%m-%d}: publication dates are "
            f"{describe_bounds(now)}"
        )
        rows.append(
            {
                "record_index": index,
                "record_locator": locator,
                "reject_reason": INVALID_PUBLISHED_AT,
                "reject_detail": detail,
                "raw_record": raw_record,
            }
        )
    return rows


def _rejections_from(records: pl.DataFrame, failures: pl.DataFrame) -> list[dict[str, object]]:
    by_row: dict[int, list[str]] = {}
    for check, row in failures.select("check", "index").iter_rows():
        if row is None:  # a column-level failure (wrong dtype) applies to the whole batch
            raise ValueError(f"raw batch does not match RawRecordSchema: {check}")
        by_row.setdefault(int(row), []).append(str(check))
    rejections = []
    for row, checks in sorted(by_row.items()):
        record = records.row(row, named=True)
        reasons = [REJECT_REASON_BY_CHECK.get(check, f"schema_{check}") for check in checks]
        detail = "; ".join(_describe(check, record) for check in checks)
        rejections.append(
            {
                "record_index": record["record_index"],
                "record_locator": record["record_locator"],
                "reject_reason": _slug(reasons[0]),
                "reject_detail": detail,
                "raw_record": record["raw_record"],
            }
        )
    return rejections


def _describe(check: str, record: dict[str, object]) -> str:
    if check == "has_body":
        return "no article text: body is missing or blank"
    if check == "url_is_valid":
        return f"url is not an absolute http(s) URL: {str(record['url'])[:200]!r}"
    if check == "title_length_ok":
        return "title is longer than the contract allows"
    if check == "published_at_raw_length_ok":
        return "published date field is too long to be a date"
    return f"failed Pandera check {check}"


def _slug(reason: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in reason.lower()).strip("_")
