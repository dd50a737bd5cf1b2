"""Publication hygiene: stale builds removed, nothing others can change, stable mart maps."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import duckdb
import pytest

from pipelines.publish import snapshot as snapshot_module
from pipelines.publish.permissions import GROUP_WORLD_WRITE
from pipelines.publish.snapshot import PUBLISHED_FILE, publish_snapshot
from pipelines.warehouse import sql_text

from .conftest import Published


def test_stale_building_files_are_removed_and_modes_are_restricted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a one-table snapshot: the BI views and comments of a real one are not what is tested here
    monkeypatch.setattr(snapshot_module, "describe_snapshot", lambda path, specs: None)
    publish = tmp_path / "published"
    publish.mkdir(mode=0o777)
    publish.chmod(0o777)  # a shared folder: group and world writable
    stale = [publish / f".{PUBLISHED_FILE}.20250101T000000000000Z.building"]
    stale.append(stale[0].with_name(stale[0].name + ".wal"))
    for path in stale:
        path.write_bytes(b"left by a killed publication")
    con = duckdb.connect()
    con.execute("CREATE SCHEMA marts")
    con.execute("CREATE TABLE marts.t AS SELECT 1 AS x")
    old = os.umask(0o000)  # the worst case: files would be created 0666
    try:
        snapshot = publish_snapshot(con, publish, ["marts.t"], [])
    finally:
        os.umask(old)
    assert not any(path.exists() for path in stale)
    for path in (publish, snapshot.path, snapshot.archived, snapshot.archived.parent):
        assert not stat.S_IMODE(path.stat().st_mode) & GROUP_WORLD_WRITE, path
    assert [p.name for p in publish.iterdir() if p.name.endswith((".building", ".wal"))] == []


def test_published_docs_and_dashboard_are_not_writable_by_others(published: Published) -> None:
    for path in [published.publish, *published.publish.rglob("*")]:
        if not path.is_symlink():
            assert not stat.S_IMODE(path.stat().st_mode) & GROUP_WORLD_WRITE, path


def test_rejected_by_reason_is_ordered(tmp_path: Path) -> None:
    con = duckdb.connect()
    for schema in ("ops", "core", "quarantine", "marts"):
        con.execute(f"CREATE SCHEMA {schema}")
    con.execute(
        "CREATE TABLE ops.dump_files AS SELECT 'd' AS dump_file, 'jsonl' AS format, "
        "NULL AS compression, 'utf-8' AS encoding, 1 AS bytes, 'x' AS sha256, "
        "6 AS records_read, now() AS first_processed_at, now() AS last_processed_at"
    )
    con.execute("CREATE TABLE core.article_sightings (dump_file VARCHAR, article_id VARCHAR)")
    con.execute(
        "CREATE TABLE quarantine.rejected_records (dump_file VARCHAR, reject_reason VARCHAR)"
    )
    reasons = ["zeta", "alpha", "mid", "alpha", "beta", "zeta"]
    con.executemany(
        "INSERT INTO quarantine.rejected_records VALUES ('d', ?)", [[r] for r in reasons]
    )
    con.execute(sql_text("marts/dump_reconciliation"))
    [(mapping,)] = con.execute(
        "SELECT rejected_by_reason FROM marts.dump_reconciliation"
    ).fetchall()
    assert list(mapping) == ["alpha", "beta", "mid", "zeta"]
