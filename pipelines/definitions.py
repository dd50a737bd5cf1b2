"""The news-warehouse code location: wiring only."""

import dagster as dg

from pipelines.assets import DUMP_ASSETS, MART_ASSETS, PUBLISH_ASSETS, WAREHOUSE_CHECKS
from pipelines.resources import build_resources
from pipelines.schedules import daily_full_refresh, daily_marts_refresh, marts_job
from pipelines.sensors import dump_assets_job, landing_sensor

marts_automation = dg.AutomationConditionSensorDefinition(
    "marts_automation",
    target=dg.AssetSelection.groups("marts"),
    default_status=dg.DefaultSensorStatus.RUNNING,
)

defs = dg.Definitions(
    assets=[*DUMP_ASSETS, *MART_ASSETS, *PUBLISH_ASSETS],
    asset_checks=WAREHOUSE_CHECKS,
    jobs=[dump_assets_job, marts_job],
    sensors=[landing_sensor, marts_automation],
    schedules=[daily_full_refresh, daily_marts_refresh],
    resources=build_resources(),
)
