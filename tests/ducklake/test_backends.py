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
