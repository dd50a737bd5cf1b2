"""DuckLake tests: a PostgreSQL cluster for the session, a fresh catalog database per test."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.ducklake.pg_cluster import PgCluster, find_bin_dir, start_cluster


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[PgCluster]:
    if find_bin_dir() is None:
        pytest.skip(
            "PostgreSQL is not installed (initdb/pg_ctl not found; set PG_BIN or "
            "`apt-get install postgresql`, as .ci/run does): the DuckLake tests need a real catalog"
        )
    cluster = start_cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def ducklake(pg_cluster: PgCluster, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """`NEWS_WAREHOUSE` of an empty DuckLake (its own catalog database, data under tmp_path)."""
    dsn = pg_cluster.create_database(f"lake_{uuid.uuid4().hex[:10]}")
    monkeypatch.setenv("NEWS_DUCKLAKE_DATA", str(tmp_path / "lake" / "data"))
    return f"ducklake:postgres:{dsn}"
