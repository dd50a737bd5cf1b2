"""Story clusters: connected components of exact and near-duplicate links, and their canonicals."""

from __future__ import annotations

import polars as pl

CLUSTER_ID_PREFIX = "x_"
CLUSTER_ID_HEX_CHARS = 20
MEMBER_COLUMNS = (
    "article_id",
    "content_hash",
    "source",
    "published_at",
    "first_seen_at",
    "body_chars",
)
# Canonical article: earliest published (undated last), then earliest seen, then longest body,
# then smallest article_id, so the choice never depends on load order.
CANONICAL_ORDER = (
    ("published_at", False),
    ("first_seen_at", False),
    ("body_chars", True),
    ("article_id", False),
)
ASSIGNMENT_SCHEMA = {
    "article_id": pl.String,
    "cluster_id": pl.String,
    "method": pl.String,
    "is_canonical": pl.Boolean,
    "canonical_article_id": pl.String,
}


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        root = self.parent.setdefault(item, item)
        while root != self.parent[root]:
            root = self.parent[root]
        while item != root:  # path compression
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, left: str, right: str) -> None:
        a, b = self.find(left), self.find(right)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def component_of_hash(content_hashes: list[str], links: list[tuple[str, str]]) -> dict[str, str]:
    """Each content hash's component (its smallest member hash); links join two hashes."""
    forest = _UnionFind()
    for content_hash in content_hashes:
        forest.find(content_hash)
    for left, right in links:
        forest.union(left, right)
    return {content_hash: forest.find(content_hash) for content_hash in forest.parent}


def assign_clusters(members: pl.DataFrame, links: pl.DataFrame) -> pl.DataFrame:
    """Cluster, method and canonical flag of every member article.

    `members` has MEMBER_COLUMNS; `links` holds near-duplicate (article_id, other_article_id)
    pairs. Articles with one content hash are always together; linked articles join. Method:
    'singleton' for a cluster of one, 'exact' for the canonical and its exact copies (same
    content hash) when it has any, 'near' for every other member.
    The cluster id is "x_" + the canonical's content hash prefix: exact-only clusters keep the id
    they had before near-duplicates existed, and a merged cluster takes its canonical's id.
    """
    hash_of = dict(zip(members["article_id"], members["content_hash"], strict=True))
    hash_links = [
        (hash_of[left], hash_of[right])
        for left, right in links.select("article_id", "other_article_id").iter_rows()
        if left in hash_of and right in hash_of
    ]
    components = component_of_hash(list(hash_of.values()), hash_links)
    ranked = members.with_columns(
        pl.col("content_hash").replace_strict(components).alias("component")
    ).sort(
        [column for column, _ in CANONICAL_ORDER],
        descending=[descending for _, descending in CANONICAL_ORDER],
        nulls_last=True,
    )
    canonical = pl.col("article_id").first().over("component")
    canonical_hash = pl.col("content_hash").first().over("component")
    size = pl.len().over("component")
    copies_of_canonical = (pl.col("content_hash") == canonical_hash).sum().over("component")
    return ranked.select(
        "article_id",
        cluster_id=pl.lit(CLUSTER_ID_PREFIX) + canonical_hash.str.slice(0, CLUSTER_ID_HEX_CHARS),
        method=pl.when(size == 1)
        .then(pl.lit("singleton"))
        .when((pl.col("content_hash") == canonical_hash) & (copies_of_canonical > 1))
        .then(pl.lit("exact"))
        .otherwise(pl.lit("near")),
        is_canonical=pl.col("article_id") == canonical,
        canonical_article_id=canonical,
    ).sort("article_id")
