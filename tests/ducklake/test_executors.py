"""Dagster's multiprocess executor loads dump partitions side by side into a DuckLake."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from pipelines.warehouse import fetch_rows, open_warehouse
from tests.ducklake import load_worker
from tests.ducklake.conftest import DUMPS


@pytest.mark.usefixtures("three_dumps_landing")
def test_the_multiprocess_executor_loads_dumps_in_parallel_steps(
    ducklake: str, tmp_path: Path
) -> None:
    config = {"execution": {"config": {"max_concurrent": 3}}}

    (tmp_path / "dagster_home").mkdir()
    with dg.DagsterInstance.local_temp(str(tmp_path / "dagster_home")) as instance:
        job = dg.reconstructable(load_worker.fanout_job)
        with dg.execute_job(job, instance=instance, run_config=config) as result:
            assert result.success
            entries = instance.all_logs(result.run_id)
            summary = result.output_for_node("summarize_loads")
        materialized = instance.get_materialized_partitions(dg.AssetKey("articles"))

    assert summary["dumps"] == 3
    assert materialized == set(DUMPS[:3])
    # The three load_dump steps ran in three processes, at least two of them at once.
    spans: dict[str, list[float]] = {}
    pids: set[int | None] = set()
    for entry in entries:
        event = entry.dagster_event
        if event and (event.step_key or "").startswith("load_dump["):
            if event.event_type_value == "STEP_START":
                pids.add(event.pid)
            if event.event_type_value in ("STEP_START", "STEP_SUCCESS"):
                spans.setdefault(event.step_key or "", []).append(entry.timestamp)
    assert len(spans) == 3
    assert len(pids) == 3
    starts, ends = sorted(min(s) for s in spans.values()), sorted(max(s) for s in spans.values())
    assert starts[1] < ends[0], "no two load_dump steps overlapped"
    with open_warehouse(ducklake, read_only=True) as con:
        assert fetch_rows(con, "checks/count_unreconciled_dumps", {"dump_files": None}) == []
        assert len(con.execute("SELECT * FROM ops.dump_files").fetchall()) == 3
