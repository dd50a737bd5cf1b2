"""Validate: raw records against the Pandera contract; failures go to quarantine with a reason."""

from collections import Counter

import dagster as dg
import polars as pl

from pipelines.ingest.frames import count_reasons, rejected_records_table
from pipelines.partitions import WAREHOUSE_POOL, dumps_partitions
from pipelines.resources import WarehouseResource
from pipelines.settings import BATCH_SIZE
from pipelines.validation import find_rejections
from pipelines.warehouse import insert_batch, iter_arrow_batches, run, transaction


@dg.asset(
    partitions_def=dumps_partitions,
    group_name="validate",
    pool=WAREHOUSE_POOL,
    deps=["raw_records"],
    kinds={"pandera", "duckdb"},
)
def validated_records(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> dg.MaterializeResult:
    """Raw records of one dump checked against RawRecordSchema (Pandera, lazy)."""
    key = {"dump_file": context.partition_key}
    checked, rejected = 0, Counter[str]()
    with warehouse.open() as con, transaction(con):
        run(con, "load/delete_rejected_records_partition", {**key, "stage": "validate"})
        for batch in iter_arrow_batches(con, "load/select_raw_records_partition", key, BATCH_SIZE):
            frame = pl.from_arrow(batch)
            assert isinstance(frame, pl.DataFrame)
            rows = find_rejections(frame)
            rejected_at = frame.get_column("ingested_at")[0]
            insert_batch(
                con,
                "load/insert_rejected_records",
                rejected_records_table(rows, context.partition_key, "validate", rejected_at),
            )
            rejected.update(count_reasons(rows))
            checked += frame.height
    return dg.MaterializeResult(
        metadata={
            "records_checked": checked,
            "records_valid": checked - sum(rejected.values()),
            "records_quarantined": sum(rejected.values()),
            "quarantined_by_reason": dict(rejected),
        }
    )
