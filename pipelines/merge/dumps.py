"""Commit a batch of staged dumps: raw records, quarantine, sightings, articles, then enrichment."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from pipelines.merge.clusters import cluster_pending
from pipelines.merge.enrich import merge_date_mentions, merge_entity_mentions
from pipelines.source_table import refresh_sources
from pipelines.staging.clock import StageClock
from pipelines.staging.files import table_glob
from pipelines.staging.runner import StagedDump
from pipelines.warehouse import fetch_rows, run, run_script

ARTICLE_STEPS = (
    "merge/create_touched_articles",
    "merge/delete_article_sightings",
    "merge/insert_article_sightings",
    "load/delete_touched_articles",
    "load/insert_touched_articles",
    "merge/update_dump_file_counts",
)
# Staged per dump: (table file prefix, SQL that inserts it, whether the SQL takes the version time)
STAGED_TABLES = (
    ("raw", "merge/insert_staged_raw_records", True),
    ("rejected", "merge/insert_staged_rejected_records", True),
    ("cleaned", "merge/insert_staged_cleaned_records", True),
    ("date_mentions", "merge/insert_staged_date_mentions", False),
    ("entity_mentions", "merge/insert_staged_entity_mentions", False),
    ("dropped_entity_mentions", "merge/insert_staged_dropped_entity_mentions", False),
    ("entities", "merge/insert_staged_entities", False),
    ("bands", "merge/insert_staged_bands", False),
    ("signatures", "merge/insert_staged_signatures", False),
)


def merge_dumps(
    con: duckdb.DuckDBPyConnection,
    dumps: Sequence[StagedDump],
    *,
    threshold: float,
    processed_at: datetime,
    workers: int = 1,
) -> dict[str, Any]:
    """Merge staged dumps (run inside a transaction); returns counts and seconds per step."""
    seconds: dict[str, list[float]] = {}
    clock = StageClock(seconds, time.thread_time)
    run_script(con, "merge/create_batch_tables")
    for dump in dumps:
        _insert_dump(con, dump, processed_at)
    clock.lap("merge_insert")
    for step in ARTICLE_STEPS:
        run(con, step)
    refresh_sources(con)
    run_script(con, "merge/create_rebuilt_articles")
    clock.lap("merge_articles")
    clusters = cluster_pending(con, threshold, staged=True)
    clock.lap("merge_dedup")
    dates = merge_date_mentions(con)
    clock.lap("merge_dates")
    entities = merge_entity_mentions(con, workers)
    clock.lap("merge_entities")
    return {**clusters, **dates, **entities, "seconds": seconds}


def _insert_dump(con: duckdb.DuckDBPyConnection, dump: StagedDump, processed_at: datetime) -> None:
    """A dump's staged tables into raw, quarantine and staging, replacing an earlier version."""
    key = {"dump_file": dump.dump_file}
    version = {**key, "sha256": dump.source.sha256, "bytes": dump.source.bytes}
    run(con, "load/insert_dump_version", {**version, "processed_at": processed_at})
    version_at = fetch_rows(con, "load/select_dump_version", version)[0][0]
    run(con, "merge/insert_batch_dump", key)
    run(con, "load/delete_raw_records_partition", key)
    for stage in ("ingest", "validate", "clean"):
        run(con, "load/delete_rejected_records_partition", {**key, "stage": stage})
    run(con, "load/delete_cleaned_records_partition", key)
    for table, sql, stamped in STAGED_TABLES:
        if not _has_files(dump.directory, table):
            continue
        params: dict[str, Any] = {**key, "files": table_glob(dump.directory, table)}
        if stamped:
            params["version_at"] = version_at
        run(con, sql, params)
    run(con, "load/delete_dump_file", key)
    run(con, "load/insert_dump_file", {**describe(dump), "processed_at": processed_at})


def describe(dump: StagedDump) -> dict[str, str | int]:
    """What a dump is: written to ops.dump_files and shown as asset metadata."""
    return {
        "dump_file": dump.dump_file,
        "sha256": dump.source.sha256,
        "format": dump.format,
        "compression": dump.compression,
        "encoding": dump.encoding,
        "bytes": dump.source.bytes,
        "records_read": dump.records_read,
    }


def _has_files(directory: Path, table: str) -> bool:
    return any(directory.glob(f"{table}-*.parquet"))
