"""deploy/dagster.yaml: Dagster's run, event and schedule storage in PostgreSQL (dagster-postgres),
on the tests' throwaway cluster."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from tests.ducklake.pg_cluster import PgCluster

DEPLOY_DIR = Path(__file__).resolve().parent.parent.parent / "deploy"


def test_the_deployed_instance_records_runs_in_postgresql(
    pg_cluster: PgCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipelines.maintenance import maintain_warehouse_job
    from pipelines.resources import WarehouseResource

    database = f"dagster_{tmp_path.name[-20:].replace('-', '_')}".lower()
    pg_cluster.create_database(database)
    home = tmp_path / "dagster_home"
    home.mkdir()
    text = (DEPLOY_DIR / "dagster.yaml").read_text(encoding="utf-8")
    (home / "dagster.yaml").write_text(text.replace("db_name: dagster", f"db_name: {database}"))
    for name, value in {"HOST": "127.0.0.1", "PORT": str(pg_cluster.port), "USER": "postgres",
                        "PASSWORD": "unused"}.items():  # fmt: skip
        monkeypatch.setenv(f"DAGSTER_PG_{name}", value)

    with dg.DagsterInstance.from_config(str(home)) as instance:
        assert type(instance.run_storage).__name__ == "PostgresRunStorage"
        result = maintain_warehouse_job.execute_in_process(
            instance=instance,
            resources={"warehouse": WarehouseResource(database=str(tmp_path / "news.duckdb"))},
        )
        assert result.success
        runs = instance.get_runs()
    assert [run.job_name for run in runs] == ["maintain_warehouse_job"]
