"""`news-warehouse run` records its runs in the instance the UI shows; the sensor redoes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import dagster as dg
import pytest

from pipelines import cli
from pipelines.resources import LandingResource, WarehouseResource
from pipelines.sensors import landing_sensor
from tests.articles import RAIN_ARTICLE

ARTICLE = RAIN_ARTICLE


def test_cli_runs_are_recorded_and_the_sensor_skips_what_they_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    landing, warehouse, home = tmp_path / "landing", tmp_path / "w.duckdb", tmp_path / "home"
    landing.mkdir()
    (landing / "a.jsonl").write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    argv = ["run", "--landing", str(landing), "--warehouse", str(warehouse), "--no-publish"]
    assert cli.main([*argv, "--ephemeral"]) == 0
    assert not home.exists(), "--ephemeral records nothing"
    assert cli.main([*argv, "--force"]) == 0
    settings_file = cli.settings.PROJECT_DIR / "dagster.yaml"
    assert (home / "dagster.yaml").read_text() == settings_file.read_text()
    instance = dg.DagsterInstance.from_config(str(home))
    runs = instance.get_runs()
    assert len(runs) == 2 and all(r.status == dg.DagsterRunStatus.SUCCESS for r in runs)
    assert instance.get_dynamic_partitions("dumps") == ["a.jsonl"]

    context = dg.build_sensor_context(
        instance=instance,
        resources={
            "landing": LandingResource(path=str(landing)),
            "warehouse": WarehouseResource(database=str(warehouse)),
        },
    )
    result = landing_sensor(context)
    assert isinstance(result, dg.SensorResult)
    assert not result.run_requests and "no new dumps" in str(result.skip_reason)
