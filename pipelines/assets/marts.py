"""Marts: small aggregate tables for ad-hoc SQL and BI dashboards, rebuilt after each load."""

from typing import TYPE_CHECKING

import dagster as dg

from pipelines.automation import after_loads
from pipelines.partitions import WAREHOUSE_POOL
from pipelines.publish.contract import discover_marts, write_comments
from pipelines.resources import WarehouseResource

if TYPE_CHECKING:  # duckdb loads with the warehouse, when an asset runs
    import duckdb

# One asset per sql/marts/*.sql, described by its YAML header (pipelines/publish/contract.py).
MART_SPECS = {spec.name: spec for spec in discover_marts()}
STAGES = ["article_clusters", "date_mentions", "entity_mentions"]
MARTS = {name: spec.description for name, spec in MART_SPECS.items()}


def build_mart_asset(name: str, description: str) -> dg.AssetsDefinition:
    """An asset that (re)builds marts.<name> from sql/marts/<name>.sql."""

    @dg.asset(
        name=name,
        key_prefix="marts",
        group_name="marts",
        description=description,
        pool=WAREHOUSE_POOL,
        deps=[*STAGES, dg.AssetKey(["core", "sources"])],
        kinds={"duckdb"},
        automation_condition=after_loads(),
    )
    def _mart(warehouse: WarehouseResource) -> dg.MaterializeResult:
        from pipelines.quality.gate import table_columns
        from pipelines.warehouse import fetch_rows, run_script, transaction

        def build(con: "duckdb.DuckDBPyConnection") -> int:
            with transaction(con):
                run_script(con, f"marts/{name}")
                spec = MART_SPECS[name]
                write_comments(con, spec, table_columns(con).get(spec.table, []))
            return int(fetch_rows(con, "report/count_mart_rows", {"table_name": name})[0][0])

        rows = warehouse.bounded(build)
        return dg.MaterializeResult(metadata={"dagster/row_count": rows, "table": f"marts.{name}"})

    return _mart


mart_assets = [build_mart_asset(name, text) for name, text in MARTS.items()]
