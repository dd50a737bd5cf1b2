"""The warehouse side of dedup: link pending articles to LSH candidates and rebuild clusters."""

from collections.abc import Iterable

import duckdb
import polars as pl
import pyarrow as pa

from pipelines.dedup.clusters import assign_clusters
from pipelines.dedup.matching import (
    BUCKET_WINDOW,
    SIGNATURE_SCHEMA,
    estimate_pairs,
    index_rows,
    similarities,
    triage_pairs,
    verify_pairs,
)
from pipelines.dedup.minhash import INDEX_VERSION
from pipelines.warehouse import (
    fetch_rows,
    insert_batch,
    iter_arrow_batches,
    run,
    run_script,
)

SIGNATURE_BATCH_SIZE = 2_000


def cluster_pending(
    con: duckdb.DuckDBPyConnection, threshold: float, *, staged: bool = False
) -> dict[str, int]:
    """Index, link and cluster every article not clustered yet (run inside a transaction).

    With `staged`, the pending articles' band keys and signatures come from the merge batch's
    staged tables; only pending articles the batch did not stage are signed here.
    """
    reindexed = upgrade_index(con)
    run_script(con, "dedup/create_pending_articles")
    if fetch_rows(con, "dedup/select_count_gone")[0][0]:
        run(con, "dedup/insert_gone_articles")
    run_script(con, "dedup/create_stale_articles")
    if staged:
        run_script(con, "merge/insert_pending_index")
        _index_bodies(con, "merge/select_unstaged_pending_bodies", "pending", in_transaction=True)
    else:
        _index_bodies(con, "dedup/select_pending_bodies", "pending")
    links, signatures = _link_candidates(con, threshold)
    run(con, "dedup/insert_article_bands")
    run(con, "dedup/insert_article_signatures")
    run_script(con, "dedup/create_cluster_members")
    count_near = _assign_clusters(con, signatures)
    run_script(con, "dedup/replace_touched_clusters")
    return {
        "count_new_links": links,
        "count_near_members": count_near,
        "count_reindexed": reindexed,
    }


def upgrade_index(con: duckdb.DuckDBPyConnection) -> int:
    """Rebuild the band keys and signatures of clustered articles when their version is old.

    One-off cost in proportion to the warehouse; returns how many articles were re-indexed.
    """
    stored = run(con, "dedup/select_index_version").fetchone()
    if stored is not None and stored[0] == INDEX_VERSION:
        return 0
    count = 0
    if stored is not None and stored[0] is not None:
        run_script(con, "dedup/delete_index")
        count = _index_bodies(con, "dedup/select_indexed_bodies", "index")
    run(con, "dedup/delete_index_version")
    run(con, "dedup/insert_index_version", {"index_version": INDEX_VERSION})
    return count


def _index_bodies(
    con: duckdb.DuckDBPyConnection, select: str, into: str, *, in_transaction: bool = False
) -> int:
    """Band keys and signatures of the bodies `select` reads, inserted by
    `dedup/insert_<into>_bands` and `dedup/insert_<into>_signatures`; returns the bodies read.

    The bodies stream on a separate cursor, which sees committed rows only; `in_transaction`
    reads them on `con` instead (rows this transaction wrote; a small set)."""
    count = 0
    if in_transaction:
        batches: Iterable[pa.RecordBatch] = (
            run(con, select).to_arrow_table().to_batches(SIGNATURE_BATCH_SIZE)
        )
    else:
        batches = iter_arrow_batches(con, select, None, SIGNATURE_BATCH_SIZE)
    for batch in batches:
        bands, sigs = index_rows(batch["article_id"].to_pylist(), batch["body"].to_pylist())
        insert_batch(con, f"dedup/insert_{into}_bands", bands.to_arrow())
        insert_batch(con, f"dedup/insert_{into}_signatures", sigs.to_arrow())
        count += batch.num_rows
    return count


def _bodies(con: duckdb.DuckDBPyConnection, name: str, article_ids: list[str]) -> dict[str, str]:
    return dict(fetch_rows(con, name, {"article_ids": article_ids}))  # type: ignore[arg-type]


def _link_candidates(con: duckdb.DuckDBPyConnection, threshold: float) -> tuple[int, pl.DataFrame]:
    """Decide the pending articles' LSH candidates; store the links that pass.

    Old bodies are read only for the pairs whose estimate is too near the threshold. Returns the
    count of links and the signatures read (reused for similarities to the canonical).
    """
    run(con, "dedup/create_candidate_pairs", {"bucket_window": BUCKET_WINDOW})
    pairs = run(con, "dedup/select_candidate_pairs").pl()
    if pairs.is_empty():
        return 0, pl.DataFrame(schema=SIGNATURE_SCHEMA)
    sigs = run(con, "dedup/select_candidate_signatures").pl()
    links, unsure = triage_pairs(estimate_pairs(pairs, sigs), threshold)
    if not unsure.is_empty():
        ids = sorted(set(unsure["article_id"]) | set(unsure["other_article_id"]))
        bodies = _bodies(con, "dedup/select_unsure_bodies", ids)
        links = pl.concat([links, verify_pairs(unsure, bodies, threshold)])
    insert_batch(con, "dedup/insert_article_links", links.to_arrow())
    return links.height, sigs


def _canonical_similarities(
    con: duckdb.DuckDBPyConnection, pairs: list[tuple[str, str]], known: pl.DataFrame
) -> list[float]:
    """Jaccard of each (member, canonical) pair: the signature estimate, exact without one.

    Signatures already read (`known`) are not read again.
    """
    frame = pl.DataFrame(pairs, schema=["article_id", "other_article_id"], orient="row")
    wanted = {a for pair in pairs for a in pair} - set(known["article_id"])
    signatures = known
    if wanted:
        insert_batch(con, "dedup/insert_wanted_articles", pa.table({"article_id": list(wanted)}))
        fetched = run(con, "dedup/select_wanted_signatures").pl()
        signatures = pl.concat([known, fetched], how="vertical_relaxed")
    estimated = estimate_pairs(frame, signatures)
    missing = estimated.filter(pl.col("estimate").is_null())
    scores = dict(zip(estimated["article_id"], estimated["estimate"].round(6), strict=True))
    if not missing.is_empty():
        exact = list(missing.select("article_id", "other_article_id").iter_rows())
        ids = sorted({article_id for pair in exact for article_id in pair})
        bodies = _bodies(con, "dedup/select_wanted_bodies", ids)
        scores |= dict(zip(missing["article_id"], similarities(exact, bodies), strict=True))
    return [scores[member] for member, _ in pairs]


def _assign_clusters(con: duckdb.DuckDBPyConnection, known: pl.DataFrame) -> int:
    """Recompute the touched clusters into the temp table cluster_assignments."""
    members = run(con, "dedup/select_cluster_members").pl()
    links = run(con, "dedup/select_member_links").pl()
    assigned = assign_clusters(members, links)
    near = assigned.filter(pl.col("method") == "near")
    pairs = list(zip(near["article_id"], near["canonical_article_id"], strict=True))
    scores: dict[str, float] = {}
    if pairs:
        found = _canonical_similarities(con, pairs, known)
        scores = dict(zip(near["article_id"], found, strict=True))
    assigned = assigned.with_columns(
        similarity=pl.col("article_id").replace_strict(scores, default=1.0, return_dtype=pl.Float64)
    )
    insert_batch(con, "dedup/insert_cluster_assignments", assigned.to_arrow())
    return near.height
