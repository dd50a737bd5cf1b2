"""Sources as entities: every article's outlet (`core.articles.source_id`) and `core.sources`."""

import dagster as dg

from pipelines.automation import after_loads
from pipelines.partitions import WAREHOUSE_POOL
from pipelines.resources import WarehouseResource


@dg.asset(
    name="sources",
    key_prefix="core",
    group_name="marts",
    description="One row per outlet (registrable domain or declared name); articles point to it.",
    pool=WAREHOUSE_POOL,
    deps=["articles"],
    kinds={"duckdb"},
    automation_condition=after_loads(),
)
def sources(warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Resolve each article's source_id (pipelines/sources.py) and rebuild core.sources."""
    from pipelines.source_table import refresh_sources
    from pipelines.warehouse import transaction

    with warehouse.open() as con, transaction(con):
        outlets = refresh_sources(con)
    return dg.MaterializeResult(metadata={"dagster/row_count": outlets, "table": "core.sources"})
