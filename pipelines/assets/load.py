"""Load: one dump's cleaned records into core.articles and core.article_sightings, atomically."""

from collections.abc import Iterator

import dagster as dg

from pipelines.checks import LOAD_CHECKS, load_check_results, specs
from pipelines.partitions import WAREHOUSE_POOL, dumps_partitions
from pipelines.resources import WarehouseResource
from pipelines.warehouse import fetch_dicts, run, transaction

LOAD_STEPS = (
    "load/create_touched_articles",
    "load/delete_article_sightings_partition",
    "load/insert_article_sightings",
    "load/delete_touched_articles",
    "load/insert_touched_articles",
    "load/update_dump_file_counts",
)


@dg.asset(
    partitions_def=dumps_partitions,
    group_name="load",
    pool=WAREHOUSE_POOL,
    deps=["cleaned_records"],
    kinds={"duckdb"},
    check_specs=specs("articles", LOAD_CHECKS),
)
def articles(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    """core.articles and core.article_sightings for one dump (delete-then-insert, one commit)."""
    key = {"dump_file": context.partition_key}
    with warehouse.open() as con:
        with transaction(con):
            for step in LOAD_STEPS:
                run(con, step, key)
        summary = fetch_dicts(con, "report/select_dump_summary", key)[0]
        yield dg.MaterializeResult(
            metadata={**summary, "dagster/row_count": summary["count_articles_total"]}
        )
        yield from load_check_results(con, context.partition_key)
