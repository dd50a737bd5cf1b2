"""Incremental clustering through the whole pipeline: edited copies join, bridges merge."""

from __future__ import annotations

import random
from pathlib import Path

import duckdb

from pipelines import cli
from tests.test_pipeline import snapshot, write_jsonl

WORD_TEXT = (
    "council bridge river harbour budget minister port energy water school hospital road "
    "project contract tender investors market prices farmers rain desert airport flights "
    "museum festival league coach players stadium court judge verdict police station fire "
    "village mayor teachers students exams vaccine clinic doctors nurses grid solar wind"
)
WORDS = WORD_TEXT.split()


def paragraph(seed: int) -> str:
    rng = random.Random(seed)
    sentences = [
        " ".join(rng.choice(WORDS) for _ in range(12)).capitalize() + "." for _ in range(4)
    ]
    return " ".join(sentences)


P = [paragraph(seed) for seed in range(8)]


def article(slug: str, paragraphs: list[str], day: int, source: str) -> dict[str, str]:
    return {
        "title": f"Story {slug}",
        "maintext": "\n\n".join(paragraphs),
        "date_publish": f"2025-04-{day:02d} 08:00:00",
        "url": f"https://{source}/news/{slug}",
        "source_domain": source,
    }


A = article("a", P[0:5], 10, "one.example.com")
B = article("b", [P[7]], 10, "one.example.com")
D = article("d", P[2:7], 11, "two.example.com")  # Jaccard(A, D) 0.62 < 0.75: a separate story
A_EDITED = article("a-update", [*P[0:4], P[4].replace("the", "a", 2)], 12, "three.example.com")
C = article("c", P[0:7], 13, "four.example.com")  # 0.80 like A, 0.82 like D: bridges them


def clusters(warehouse: Path) -> dict[str, tuple[str, bool, int]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.execute(
            "SELECT a.title, c.title, a.is_canonical, a.count_other_sources "
            "FROM core.articles AS a JOIN core.clusters AS k USING (cluster_id) "
            "JOIN core.articles AS c ON c.article_id = k.canonical_article_id"
        ).fetchall()
    finally:
        con.close()
    return {
        title: (canonical, is_canonical, others) for title, canonical, is_canonical, others in rows
    }


def test_edited_copy_joins_and_bridge_merges(tmp_path: Path) -> None:
    landing, warehouse = tmp_path / "landing", tmp_path / "w.duckdb"
    write_jsonl(landing / "1.jsonl", [A, B, D])
    assert cli.run(landing, warehouse) == 0
    assert clusters(warehouse) == {
        "Story a": ("Story a", True, 0),
        "Story b": ("Story b", True, 0),
        "Story d": ("Story d", True, 0),
    }
    write_jsonl(landing / "2.jsonl", [A_EDITED])
    assert cli.run(landing, warehouse) == 0
    assert clusters(warehouse)["Story a-update"] == ("Story a", False, 1)
    assert clusters(warehouse)["Story a"] == ("Story a", True, 1)
    write_jsonl(landing / "3.jsonl", [C])
    assert cli.run(landing, warehouse) == 0
    merged = {title: value for title, value in clusters(warehouse).items() if title != "Story b"}
    assert merged == {
        "Story a": ("Story a", True, 3),
        "Story a-update": ("Story a", False, 3),
        "Story c": ("Story a", False, 3),
        "Story d": ("Story a", False, 3),
    }
    assert clusters(warehouse)["Story b"] == ("Story b", True, 0)
    before = snapshot(warehouse)
    assert cli.run(landing, warehouse, force=True) == 0
    assert snapshot(warehouse) == before
    # the bridging dump is replaced: the merged cluster splits again
    write_jsonl(landing / "3.jsonl", [dict(B, url="https://five.example.com/b")])
    assert cli.run(landing, warehouse) == 0
    assert {title: value[0] for title, value in clusters(warehouse).items()} == {
        "Story a": "Story a",
        "Story a-update": "Story a",
        "Story b": "Story b",
        "Story d": "Story d",
    }


def test_an_index_of_an_earlier_version_is_rebuilt_once(tmp_path: Path) -> None:
    landing, warehouse = tmp_path / "landing", tmp_path / "w.duckdb"
    write_jsonl(landing / "1.jsonl", [A, B, D])
    assert cli.run(landing, warehouse) == 0
    con = duckdb.connect(str(warehouse))
    try:  # what index version 1 left: no version row, other band keys, 512-byte signatures
        con.execute("DELETE FROM core.dedup_index")
        con.execute("UPDATE core.article_bands SET band_key = band_key + 1")
        con.execute("UPDATE core.article_signatures SET signature = repeat('\\x00'::BLOB, 512)")
    finally:
        con.close()
    write_jsonl(landing / "2.jsonl", [A_EDITED])
    assert cli.run(landing, warehouse) == 0
    assert clusters(warehouse)["Story a-update"] == ("Story a", False, 1)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        versions = con.execute("SELECT index_version FROM core.dedup_index").fetchall()
        lengths = con.execute(
            "SELECT DISTINCT octet_length(signature) FROM core.article_signatures"
        ).fetchall()
    finally:
        con.close()
    assert versions == [(2,)] and lengths == [(258,)]
