"""Dagster wiring: the publish group after the marts, blocking gate checks, freshness, schedule."""

from __future__ import annotations

from pipelines.definitions import defs
from pipelines.jobs import marts_job


def test_publish_group_follows_the_marts_with_blocking_checks() -> None:
    graph = defs.resolve_asset_graph()
    publish = {n.key.to_user_string(): n for n in graph.asset_nodes if n.group_name == "publish"}
    assert set(publish) == {"quality_gate", "published_snapshot", "dashboard"}
    gate = publish["quality_gate"]
    assert any(k.path[0] == "marts" for k in gate.parent_keys)
    checks = list(gate.check_keys)
    assert checks and all(graph.get_check_spec(c).blocking for c in checks)
    assert publish["published_snapshot"].freshness_policy is not None
    assert publish["dashboard"].freshness_policy is not None
    assert "publish" in repr(marts_job.selection)
