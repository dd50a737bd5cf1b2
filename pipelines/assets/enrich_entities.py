"""Enrich: persons, organisations and places each article names, linked to stable entity ids."""

from collections import Counter
from collections.abc import Iterator

import dagster as dg

from pipelines.checks import specs, violation_results
from pipelines.enrich.entities.batch import entity_table_batches
from pipelines.enrich.entities.versions import code_version, current_versions, enrichment_version
from pipelines.partitions import WAREHOUSE_POOL, dumps_partitions
from pipelines.resources import WarehouseResource
from pipelines.settings import ENTITY_BATCH_SIZE, PARALLEL_ENTITY_MIN_ARTICLES, clean_workers
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
    code_version=enrichment_version(),
)
def entity_mentions(
    context: dg.AssetExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    """Entity mentions of a dump's articles, re-found where model, code or text changed."""
    key = {"dump_file": context.partition_key}
    found, types, versions = 0, Counter[str](), Counter[str]()
    with warehouse.open() as con:
        with transaction(con):
            count = fetch_rows(con, "enrich/count_dump_articles", key)[0][0]
            current = current_versions()
            stale = fetch_rows(con, "enrich/select_stale_entity_articles", key | current)
            wanted = {"article_ids": [article_id for (article_id,) in stale]} | current
            named = fetch_rows(con, "enrich/select_entities_of_articles", wanted)
            run(con, "enrich/delete_entity_mentions_articles", wanted)
            run(con, "enrich/delete_entity_enrichments_articles", wanted)
            article_batches = iter_row_batches(
                con, "enrich/select_articles_for_entities", wanted, ENTITY_BATCH_SIZE
            )
            for mentions, entities in entity_table_batches(
                article_batches, clean_workers(len(stale), PARALLEL_ENTITY_MIN_ARTICLES)
            ):
                insert_batch(con, "enrich/insert_new_entities", entities)
                insert_batch(con, "enrich/update_linked_entities", entities)
                insert_batch(con, "enrich/insert_entity_mentions", mentions)
                found += mentions.num_rows
                types.update(mentions.column("entity_type").to_pylist())
                versions.update(mentions.column("model_version").to_pylist())
            run(con, "enrich/insert_entity_enrichments", wanted)
            touched = {"entity_ids": [entity_id for (entity_id,) in named]}
            run(con, "enrich/update_entity_names", wanted | touched)
        context.log.info(f"{len(stale)} of {count} articles enriched; the rest were current")
        total = fetch_rows(con, "enrich/count_dump_entity_mentions", key)[0][0]
        yield dg.MaterializeResult(
            metadata={
                "dagster/row_count": total,
                "mentions_found": found,
                "articles": count,
                "articles_enriched": len(stale),
                "articles_current": count - len(stale),
                "found_by_type": dict(types),
                "found_model_versions": dict(versions),
                "code_version": code_version(),
            }
        )
        yield from violation_results(
            con, "checks/count_entity_mention_violations", ENTITY_MENTION_CHECKS, key
        )
