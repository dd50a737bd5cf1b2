"""Integrity checks on the core tables, as AssetCheckResults the load and dedup assets yield."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import dagster as dg

if TYPE_CHECKING:  # pandera, polars and the warehouse's pandas load when a check runs
    import duckdb
    import polars as pl

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


DATE_MENTION_CHECKS = (
    ("mentions_reference_articles", "every date mention's article exists in core.articles"),
    ("spans_match_body", "surface_text is exactly body[start_char:end_char]"),
    ("ranges_are_ordered", "resolved_start <= resolved_end, both set or both NULL"),
)
ENTITY_MENTION_CHECKS = (
    ("mentions_reference_entities", "every mention's entity exists in core.entities"),
    ("spans_match_text", "offsets lie within the text and surface == text[start_char:end_char]"),
)
CHECKS_BY_ASSET = {
    "articles": LOAD_CHECKS,
    "article_clusters": CLUSTER_CHECKS,
    "date_mentions": DATE_MENTION_CHECKS,
    "entity_mentions": ENTITY_MENTION_CHECKS,
}


def specs(asset: str, checks: tuple[tuple[str, str], ...]) -> list[dg.AssetCheckSpec]:
    """AssetCheckSpecs declared on the asset that yields them."""
    return [dg.AssetCheckSpec(name, asset=asset, description=text) for name, text in checks]


DUMP_CHECK_SPECS = [
    spec for asset, checks in CHECKS_BY_ASSET.items() for spec in specs(asset, checks)
]


def batch_check_results(
    con: duckdb.DuckDBPyConnection, dump_files: list[str], only_asset: str | None = None
) -> Iterator[dg.AssetCheckResult]:
    """The dump assets' checks over what loading `dump_files` touched (not the whole warehouse)."""
    params = {"dump_files": dump_files}
    results: dict[str, list[dg.AssetCheckResult]] = {
        "articles": list(_article_results(con, params)),
        "article_clusters": list(
            violation_results(con, "checks/count_batch_cluster_violations", CLUSTER_CHECKS, params)
        ),
        "date_mentions": list(
            violation_results(
                con, "checks/count_batch_date_mention_violations", DATE_MENTION_CHECKS, params
            )
        ),
        "entity_mentions": list(
            violation_results(
                con, "checks/count_batch_entity_mention_violations", ENTITY_MENTION_CHECKS, params
            )
        ),
    }
    for asset, asset_results in results.items():
        if only_asset is None or asset == only_asset:
            for result in asset_results:
                yield result._replace(asset_key=dg.AssetKey(asset))


def _article_results(
    con: duckdb.DuckDBPyConnection, params: Mapping[str, Any]
) -> Iterator[dg.AssetCheckResult]:
    from pipelines.warehouse import fetch_rows, run

    unreconciled = fetch_rows(con, "checks/count_unreconciled_batch_dumps", params)
    yield dg.AssetCheckResult(
        check_name="dump_reconciles",
        passed=not unreconciled,
        metadata={"unreconciled": str(unreconciled)} if unreconciled else {},
    )
    yield from violation_results(
        con, "checks/count_batch_article_violations", LOAD_CHECKS[1:4], params
    )
    articles = run(con, "checks/select_batch_articles_sample", params).pl()
    yield _contract_result(articles)


def _contract_result(articles: pl.DataFrame) -> dg.AssetCheckResult:
    import pandera.polars as pa

    from schemas.core import ArticleSchema

    try:
        ArticleSchema.validate(articles, lazy=True)
    except pa.errors.SchemaErrors as errors:
        cases = errors.failure_cases
        return dg.AssetCheckResult(
            check_name="articles_match_contract",
            passed=False,
            metadata={
                "rows": articles.height,
                "failures": cases.height,
                "examples": dg.MetadataValue.md(str(cases.head(10))),
            },
        )
    return dg.AssetCheckResult(
        check_name="articles_match_contract", passed=True, metadata={"rows": articles.height}
    )


def load_check_results(
    con: duckdb.DuckDBPyConnection, dump_file: str
) -> Iterator[dg.AssetCheckResult]:
    """Results of the checks declared on `articles` after loading `dump_file`."""
    import pandera.polars as pa

    from pipelines.warehouse import fetch_rows, run
    from schemas.core import ArticleSchema

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
    from pipelines.warehouse import fetch_rows

    counts = fetch_rows(con, sql, params)[0]
    for (name, _), count in zip(checks, counts, strict=True):
        yield dg.AssetCheckResult(
            check_name=name, passed=count == 0, metadata={"violations": count}
        )


def cluster_check_results(con: duckdb.DuckDBPyConnection) -> Iterator[dg.AssetCheckResult]:
    """Results of the checks declared on `article_clusters`."""
    return violation_results(con, "checks/count_cluster_violations", CLUSTER_CHECKS)
