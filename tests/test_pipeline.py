"""Integration: materialize the whole asset graph through Dagster on small dumps."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from pipelines import cli
from pipelines.warehouse import open_warehouse

TABLES = {
    "raw.records": "dump_file, record_index",
    "staging.cleaned_records": "dump_file, record_index",
    "core.articles": "article_id",
    "core.article_sightings": "dump_file, record_index",
    "core.article_clusters": "article_id",
    "core.clusters": "cluster_id",
    "core.article_links": "article_id, other_article_id",
    "core.article_bands": "article_id, band_key",
    "core.article_signatures": "article_id, signature",
    "quarantine.rejected_records": "dump_file, record_index",
    "ops.dump_versions": "dump_file, sha256",
    "marts.articles_daily": "article_date, source_id, language",
    "core.sources": "source_id",
    "core.date_mentions": "article_id, mention_index",
    "marts.date_mentions_timeline": (
        "publication_week_date, language, period_start_date, granularity, calendar"
    ),
    "marts.quarantine_reasons": "dump_file, stage, reject_reason",
    "marts.stories": "cluster_id",
    "core.entities": "entity_id",
    "core.entity_mentions": "article_id, field, start_char, end_char, entity_id",
    "marts.entity_mentions_daily": "mention_date, entity_id, source_id, language",
    "marts.entity_cooccurrence": "week_date, entity_id_a, entity_id_b",
    "marts.top_entities_weekly": "week_date, entity_type, rank_in_week",
}


def snapshot(warehouse: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table that a re-run must leave unchanged."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {
            t: con.execute(f"SELECT * FROM {t} ORDER BY {o}").fetchall() for t, o in TABLES.items()
        }
    finally:
        con.close()


def write_jsonl(path: Path, records: list[object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


ARTICLE = {
    "title": "Council approves the new river bridge",
    "maintext": "The city council approved the new river bridge on Monday after a long debate. "
    "Construction is expected to start next spring and last two years.",
    "date_publish": "2025-04-28 07:41:00",
    "url": "https://news.example.com/bridge?utm_source=x",
}


@pytest.fixture
def small_landing(tmp_path: Path) -> Path:
    landing = tmp_path / "landing"
    wire = dict(
        ARTICLE, url="https://other.example.org/wire/bridge", date_publish="2025-04-28 09:00"
    )
    write_jsonl(landing / "a.jsonl", [ARTICLE, wire, "{broken", 7, dict(ARTICLE, maintext=" ")])
    write_jsonl(landing / "b.jsonl", [dict(ARTICLE, url="https://NEWS.example.com/bridge/#top")])
    return landing


def test_run_twice_changes_nothing(small_landing: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    assert cli.run(small_landing, warehouse) == 0
    first = snapshot(warehouse)
    assert cli.run(small_landing, warehouse, force=True) == 0
    assert snapshot(warehouse) == first


def test_every_record_lands_in_exactly_one_place(small_landing: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    assert cli.run(small_landing, warehouse) == 0
    con = duckdb.connect(str(warehouse), read_only=True)
    dumps = con.execute(
        "SELECT dump_file, records_read, records_loaded, records_quarantined FROM ops.dump_files "
        "ORDER BY dump_file"
    ).fetchall()
    assert dumps == [("a.jsonl", 5, 2, 3), ("b.jsonl", 1, 1, 0)]
    reasons = con.execute(
        "SELECT record_locator, stage, reject_reason FROM quarantine.rejected_records ORDER BY 1"
    ).fetchall()
    assert reasons == [
        ("line:3", "ingest", "unparseable_json"),
        ("line:4", "ingest", "not_an_object"),
        ("line:5", "validate", "missing_body"),
    ]
    # the same canonical URL in two dumps is one article seen twice; the wire copy is another
    # article in the same exact-duplicate cluster
    articles = con.execute(
        "SELECT canonical_url, count_sightings, cluster_id IS NOT NULL, is_canonical "
        "FROM core.articles ORDER BY canonical_url"
    ).fetchall()
    assert articles == [
        ("https://news.example.com/bridge", 2, True, True),
        ("https://other.example.org/wire/bridge", 1, True, False),
    ]
    clusters = con.execute("SELECT count_articles, count_sources FROM core.clusters").fetchall()
    assert clusters == [(2, 2)]


def test_unchanged_dump_is_a_no_op_and_changed_dump_is_a_new_version(
    small_landing: Path, tmp_path: Path
) -> None:
    warehouse = tmp_path / "w.duckdb"
    assert cli.run(small_landing, warehouse) == 0
    before = snapshot(warehouse)
    assert cli.run(small_landing, warehouse) == 0
    assert snapshot(warehouse) == before
    write_jsonl(small_landing / "b.jsonl", [dict(ARTICLE, url="https://news.example.com/other")])
    assert cli.run(small_landing, warehouse) == 0
    con = duckdb.connect(str(warehouse), read_only=True)
    versions = con.execute("SELECT count(*) FROM ops.dump_versions WHERE dump_file = 'b.jsonl'")
    assert versions.fetchone() == (2,)
    urls = [
        r[0] for r in con.execute("SELECT canonical_url FROM core.articles ORDER BY 1").fetchall()
    ]
    assert urls == [
        "https://news.example.com/bridge",
        "https://news.example.com/other",
        "https://other.example.org/wire/bridge",
    ]


def test_crash_mid_load_leaves_warehouse_consistent(
    small_landing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warehouse = tmp_path / "w.duckdb"
    assert cli.run(small_landing, warehouse) == 0
    before = snapshot(warehouse)
    from pipelines.merge import dumps

    crashing = (*dumps.ARTICLE_STEPS[:3], "load/does_not_exist")
    monkeypatch.setattr(dumps, "ARTICLE_STEPS", crashing)
    assert cli.run(small_landing, warehouse, force=True) == 1
    after_crash = snapshot(warehouse)
    assert after_crash["core.articles"] == before["core.articles"]
    assert after_crash["core.article_sightings"] == before["core.article_sightings"]
    monkeypatch.undo()
    assert cli.run(small_landing, warehouse, force=True) == 0
    assert snapshot(warehouse) == before


def test_missing_landing_folder_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.run(tmp_path / "nope", tmp_path / "w.duckdb") == 2
    assert "does not exist" in capsys.readouterr().err


def test_status_prints_reconciliation(
    small_landing: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    warehouse = tmp_path / "w.duckdb"
    assert cli.run(small_landing, warehouse) == 0
    capsys.readouterr()
    assert cli.main(["status", "--warehouse", str(warehouse)]) == 0
    out = capsys.readouterr().out
    assert "core.articles" in out and "a.jsonl" in out and "all reconciled" in out


def test_open_warehouse_creates_every_table(tmp_path: Path) -> None:
    with open_warehouse(tmp_path / "x.duckdb") as con:
        tables = {
            f"{s}.{t}"
            for s, t in con.execute(
                "SELECT schema_name, table_name FROM duckdb_tables()"
            ).fetchall()
        }
    assert {
        "core.articles",
        "core.article_sightings",
        "quarantine.rejected_records",
        "ops.dump_files",
        "raw.records",
    } <= tables
