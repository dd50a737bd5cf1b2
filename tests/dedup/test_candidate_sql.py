"""The SQL candidate join: pending keys only, crowded buckets capped, exact copies left out."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from pipelines.warehouse import fetch_rows, insert_batch, open_warehouse, run, run_script


def test_candidate_join_caps_crowded_buckets_and_skips_exact_copies(tmp_path: Path) -> None:
    with open_warehouse(tmp_path / "w.duckdb") as con:
        ids = [f"a{i}" for i in range(7)] + ["copy", "other"]
        hashes = [f"h{i}" for i in range(7)] + ["h6", "h9"]
        articles = {"article_id": ids, "source": ids, "body": ids, "content_hash": hashes}
        insert_batch(con, "dedup/insert_synthetic_articles", pa.table(articles))
        con.execute("UPDATE core.articles SET cluster_id = 'x' WHERE article_id[2] <> '3'")
        con.execute("UPDATE core.articles SET cluster_id = NULL WHERE article_id = 'a6'")
        # indexed: a0..a5 and an exact copy of a6 in one crowded bucket, "other" elsewhere
        con.execute(
            "INSERT INTO core.article_bands SELECT unnest($1), unnest($2)",
            [["a0", "a1", "a2", "a4", "a5", "copy", "other"], [42, 42, 42, 42, 42, 42, 7]],
        )
        run_script(con, "dedup/create_pending_articles")
        run_script(con, "dedup/create_stale_articles")
        # pending: a3 (in the crowded bucket) and a6 (in the crowded bucket and with "other")
        bands = pa.table({"article_id": ["a3", "a6", "a6"], "band_key": [42, 42, 7]})
        insert_batch(con, "dedup/insert_pending_bands", bands)
        run(con, "dedup/create_candidate_pairs", {"bucket_window": 2})
        pairs = fetch_rows(con, "dedup/select_candidate_pairs")
    # bucket 42 in id order: a0 a1 a2 a3 a4 a5 a6 copy; a3 pairs with a1 a2 a4 a5 (a0 is 3 away);
    # a6 with a4 a5 but not its exact copy (same content hash: clustered anyway)
    assert pairs == [
        ("a1", "a3"), ("a2", "a3"), ("a3", "a4"), ("a3", "a5"),
        ("a4", "a6"), ("a5", "a6"), ("a6", "other"),
    ]  # fmt: skip
