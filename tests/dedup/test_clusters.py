"""Cluster assignment: components, canonical choice, methods and ids (exact outputs)."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl

from pipelines.dedup.clusters import assign_clusters, component_of_hash


def day(d: int) -> datetime:
    return datetime(2025, 4, d, tzinfo=UTC)


MEMBERS = pl.DataFrame(
    {
        "article_id": ["a", "b", "c", "d", "e"],
        "content_hash": ["h1" * 11, "h1" * 11, "h2" * 11, "h3" * 11, "h4" * 11],
        "source": ["s1", "s2", "s3", None, "s1"],
        "published_at": [day(3), day(2), day(1), None, day(9)],
        "first_seen_at": [day(10)] * 5,
        "body_chars": [100, 100, 90, 200, 50],
    }
)


def test_component_of_hash() -> None:
    assert component_of_hash(["x", "y", "z", "w"], [("y", "z"), ("z", "x")]) == {
        "x": "x",
        "y": "x",
        "z": "x",
        "w": "w",
    }


def test_exact_group_and_near_link_merge_earliest_published_is_canonical() -> None:
    links = pl.DataFrame({"article_id": ["b"], "other_article_id": ["c"]})
    result = assign_clusters(MEMBERS, links)
    assert result.rows() == [
        ("a", "x_h2h2h2h2h2h2h2h2h2h2", "near", False, "c"),
        ("b", "x_h2h2h2h2h2h2h2h2h2h2", "near", False, "c"),
        ("c", "x_h2h2h2h2h2h2h2h2h2h2", "near", True, "c"),
        ("d", "x_h3h3h3h3h3h3h3h3h3h3", "singleton", True, "d"),
        ("e", "x_h4h4h4h4h4h4h4h4h4h4", "singleton", True, "e"),
    ]


def test_exact_copies_of_canonical_and_tie_breaks() -> None:
    undated = MEMBERS.with_columns(published_at=pl.lit(None, dtype=pl.Datetime("us", "UTC")))
    links = pl.DataFrame({"article_id": ["a", "c"], "other_article_id": ["d", "e"]})
    result = assign_clusters(undated.with_columns(body_chars=pl.lit(10)), links)
    # all undated and seen together, same length: smallest article_id wins
    assert result.select("article_id", "method", "is_canonical", "canonical_article_id").rows() == [
        ("a", "exact", True, "a"),
        ("b", "exact", False, "a"),
        ("c", "near", True, "c"),
        ("d", "near", False, "a"),
        ("e", "near", False, "c"),
    ]
    # then the longest body
    longest = assign_clusters(undated, links).filter(pl.col("is_canonical"))
    assert longest["article_id"].to_list() == ["c", "d"]
