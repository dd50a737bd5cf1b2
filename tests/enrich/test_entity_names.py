"""Unlinked entities are named by their most frequent surface, recomputed for touched entities."""

from __future__ import annotations

from pathlib import Path

from pipelines.warehouse import open_warehouse, run

MENTION = "INSERT INTO core.entity_mentions VALUES (?, ?, 'body', ?, 0, 1, 'PER', 1.0, 'crf', 'v')"


def test_names_follow_the_most_frequent_surface_of_touched_entities(tmp_path: Path) -> None:
    with open_warehouse(tmp_path / "w.duckdb") as con:
        con.execute(
            "INSERT INTO core.entities (entity_id, entity_type, name, is_linked) VALUES "
            "('per:a', 'PER', 'old', false), ('per:b', 'PER', 'old', false), "
            "('iso:RU', 'GPE', 'Russia', true)"
        )
        mentions = [
            ("1", "per:a", "بوتين"), ("2", "per:a", "فلاديمير بوتين"), ("3", "per:a", "بوتين"),
            ("1", "per:b", "X"), ("1", "iso:RU", "روسيا"),
        ]  # fmt: skip
        con.executemany(MENTION, mentions)
        run(con, "enrich/update_entity_names", {"article_ids": ["2"]})  # names only per:a
        names = dict(con.execute("SELECT entity_id, name FROM core.entities").fetchall())
        assert names == {"per:a": "بوتين", "per:b": "old", "iso:RU": "Russia"}
        run(con, "enrich/update_entity_names", {"article_ids": ["1"]})
        names = dict(con.execute("SELECT entity_id, name FROM core.entities").fetchall())
        assert names == {"per:a": "بوتين", "per:b": "X", "iso:RU": "Russia"}  # linked: kept
