"""DuckLake tests: a PostgreSQL cluster for the session, a fresh catalog database per DuckLake."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import SAMPLES_DIR
from tests.ducklake.pg_cluster import PgCluster, find_bin_dir, start_cluster

NewDuckLake = Callable[[str], tuple[str, Path]]
# Four sample dumps of four formats that share stories (dedup links across dumps).
DUMPS = [
    "newsplease/2025-04-28.jsonl",
    "saudinewsnet/2025-04-29.json.gz",
    "newspaper/2025-04-30.csv",
    "generic/feed_2025-05-01.json",
]


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


@pytest.fixture
def three_dumps_landing(ducklake: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A landing folder of three sample dumps, set with the DuckLake as the code location's."""
    landing = tmp_path / "landing"
    for dump in DUMPS[:3]:
        (landing / dump).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES_DIR / dump, landing / dump)
    monkeypatch.setenv("NEWS_LANDING_DIR", str(landing))
    monkeypatch.setenv("NEWS_WAREHOUSE", ducklake)
    return landing
