"""The jobs: what each kind of run materializes. The sensor, the schedules and `news-warehouse
run` all launch these, so the order of a full refresh lives here:

1. `ingest_dump_job` over a range of dump partitions (map in parallel, merge in batches);
2. `reenrich_entities_job` for one dump whose articles were enriched with another entity model
   or extraction code (the CLI only; the UI does the same by selecting `entity_mentions`);
3. `build_marts_job`: core.sources, the marts and the warehouse-wide checks;
4. `publish_job`: quality gate -> published snapshot -> dashboard.

The daily 03:30 schedule runs 3 and 4 as one job, `refresh_marts_job`.
"""

import dagster as dg

from pipelines.assets import DUMP_ASSETS

dump_assets_job = dg.define_asset_job(
    "ingest_dump_job",
    selection=dg.AssetSelection.assets(*DUMP_ASSETS),
    description="Ingest, validate, clean, enrich, load and cluster a range of dump files.",
)

reenrich_entities_job = dg.define_asset_job(
    "reenrich_entities_job",
    selection=dg.AssetSelection.assets("entity_mentions"),
    description="Extract again the entity mentions of one dump's articles enriched with another "
    "entity model or extraction code.",
)

build_marts_job = dg.define_asset_job(
    "build_marts_job",
    selection=dg.AssetSelection.groups("marts"),
    description="Rebuild core.sources and every mart, then check the whole warehouse.",
)

publish_job = dg.define_asset_job(
    "publish_job",
    selection=dg.AssetSelection.groups("publish"),
    description="Gate (Great Expectations) -> publish the snapshot -> dashboard.",
)

marts_job = dg.define_asset_job(
    "refresh_marts_job",
    selection=dg.AssetSelection.groups("marts", "publish"),
    description="Rebuild every mart, then gate (Great Expectations) -> publish -> dashboard.",
)

JOBS = [dump_assets_job, reenrich_entities_job, build_marts_job, publish_job, marts_job]
