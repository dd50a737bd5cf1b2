"""Shared test helpers: paths to the bundled samples and the optional real datasets."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
SAMPLES_DIR = PROJECT_DIR / "samples" / "landing"
SHARED_DATA = PROJECT_DIR.parent / "shared" / "data"


@pytest.fixture(autouse=True, scope="session")
def _dagster_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """`news-warehouse run` records its runs in $DAGSTER_HOME: a temporary one, never the
    project's `.dagster_home`."""
    before = os.environ.get("DAGSTER_HOME")
    os.environ["DAGSTER_HOME"] = str(tmp_path_factory.mktemp("dagster_home"))
    yield
    if before is None:
        os.environ.pop("DAGSTER_HOME", None)
    else:
        os.environ["DAGSTER_HOME"] = before


def shared_dataset(name: str) -> Path:
    """A dataset under ../shared/data, or skip the test with the reason."""
    path = SHARED_DATA / name
    if not path.exists():
        pytest.skip(f"real dataset {path} is not here (only in the team's workspace and CI)")
    return path
