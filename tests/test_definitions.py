"""The code location loads, and every asset has a description the UI can show."""

from __future__ import annotations

import dagster as dg

from pipelines.definitions import defs


def test_definitions_load() -> None:
    with dg.instance_for_test():  # a test instance, whatever earlier tests left behind
        dg.Definitions.validate_loadable(defs)
    graph = defs.resolve_asset_graph()
    keys = {key.to_user_string() for key in graph.get_all_asset_keys()}
    assert {
        "raw_records",
        "validated_records",
        "cleaned_records",
        "articles",
        "article_clusters",
        "marts/articles_daily",
        "marts/date_mentions_timeline",
        "date_mentions",
    } <= keys


def test_every_asset_has_a_one_line_description() -> None:
    for asset in defs.resolve_asset_graph().asset_nodes:
        assert asset.description and "\n" not in asset.description.strip(), asset.key


def test_groups_are_the_pipeline_stages() -> None:
    groups = {node.group_name for node in defs.resolve_asset_graph().asset_nodes}
    assert {"ingest", "validate", "clean", "load", "dedup", "marts"} <= groups


def test_dump_config_default_threshold_is_the_dedup_default() -> None:
    from pipelines.assets.dumps import DumpLoadConfig
    from pipelines.dedup.matching import DEFAULT_THRESHOLD

    assert DumpLoadConfig().threshold == DEFAULT_THRESHOLD


def test_jobs_run_their_steps_in_process() -> None:
    """All but the DuckLake fan-out jobs, whose point is steps in other processes or machines."""
    fanout = {"fanout_load_job": "multiprocess", "celery_fanout_load_job": "celery"}
    for job in defs.resolve_all_job_defs():
        expected = fanout.get(job.name, dg.in_process_executor.name)
        assert job.executor_def.name == expected, job.name
