"""Integrity checks on the core tables, as AssetCheckResults the load and dedup assets yield."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import dagster as dg
import duckdb
import pandera.polars as pa

from pipelines.warehouse import fetch_rows, run
from schemas.core import ArticleSchema

LOAD_CHECKS = (
    ("dump_reconciles", "records_read = records_loaded + records_quarantined, each record once"),
    ("article_ids_unique", "core.articles has one row per article_id"),
    ("keys_not_null", "no NULL keys in articles, sightings or quarantine"),
    ("sightings_reference_articles", "every sighting's article exists in core.articles"),
    ("articles_match_contract", "the dump's articles pass the Pandera ArticleSchema"),
)
CLUSTER_CHECKS = (
    ("every_article_in_one_cluster", "each article belongs to exactly one cluster"),
    ("one_canonical_per_cluster", "each cluster has exactly one canonical article"),
    ("cluster_sizes_match", "core.clusters.count_articles equals its membership rows"),
)


def specs(asset: str, checks: tuple[tuple[str, str], ...]) -> list[dg.AssetCheckSpec]:
    """AssetCheckSpecs declared on the asset that yields them."""
    return [dg.AssetCheckSpec(name, asset=asset, description=text) for name, text in checks]


def load_check_results(
    con: duckdb.DuckDBPyConnection, dump_file: str
) -> Iterator[dg.AssetCheckResult]:
    """Results of the checks declared on `articles` after loading `dump_file`."""
    unreconciled = fetch_rows(con, "checks/count_unreconciled_dumps", {"dump_file": dump_file})
    yield dg.AssetCheckResult(
        check_name="dump_reconciles",
        passed=not unreconciled,
        metadata={"unreconciled": str(unreconciled)} if unreconciled else {},
    )
    for name, sql in (
        ("article_ids_unique", "checks/count_duplicate_article_ids"),
        ("keys_not_null", "checks/count_null_keys"),
        ("sightings_reference_articles", "checks/count_orphan_sightings"),
    ):
        count = fetch_rows(con, sql)[0][0]
        yield dg.AssetCheckResult(
            check_name=name, passed=count == 0, metadata={"violations": count}
        )
    articles = run(con, "checks/select_core_articles_sample", {"dump_file": dump_file}).pl()
    try:
        ArticleSchema.validate(articles, lazy=True)
        yield dg.AssetCheckResult(
            check_name="articles_match_contract", passed=True, metadata={"rows": articles.height}
        )
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        yield dg.AssetCheckResult(
            check_name="articles_match_contract",
            passed=False,
            metadata={
                "rows": articles.height,
                "failures": cases.height,
                "examples": dg.MetadataValue.md(str(cases.head(10))),
            },
        )


def violation_results(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    checks: tuple[tuple[str, str], ...],
    params: Mapping[str, Any] | None = None,
) -> Iterator[dg.AssetCheckResult]:
    """One result per check from a query returning one violation count per check, in order."""
    counts = fetch_rows(con, sql, params)[0]
    for (name, _), count in zip(checks, counts, strict=True):
        yield dg.AssetCheckResult(
            check_name=name, passed=count == 0, metadata={"violations": count}
        )


def cluster_check_results(con: duckdb.DuckDBPyConnection) -> Iterator[dg.AssetCheckResult]:
    """Results of the checks declared on `article_clusters`."""
    return violation_results(con, "checks/count_cluster_violations", CLUSTER_CHECKS)
