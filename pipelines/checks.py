"""Integrity checks on the core tables, as AssetCheckResults the load and dedup assets yield."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import dagster as dg

if TYPE_CHECKING:  # pandera, polars and the warehouse's pandas load when a check runs
    import duckdb

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
# The mention checks read article text: they run over parts of about this many articles, and the
# contract check reads the articles in batches of this many rows, so their memory follows these
# sizes rather than the batch's (a 1 GB dump is one batch of ~290k articles).
ARTICLES_PER_CHECK_PART = 20_000
CONTRACT_BATCH_ROWS = 10_000


def batch_check_results(
    con: duckdb.DuckDBPyConnection, dump_files: list[str], only_asset: str | None = None
) -> Iterator[dg.AssetCheckResult]:
    """The dump assets' checks over what loading `dump_files` touched (not the whole warehouse)."""
    params = {"dump_files": dump_files}
    results = {
        "articles": [
            *article_check_results(con, dump_files),
            _contract_result(con, params),
        ],
        "article_clusters": cluster_check_results(con, dump_files),
        "date_mentions": mention_check_results(
            con, "checks/count_date_mention_violations", DATE_MENTION_CHECKS, dump_files
        ),
        "entity_mentions": mention_check_results(
            con, "checks/count_entity_mention_violations", ENTITY_MENTION_CHECKS, dump_files
        ),
    }
    for asset, asset_results in results.items():
        if only_asset is None or asset == only_asset:
            for result in asset_results:
                yield result._replace(asset_key=dg.AssetKey(asset))


def article_check_results(
    con: duckdb.DuckDBPyConnection, dump_files: list[str] | None
) -> list[dg.AssetCheckResult]:
    """dump_reconciles and the article violations, for `dump_files` or (None) the warehouse."""
    from pipelines.warehouse import fetch_rows

    params = {"dump_files": dump_files}
    unreconciled = fetch_rows(con, "checks/count_unreconciled_dumps", params)
    reconciles = dg.AssetCheckResult(
        check_name="dump_reconciles",
        passed=not unreconciled,
        metadata={"unreconciled": str(unreconciled[:20]), "count": len(unreconciled)},
    )
    sql = "checks/count_article_violations"
    return [reconciles, *violation_results(con, sql, LOAD_CHECKS[1:4], params)]


def cluster_check_results(
    con: duckdb.DuckDBPyConnection, dump_files: list[str] | None
) -> list[dg.AssetCheckResult]:
    """The cluster checks, for the clusters of `dump_files` or (None) every cluster."""
    sql = "checks/count_cluster_violations"
    return violation_results(con, sql, CLUSTER_CHECKS, {"dump_files": dump_files})


def _contract_result(con: duckdb.DuckDBPyConnection, params: dict[str, Any]) -> dg.AssetCheckResult:
    import pandera.polars as pa
    import polars as pl

    from pipelines.warehouse import run
    from schemas.core import ArticleSchema

    rows = failures = 0
    examples = ""
    for batch in run(con, "checks/select_dump_articles", params).to_arrow_reader(
        CONTRACT_BATCH_ROWS
    ):
        articles = pl.DataFrame(pl.from_arrow(batch))
        rows += articles.height
        try:
            ArticleSchema.validate(articles, lazy=True)
        except pa.errors.SchemaErrors as errors:
            failures += errors.failure_cases.height
            examples = examples or str(errors.failure_cases.head(10))
    metadata: dict[str, Any] = {"rows": rows}
    if failures:
        metadata |= {"failures": failures, "examples": dg.MetadataValue.md(examples)}
    return dg.AssetCheckResult(
        check_name="articles_match_contract", passed=not failures, metadata=metadata
    )


def mention_check_results(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    checks: tuple[tuple[str, str], ...],
    dump_files: list[str] | None,
) -> list[dg.AssetCheckResult]:
    """One result per check of a mention query run over parts of the articles of `dump_files`
    (None: every article), summed."""
    from pipelines.warehouse import fetch_rows

    params: dict[str, Any] = {"dump_files": dump_files}
    articles = fetch_rows(con, "checks/count_checked_articles", params)[0][0]
    part_count = max(1, -(-articles // ARTICLES_PER_CHECK_PART))
    totals = [0] * len(checks)
    for part in range(part_count):
        counts = fetch_rows(con, sql, {**params, "part": part, "part_count": part_count})[0]
        totals = [total + count for total, count in zip(totals, counts, strict=True)]
    return _results(checks, totals)


def violation_results(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    checks: tuple[tuple[str, str], ...],
    params: Mapping[str, Any] | None = None,
) -> list[dg.AssetCheckResult]:
    """One result per check from a query returning one violation count per check, in order."""
    from pipelines.warehouse import fetch_rows

    return _results(checks, fetch_rows(con, sql, params)[0])


def _results(
    checks: tuple[tuple[str, str], ...], counts: Sequence[int]
) -> list[dg.AssetCheckResult]:
    return [
        dg.AssetCheckResult(check_name=name, passed=count == 0, metadata={"violations": count})
        for (name, _), count in zip(checks, counts, strict=True)
    ]
