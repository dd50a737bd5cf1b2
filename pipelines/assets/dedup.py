"""Dedup: group articles into story clusters (exact content duplicates for now) and pick canonicals."""

from collections.abc import Iterator

import dagster as dg

from pipelines.checks import CLUSTER_CHECKS, cluster_check_results, specs
from pipelines.partitions import WAREHOUSE_POOL, dumps_partitions
from pipelines.resources import WarehouseResource
from pipelines.warehouse import fetch_dicts, run_script, transaction


@dg.asset(
    partitions_def=dumps_partitions,
    group_name="dedup",
    pool=WAREHOUSE_POOL,
    deps=["articles"],
    kinds={"duckdb"},
    check_specs=specs("article_clusters", CLUSTER_CHECKS),
)
def article_clusters(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    """Story clusters for the articles one dump added or changed; canonical = earliest published."""
    with warehouse.open() as con:
        with transaction(con):
            run_script(con, "dedup/merge_exact_clusters")
        summary = fetch_dicts(con, "report/select_cluster_summary")[0]
        yield dg.MaterializeResult(metadata=summary)
        yield from cluster_check_results(con)
