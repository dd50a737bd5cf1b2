"""Several processes map and merge dumps into one DuckLake at once; a reader watches; one dies."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from pipelines.dedup.matching import DEFAULT_THRESHOLD
from pipelines.ingest.locate import source_for_key
from pipelines.merge.loader import load_dumps
from pipelines.warehouse import fetch_rows, open_warehouse
from tests.conftest import SAMPLES_DIR
from tests.ducklake.conftest import DUMPS, NewDuckLake
from tests.ducklake.probes import CatalogProbe, Reader, spawn_worker
from tests.ducklake.tables import table_digests


def load_serially(location: str, data: Path, dump_files: list[str], monkeypatch) -> None:
    """One dump after the other, in this process."""
    monkeypatch.setenv("NEWS_DUCKLAKE_DATA", str(data))
    for dump_file in dump_files:
        source = source_for_key(SAMPLES_DIR, dump_file)
        report = load_dumps(location, [source], workers=1, threshold=DEFAULT_THRESHOLD)
        assert not report.failed


def merge_order(location: str) -> list[str]:
    with open_warehouse(location, read_only=True) as con:
        rows = con.execute("SELECT dump_file FROM ops.dump_files ORDER BY first_processed_at")
        return [str(row[0]) for row in rows.fetchall()]


def create_tables(location: str, data: Path, monkeypatch) -> None:
    monkeypatch.setenv("NEWS_DUCKLAKE_DATA", str(data))
    with open_warehouse(location):
        pass


def test_four_dumps_at_once_equal_a_serial_run_and_never_block_a_reader(
    new_ducklake: NewDuckLake, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Nothing created first: the four workers race to create the DuckLake and its tables too.
    concurrent, concurrent_data = new_ducklake("concurrent")
    monkeypatch.setenv("NEWS_DUCKLAKE_DATA", str(concurrent_data))
    reader = Reader(concurrent).start()
    workers = [spawn_worker(concurrent, concurrent_data, [dump]) for dump in DUMPS]
    outputs = [worker.communicate(timeout=900) for worker in workers]
    time.sleep(0.3)
    reader.stop()
    failures = [err[-2000:] for w, (_, err) in zip(workers, outputs, strict=True) if w.returncode]
    assert failures == []

    # An article is rebuilt from its earliest sighting, so the reference is the serial run in
    # the order the merges committed (stamped under the write lock).
    monkeypatch.setenv("NEWS_DUCKLAKE_DATA", str(concurrent_data))
    on_concurrent = table_digests(concurrent)
    order = merge_order(concurrent)
    assert sorted(order) == sorted(DUMPS)
    serial, serial_data = new_ducklake("serial")
    load_serially(serial, serial_data, order, monkeypatch)
    monkeypatch.setenv("NEWS_DUCKLAKE_DATA", str(serial_data))
    assert on_concurrent == table_digests(serial)

    # Every read saw one consistent snapshot: dumps whole or absent, every article clustered;
    # snapshots only move forward; reads went on while a merge held the write lock.
    assert reader.errors == []
    polls = reader.polls
    assert polls and polls[-1].dumps_loaded == len(DUMPS)
    assert all(p.unreconciled == 0 and p.articles_without_cluster == 0 for p in polls)
    assert [p.snapshot for p in polls] == sorted(p.snapshot for p in polls)
    assert [p.dumps_loaded for p in polls] == sorted(p.dumps_loaded for p in polls)
    assert any(p.during_merge for p in polls), "no read overlapped a merge"


def test_a_worker_killed_mid_merge_leaves_the_catalog_consistent(
    new_ducklake: NewDuckLake, monkeypatch: pytest.MonkeyPatch
) -> None:
    lake, data = new_ducklake("killed")
    create_tables(lake, data, monkeypatch)
    load_serially(lake, data, DUMPS[:1], monkeypatch)
    worker = spawn_worker(lake, data, DUMPS[1:2])
    probe = CatalogProbe(lake)
    try:
        # Staged: its schema commit is done, the next commit under the lock is its merge's.
        assert worker.stdout is not None
        assert worker.stdout.readline().startswith("staged "), "the worker failed to map"
        # Kill it halfway through the catalog commit of its merge (held there by a table lock).
        with probe.commits_held():
            while not probe.commit_halfway():
                assert worker.poll() is None, "the worker finished before it was killed"
                time.sleep(0.01)
            os.kill(worker.pid, signal.SIGKILL)
            worker.wait(timeout=60)
        assert worker.returncode == -signal.SIGKILL, "the worker finished before it was killed"
        # The server ends the dead session: the lock is free, the catalog holds whole dumps.
        deadline = time.monotonic() + 30
        while probe.write_lock_holder() is not None:
            assert time.monotonic() < deadline, "the killed worker's lock was never released"
            time.sleep(0.05)
    finally:
        probe.close()
    with open_warehouse(lake, read_only=True) as con:
        assert fetch_rows(con, "checks/count_unreconciled_dumps", {"dump_files": None}) == []
        loaded = {row[0] for row in con.execute("SELECT dump_file FROM ops.dump_files").fetchall()}
    assert loaded == {DUMPS[0]}

    # The next run completes: the same tables as a load that was never interrupted.
    rerun = spawn_worker(lake, data, DUMPS[1:2])
    _, err = rerun.communicate(timeout=600)
    assert rerun.returncode == 0, err[-2000:]
    reference, reference_data = new_ducklake("reference")
    load_serially(reference, reference_data, DUMPS[:2], monkeypatch)
    expected = table_digests(reference)
    monkeypatch.setenv("NEWS_DUCKLAKE_DATA", str(data))
    assert table_digests(lake) == expected
