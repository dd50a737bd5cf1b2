"""Commit a batch of staged dump parts: raw records, quarantine, sightings, articles, enrichment."""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import duckdb

from pipelines.merge.clusters import cluster_pending
from pipelines.merge.enrich import merge_date_mentions, merge_entity_mentions
from pipelines.source_table import refresh_sources
from pipelines.staging.clock import StageClock
from pipelines.staging.files import chunk_files
from pipelines.staging.runner import StagedDump, StagedPart
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
    parts: Sequence[StagedPart],
    *,
    threshold: float,
    processed_at: datetime,
    workers: int = 1,
) -> dict[str, Any]:
    """Merge staged dump parts (run inside a transaction); returns counts and seconds per step.

    The batch's rows are those of each part's dump from its `first_record` on: the whole dump
    for a first part (the earlier version's rows go), the part's own records for a later one."""
    seconds: dict[str, list[float]] = {}
    clock = StageClock(seconds, time.thread_time)
    run_script(con, "merge/create_batch_tables")
    for part in parts:
        _insert_part(con, part, processed_at)
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


def _insert_part(con: duckdb.DuckDBPyConnection, part: StagedPart, processed_at: datetime) -> None:
    """A part's staged tables into raw, quarantine and staging; a first part first removes what
    an earlier version of its dump left, a last part records the dump as loaded."""
    dump = part.dump
    key = {"dump_file": dump.dump_file}
    run(con, "merge/insert_batch_dump", {**key, "first_record": part.first_record})
    if part.is_first:
        run(con, "load/delete_dump_file", key)
        run(con, "load/delete_raw_records_partition", key)
        for stage in ("ingest", "validate", "clean"):
            run(con, "load/delete_rejected_records_partition", {**key, "stage": stage})
        run(con, "load/delete_cleaned_records_partition", key)
    if not (part.chunk_indexes or part.is_last):
        return  # a removal (remove_dump)
    version = {**key, "sha256": dump.source.sha256, "bytes": dump.source.bytes}
    run(con, "load/insert_dump_version", {**version, "processed_at": processed_at})
    version_at = fetch_rows(con, "load/select_dump_version", version)[0][0]
    for table, sql, stamped in STAGED_TABLES:
        files = chunk_files(dump.directory, table, part.chunk_indexes)
        if not files:
            continue
        params: dict[str, Any] = {**key, "files": files}
        if stamped:
            params["version_at"] = version_at
        run(con, sql, params)
    if part.is_last:
        run(con, "load/insert_dump_file", {**describe(dump), "processed_at": processed_at})


def remove_dump(con: duckdb.DuckDBPyConnection, dump: StagedDump, *, threshold: float) -> None:
    """Take out the rows that parts of a dump whose map then failed committed (in a transaction):
    the dump is left unloaded, as if it had failed before its first part."""
    removal = StagedPart(dump, first_record=0, is_first=True)
    merge_dumps(con, [removal], threshold=threshold, processed_at=datetime.now(UTC))


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
