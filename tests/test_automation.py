"""Marts, gate and publication follow loads: the automation condition evaluated on an instance."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import dagster as dg

from pipelines.assets import DUMP_ASSETS, MART_ASSETS, PUBLISH_ASSETS
from pipelines.resources import LandingResource, PublishResource, WarehouseResource
from tests.articles import RAIN_ARTICLE

ARTICLE = RAIN_ARTICLE
FOLLOWERS = {
    "core/sources", "quality_gate", "published_snapshot", "dashboard",
    *(f"marts/{asset.key.path[-1]}" for asset in MART_ASSETS[1:]),
}  # fmt: skip


def requested(
    defs: dg.Definitions, instance: dg.DagsterInstance, cursor: Any
) -> tuple[set[str], Any]:
    """The assets one automation tick would request, and the cursor for the next tick."""
    result = dg.evaluate_automation_conditions(defs=defs, instance=instance, cursor=cursor)
    keys = {
        r.key.to_user_string()
        for r in result.results
        if isinstance(r.key, dg.AssetKey) and r.true_subset.size
    }
    return keys, result.cursor


def test_marts_gate_and_publication_follow_a_load_and_wait_for_no_failed_dump(
    tmp_path: Path,
) -> None:
    landing = tmp_path / "landing"
    landing.mkdir()
    (landing / "a.jsonl").write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    resources = {
        "landing": LandingResource(path=str(landing)),
        "warehouse": WarehouseResource(database=str(tmp_path / "w.duckdb")),
        "publish": PublishResource(path=str(tmp_path / "published")),
    }
    defs = dg.Definitions(assets=[*DUMP_ASSETS, *MART_ASSETS, *PUBLISH_ASSETS], resources=resources)
    with dg.instance_for_test() as instance:
        # b.jsonl is a partition that never loads (its file left the landing folder).
        instance.add_dynamic_partitions("dumps", ["a.jsonl", "b.jsonl"])
        keys, cursor = requested(defs, instance, None)
        assert keys == set(), "nothing is built before the first load"

        load = dg.materialize(
            DUMP_ASSETS, partition_key="a.jsonl", instance=instance, resources=resources
        )
        assert load.success
        keys, cursor = requested(defs, instance, cursor)
        # The whole chain in one tick, although b.jsonl was never materialized (eager() would
        # wait for every upstream partition: 0 runs under the UI while dumps were queued).
        assert keys == FOLLOWERS

        keys, cursor = requested(defs, instance, cursor)
        assert keys == set(), "requested once per load, not on every tick"

        failed = dg.materialize(
            DUMP_ASSETS, partition_key="b.jsonl", instance=instance, resources=resources,
            raise_on_error=False,
        )  # fmt: skip
        assert not failed.success
        keys, cursor = requested(defs, instance, cursor)
        # A failed load materializes nothing: the marts stay as they are (built from what
        # loaded) until the next successful load or the 03:30 refresh.
        assert keys == set()
