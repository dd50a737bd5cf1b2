"""The whole pipeline on a DuckLake (PostgreSQL catalog): the same tables as the DuckDB file."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines import cli
from pipelines.locations import companion_dir
from tests.conftest import SAMPLES_DIR
from tests.ducklake.tables import table_digests


def test_samples_give_the_same_tables_on_both_backends(ducklake: str, tmp_path: Path) -> None:
    published = companion_dir(ducklake) / "published"
    assert cli.main(["run", "--landing", str(SAMPLES_DIR), "--warehouse", ducklake]) == 0
    file_warehouse = tmp_path / "file" / "news.duckdb"
    code = cli.main(
        ["run", "--landing", str(SAMPLES_DIR), "--warehouse", str(file_warehouse), "--no-publish"]
    )
    assert code == 0

    on_lake, on_file = table_digests(ducklake), table_digests(file_warehouse)
    assert on_lake.keys() == on_file.keys()
    assert on_lake["core.articles"][0] > 40
    assert {t for t in on_lake if on_lake[t] != on_file[t]} == set()

    # The BI snapshot: a DuckDB file copied from one DuckLake snapshot, no password in it.
    snapshot = duckdb.connect(str(published / "news.duckdb"), read_only=True)
    try:
        articles = snapshot.execute("SELECT count(*) FROM core.articles").fetchone()
        source = snapshot.execute("SELECT source_warehouse FROM meta.snapshot").fetchone()
    finally:
        snapshot.close()
    assert articles == (on_lake["core.articles"][0],)
    assert source and str(source[0]).startswith("ducklake:postgres:")


def test_status_reads_a_ducklake_without_its_data_setting(
    ducklake: str, monkeypatch, capsys
) -> None:
    from pipelines.warehouse import open_warehouse

    with open_warehouse(ducklake):
        pass
    monkeypatch.delenv("NEWS_DUCKLAKE_DATA")
    assert cli.main(["status", "--warehouse", ducklake]) == 0
    assert "0 dumps, all reconciled" in capsys.readouterr().out


def test_a_cursor_reads_the_ducklake_not_the_memory_catalog(ducklake: str) -> None:
    """`iter_arrow_batches` reads on a cursor, whose default catalog is set again (a DuckLake's
    USE is per cursor: the merge's body reads failed with 'schema core does not exist')."""
    from pipelines.warehouse import iter_arrow_batches, open_warehouse

    with open_warehouse(ducklake) as con:
        con.execute(
            "INSERT INTO ops.dump_files (dump_file, sha256, bytes, records_loaded, "
            "first_processed_at, last_processed_at) VALUES ('a.jsonl', 'abc', 1, 1, now(), now())"
        )
        batches = list(iter_arrow_batches(con, "report/select_loaded_dump_versions", None, 10))
    assert [row for batch in batches for row in batch.to_pylist()] == [
        {"dump_file": "a.jsonl", "sha256": "abc"}
    ]
