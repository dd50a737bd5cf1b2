"""Shared test helpers: paths to the bundled samples and the optional real datasets."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT_DIR = Path(__file__).resolve().parent.parent
SAMPLES_DIR = PROJECT_DIR / "samples" / "landing"
SHARED_DATA = PROJECT_DIR.parent / "shared" / "data"


def shared_dataset(name: str) -> Path:
    """A dataset under ../shared/data, or skip the test with the reason."""
    path = SHARED_DATA / name
    if not path.exists():
        pytest.skip(f"real dataset {path} is not here (only in the team's workspace and CI)")
    return path
