"""DuckLake tests: a PostgreSQL cluster for the session, a fresh catalog database per DuckLake."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.ducklake.pg_cluster import PgCluster, find_bin_dir, start_cluster

NewDuckLake = Callable[[str], tuple[str, Path]]


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
def new_ducklake(pg_cluster: PgCluster, tmp_path: Path) -> NewDuckLake:
    """name -> (`NEWS_WAREHOUSE` of an empty DuckLake, its data folder under tmp_path)."""

    def create(name: str) -> tuple[str, Path]:
        dsn = pg_cluster.create_database(f"{name}_{uuid.uuid4().hex[:10]}")
        return f"ducklake:postgres:{dsn}", tmp_path / name / "data"

    return create


@pytest.fixture
def ducklake(new_ducklake: NewDuckLake, monkeypatch: pytest.MonkeyPatch) -> str:
    """`NEWS_WAREHOUSE` of an empty DuckLake, NEWS_DUCKLAKE_DATA set to its data folder."""
    location, data = new_ducklake("lake")
    monkeypatch.setenv("NEWS_DUCKLAKE_DATA", str(data))
    return location
