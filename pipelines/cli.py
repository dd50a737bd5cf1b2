"""`news-warehouse`: run the whole asset graph in-process through Dagster, or print the status."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import dagster as dg

from pipelines import progress, settings
from pipelines.assets import DUMP_ASSETS, MART_ASSETS, PUBLISH_ASSETS, WAREHOUSE_CHECKS
from pipelines.ingest import discover_dumps
from pipelines.merge.loader import LoadReport
from pipelines.parallel import prestart_workers
from pipelines.partitions import contiguous_runs, dumps_partitions, range_tags
from pipelines.publish.snapshot import PUBLISHED_FILE, default_publish_dir
from pipelines.report import format_status, loaded_versions, stale_entity_dumps
from pipelines.resources import LandingResource, PublishResource, WarehouseResource
from pipelines.settings import map_workers
from pipelines.timings import PhaseClock, format_timings, run_summary

QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="news-warehouse", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    run_cmd = commands.add_parser("run", help="materialize every asset on every dump in-process")
    run_cmd.add_argument(
        "--landing",
        type=Path,
        default=settings.landing_dir(),
        help=f"folder of raw dumps (default: ${settings.LANDING_ENV} or the samples)",
    )
    run_cmd.add_argument(
        "--warehouse",
        type=Path,
        default=settings.warehouse_path(),
        help=f"DuckDB file to write (default: ${settings.WAREHOUSE_ENV} or warehouse/news.duckdb)",
    )
    run_cmd.add_argument(
        "--force",
        action="store_true",
        help="reprocess dumps whose current version is already loaded",
    )
    run_cmd.add_argument("--verbose", action="store_true", help="show Dagster's INFO logs")
    run_cmd.add_argument(
        "--publish",
        type=Path,
        default=None,
        help="after the marts, gate and publish the BI snapshot, Data Docs and dashboard here "
        "(default: published/ beside the warehouse file)",
    )
    run_cmd.add_argument("--no-publish", action="store_true", help="skip gate and publication")
    run_cmd.add_argument(
        "--summary-json",
        type=Path,
        default=None,
        help="also write the run's figures (records, seconds per stage and phase) to this file",
    )
    status_cmd = commands.add_parser("status", help="print rows per table and reconciliation")
    status_cmd.add_argument(
        "--warehouse", type=Path, default=settings.warehouse_path(), help="DuckDB file to read"
    )
    args = parser.parse_args(argv)
    if args.command == "status":
        return status(args.warehouse)
    publish = None if args.no_publish else args.publish or default_publish_dir(args.warehouse)
    return run(
        args.landing, args.warehouse, force=args.force, verbose=args.verbose, publish=publish,
        summary_json=args.summary_json,
    )  # fmt: skip


def status(warehouse: Path) -> int:
    if not warehouse.exists():
        print(
            f"error: no warehouse at {warehouse}; run `news-warehouse run` first", file=sys.stderr
        )
        return 2
    text, all_ok = format_status(warehouse)
    print(text)
    return 0 if all_ok else 1


def run(
    landing: Path,
    warehouse: Path,
    *,
    force: bool = False,
    verbose: bool = False,
    publish: Path | None = None,
    summary_json: Path | None = None,
) -> int:
    """Materialize the dump assets for each new or changed dump, the marts, then publish."""
    if not landing.is_dir():
        print(f"error: landing folder {landing} does not exist", file=sys.stderr)
        return 2
    started = time.monotonic()
    timings = PhaseClock()
    if publish is not None:
        _import_in_background("great_expectations")
    sources = discover_dumps(landing)
    done = {} if force else loaded_versions(warehouse)
    pending = [s for s in sources if done.get(s.dump_file) != s.sha256]
    if map_workers(sum(s.bytes for s in pending)) > 1:
        prestart_workers()
    print(
        f"{len(sources)} dumps in {landing}; {len(sources) - len(pending)} already loaded, "
        f"{len(pending)} to process"
    )
    instance = (
        dg.DagsterInstance.get()
        if os.environ.get("DAGSTER_HOME")
        else dg.DagsterInstance.ephemeral()
    )
    instance.add_dynamic_partitions(
        dumps_partitions.name or "dumps", [s.dump_file for s in sources]
    )
    resources = {
        "landing": LandingResource(path=str(landing)),
        "warehouse": WarehouseResource(database=str(warehouse)),
    }
    run_config = None if verbose else QUIET_LOGS
    problems: list[str] = []

    def materialize(
        label: str, assets: Sequence[Any], partition_key: str | None = None,
        selection: dg.AssetSelection | None = None, tags: Mapping[str, str] | None = None,
    ) -> bool:  # fmt: skip
        result = dg.materialize(
            assets, partition_key=partition_key, selection=selection, instance=instance,
            resources=resources, raise_on_error=False, run_config=run_config, tags=tags,
        )  # fmt: skip
        problems.extend(_problems(result, label))
        return result.success

    order = instance.get_dynamic_partitions(dumps_partitions.name or "dumps")
    printer = _ProgressPrinter({s.dump_file: s.bytes for s in pending})
    progress.listen(printer)
    try:
        for keys in contiguous_runs([s.dump_file for s in pending], order):
            began = time.monotonic()
            ok = materialize(f"{keys[0]}..{keys[-1]}", DUMP_ASSETS, tags=range_tags(keys))
            print(
                f"{len(keys)} dumps {keys[0]} .. {keys[-1]}: "
                f"{'ok' if ok else 'FAILED'} in {time.monotonic() - began:.1f}s"
            )
    finally:
        progress.forget(printer)
    stale = stale_entity_dumps(warehouse) or []
    if stale:
        print(f"re-enriching entities in {len(stale)} dumps (model, code or text changed)")
        instance.add_dynamic_partitions(dumps_partitions.name or "dumps", [d for d, _ in stale])
    entities = dg.AssetSelection.assets("entity_mentions")
    for number, (dump_file, articles) in enumerate(stale, 1):
        began = time.monotonic()
        ok = materialize(dump_file, DUMP_ASSETS, partition_key=dump_file, selection=entities)
        print(
            f"[{number}/{len(stale)}] {dump_file}: {articles:,} articles to re-enrich, "
            f"{'ok' if ok else 'FAILED'} in {time.monotonic() - began:.1f}s"
        )
    timings.lap("load")
    materialize(
        "marts", [*DUMP_ASSETS, *MART_ASSETS, *WAREHOUSE_CHECKS],
        selection=dg.AssetSelection.groups("marts"),
    )  # fmt: skip
    timings.lap("marts")
    if publish is not None:
        problems += _publish(publish, problems, instance, resources, run_config)
        timings.lap("gate_and_publish")
    print(f"done in {time.monotonic() - started:.1f}s\n")
    summary = run_summary(printer.reports, timings.phases, time.monotonic() - started)
    print(format_timings(summary))
    if summary_json is not None:
        summary_json.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    if warehouse.exists():
        text, all_ok = format_status(warehouse)
        print(text)
        if not all_ok:
            problems.append("some dumps do not reconcile")
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    return 1 if problems else 0


def _import_in_background(module: str) -> None:
    """Import a slow module on a thread while dumps load (the gate needs Great Expectations,
    seconds of imports that this process would otherwise spend after the load, idle cores
    aside)."""
    threading.Thread(target=importlib.import_module, args=(module,), daemon=True).start()


class _ProgressPrinter:
    """Prints each merged batch: dumps done, records, rate."""

    def __init__(self, pending: dict[str, int]) -> None:
        self.pending, self.began = pending, time.monotonic()
        self.dumps = self.records = 0
        self.reports: list[LoadReport] = []

    def __call__(self, event: str, data: dict[str, Any]) -> None:
        if event == "staged":
            self.records += int(data["records"])
        elif event == "merged":
            self.dumps += len(data["dumps"])
            elapsed = time.monotonic() - self.began
            print(
                f"  merged {self.dumps}/{len(self.pending)} dumps, {self.records:,} records "
                f"({self.records / max(elapsed, 1e-9):,.0f}/s), last {data['dumps'][-1]}",
                flush=True,
            )
        elif event == "failed":
            print(f"  FAILED {data['dump_file']}: {data['error']}", flush=True)
        elif event == "finished":
            self.reports.append(data["report"])


def _publish(
    publish: Path,
    problems: list[str],
    instance: dg.DagsterInstance,
    resources: Mapping[str, object],
    run_config: Mapping[str, object] | None,
) -> list[str]:
    """Gate -> snapshot -> dashboard; a failed refresh or gate keeps the previous snapshot."""
    kept = f"previous snapshot kept: {publish / PUBLISHED_FILE}"
    if problems:
        return [f"publish: not published because the refresh had problems; {kept}"]
    result = dg.materialize(
        [*DUMP_ASSETS, *MART_ASSETS, *PUBLISH_ASSETS],
        selection=dg.AssetSelection.groups("publish"),
        instance=instance,
        resources={**resources, "publish": PublishResource(path=str(publish))},
        raise_on_error=False,
        run_config=run_config,
    )
    failed = [
        f"gate: {e.check_name}: {e.metadata['failures'].value}"
        for e in result.get_asset_check_evaluations()
        if not e.passed
    ]
    steps = [p for p in _problems(result, "publish") if "check " not in p]
    if failed or steps:
        docs = publish / "data_docs" / "index.html"
        return [*failed, *steps, f"publish: NOT published; {kept}; see {docs}"]
    print(f"published {publish / PUBLISHED_FILE}, data docs and dashboard in {publish}")
    return []


def _problems(result: dg.ExecuteInProcessResult, label: str) -> list[str]:
    problems = []
    for event in result.all_events:
        if event.is_step_failure:
            error = event.step_failure_data.error
            while error and error.cause:
                error = error.cause
            message = error.message.strip() if error else "unknown error"
            problems.append(f"{label}: step {event.step_key} failed: {message}")
    for evaluation in result.get_asset_check_evaluations():
        if not evaluation.passed:
            problems.append(f"{label}: check {evaluation.check_name} failed {evaluation.metadata}")
    return problems


if __name__ == "__main__":
    sys.exit(main())
