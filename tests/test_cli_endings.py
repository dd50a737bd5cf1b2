"""Runs that cannot do their work end with one paragraph, a documented exit code, no traceback."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from pipelines import cli
from tests.articles import RAIN_ARTICLE

ARTICLE = RAIN_ARTICLE


def ending(capfd: pytest.CaptureFixture[str]) -> str:
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err and "Stack Trace" not in out + err
    return err


def test_missing_and_empty_landing_folders(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    warehouse = tmp_path / "w.duckdb"
    assert cli.run(tmp_path / "absent", warehouse) == cli.USAGE
    assert "does not exist" in ending(capfd)
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / ".hidden.jsonl").write_text("{}\n", encoding="utf-8")
    assert cli.run(tmp_path / "empty", warehouse, publish=tmp_path / "pub") == cli.NOTHING_TO_LOAD
    err = ending(capfd)
    assert "no dumps in" in err and "snapshot" in err and "previous snapshot kept" not in err
    assert len(err.strip().splitlines()) == 1
    assert not warehouse.exists() and not (tmp_path / "pub").exists()


def test_landing_of_unreadable_files_only(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "truncated.json.gz").write_bytes(b"\x1f\x8b\x08\x00" + bytes(40))
    (landing / "broken.zip").write_bytes(b"PK\x03\x04" + bytes(60))
    publish = tmp_path / "pub"
    assert cli.run(landing, tmp_path / "w.duckdb", publish=publish) == cli.NOTHING_TO_LOAD
    err = ending(capfd)
    assert "nothing loaded: none of the 2 new dumps" in err
    assert not publish.exists()


def test_gate_failure_without_a_previous_snapshot(
    tmp_path: Path, capfd: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "a.jsonl").write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    warehouse, publish = tmp_path / "w.duckdb", tmp_path / "pub"
    assert cli.run(landing, warehouse, publish=None) == cli.OK
    # Every article's publication date now counts as too old: core.articles fails its suite.
    monkeypatch.setattr("schemas.contract.EARLIEST_PUBLISHED_AT", date(2100, 1, 1))
    assert cli.run(landing, warehouse, publish=publish) == cli.GATE_REFUSED
    err = ending(capfd)
    assert "quality gate refused publication" in err and "core__articles__expectations" in err
    assert "Nothing has been published yet" in err and "stays published" not in err
    assert not (publish / "news.duckdb").exists()
