"""The news-warehouse code location: wiring only."""

import dagster as dg

from pipelines.assets import DUMP_ASSETS, MART_ASSETS, PUBLISH_ASSETS, WAREHOUSE_CHECKS
from pipelines.jobs import JOBS
from pipelines.maintenance import daily_warehouse_maintenance, maintain_warehouse_job
from pipelines.resources import build_resources
from pipelines.scale_out import SCALE_OUT_JOBS
from pipelines.schedules import daily_full_refresh, daily_marts_refresh
from pipelines.sensors import landing_sensor

marts_automation = dg.AutomationConditionSensorDefinition(
    "marts_automation",
    target=dg.AssetSelection.groups("marts", "publish"),
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="After each load: core.sources and the marts, then gate -> snapshot -> dashboard.",
)

defs = dg.Definitions(
    assets=[*DUMP_ASSETS, *MART_ASSETS, *PUBLISH_ASSETS],
    asset_checks=WAREHOUSE_CHECKS,
    jobs=[*JOBS, *SCALE_OUT_JOBS, maintain_warehouse_job],
    sensors=[landing_sensor, marts_automation],
    schedules=[daily_full_refresh, daily_marts_refresh, daily_warehouse_maintenance],
    resources=build_resources(),
    # Runs launched by the UI, the sensor and the schedules execute their steps in the run's
    # process: a subprocess per step paid the imports again (seconds) for steps of seconds, and
    # the dump assets are one step that maps on its own worker processes anyway.
    executor=dg.in_process_executor,
)
