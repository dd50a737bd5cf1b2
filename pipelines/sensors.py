"""Sensors: register each new or changed dump file as a partition and request its run."""

import json
from pathlib import Path

import dagster as dg

from pipelines.assets import DUMP_ASSETS
from pipelines.ingest import discover_dumps
from pipelines.partitions import dumps_partitions
from pipelines.resources import LandingResource

dump_assets_job = dg.define_asset_job(
    "ingest_dump_job",
    selection=dg.AssetSelection.assets(*DUMP_ASSETS),
    description="Ingest, validate, clean, load and cluster one dump file.",
)


@dg.sensor(
    job=dump_assets_job,
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def landing_sensor(
    context: dg.SensorEvaluationContext, landing: LandingResource
) -> dg.SensorResult:
    """New dump files (or new versions by sha256) in the landing folder become runs."""
    seen: dict[str, str] = json.loads(context.cursor) if context.cursor else {}
    folder = Path(landing.path)
    if not folder.is_dir():
        return dg.SensorResult(skip_reason=f"landing folder {folder} does not exist")
    sources = discover_dumps(folder)
    changed = [s for s in sources if seen.get(s.dump_file) != s.sha256]
    if not changed:
        return dg.SensorResult(skip_reason=f"no new dumps among {len(sources)} in {folder}")
    existing = set(context.instance.get_dynamic_partitions(dumps_partitions.name or "dumps"))
    new_keys = [s.dump_file for s in changed if s.dump_file not in existing]
    seen.update({s.dump_file: s.sha256 for s in changed})
    return dg.SensorResult(
        run_requests=[
            dg.RunRequest(run_key=f"{s.dump_file}@{s.sha256}", partition_key=s.dump_file)
            for s in changed
        ],
        dynamic_partitions_requests=[dumps_partitions.build_add_request(new_keys)]
        if new_keys
        else [],
        cursor=json.dumps(seen, sort_keys=True),
    )
