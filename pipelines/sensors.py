"""Sensors: register each new or changed dump file as a partition and request its run."""

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import dagster as dg

from pipelines.jobs import dump_assets_job
from pipelines.locations import exists as warehouse_exists
from pipelines.partitions import contiguous_runs, dumps_partitions, range_tags
from pipelines.resources import LandingResource, WarehouseResource

if TYPE_CHECKING:
    from pipelines.ingest.records import DumpSource


@dg.sensor(
    job=dump_assets_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def landing_sensor(
    context: dg.SensorEvaluationContext, landing: LandingResource, warehouse: WarehouseResource
) -> dg.SensorResult:
    """New dump files (or new versions by sha256) in the landing folder become runs, but for the
    versions the warehouse already loaded (by `news-warehouse run`, or before the cursor)."""
    from pipelines.ingest.discover import landing_fingerprint

    state = _read_cursor(context.cursor)
    folder = Path(landing.path)
    if not folder.is_dir():
        return dg.SensorResult(skip_reason=f"landing folder {folder} does not exist")
    fingerprint = landing_fingerprint(folder)
    if fingerprint == state["files"]:  # nothing touched since the last tick: no hashing
        return dg.SensorResult(skip_reason=f"no change among {len(fingerprint)} files in {folder}")
    seen: dict[str, str] = state["versions"]
    sources = discover_dumps(folder)
    changed = [s for s in sources if seen.get(s.dump_file) != s.sha256]
    loaded = loaded_versions(Path(warehouse.database)) if changed else {}
    if loaded is None:  # a run holds the write lock: look again next tick
        return dg.SensorResult(skip_reason=f"warehouse {warehouse.database} is being written")
    seen.update({s.dump_file: s.sha256 for s in changed})
    cursor = json.dumps({"files": fingerprint, "versions": seen}, sort_keys=True)
    existing = context.instance.get_dynamic_partitions(dumps_partitions.name or "dumps")
    # Every dump gets its partition (the UI lists loaded ones too); only unloaded ones a run.
    new_keys = [s.dump_file for s in sources if s.dump_file not in set(existing)]
    add = [dumps_partitions.build_add_request(new_keys)] if new_keys else []
    changed = [s for s in changed if loaded.get(s.dump_file) != s.sha256]
    if not changed:
        return dg.SensorResult(
            skip_reason=f"no new dumps among {len(sources)} in {folder} (loaded: {len(loaded)})",
            cursor=cursor,
            dynamic_partitions_requests=add,
        )
    versions = {s.dump_file: s.sha256 for s in changed}
    # One run per contiguous range of changed partitions: the run maps them in parallel and
    # merges them in batches (a dump alone still gets a run of its own).
    ranges = contiguous_runs(list(versions), [*existing, *new_keys])
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(
                run_key=_run_key({key: versions[key] for key in keys}), tags=range_tags(keys)
            )
            for keys in ranges
        ],
        dynamic_partitions_requests=add,
        cursor=cursor,
    )


def discover_dumps(folder: Path) -> list["DumpSource"]:
    """The landing folder's dumps, hashed (the ingest package loads on the first tick)."""
    from pipelines.ingest import discover_dumps as discover

    return discover(folder)


def loaded_versions(warehouse: Path) -> dict[str, str] | None:
    """dump_file -> sha256 of the versions the warehouse has loaded ({} without a warehouse),
    read-only; None while a run holds the write lock."""
    import duckdb

    from pipelines.warehouse import connect, fetch_rows

    if not warehouse_exists(warehouse):
        return {}
    try:
        con = connect(warehouse, read_only=True, retries=3)
    except duckdb.IOException as error:
        if "lock" in str(error).lower():
            return None
        raise
    try:
        return dict(fetch_rows(con, "report/select_loaded_dump_versions"))
    except duckdb.CatalogException:  # created, never loaded
        return {}
    finally:
        con.close()


def _run_key(versions: dict[str, str]) -> str:
    """One run per set of dump versions: `path@sha256`, or a digest of many."""
    if len(versions) == 1:
        ((key, sha256),) = versions.items()
        return f"{key}@{sha256}"
    text = "\n".join(f"{key}@{sha256}" for key, sha256 in sorted(versions.items()))
    return f"{len(versions)} dumps@{hashlib.sha256(text.encode()).hexdigest()[:16]}"


def _read_cursor(cursor: str | None) -> dict[str, Any]:
    """{"files": fingerprint, "versions": dump_file -> sha256}; an old flat cursor is versions."""
    data = json.loads(cursor) if cursor else {}
    if "versions" not in data:
        data = {"files": {}, "versions": data}
    return data
