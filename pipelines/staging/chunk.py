"""Map one chunk of a dump's validated raw records: clean, find dates and entities, sign bodies.

Pure: reads the chunk's raw Parquet file and writes one Parquet file per staged table. Timestamps
that come from warehouse state (when a dump version was first seen) are left NULL here and
filled by the merge. Date and entity mentions are keyed by the sighting (dump_file,
record_index): an article's row is its earliest sighting's, and the merge takes that sighting's.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipelines.clean.batches import CleanedBatch, clean_records
from pipelines.dedup.index import index_tables
from pipelines.enrich.dates.batch import mention_rows
from pipelines.enrich.entities.batch import entity_tables
from pipelines.ingest.frames import REJECTED_RECORDS_SCHEMA
from pipelines.staging.clock import StageClock
from pipelines.staging.files import STAGED_SCHEMAS, chunk_path

# Raw columns cleaning does not read (the record as read, HTML pages, extras).
_NOT_CLEANED = ["raw_payload", "raw_record", "extra", "extractor_version"]
ENTITY_BATCH = 200  # articles per entity_tables call (its garbage-collector pause spans one)


@dataclass(frozen=True)
class ChunkTask:
    """One chunk of one dump: its raw records in `raw_path`, outputs to `out_dir`; the reader
    validated them (`validation.validate_raw_chunk`): `rejections` are those quarantined."""

    dump_file: str
    chunk_index: int
    raw_path: Path
    out_dir: Path
    rejections: list[dict[str, object]] = field(default_factory=list)


@dataclass
class ChunkResult:
    """What a chunk's map produced: counts for the metadata and seconds per stage."""

    dump_file: str
    chunk_index: int
    records: int = 0
    cleaned: int = 0
    rejected: Counter[str] = field(default_factory=Counter)
    removed: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    date_mentions: int = 0
    entity_mentions: int = 0
    preview: list[dict[str, str]] = field(default_factory=list)
    seconds: dict[str, list[float]] = field(default_factory=dict)  # stage -> [wall, cpu]


def map_chunk(task: ChunkTask) -> ChunkResult:
    """Stage everything of one chunk that needs no warehouse state; return its counts."""
    result = ChunkResult(task.dump_file, task.chunk_index)
    timer = StageClock(result.seconds)
    raw = pq.read_table(task.raw_path)
    result.records = raw.num_rows
    rejected = list(task.rejections)
    bad = {row["record_index"] for row in rejected}
    valid = [
        {**record, "ingested_at": None}
        for record in raw.drop_columns(_NOT_CLEANED).to_pylist()
        if record["record_index"] not in bad
    ]
    cleaned = clean_records(valid, task.dump_file)
    rows = cleaned.rows
    rejected += [{**row, "stage": "clean"} for row in cleaned.rejections]
    _count_cleaning(result, cleaned, rejected)
    timer.lap("clean")
    dates = _date_rows(rows)
    timer.lap("dates")
    mentions, entities, dropped = _entity_tables(rows)
    timer.lap("entities")
    bands, signatures = _signatures(rows)
    timer.lap("signatures")
    tables = {
        "cleaned": pa.Table.from_pylist(rows, schema=STAGED_SCHEMAS["cleaned"]),
        "rejected": _rejected_table(rejected, task.dump_file),
        "date_mentions": pa.Table.from_pylist(dates, schema=STAGED_SCHEMAS["date_mentions"]),
        "entity_mentions": mentions,
        "dropped_entity_mentions": dropped,
        "entities": entities,
        "bands": bands,
        "signatures": signatures,
    }
    for name, table in tables.items():
        pq.write_table(table, chunk_path(task.out_dir, name, task.chunk_index))
    result.date_mentions, result.entity_mentions = len(dates), mentions.num_rows
    timer.lap("stage_write")
    return result


def _count_cleaning(
    result: ChunkResult, cleaned: CleanedBatch, rejected: list[dict[str, object]]
) -> None:
    result.cleaned = len(cleaned.rows)
    result.removed.update(cleaned.removed)
    result.rejected.update(f"{row['stage']}:{row['reject_reason']}" for row in rejected)
    result.languages.update(str(row["language"]) for row in cleaned.rows)
    result.preview = [
        {
            "article_id": str(row["article_id"]),
            "language": str(row["language"]),
            "published_at": str(row["published_at"]),
            "title": str(row["title"] or "")[:80],
        }
        for row in cleaned.rows[:5]
    ]


def _date_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    found = []
    for row in rows:
        for mention in mention_rows([row]):
            found.append({**mention, "record_index": row["record_index"]})
    return found


def _entity_tables(rows: list[dict[str, Any]]) -> tuple[pa.Table, pa.Table, pa.Table]:
    mention_parts, entity_parts, dropped_parts = [], [], []
    for start in range(0, len(rows), ENTITY_BATCH):
        batch = rows[start : start + ENTITY_BATCH]
        keyed = [{**row, "article_id": str(row["record_index"])} for row in batch]
        mentions, entities, dropped = entity_tables(keyed)
        ids = {str(row["record_index"]): row["article_id"] for row in batch}
        mention_parts.append(_by_sighting(mentions, ids))
        dropped_parts.append(_by_sighting(dropped, ids))
        entity_parts.append(entities)
    return (
        _concat(mention_parts, STAGED_SCHEMAS["entity_mentions"]),
        _concat(entity_parts, STAGED_SCHEMAS["entities"]),
        _concat(dropped_parts, STAGED_SCHEMAS["dropped_entity_mentions"]),
    )


def _by_sighting(table: pa.Table, ids: dict[str, str]) -> pa.Table:
    """entity_tables and index_rows key rows by article_id: the sighting's record_index stood in."""
    keys = table.column("article_id").to_pylist()
    indexes = pa.array([int(i) for i in keys], pa.int64())
    article_ids = pa.array([ids[i] for i in keys], pa.string())
    return table.set_column(0, "article_id", article_ids).append_column("record_index", indexes)


def _concat(parts: list[pa.Table], schema: pa.Schema) -> pa.Table:
    if not parts:
        return schema.empty_table()
    return pa.concat_tables(parts).cast(schema)


def _signatures(rows: list[dict[str, Any]]) -> tuple[pa.Table, pa.Table]:
    """Band keys and signature of each sighting's body (keyed like the mentions: an article seen
    twice with other texts is indexed by the sighting its row is rebuilt from)."""
    keys = [str(row["record_index"]) for row in rows]
    bands, signatures = index_tables(keys, [row["body"] for row in rows])
    ids = {str(row["record_index"]): row["article_id"] for row in rows}
    return (
        _by_sighting(bands, ids).cast(STAGED_SCHEMAS["bands"]),
        _by_sighting(signatures, ids).cast(STAGED_SCHEMAS["signatures"]),
    )


def _rejected_table(rows: list[dict[str, object]], dump_file: str) -> pa.Table:
    return pa.Table.from_pylist(
        [{**row, "dump_file": dump_file, "rejected_at": None} for row in rows],
        schema=REJECTED_RECORDS_SCHEMA,
    )
