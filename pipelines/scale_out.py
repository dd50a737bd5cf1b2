"""A job that loads each pending dump in its own step, for a DuckLake shared by many processes.

`ingest_dump_job` loads a range of dumps in one step (one writer: the DuckDB file). On a DuckLake
(`pipelines/ducklake.py`) any number of processes may map and merge at once, the merges taking
turns under the catalog's advisory lock, so this job fans out: one `load_dump` step per pending
dump. Its executor decides where steps run: processes of this machine
(`fanout_load_job`, Dagster's multiprocess executor, `max_concurrent` steps at a time) or
workers of a Celery cluster (`celery_fanout_load_job`, when dagster-celery is installed; see
`deploy/`). Each step records the seven per-dump assets' materializations for its partition.
"""

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import dagster as dg

from pipelines.assets.dumps import DEFAULT_THRESHOLD, DUMP_ASSET_KEYS
from pipelines.partitions import dumps_partitions
from pipelines.resources import LandingResource, WarehouseResource


class PendingConfig(dg.Config):
    """force: load every dump again, loaded or not."""

    force: bool = False


class LoadDumpConfig(dg.Config):
    """Map processes per step (steps run side by side already) and the dedup threshold."""

    map_workers: int = 1
    threshold: float = DEFAULT_THRESHOLD


@dg.op(out=dg.DynamicOut(str))
def pending_dumps(
    context: dg.OpExecutionContext,
    config: PendingConfig,
    landing: LandingResource,
    warehouse: WarehouseResource,
) -> Iterator[dg.DynamicOutput[str]]:
    """One output per dump of the landing folder not loaded in this version yet."""
    from pipelines.ingest import discover_dumps
    from pipelines.report import loaded_versions

    sources = discover_dumps(Path(landing.path))
    done = {} if config.force else loaded_versions(warehouse.database)
    pending = [s for s in sources if done.get(s.dump_file) != s.sha256]
    context.instance.add_dynamic_partitions(
        dumps_partitions.name or "dumps", [s.dump_file for s in pending]
    )
    context.log.info(f"{len(pending)} of {len(sources)} dumps to load, one step each")
    for source in pending:
        digest = hashlib.sha256(source.dump_file.encode("utf-8", "surrogateescape")).hexdigest()
        yield dg.DynamicOutput(source.dump_file, mapping_key=f"dump_{digest[:16]}")


@dg.op
def load_dump(
    context: dg.OpExecutionContext,
    config: LoadDumpConfig,
    dump_file: str,
    landing: LandingResource,
    warehouse: WarehouseResource,
) -> Iterator[dg.AssetMaterialization | dg.Output[dict[str, Any]]]:
    """Map and merge one dump (the merge waits its turn for the catalog's write lock)."""
    from pipelines.merge.loader import load_dumps

    report = load_dumps(
        warehouse.database, [landing.dump_source(dump_file)],
        workers=config.map_workers, threshold=config.threshold,
    )  # fmt: skip
    if report.failed:
        raise dg.Failure(f"{dump_file}: {report.failed[0][1]}")
    seconds = {stage: round(wall, 2) for stage, (wall, _) in report.seconds.items()}
    for name, _, _ in DUMP_ASSET_KEYS:
        yield dg.AssetMaterialization(asset_key=name, partition=dump_file)
    summary: dict[str, Any] = {
        "dump_file": dump_file,
        "records_read": report.records_read,
        "wall_seconds": round(report.wall_seconds, 2),
        "cpu_seconds": round(report.cpu_seconds, 2),
        "seconds_per_stage": seconds,
    }
    yield dg.Output(
        summary, metadata={**summary, "seconds_per_stage": dg.MetadataValue.json(seconds)}
    )


@dg.op
def summarize_loads(context: dg.OpExecutionContext, loads: list[dict[str, Any]]) -> dict[str, Any]:
    """Totals of the run's steps."""
    total = {
        "dumps": len(loads),
        "records_read": sum(int(load["records_read"]) for load in loads),
        "step_cpu_seconds": round(sum(float(load["cpu_seconds"]) for load in loads), 2),
    }
    context.log.info(f"loaded {total}")
    return total


@dg.graph
def fanout_load() -> None:
    summarize_loads(pending_dumps().map(load_dump).collect())


fanout_load_job = fanout_load.to_job(
    name="fanout_load_job",
    description="Load each pending dump in its own step, side by side (a DuckLake warehouse).",
    executor_def=dg.multiprocess_executor,
)


def celery_fanout_load_job() -> dg.JobDefinition | None:
    """The same job on Dagster's Celery executor, when dagster-celery is installed."""
    try:
        from dagster_celery import celery_executor
    except ImportError:
        return None
    return fanout_load.to_job(
        name="celery_fanout_load_job",
        description="Load each pending dump in its own step on the Celery cluster's workers.",
        executor_def=celery_executor,
    )


SCALE_OUT_JOBS = [job for job in (fanout_load_job, celery_fanout_load_job()) if job is not None]
