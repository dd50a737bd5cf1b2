"""Validate raw records against the Pandera contract; name the reason each failure is rejected."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from schemas.raw import REJECT_REASON_BY_CHECK, RawRecordSchema


def find_rejections(records: pl.DataFrame) -> list[dict[str, object]]:
    """Quarantine rows for records breaking RawRecordSchema, one per record (lazy validation)."""
    try:
        RawRecordSchema.validate(records, lazy=True)
    except pa.errors.SchemaErrors as errors:
        return _rejections_from(records, errors.failure_cases)
    return []


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
