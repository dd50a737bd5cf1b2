"""The published snapshot: atomic for readers, kept when the gate fails."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipelines import cli
from pipelines.publish.snapshot import KEEP_SNAPSHOTS, PUBLISHED_FILE, SNAPSHOTS_DIR

from .conftest import Published, make_landing

# A BI reader process: "hold" keeps one read-only connection open for the whole refresh,
# "reopen" opens the file afresh for every read (DuckDB caches one instance per file and process,
# so the two run in separate processes). Every read must show one refresh whose tables all match
# that refresh's own marker.
READER = """
import json, os, sys, time, duckdb
path, stop, mode = sys.argv[1:4]
def read(con):
    refresh = con.execute("SELECT refresh_id FROM meta.snapshot").fetchone()[0]
    for table, expected in con.execute("SELECT * FROM meta.snapshot_tables").fetchall():
        actual = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if actual != expected:
            raise AssertionError(f"{refresh}: {table} has {actual} rows, marker says {expected}")
    return refresh
held = duckdb.connect(path, read_only=True) if mode == "hold" else None
seen, errors, reads = [], [], 0
while not os.path.exists(stop):
    try:
        con = held or duckdb.connect(path, read_only=True)
        try:
            seen.append(read(con))
        finally:
            if con is not held:
                con.close()
        reads += 1
    except Exception as error:
        errors.append(repr(error))
    time.sleep(0.02)
print(json.dumps({"seen": sorted(set(seen)), "errors": errors, "reads": reads}))
"""


def refresh_id(path: Path) -> str:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return str(con.execute("SELECT refresh_id FROM meta.snapshot").fetchone()[0])  # type: ignore[index]
    finally:
        con.close()


def test_published_folder_is_complete(published: Published) -> None:
    assert (published.publish / PUBLISHED_FILE).exists()
    assert (published.publish / "data_docs" / "index.html").exists()
    assert (published.publish / "dashboard" / "index.html").exists()
    assert len(list((published.publish / SNAPSHOTS_DIR).glob("news-*.duckdb"))) == 1
    assert not list(published.publish.glob("*.building")) and not list(
        published.publish.glob("*.wal")
    )


def test_reader_sees_old_or_new_snapshot_never_a_mix(tmp_path: Path) -> None:
    landing = make_landing(tmp_path / "landing", ("newsplease/2025-04-28.jsonl",))
    warehouse, publish = tmp_path / "news.duckdb", tmp_path / "published"
    assert cli.run(landing, warehouse, publish=publish) == 0
    old = refresh_id(publish / PUBLISHED_FILE)
    make_landing(landing, ("saudinewsnet/2025-04-29.json.gz",))
    stop = tmp_path / "stop"
    readers = {
        mode: subprocess.Popen(
            [sys.executable, "-c", READER, str(publish / PUBLISHED_FILE), str(stop), mode],
            stdout=subprocess.PIPE,
            text=True,
        )
        for mode in ("hold", "reopen")
    }
    try:
        time.sleep(1.0)
        assert cli.run(landing, warehouse, force=True, publish=publish) == 0
        time.sleep(1.0)
    finally:
        stop.touch()
        reports = {mode: json.loads(r.communicate(timeout=60)[0]) for mode, r in readers.items()}
    new = refresh_id(publish / PUBLISHED_FILE)
    assert new != old
    for report in reports.values():
        assert report["errors"] == [] and report["reads"] > 5, report
    assert reports["hold"]["seen"] == [old]  # opened before the swap: still the old file
    assert reports["reopen"]["seen"] == sorted({old, new})  # old, then new, nothing else


def test_failing_expectation_keeps_the_previous_snapshot(
    published: Published,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    warehouse, publish = tmp_path / "news.duckdb", tmp_path / "published"
    shutil.copy(published.warehouse, warehouse)
    shutil.copytree(published.publish, publish)
    before = refresh_id(publish / PUBLISHED_FILE)
    archived = sorted((publish / SNAPSHOTS_DIR).iterdir())
    # Every article's publication date now counts as too old: core.articles fails its suite.
    monkeypatch.setattr("schemas.contract.EARLIEST_PUBLISHED_AT", date(2100, 1, 1))
    assert cli.run(published.landing, warehouse, publish=publish) == cli.GATE_REFUSED
    assert refresh_id(publish / PUBLISHED_FILE) == before
    assert sorted((publish / SNAPSHOTS_DIR).iterdir()) == archived
    err = capsys.readouterr().err
    assert "core__articles__expectations" in err and "NOT published" in err
    assert "between(published_at)" in err
    assert KEEP_SNAPSHOTS >= 2
