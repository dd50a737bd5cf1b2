"""Dedup: group each dump's new articles into story clusters (exact and near duplicates)."""

from collections.abc import Iterator

import dagster as dg
import duckdb
import polars as pl
import pyarrow as pa

from pipelines.checks import CLUSTER_CHECKS, cluster_check_results, specs
from pipelines.dedup.clusters import assign_clusters
from pipelines.dedup.matching import (
    DEFAULT_THRESHOLD,
    PREFILTER_MARGIN,
    index_rows,
    prefilter_pairs,
    similarities,
    verify_pairs,
)
from pipelines.partitions import WAREHOUSE_POOL, dumps_partitions
from pipelines.resources import WarehouseResource
from pipelines.warehouse import (
    fetch_dicts,
    fetch_rows,
    insert_batch,
    iter_arrow_batches,
    run,
    run_script,
    transaction,
)

SIGNATURE_BATCH_SIZE = 2_000


class DedupConfig(dg.Config):
    """Near-duplicate threshold: exact shingle Jaccard a candidate pair needs to be linked."""

    threshold: float = DEFAULT_THRESHOLD


@dg.asset(
    partitions_def=dumps_partitions,
    group_name="dedup",
    pool=WAREHOUSE_POOL,
    deps=["articles"],
    kinds={"python", "duckdb"},
    check_specs=specs("article_clusters", CLUSTER_CHECKS),
)
def article_clusters(
    context: dg.AssetExecutionContext, config: DedupConfig, warehouse: WarehouseResource
) -> Iterator[dg.MaterializeResult | dg.AssetCheckResult]:
    """Story clusters for the articles one dump added or changed; canonical = earliest published."""
    with warehouse.open() as con:
        with transaction(con):
            counts = cluster_pending(con, config.threshold)
        summary = fetch_dicts(con, "report/select_cluster_summary")[0]
        yield dg.MaterializeResult(metadata={**summary, **counts})
        yield from cluster_check_results(con)


def cluster_pending(con: duckdb.DuckDBPyConnection, threshold: float) -> dict[str, int]:
    """Index, link and cluster every article not clustered yet (run inside a transaction)."""
    run_script(con, "dedup/create_pending_articles")
    for batch in iter_arrow_batches(con, "dedup/select_pending_bodies", None, SIGNATURE_BATCH_SIZE):
        bands, sigs = index_rows(batch["article_id"].to_pylist(), batch["body"].to_pylist())
        insert_batch(con, "dedup/insert_pending_bands", bands.to_arrow())
        insert_batch(con, "dedup/insert_pending_signatures", sigs.to_arrow())
    links = _link_candidates(con, threshold)
    run(con, "dedup/insert_article_bands")
    run(con, "dedup/insert_article_signatures")
    run_script(con, "dedup/create_cluster_members")
    count_near = _assign_clusters(con)
    run_script(con, "dedup/replace_touched_clusters")
    return {"count_new_links": links, "count_near_members": count_near}


def _bodies(con: duckdb.DuckDBPyConnection, name: str) -> dict[str, str]:
    return dict(fetch_rows(con, name))  # type: ignore[arg-type]


def _link_candidates(con: duckdb.DuckDBPyConnection, threshold: float) -> int:
    """Prefilter and verify the pending articles' LSH candidates; store the links that pass."""
    run(con, "dedup/create_candidate_pairs")
    pairs = run(con, "dedup/select_candidate_pairs").pl()
    if pairs.is_empty():
        return 0
    sigs = run(con, "dedup/select_candidate_signatures").pl()
    pairs = prefilter_pairs(pairs, sigs, threshold - PREFILTER_MARGIN)
    if pairs.is_empty():
        return 0
    insert_batch(con, "dedup/insert_prefiltered_pairs", pairs.to_arrow())
    links = verify_pairs(pairs, _bodies(con, "dedup/select_candidate_bodies"), threshold)
    insert_batch(con, "dedup/insert_article_links", links.to_arrow())
    return links.height


def _assign_clusters(con: duckdb.DuckDBPyConnection) -> int:
    """Recompute the touched clusters into the temp table cluster_assignments."""
    members = run(con, "dedup/select_cluster_members").pl()
    links = run(con, "dedup/select_member_links").pl()
    assigned = assign_clusters(members, links)
    near = assigned.filter(pl.col("method") == "near")
    pairs = list(zip(near["article_id"], near["canonical_article_id"], strict=True))
    scores: dict[str, float] = {}
    if pairs:
        wanted = pa.table({"article_id": list({a for pair in pairs for a in pair})})
        insert_batch(con, "dedup/insert_wanted_articles", wanted)
        bodies = _bodies(con, "dedup/select_wanted_bodies")
        scores = dict(zip(near["article_id"], similarities(pairs, bodies), strict=True))
    assigned = assigned.with_columns(
        similarity=pl.col("article_id").replace_strict(scores, default=1.0, return_dtype=pl.Float64)
    )
    insert_batch(con, "dedup/insert_cluster_assignments", assigned.to_arrow())
    return near.height
