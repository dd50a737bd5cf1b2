"""Enrich: persons, organisations and places each article names, linked to stable entity ids."""

from collections import Counter
from collections.abc import Iterator

import dagster as dg

from pipelines.checks import specs, violation_results
from pipelines.enrich.entities.batch import entity_table_batches
from pipelines.partitions import WAREHOUSE_POOL, dumps_partitions
from pipelines.resources import WarehouseResource
from pipelines.settings import CLEAN_BATCH_SIZE, clean_workers
from pipelines.warehouse import fetch_rows, insert_batch, iter_row_batches, run, transaction

ENTITY_MENTION_CHECKS = (
    ("mentions_reference_entities", "every mention's entity exists in core.entities"),
    ("spans_match_text", "offsets lie within the text and surface == text[start_char:end_char]"),
)


@dg.asset(
    partitions_def=dumps_partitions,
    group_name="enrich",
    pool=WAREHOUSE_POOL,
    deps=["article_clusters"],
    kinds={"python", "duckdb"},
    check_specs=specs("entity_mentions", ENTITY_MENTION_CHECKS),
)
def entity_mentions(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    """Entity mentions of the articles one dump touched (delete-then-insert), entities upserted."""
    key = {"dump_file": context.partition_key}
    found, types, versions = 0, Counter[str](), Counter[str]()
    with warehouse.open() as con:
        with transaction(con):
            run(con, "enrich/delete_entity_mentions_partition", key)
            count = fetch_rows(con, "enrich/count_dump_articles", key)[0][0]
            article_batches = iter_row_batches(
                con, "enrich/select_dump_articles_for_entities", key, CLEAN_BATCH_SIZE
            )
            for mentions, entities in entity_table_batches(article_batches, clean_workers(count)):
                insert_batch(con, "enrich/insert_new_entities", entities)
                insert_batch(con, "enrich/insert_entity_mentions", mentions)
                found += mentions.num_rows
                types.update(mentions.column("entity_type").to_pylist())
                versions.update(mentions.column("model_version").to_pylist())
            run(con, "enrich/update_entity_names")
        yield dg.MaterializeResult(
            metadata={
                "dagster/row_count": found,
                "articles": count,
                "by_type": dict(types),
                "model_versions": dict(versions),
            }
        )
        yield from violation_results(
            con, "checks/count_entity_mention_violations", ENTITY_MENTION_CHECKS, key
        )
