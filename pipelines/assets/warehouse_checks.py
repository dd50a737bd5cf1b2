"""Warehouse-wide integrity checks, run with the marts (a load checks only what it touched)."""

from collections.abc import Iterator

import dagster as dg

from pipelines.checks import CLUSTER_CHECKS, LOAD_CHECKS, violation_results
from pipelines.resources import WarehouseResource
from pipelines.warehouse import fetch_rows

TARGET = dg.AssetKey(["marts", "dump_reconciliation"])
WAREHOUSE_CHECKS = (
    ("all_dumps_reconcile", "every dump: records_read = loaded + quarantined, each record once"),
    *LOAD_CHECKS[1:4],
    *CLUSTER_CHECKS,
)


@dg.multi_asset_check(
    specs=[
        dg.AssetCheckSpec(name, asset=TARGET, description=text) for name, text in WAREHOUSE_CHECKS
    ]
)
def warehouse_checks(warehouse: WarehouseResource) -> Iterator[dg.AssetCheckResult]:
    """The load and cluster checks over the whole warehouse (the daily refresh runs them)."""
    with warehouse.open() as con:
        unreconciled = fetch_rows(con, "checks/count_unreconciled_dumps", {"dump_file": None})
        yield dg.AssetCheckResult(
            asset_key=TARGET,
            check_name="all_dumps_reconcile",
            passed=not unreconciled,
            metadata={"unreconciled": str(unreconciled[:20]), "count": len(unreconciled)},
        )
        for name, sql in (
            ("article_ids_unique", "checks/count_duplicate_article_ids"),
            ("keys_not_null", "checks/count_null_keys"),
            ("sightings_reference_articles", "checks/count_orphan_sightings"),
        ):
            count = fetch_rows(con, sql)[0][0]
            yield dg.AssetCheckResult(
                asset_key=TARGET, check_name=name, passed=count == 0, metadata={"violations": count}
            )
        for result in violation_results(con, "checks/count_cluster_violations", CLUSTER_CHECKS):
            yield result._replace(asset_key=TARGET)
