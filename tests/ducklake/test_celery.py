"""dagster-celery: a real Redis broker and two Celery workers load dumps into a DuckLake."""

from __future__ import annotations

import os
from pathlib import Path

import dagster as dg
import pytest

from pipelines.warehouse import fetch_rows, open_warehouse
from tests.conftest import PROJECT_DIR
from tests.ducklake import load_worker
from tests.ducklake.celery_cluster import celery_workers, have_redis, redis_server

pytest.importorskip("dagster_celery", reason="dagster-celery is not installed (make setup does)")


@pytest.mark.usefixtures("three_dumps_landing")
def test_two_celery_workers_share_the_dump_steps(ducklake: str, tmp_path: Path) -> None:
    if not have_redis():
        pytest.skip("redis-server is not installed (`apt-get install redis-server`, as .ci/run)")

    with (
        redis_server(tmp_path) as broker,
        celery_workers(2, broker, tmp_path / "celery", dict(os.environ)) as workers,
        dg.DagsterInstance.get() as instance,
    ):
        config = {"execution": {"config": {"broker": f"{broker}/0", "backend": f"{broker}/1"}}}
        job = dg.reconstructable(load_worker.celery_fanout_job)
        with dg.execute_job(job, instance=instance, run_config=config) as result:
            assert result.success
            entries = instance.all_logs(result.run_id)
            summary = result.output_for_node("summarize_loads")
        worker_pids = {worker.pid for worker in workers}

    assert summary["dumps"] == 3
    step_pids = {
        entry.dagster_event.pid
        for entry in entries
        if entry.dagster_event
        and entry.dagster_event.event_type_value == "STEP_START"
        and (entry.dagster_event.step_key or "").startswith("load_dump[")
    }
    assert step_pids == worker_pids, "both workers ran load_dump steps, nothing else did"
    with open_warehouse(ducklake, read_only=True) as con:
        assert fetch_rows(con, "checks/count_unreconciled_dumps", {"dump_files": None}) == []
        assert len(con.execute("SELECT * FROM ops.dump_files").fetchall()) == 3


def test_the_deploy_example_is_valid_celery_executor_config() -> None:
    from dagster_celery.cli import get_validated_config

    config = get_validated_config(str(PROJECT_DIR / "deploy" / "celery.yaml"))
    assert config["broker"].startswith("redis://")
    assert config["config_source"]["task_acks_late"] is True
