"""The landing sensor turns new and changed dump files into partitions and run requests."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import pytest
from dagster._core.storage.tags import (
    ASSET_PARTITION_RANGE_END_TAG,
    ASSET_PARTITION_RANGE_START_TAG,
)

from pipelines import sensors
from pipelines.resources import LandingResource, WarehouseResource
from pipelines.schedules import daily_full_refresh
from pipelines.sensors import landing_sensor


def ranges(requests: list[dg.RunRequest] | None) -> list[tuple[str, str]]:
    """(first, last) partition of each range run requested."""
    return [
        (r.tags[ASSET_PARTITION_RANGE_START_TAG], r.tags[ASSET_PARTITION_RANGE_END_TAG])
        for r in requests or []
    ]


def evaluate(
    landing: Path, instance: dg.DagsterInstance, cursor: str | None, warehouse: Path | None = None
) -> dg.SensorResult:
    warehouse = warehouse or landing.parent / "absent.duckdb"
    context = dg.build_sensor_context(
        instance=instance,
        cursor=cursor,
        resources={
            "landing": LandingResource(path=str(landing)),
            "warehouse": WarehouseResource(database=str(warehouse)),
        },
    )
    result = landing_sensor(context)
    assert isinstance(result, dg.SensorResult)
    return result


def test_new_then_unchanged_then_changed_file(tmp_path: Path) -> None:
    (tmp_path / "day1.jsonl").write_text('{"title": "a", "body": "b"}\n', encoding="utf-8")
    instance = dg.DagsterInstance.ephemeral()
    first = evaluate(tmp_path, instance, None)
    assert ranges(first.run_requests) == [("day1.jsonl", "day1.jsonl")]
    assert first.dynamic_partitions_requests
    assert first.dynamic_partitions_requests[0].partition_keys == ["day1.jsonl"]
    instance.add_dynamic_partitions("dumps", ["day1.jsonl"])

    again = evaluate(tmp_path, instance, first.cursor)
    assert not again.run_requests and again.skip_reason

    (tmp_path / "day1.jsonl").write_text('{"title": "a", "body": "changed"}\n', encoding="utf-8")
    changed = evaluate(tmp_path, instance, first.cursor)
    requests = changed.run_requests or []
    assert ranges(requests) == [("day1.jsonl", "day1.jsonl")]
    assert requests[0].run_key != (first.run_requests or [])[0].run_key
    assert not changed.dynamic_partitions_requests  # same key, new version


def test_missing_landing_folder_skips_with_reason(tmp_path: Path) -> None:
    result = evaluate(tmp_path / "absent", dg.DagsterInstance.ephemeral(), None)
    assert result.skip_reason and "does not exist" in str(result.skip_reason)


def test_daily_refresh_requests_every_partition_in_one_run() -> None:
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("dumps", ["a.jsonl", "b.csv"])
        context = dg.build_schedule_context(
            instance=instance, scheduled_execution_time=datetime(2026, 11, 26, 3, tzinfo=UTC)
        )
        requests = daily_full_refresh(context)
    assert ranges(requests) == [("a.jsonl", "b.csv")]


def test_new_dumps_become_one_run_per_contiguous_range(tmp_path: Path) -> None:
    for name in ("a.jsonl", "b.jsonl", "c.jsonl"):
        (tmp_path / name).write_text('{"title": "a", "body": "b"}\n', encoding="utf-8")
    instance = dg.DagsterInstance.ephemeral()
    first = evaluate(tmp_path, instance, None)
    assert ranges(first.run_requests) == [("a.jsonl", "c.jsonl")]
    instance.add_dynamic_partitions("dumps", ["a.jsonl", "b.jsonl", "c.jsonl"])
    for name in ("a.jsonl", "c.jsonl"):
        (tmp_path / name).write_text('{"title": "a", "body": "new"}\n', encoding="utf-8")
    changed = evaluate(tmp_path, instance, first.cursor)
    assert ranges(changed.run_requests) == [("a.jsonl", "a.jsonl"), ("c.jsonl", "c.jsonl")]


def test_unchanged_folder_is_not_hashed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "day1.jsonl").write_text('{"title": "a", "body": "b"}\n', encoding="utf-8")
    instance = dg.DagsterInstance.ephemeral()
    first = evaluate(tmp_path, instance, None)

    def fail(_: Path) -> list[object]:
        raise AssertionError("the landing folder was hashed although nothing changed")

    monkeypatch.setattr(sensors, "discover_dumps", fail)
    again = evaluate(tmp_path, instance, first.cursor)
    assert not again.run_requests and "no change" in str(again.skip_reason)


def test_cursor_of_the_previous_format_is_read_as_versions(tmp_path: Path) -> None:
    (tmp_path / "day1.jsonl").write_text('{"title": "a", "body": "b"}\n', encoding="utf-8")
    instance = dg.DagsterInstance.ephemeral()
    sha = evaluate(tmp_path, instance, None).run_requests[0].run_key.split("@")[1]  # type: ignore[index]
    result = evaluate(tmp_path, instance, json.dumps({"day1.jsonl": sha}))
    assert not result.run_requests  # same version: no new run, cursor upgraded
    assert result.cursor and "versions" in json.loads(result.cursor)


def test_versions_the_warehouse_loaded_get_a_partition_but_no_run(tmp_path: Path) -> None:
    """After `news-warehouse run` (another instance, or none), the sensor redoes nothing."""
    from pipelines.ingest import discover_dumps
    from pipelines.warehouse import open_warehouse

    landing = tmp_path / "landing"
    landing.mkdir()
    for name in ("a.jsonl", "b.jsonl", "c.jsonl"):
        (landing / name).write_text(f'{{"title": "{name}", "body": "b"}}\n', encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    with open_warehouse(warehouse) as con:
        for source in discover_dumps(landing):
            if source.dump_file != "b.jsonl":
                con.execute(
                    "INSERT INTO ops.dump_files (dump_file, sha256, bytes, records_loaded, "
                    "first_processed_at, last_processed_at) VALUES (?, ?, 1, 1, now(), now())",
                    [source.dump_file, source.sha256],
                )
    instance = dg.DagsterInstance.ephemeral()
    result = evaluate(landing, instance, None, warehouse)
    assert ranges(result.run_requests) == [("b.jsonl", "b.jsonl")]
    assert result.dynamic_partitions_requests
    assert result.dynamic_partitions_requests[0].partition_keys == ["a.jsonl", "b.jsonl", "c.jsonl"]

    # Another process writing (a run): the sensor looks again next tick.
    code = (
        f"import duckdb, time; c = duckdb.connect({str(warehouse)!r}); "
        "print('ok', flush=True); time.sleep(60)"
    )
    writer = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout and writer.stdout.readline().strip() == "ok"
        busy = evaluate(landing, dg.DagsterInstance.ephemeral(), None, warehouse)
    finally:
        writer.kill()
        writer.wait()
    assert not busy.run_requests and "being written" in str(busy.skip_reason)
