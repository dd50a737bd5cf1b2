"""Marts: small aggregate tables for ad-hoc SQL and BI dashboards, rebuilt after each load."""

import dagster as dg

from pipelines.partitions import WAREHOUSE_POOL
from pipelines.resources import WarehouseResource
from pipelines.warehouse import fetch_rows, run_script, transaction

MARTS = {
    "daily_articles": "Articles, stories and sightings per publication day, source and language.",
    "dump_reconciliation": "Per dump: records read, loaded and quarantined, and whether they add up.",
    "quarantine_reasons": "Quarantined records per dump, stage and reason, with an example.",
}


def build_mart_asset(name: str, description: str) -> dg.AssetsDefinition:
    """An asset that (re)builds marts.<name> from sql/marts/<name>.sql."""

    @dg.asset(
        name=name,
        key_prefix="marts",
        group_name="marts",
        description=description,
        pool=WAREHOUSE_POOL,
        deps=["article_clusters"],
        kinds={"duckdb"},
        automation_condition=dg.AutomationCondition.eager(),
    )
    def _mart(warehouse: WarehouseResource) -> dg.MaterializeResult:
        with warehouse.open() as con:
            with transaction(con):
                run_script(con, f"marts/{name}")
            rows = fetch_rows(con, "report/count_mart_rows", {"table_name": name})[0][0]
        return dg.MaterializeResult(metadata={"dagster/row_count": rows, "table": f"marts.{name}"})

    return _mart


mart_assets = [build_mart_asset(name, text) for name, text in MARTS.items()]
