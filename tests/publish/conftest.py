"""Fixtures for the publishing tests: a small landing folder and one published refresh."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipelines import cli

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "landing"
# Enough variety for every dashboard chart with data: languages, sources, a quarantine.
SAMPLE_DUMPS = ("newsplease/2025-04-28.jsonl", "saudinewsnet/2025-04-29.json.gz")


@dataclass(frozen=True)
class Published:
    landing: Path
    warehouse: Path
    publish: Path


def make_landing(target: Path, dumps: tuple[str, ...] = SAMPLE_DUMPS) -> Path:
    for dump in dumps:
        (target / dump).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SAMPLES / dump, target / dump)
    return target


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> Published:
    """One refresh of two sample dumps, gated and published."""
    root = tmp_path_factory.mktemp("published")
    landing = make_landing(root / "landing")
    warehouse = root / "news.duckdb"
    publish = root / "published"
    assert cli.run(landing, warehouse, publish=publish) == 0
    return Published(landing, warehouse, publish)
