"""Every asset of the code location, in pipeline order: add a new stage's asset here only."""

from pipelines.assets.dumps import dump_assets
from pipelines.assets.marts import mart_assets
from pipelines.assets.publish import dashboard, published_snapshot, quality_gate
from pipelines.assets.sources import sources
from pipelines.assets.warehouse_checks import warehouse_checks

# Partitioned by dump: raw_records ... date_mentions, materialized by one step per run.
DUMP_ASSETS = [dump_assets]
# Unpartitioned: rebuilt after loads (automation) and daily (schedule).
MART_ASSETS = [sources, *mart_assets]
# Unpartitioned, after the marts: gate -> publish -> dashboard (daily schedule and CLI run).
PUBLISH_ASSETS = [quality_gate, published_snapshot, dashboard]
# Checks over the whole warehouse, on marts.dump_reconciliation (per-load checks see one batch).
WAREHOUSE_CHECKS = [warehouse_checks]
