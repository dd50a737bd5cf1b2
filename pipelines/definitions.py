"""The news-warehouse code location: wiring only."""

import dagster as dg

from pipelines.assets.clean import cleaned_records
from pipelines.assets.dedup import article_clusters
from pipelines.assets.ingest import raw_records
from pipelines.assets.load import articles
from pipelines.assets.marts import mart_assets
from pipelines.assets.validate import validated_records
from pipelines.resources import build_resources
from pipelines.schedules import daily_full_refresh, daily_marts_refresh, marts_job
from pipelines.sensors import dump_assets_job, landing_sensor

marts_automation = dg.AutomationConditionSensorDefinition(
    "marts_automation",
    target=dg.AssetSelection.groups("marts"),
    default_status=dg.DefaultSensorStatus.RUNNING,
)

defs = dg.Definitions(
    assets=[raw_records, validated_records, cleaned_records, articles, article_clusters, *mart_assets],
    jobs=[dump_assets_job, marts_job],
    sensors=[landing_sensor, marts_automation],
    schedules=[daily_full_refresh, daily_marts_refresh],
    resources=build_resources(),
)
