"""Ingest: read one dump file in batches into raw.records; unreadable records go to quarantine."""

from collections import Counter
from datetime import UTC, datetime

import dagster as dg

from pipelines.ingest import open_dump
from pipelines.ingest.frames import (
    count_reasons,
    ingest_rejections,
    raw_records_table,
    rejected_records_table,
)
from pipelines.ingest.reader import DumpReader
from pipelines.ingest.records import DumpSource
from pipelines.partitions import WAREHOUSE_POOL, dumps_partitions
from pipelines.resources import LandingResource, WarehouseResource
from pipelines.settings import BATCH_SIZE
from pipelines.warehouse import fetch_rows, insert_batch, run, transaction

PROGRESS_EVERY = 50_000


@dg.asset(
    partitions_def=dumps_partitions,
    group_name="ingest",
    pool=WAREHOUSE_POOL,
    kinds={"python", "duckdb"},
)
def raw_records(
    context: dg.AssetExecutionContext, landing: LandingResource, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    """Records of one dump, format and encoding sniffed, mapped to the raw schema."""
    source = landing.dump_source(context.partition_key)
    reader = open_dump(source)
    context.log.info(
        f"{source.dump_file}: {reader.format}, {reader.compression}, {reader.encoding}, "
        f"{source.bytes:,} bytes, sha256 {source.sha256[:12]}"
    )
    processed_at = datetime.now(UTC)
    key = {"dump_file": source.dump_file}
    read, rejected = 0, Counter[str]()
    with warehouse.open() as con, transaction(con):
        run(
            con,
            "load/insert_dump_version",
            {**key, "sha256": source.sha256, "bytes": source.bytes, "processed_at": processed_at},
        )
        version_at = fetch_rows(con, "load/select_dump_version", {**key, "sha256": source.sha256})[
            0
        ][0]
        run(con, "load/delete_raw_records_partition", key)
        for stage in ("ingest", "validate", "clean"):
            run(con, "load/delete_rejected_records_partition", {**key, "stage": stage})
        for batch in reader.batches(BATCH_SIZE):
            rows = ingest_rejections(batch)
            insert_batch(
                con,
                "load/insert_raw_records",
                raw_records_table(batch, source.dump_file, reader.format, version_at),
            )
            insert_batch(
                con,
                "load/insert_rejected_records",
                rejected_records_table(rows, source.dump_file, "ingest", version_at),
            )
            rejected.update(count_reasons(rows))
            previous, read = read, read + len(batch)
            if read // PROGRESS_EVERY > previous // PROGRESS_EVERY:
                context.log.info(f"{source.dump_file}: {read:,} records read")
        run(con, "load/delete_dump_file", key)
        run(
            con,
            "load/insert_dump_file",
            {**_describe(source, reader), "records_read": read, "processed_at": processed_at},
        )
    context.log.info(
        f"{source.dump_file}: {read:,} records read, {sum(rejected.values()):,} quarantined"
    )
    return dg.MaterializeResult(
        metadata={
            **_describe(source, reader),
            "records_read": read,
            "records_quarantined": sum(rejected.values()),
            "quarantined_by_reason": dict(rejected),
        }
    )


def _describe(source: DumpSource, reader: DumpReader) -> dict[str, str | int]:
    """What a dump is: written to ops.dump_files and shown as asset metadata."""
    return {
        "dump_file": source.dump_file,
        "sha256": source.sha256,
        "format": reader.format,
        "compression": reader.compression,
        "encoding": reader.encoding,
        "bytes": source.bytes,
    }
