"""Unlinked entities are named by their most frequent surface, recomputed for touched entities."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from pipelines.enrich.entities.batch import ENTITY_SCHEMA
from pipelines.warehouse import insert_batch, open_warehouse, run

MENTION = (
    "INSERT INTO core.entity_mentions VALUES (?, ?, 'body', ?, 0, 1, 'PER', 1.0, 'crf', 'v', NULL)"
)


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
        run(con, "enrich/update_entity_names", {"article_ids": ["2"], "entity_ids": []})  # per:a
        names = dict(con.execute("SELECT entity_id, name FROM core.entities").fetchall())
        assert names == {"per:a": "بوتين", "per:b": "old", "iso:RU": "Russia"}
        con.execute("DELETE FROM core.entity_mentions WHERE article_id = '3'")  # a re-enrichment
        run(con, "enrich/update_entity_names", {"article_ids": [], "entity_ids": ["per:a"]})
        names = dict(con.execute("SELECT entity_id, name FROM core.entities").fetchall())
        assert names["per:a"] == "فلاديمير بوتين"  # named before: recomputed (tie → the longest)
        run(con, "enrich/update_entity_names", {"article_ids": ["1"], "entity_ids": []})
        names = dict(con.execute("SELECT entity_id, name FROM core.entities").fetchall())
        assert names == {"per:a": "فلاديمير بوتين", "per:b": "X", "iso:RU": "Russia"}  # linked kept


def test_a_linked_entity_replaces_the_row_an_earlier_load_keyed_by_name(tmp_path: Path) -> None:
    batch = pa.Table.from_pylist(
        [{"entity_id": "per:vladimir putin", "entity_type": "PER", "name": "Vladimir Putin",
          "name_ar": "فلاديمير بوتين", "country_code": None, "geonames_id": None,
          "latitude": None, "longitude": None, "is_linked": True}],
        schema=ENTITY_SCHEMA,
    )  # fmt: skip
    with open_warehouse(tmp_path / "w.duckdb") as con:
        con.execute(
            "INSERT INTO core.entities (entity_id, entity_type, name, is_linked) VALUES "
            "('per:vladimir putin', 'PER', 'vladimir putin', false)"
        )
        insert_batch(con, "enrich/update_linked_entities", batch)
        row = con.execute("SELECT name, name_ar, is_linked FROM core.entities").fetchall()
        assert row == [("Vladimir Putin", "فلاديمير بوتين", True)]
