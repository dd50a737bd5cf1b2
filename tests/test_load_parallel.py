"""The parallel map and batched merge: crash windows, failed dumps, equality with one process."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
import pytest

from pipelines import cli
from pipelines.locations import STAGING_DIR_NAME
from pipelines.merge import clusters, dumps, enrich
from pipelines.staging import runner
from tests.test_pipeline import ARTICLE, write_jsonl

SAUDINEWSNET = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "saudinewsnet"
# Columns that record when a run happened: two loads of the same dumps differ only there.
TIME_COLUMNS = {
    "ingested_at", "seen_at", "rejected_at", "first_processed_at", "last_processed_at",
    "enriched_at", "first_seen_at", "last_seen_at", "indexed_at",
}  # fmt: skip
SCHEMAS = ("ops", "raw", "staging", "core", "quarantine", "marts")


def contents(warehouse: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without the run-time columns."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        tables = con.execute(
            "SELECT schema_name, table_name FROM duckdb_tables() "
            "WHERE schema_name IN (SELECT unnest($s)) ORDER BY 1, 2",
            {"s": list(SCHEMAS)},
        ).fetchall()
        found = {}
        for schema, table in tables:
            columns = [
                f'"{name}"'
                for (name,) in con.execute(
                    "SELECT column_name FROM duckdb_columns() WHERE schema_name = $s "
                    "AND table_name = $t ORDER BY column_index",
                    {"s": schema, "t": table},
                ).fetchall()
                if name not in TIME_COLUMNS
            ]
            query = f'SELECT {", ".join(columns)} FROM "{schema}"."{table}" ORDER BY ALL'
            found[f"{schema}.{table}"] = con.execute(query).fetchall()
        return found
    finally:
        con.close()


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    folder = tmp_path / "landing"
    wire = dict(ARTICLE, url="https://other.example.org/wire/bridge")
    write_jsonl(folder / "a.jsonl", [ARTICLE, wire, "{broken", dict(ARTICLE, maintext=" ")])
    write_jsonl(folder / "b.jsonl", [dict(ARTICLE, url="https://NEWS.example.com/bridge/#top")])
    write_jsonl(folder / "c.jsonl", [dict(ARTICLE, url="https://c.example.net/x", title="Other")])
    return folder


class Crash(Exception):
    pass


def counting(monkeypatch: pytest.MonkeyPatch, crash_at: int | None) -> list[int]:
    """Count the merge's SQL calls (run / run_script / insert_batch); raise at call `crash_at`."""
    calls = [0]

    def wrap(function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            calls[0] += 1
            if calls[0] == crash_at:
                raise Crash(f"injected crash at merge call {crash_at}")
            return function(*args, **kwargs)

        return wrapped

    for module in (dumps, clusters, enrich):
        for name in ("run", "run_script", "insert_batch"):
            if hasattr(module, name):
                monkeypatch.setattr(module, name, wrap(getattr(module, name)))
    return calls


def test_crash_at_any_merge_step_then_plain_rerun_equals_uninterrupted(
    landing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference = tmp_path / "reference.duckdb"
    with monkeypatch.context() as patch:
        calls = counting(patch, None)
        assert cli.run(landing, reference) == 0
    expected, total = contents(reference), calls[0]
    assert total > 30
    for crash_at in sorted({1, 2, total // 4, total // 2, 3 * total // 4, total - 1, total}):
        warehouse = tmp_path / f"crash-{crash_at}.duckdb"
        with monkeypatch.context() as patch:
            counting(patch, crash_at)
            assert cli.run(landing, warehouse) == 1, crash_at
        assert cli.run(landing, warehouse) == 0, crash_at  # no --force: nothing half-loaded
        assert contents(warehouse) == expected, f"after a crash at merge call {crash_at}"
        assert not any((warehouse.parent / STAGING_DIR_NAME).glob("*/*")), "staging left behind"


def test_a_dump_whose_map_fails_is_reported_and_the_others_load(
    landing: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    original = runner.map_chunk

    def failing(task: runner.ChunkTask) -> runner.ChunkResult:
        if task.dump_file == "b.jsonl":
            raise RuntimeError("worker died")
        return original(task)

    warehouse, home = tmp_path / "w.duckdb", tmp_path / "dagster_home"
    with monkeypatch.context() as patch:
        patch.setattr(runner, "map_chunk", failing)
        assert cli.run(landing, warehouse, instance_home=home) == 1
    assert "b.jsonl: map failed: RuntimeError: worker died" in capsys.readouterr().err
    con = duckdb.connect(str(warehouse), read_only=True)
    loaded = con.execute("SELECT dump_file FROM ops.dump_files ORDER BY 1").fetchall()
    con.close()
    assert loaded == [("a.jsonl",), ("c.jsonl",)]
    # The range run failed, yet Dagster records the two dumps it merged (a backfill of the
    # missing partitions retries b.jsonl alone).
    with dg.DagsterInstance.from_config(str(home)) as instance:
        for asset in ("raw_records", "articles", "date_mentions"):
            materialized = instance.get_materialized_partitions(dg.AssetKey(asset))
            assert materialized == {"a.jsonl", "c.jsonl"}, asset
    assert cli.run(landing, warehouse) == 0  # the next run loads b.jsonl alone


def _real_sample(folder: Path, per_day: int) -> None:
    """The first `per_day` articles of two SaudiNewsNet days, as two JSON array dumps."""
    for day in ("2015-07-22", "2015-07-23"):
        with zipfile.ZipFile(SAUDINEWSNET / f"{day}.zip") as archive:
            articles = json.loads(archive.read(f"{day}.json"))[:per_day]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{day}.json").write_text(json.dumps(articles, ensure_ascii=False), "utf-8")


def test_parallel_map_and_batched_merges_equal_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if not SAUDINEWSNET.exists():
        pytest.skip(
            f"real dataset {SAUDINEWSNET} is not here (only in the team's workspace and CI)"
        )
    folder = tmp_path / "landing"
    _real_sample(folder, 300)
    monkeypatch.setenv("NEWS_WORKERS", "1")
    assert cli.run(folder, tmp_path / "serial.duckdb") == 0
    # two workers, chunks of 70 records (several per dump, mapped in parallel), a merge per dump
    monkeypatch.setenv("NEWS_WORKERS", "2")
    monkeypatch.setenv("NEWS_MAP_CHUNK_RECORDS", "70")
    monkeypatch.setenv("NEWS_MERGE_BATCH_RECORDS", "1")
    assert cli.run(folder, tmp_path / "parallel.duckdb") == 0
    serial, parallel = contents(tmp_path / "serial.duckdb"), contents(tmp_path / "parallel.duckdb")
    assert len(serial["core.articles"]) > 550
    assert len(serial["core.entity_mentions"]) > 5_000
    for table, rows in serial.items():
        assert parallel[table] == rows, table


def test_warehouse_wide_checks_run_with_the_marts(landing: Path, tmp_path: Path) -> None:
    from pipelines.definitions import defs
    from pipelines.jobs import build_marts_job
    from pipelines.resources import LandingResource, WarehouseResource

    warehouse = tmp_path / "w.duckdb"
    assert cli.run(landing, warehouse) == 0
    # The job the CLI and the UI run after the loads, as the CLI runs it.
    result = defs.resolve_job_def(build_marts_job.name).execute_in_process(
        resources={
            "landing": LandingResource(path=str(landing)),
            "warehouse": WarehouseResource(database=str(warehouse)),
        },
    )
    evaluations = {e.check_name: e.passed for e in result.get_asset_check_evaluations()}
    assert {"dump_reconciles", "article_ids_unique", "one_canonical_per_cluster"} <= set(
        evaluations
    )
    assert all(evaluations.values())


def test_staging_left_by_a_killed_run_is_removed_by_the_next(landing: Path, tmp_path: Path) -> None:
    warehouse = tmp_path / "w.duckdb"
    dead = tmp_path / STAGING_DIR_NAME / "deadrun"
    (dead / "somedump").mkdir(parents=True)
    (dead / "somedump" / "raw-000000.parquet").write_bytes(b"half written")
    (dead / "owner.pid").write_text("999999999", encoding="utf-8")  # no such process
    assert cli.run(landing, warehouse) == 0
    assert not dead.exists()
