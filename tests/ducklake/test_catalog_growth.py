"""What a DuckLake leaves in its catalog: opening writes nothing, maintenance reclaims, spills
go beside the data folder."""

from __future__ import annotations

import os
import shutil
from datetime import timedelta
from pathlib import Path

from pipelines.dedup.matching import DEFAULT_THRESHOLD
from pipelines.ducklake import catalog_size, maintain, spill_config
from pipelines.ingest import discover_dumps
from pipelines.merge.loader import load_dumps
from pipelines.publish.contract import discover_marts
from pipelines.warehouse import open_warehouse, run_script, transaction
from tests.conftest import SAMPLES_DIR
from tests.ducklake.conftest import DUMPS
from tests.ducklake.tables import table_digests


def test_opening_a_current_ducklake_commits_no_snapshot(ducklake: str) -> None:
    with open_warehouse(ducklake):
        pass
    created = catalog_size(ducklake)["snapshots"]
    for _ in range(3):
        with open_warehouse(ducklake):
            pass
    assert catalog_size(ducklake)["snapshots"] == created


def test_a_changed_ddl_is_applied_once(ducklake: str, monkeypatch) -> None:
    import pipelines.ducklake as lake

    with open_warehouse(ducklake):
        pass
    before = catalog_size(ducklake)["snapshots"]
    monkeypatch.setattr(lake, "schema_fingerprint", lambda: "a newer ddl")
    for _ in range(2):
        with open_warehouse(ducklake):
            pass
    assert catalog_size(ducklake)["snapshots"] == before + 1


def test_maintenance_reclaims_snapshots_tables_and_files(ducklake: str, tmp_path: Path) -> None:
    """Two mart rebuilds leave the first one's tables (and their inlined-data tables in the
    catalog) behind for time travel; maintenance with no retention keeps the current snapshot
    only, drops them, deletes the files nothing uses, and changes no table."""
    landing = tmp_path / "landing"
    for dump in DUMPS[:2]:
        (landing / dump).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES_DIR / dump, landing / dump)
    load_dumps(ducklake, discover_dumps(landing), workers=1, threshold=DEFAULT_THRESHOLD)
    for _ in range(2):
        with open_warehouse(ducklake) as con, transaction(con):
            for mart in discover_marts():
                run_script(con, f"marts/{mart.name}")
    tables, before = table_digests(ducklake), catalog_size(ducklake)

    counts = maintain(ducklake, older_than=timedelta(0))
    after = catalog_size(ducklake)
    assert counts["expire_snapshots"] >= before["snapshots"] - 1 and after["snapshots"] == 1
    assert after["tables"] <= before["tables"] - len(discover_marts())
    on_disk = len(list(Path(os.environ["NEWS_DUCKLAKE_DATA"]).rglob("*.parquet")))
    assert on_disk == after["files_kept"]
    assert table_digests(ducklake) == tables


def test_a_ducklake_connection_spills_beside_its_data_folder(ducklake: str) -> None:
    config = spill_config()
    data = Path(str(Path(config["temp_directory"]).parent.parent / "data"))
    assert data.name == "data" and Path(config["temp_directory"]).parent.name == "spill"
    with open_warehouse(ducklake) as con:
        setting = con.execute("SELECT current_setting('temp_directory')").fetchone()
    assert setting == (config["temp_directory"],)


def test_the_scheduled_maintenance_job_runs_on_both_backends(ducklake: str, tmp_path: Path) -> None:
    from pipelines.maintenance import maintain_warehouse_job
    from pipelines.resources import WarehouseResource

    with open_warehouse(ducklake):
        pass
    for database in (ducklake, str(tmp_path / "news.duckdb")):
        result = maintain_warehouse_job.execute_in_process(
            resources={"warehouse": WarehouseResource(database=database)}
        )
        assert result.success
    assert catalog_size(ducklake)["snapshots"] >= 1
