"""Enrich: the dates each article's text mentions, resolved against its publication date."""

from collections import Counter
from collections.abc import Iterator

import dagster as dg

from pipelines.checks import specs, violation_results
from pipelines.enrich.dates.batch import mention_tables
from pipelines.partitions import WAREHOUSE_POOL, dumps_partitions
from pipelines.resources import WarehouseResource
from pipelines.settings import CLEAN_BATCH_SIZE, clean_workers
from pipelines.warehouse import fetch_rows, insert_batch, iter_row_batches, run, transaction

DATE_MENTION_CHECKS = (
    ("mentions_reference_articles", "every date mention's article exists in core.articles"),
    ("spans_match_body", "surface_text is exactly body[start_char:end_char]"),
    ("ranges_are_ordered", "resolved_start <= resolved_end, both set or both NULL"),
)


@dg.asset(
    partitions_def=dumps_partitions,
    group_name="enrich",
    pool=WAREHOUSE_POOL,
    deps=["article_clusters"],
    kinds={"python", "duckdb"},
    check_specs=specs("date_mentions", DATE_MENTION_CHECKS),
)
def date_mentions(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    """Date expressions in the bodies of the articles one dump touched (delete-then-insert)."""
    key = {"dump_file": context.partition_key}
    found, granularities, unresolved = 0, Counter[str](), 0
    with warehouse.open() as con:
        with transaction(con):
            run(con, "enrich/delete_date_mentions_partition", key)
            count = fetch_rows(con, "enrich/count_dump_articles", key)[0][0]
            article_batches = iter_row_batches(
                con, "enrich/select_dump_articles", key, CLEAN_BATCH_SIZE
            )
            for table in mention_tables(article_batches, clean_workers(count)):
                insert_batch(con, "enrich/insert_date_mentions", table)
                found += table.num_rows
                granularities.update(table.column("granularity").to_pylist())
                unresolved += table.column("resolved_start").null_count
        yield dg.MaterializeResult(
            metadata={
                "dagster/row_count": found,
                "articles": count,
                "by_granularity": dict(granularities),
                "unresolved": unresolved,
            }
        )
        yield from violation_results(
            con, "checks/count_date_mention_violations", DATE_MENTION_CHECKS, key
        )
