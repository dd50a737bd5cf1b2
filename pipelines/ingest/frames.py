"""Turn a batch of RawRecords into the Arrow tables loaded into raw.records and quarantine."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import pyarrow as pa

from pipelines.ingest.records import RAW_FIELDS, RawRecord

RAW_RECORDS_SCHEMA = pa.schema(
    [
        ("dump_file", pa.string()),
        ("record_index", pa.int64()),
        ("record_locator", pa.string()),
        ("dump_format", pa.string()),
        ("raw_record", pa.string()),
        *[(name, pa.string()) for name in RAW_FIELDS],
        ("published_at_source", pa.string()),
        ("extra", pa.string()),
        ("ingested_at", pa.timestamp("us", tz="UTC")),
        ("raw_payload", pa.binary()),  # html/warc only: zstd-compressed page
        ("extractor_version", pa.string()),  # html/warc only
    ]
)
REJECTED_RECORDS_SCHEMA = pa.schema(
    [
        ("dump_file", pa.string()),
        ("record_index", pa.int64()),
        ("record_locator", pa.string()),
        ("stage", pa.string()),
        ("reject_reason", pa.string()),
        ("reject_detail", pa.string()),
        ("raw_record", pa.string()),
        ("rejected_at", pa.timestamp("us", tz="UTC")),
    ]
)


def raw_records_table(
    records: Sequence[RawRecord], dump_file: str, dump_format: str, ingested_at: datetime | None
) -> pa.Table:
    """The accepted records of a batch, one row each, in the raw.records layout."""
    kept = [r for r in records if r.fields is not None]
    columns: dict[str, list[object]] = {
        "dump_file": [dump_file] * len(kept),
        "record_index": [r.record_index for r in kept],
        "record_locator": [r.record_locator for r in kept],
        "dump_format": [dump_format] * len(kept),
        "raw_record": [r.raw_record for r in kept],
    }
    for name in (*RAW_FIELDS, "published_at_source", "extra"):
        columns[name] = [r.fields.get(name) if r.fields else None for r in kept]
    columns["ingested_at"] = [ingested_at] * len(kept)
    columns["raw_payload"] = [r.raw_payload for r in kept]
    columns["extractor_version"] = [r.extractor_version for r in kept]
    return pa.Table.from_pydict(columns, schema=RAW_RECORDS_SCHEMA)


def rejected_records_table(
    rows: Sequence[dict[str, object]], dump_file: str, stage: str, rejected_at: datetime | None
) -> pa.Table:
    """Quarantine rows from dicts with record_index, record_locator, reason, detail, raw_record."""
    return pa.Table.from_pydict(
        {
            "dump_file": [dump_file] * len(rows),
            "record_index": [row["record_index"] for row in rows],
            "record_locator": [row["record_locator"] for row in rows],
            "stage": [stage] * len(rows),
            "reject_reason": [row["reject_reason"] for row in rows],
            "reject_detail": [row["reject_detail"] for row in rows],
            "raw_record": [row.get("raw_record") for row in rows],
            "rejected_at": [rejected_at] * len(rows),
        },
        schema=REJECTED_RECORDS_SCHEMA,
    )


def ingest_rejections(records: Sequence[RawRecord]) -> list[dict[str, object]]:
    """The records of a batch the reader could not turn into fields."""
    return [
        {
            "record_index": r.record_index,
            "record_locator": r.record_locator,
            "reject_reason": r.reject_reason,
            "reject_detail": r.reject_detail or r.reject_reason,
            "raw_record": r.raw_record,
        }
        for r in records
        if r.fields is None
    ]
