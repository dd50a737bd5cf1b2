"""Warehouse-wide integrity checks, run with the marts (a load checks only what it merged)."""

from collections.abc import Iterator

import dagster as dg

from pipelines.checks import (
    CLUSTER_CHECKS,
    LOAD_CHECKS,
    article_check_results,
    cluster_check_results,
)
from pipelines.resources import WarehouseResource

TARGET = dg.AssetKey(["marts", "dump_reconciliation"])
WAREHOUSE_CHECKS = (*LOAD_CHECKS[:4], *CLUSTER_CHECKS)


@dg.multi_asset_check(
    specs=[
        dg.AssetCheckSpec(name, asset=TARGET, description=text) for name, text in WAREHOUSE_CHECKS
    ]
)
def warehouse_checks(warehouse: WarehouseResource) -> Iterator[dg.AssetCheckResult]:
    """Load and cluster checks over the whole warehouse (each run's marts, the daily refresh)."""
    with warehouse.open() as con:
        results = [*article_check_results(con, None), *cluster_check_results(con, None)]
    for result in results:
        yield result._replace(asset_key=TARGET)
