"""Warehouse maintenance on a schedule: DuckLake's own (pipelines/ducklake.py `maintain`).

A DuckLake keeps every snapshot, and with them the files and inlined-data tables of every table a
mart rebuild replaced, until told otherwise; the daily job after the refreshes keeps a day of
them. A DuckDB file needs nothing (it checkpoints itself), so the job does nothing there.
"""

from datetime import timedelta

import dagster as dg

from pipelines.locations import is_ducklake
from pipelines.resources import WarehouseResource

# Snapshots (time travel) and the files only they use are kept this long: readers still on an
# older snapshot keep their files.
RETENTION = timedelta(days=1)


@dg.op(description="DuckLake: flush inlined rows, compact files, expire snapshots, delete files.")
def maintain_warehouse(
    context: dg.OpExecutionContext, warehouse: WarehouseResource
) -> dg.Output[None]:
    if not is_ducklake(warehouse.database):
        context.log.info("a DuckDB file checkpoints itself: nothing to maintain")
        return dg.Output(None)
    from pipelines.ducklake import catalog_size, maintain

    counts = maintain(warehouse.database, older_than=RETENTION)
    size = catalog_size(warehouse.database)
    return dg.Output(None, metadata={**counts, **{f"catalog_{k}": v for k, v in size.items()}})


@dg.job(executor_def=dg.in_process_executor, description=maintain_warehouse.description)
def maintain_warehouse_job() -> None:
    maintain_warehouse()


daily_warehouse_maintenance = dg.ScheduleDefinition(
    name="daily_warehouse_maintenance",
    job=maintain_warehouse_job,
    cron_schedule="0 4 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Every day at 04:00 UTC, after the refreshes: DuckLake maintenance (a day kept).",
)
