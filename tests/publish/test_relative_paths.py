"""`make run` passes relative paths: publication must work with them (GE needs absolute dirs)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipelines import cli
from tests.conftest import SAMPLES_DIR


def test_run_publishes_with_relative_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(SAMPLES_DIR / "newsplease", tmp_path / "landing" / "newsplease")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["run", "--landing", "landing", "--warehouse", "warehouse/news.duckdb"]) == 0
    published = tmp_path / "warehouse" / "published"
    assert (published / "news.duckdb").is_file()
    assert (published / "data_docs" / "index.html").is_file()
    assert (published / "dashboard" / "index.html").is_file()
