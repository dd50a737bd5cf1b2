"""Schedules: a daily full refresh so BI dashboards read marts rebuilt from every dump."""

import dagster as dg

from pipelines.jobs import dump_assets_job, marts_job
from pipelines.partitions import dumps_partitions, range_tags


@dg.schedule(
    cron_schedule="0 3 * * *",
    job=dump_assets_job,
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
)
def daily_full_refresh(context: dg.ScheduleEvaluationContext) -> list[dg.RunRequest]:
    """Every day at 03:00 UTC re-run every dump partition, as one run over the whole range (mapped
    in parallel, merged in batches); the marts follow by automation."""
    keys = list(context.instance.get_dynamic_partitions(dumps_partitions.name or "dumps"))
    date = context.scheduled_execution_time.strftime("%Y-%m-%d")
    return [dg.RunRequest(run_key=f"{date}:all", tags=range_tags(keys))] if keys else []


daily_marts_refresh = dg.ScheduleDefinition(
    name="daily_marts_refresh",
    job=marts_job,
    cron_schedule="30 3 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Every day at 03:30 UTC rebuild the marts, then gate -> publish -> dashboard.",
)
