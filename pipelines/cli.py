"""`news-warehouse`: run the whole asset graph in-process through Dagster, or print the status."""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipelines import settings
from pipelines.locations import exists as warehouse_exists

if TYPE_CHECKING:  # Dagster, DuckDB and the pipeline load after argument parsing (`--help`)
    import dagster as dg

    from pipelines.console import PlainDisplay

# Exit codes (documented in `--help` and the README).
OK, FAILED, USAGE, NOTHING_TO_LOAD, GATE_REFUSED = 0, 1, 2, 3, 4
EXIT_CODES = f"""exit codes of `run`:
  {OK}  everything loaded, reconciled, gated and published
  {FAILED}  a dump, step or asset check failed, or a dump does not reconcile (nothing published)
  {USAGE}  bad arguments, or the landing folder does not exist
  {NOTHING_TO_LOAD}  nothing to load: no dump in the landing folder, or none of its new dumps had a
     readable record (the warehouse and the published snapshot are unchanged)
  {GATE_REFUSED}  the quality gate refused publication (the previous snapshot, if any, stays)
`status` exits {OK} when every dump reconciles, {FAILED} when one does not, {USAGE} without a
warehouse.
"""
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "CRITICAL"}}}}


class RunError(Exception):
    """A run that ends early with a one-paragraph message and an exit code."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="news-warehouse",
        description=__doc__,
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    run_cmd = commands.add_parser(
        "run",
        help="materialize every asset on every dump in-process",
        description="Load new or changed dumps, rebuild the marts, gate and publish.",
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
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
    run_cmd.add_argument(
        "--verbose", action="store_true", help="show Dagster's logs and stack traces"
    )
    run_cmd.add_argument(
        "--publish",
        type=Path,
        default=None,
        help="after the marts, gate and publish the BI snapshot, Data Docs and dashboard here "
        "(default: published/ beside the warehouse file)",
    )
    run_cmd.add_argument("--no-publish", action="store_true", help="skip gate and publication")
    run_cmd.add_argument(
        "--ephemeral",
        action="store_true",
        help="record the runs nowhere (default: in $DAGSTER_HOME, else the project's "
        ".dagster_home, the instance `make ui` shows)",
    )
    run_cmd.add_argument(
        "--summary-json",
        type=Path,
        default=None,
        help="also write the run's figures (records, seconds per stage and phase) to this file",
    )
    status_cmd = commands.add_parser(
        "status",
        help="print rows per table and reconciliation",
        description="Print rows per table and, per dump, read = loaded + quarantined.",
    )
    status_cmd.add_argument(
        "--warehouse", type=Path, default=settings.warehouse_path(), help="DuckDB file to read"
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "status":
        return status(args.warehouse)
    from pipelines.instance import dagster_home
    from pipelines.publish.snapshot import default_publish_dir

    publish = None if args.no_publish else args.publish or default_publish_dir(args.warehouse)
    return run(
        args.landing, args.warehouse, force=args.force, verbose=args.verbose, publish=publish,
        summary_json=args.summary_json, instance_home=None if args.ephemeral else dagster_home(),
        rich=sys.stdout.isatty(),
    )  # fmt: skip


def status(warehouse: Path) -> int:
    if not warehouse_exists(warehouse):
        print(
            f"error: no warehouse at {warehouse}; run `news-warehouse run` first", file=sys.stderr
        )
        return USAGE
    from pipelines.report import format_status

    text, all_ok = format_status(warehouse)
    print(text)
    return OK if all_ok else FAILED


def run(
    landing: Path,
    warehouse: Path,
    *,
    force: bool = False,
    verbose: bool = False,
    publish: Path | None = None,
    summary_json: Path | None = None,
    instance_home: Path | None = None,
    rich: bool = False,
) -> int:
    """Materialize the dump assets for each new or changed dump, the marts, then publish.

    Runs are recorded in the Dagster instance at `instance_home` (None: an ephemeral one)."""
    try:
        return _run(
            landing, warehouse, force=force, verbose=verbose, publish=publish,
            summary_json=summary_json, instance_home=instance_home, rich=rich,
        )  # fmt: skip
    except RunError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.code


def _run(
    landing: Path,
    warehouse: Path,
    *,
    force: bool,
    verbose: bool,
    publish: Path | None,
    summary_json: Path | None,
    instance_home: Path | None,
    rich: bool,
) -> int:
    if not landing.is_dir():
        raise RunError(
            f"landing folder {landing} does not exist. Pass --landing DIR (or set "
            f"${settings.LANDING_ENV}) to a folder of dumps; nothing was changed.",
            USAGE,
        )
    from pipelines.ingest import discover_dumps
    from pipelines.ingest.formats import dump_suffixes_text
    from pipelines.report import loaded_versions

    started = time.monotonic()
    sources = discover_dumps(landing)
    if not sources:
        raise RunError(
            f"no dumps in {landing}: the folder is empty (files and folders starting with "
            f"'.' or '_' are skipped). Put {dump_suffixes_text()} dumps there (compressed or "
            "not); the warehouse and the published snapshot are unchanged.",
            NOTHING_TO_LOAD,
        )
    from pipelines.parallel import prestart_workers, stop_workers
    from pipelines.settings import map_workers

    done = {} if force else loaded_versions(warehouse)
    pending = [s for s in sources if done.get(s.dump_file) != s.sha256]
    if map_workers(sum(s.bytes for s in pending)) > 1:
        prestart_workers()
    import dagster as dg

    from pipelines.console import make_display
    from pipelines.instance import open_instance, prepare_home
    from pipelines.jobs import build_marts_job, dump_assets_job, reenrich_entities_job
    from pipelines.partitions import contiguous_runs, dumps_partitions, range_tags
    from pipelines.report import format_status, stale_entity_dumps
    from pipelines.resources import LandingResource, WarehouseResource
    from pipelines.timings import PhaseClock, format_timings, run_summary

    timings = PhaseClock()
    if instance_home is None:
        instance, where = open_instance(ephemeral=True)
    else:
        instance = dg.DagsterInstance.from_config(str(prepare_home(instance_home)))
        where = f"Dagster instance {instance_home}"
    print(
        f"{len(sources)} dumps in {landing}; {len(sources) - len(pending)} already loaded, "
        f"{len(pending)} to process; runs recorded in {where}",
        flush=True,
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

    def run_job(
        label: str, job_name: str, partition_key: str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> bool:  # fmt: skip
        result = _execute(job_name, instance, resources, run_config, partition_key, tags)
        problems.extend(_problems(result, label))
        return result.success

    order = instance.get_dynamic_partitions(dumps_partitions.name or "dumps")
    display = make_display(rich)
    from pipelines import progress

    # Entered, so Dagster's definitions loading sees this instance (not one an earlier caller in
    # this process left behind); disposed in the `finally` below.
    instance.__enter__()
    try:
        progress.listen(display)
        for keys in contiguous_runs([s.dump_file for s in pending], order):
            began = time.monotonic()
            display.range_started(keys, 0)
            ok = run_job(f"{keys[0]}..{keys[-1]}", dump_assets_job.name, tags=range_tags(keys))
            display.range_finished(keys, ok, time.monotonic() - began)
        if pending:
            _check_something_loaded(display.reports, pending, landing)
        stale = stale_entity_dumps(warehouse) or []
        if stale:
            print(f"re-enriching entities in {len(stale)} dumps (model, code or text changed)")
            instance.add_dynamic_partitions(dumps_partitions.name or "dumps", [d for d, _ in stale])
        for number, (dump_file, articles) in enumerate(stale, 1):
            began = time.monotonic()
            ok = run_job(dump_file, reenrich_entities_job.name, partition_key=dump_file)
            print(
                f"[{number}/{len(stale)}] {dump_file}: {articles:,} articles to re-enrich, "
                f"{'ok' if ok else 'FAILED'} in {time.monotonic() - began:.1f}s"
            )
        timings.lap("load")
        stop_workers()  # their word caches are most of the memory; marts and gate need none
        if publish is not None:
            _import_in_background("great_expectations")  # while the marts' SQL runs
        display.phase_started("marts")
        began = time.monotonic()
        ok = run_job("marts", build_marts_job.name)
        display.phase_finished("marts", ok, time.monotonic() - began)
        timings.lap("marts")
        code = OK
        if publish is not None:
            refused = _publish(publish, problems, instance, {**resources}, run_config, display)
            if refused is not None:
                problems.append(refused)
                code = GATE_REFUSED
            timings.lap("gate_and_publish")
    finally:
        progress.forget(display)
        display.close()
        instance.__exit__(None, None, None)
    print(f"done in {time.monotonic() - started:.1f}s\n")
    summary = run_summary(display.reports, timings.phases, time.monotonic() - started)
    print(format_timings(summary))
    if summary_json is not None:
        summary_json.write_text(json.dumps(summary, indent=2), encoding="utf-8")
    if warehouse_exists(warehouse):
        text, all_ok = format_status(warehouse)
        print(text)
        if not all_ok:
            problems.append("some dumps do not reconcile")
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    if code == GATE_REFUSED:
        return code
    return FAILED if problems else OK


def _check_something_loaded(reports: Sequence[Any], pending: Sequence[Any], landing: Path) -> None:
    """Stop (exit 3) when none of the new dumps had a readable record: nothing changed."""
    loaded = sum(c.cleaned for r in reports for d in r.merged for c in d.chunks)
    failed = [dump for r in reports for dump, _ in r.failed]
    if loaded or len(failed) + sum(len(r.merged) for r in reports) < len(pending):
        return
    raise RunError(
        f"nothing loaded: none of the {len(pending)} new dumps in {landing} had a readable "
        f"record ({len(failed)} could not be read at all, {len(pending) - len(failed)} were "
        "quarantined whole; see quarantine.rejected_records and `news-warehouse status`). "
        "Marts, gate and the published snapshot are unchanged.",
        NOTHING_TO_LOAD,
    )


def _import_in_background(module: str) -> None:
    """Import a slow module on a thread (the gate needs Great Expectations: seconds of imports
    and ~160 MB, taken while the marts' SQL runs, after the workers are gone)."""
    threading.Thread(target=importlib.import_module, args=(module,), daemon=True).start()


def _publish(
    publish: Path,
    problems: list[str],
    instance: dg.DagsterInstance,
    resources: Mapping[str, object],
    run_config: Mapping[str, object] | None,
    display: PlainDisplay,
) -> str | None:
    """Gate -> snapshot -> dashboard; None when published, else why the gate refused (a failed
    refresh is among `problems` already; the previous snapshot, if any, stays)."""
    from pipelines.jobs import publish_job
    from pipelines.publish.snapshot import PUBLISHED_FILE
    from pipelines.resources import PublishResource

    snapshot = publish / PUBLISHED_FILE
    kept = (
        f"the previous snapshot {snapshot} stays published"
        if snapshot.exists()
        else f"nothing has been published yet ({snapshot} does not exist)"
    )
    if problems:
        problems.append(f"publish: not published because the refresh had problems; {kept}")
        return None
    display.phase_started("gate and publication")
    began = time.monotonic()
    resources = {**resources, "publish": PublishResource(path=str(publish))}
    result = _execute(publish_job.name, instance, resources, run_config)
    display.phase_finished("gate and publication", result.success, time.monotonic() - began)
    failed = [
        f"{e.check_name} ({e.metadata['failures'].value})"
        for e in result.get_asset_check_evaluations()
        if not e.passed
    ]
    steps = [  # a blocking check that failed stops its step: said once, as the refusal
        p for p in _problems(result, "publish") if "check " not in p and "checks failed" not in p
    ]
    if steps:
        problems.extend(steps)
    if failed:
        docs = publish / "data_docs" / "index.html"
        return (
            f"NOT published: the quality gate refused publication, {len(failed)} expectation "
            f"suite(s) failed: "
            f"{'; '.join(failed)}. {kept[0].upper()}{kept[1:]}; the failed expectations are in "
            f"the Data Docs at {docs}."
        )
    if steps:
        problems.append(f"publish: NOT published; {kept}")
        return None
    print(f"published {snapshot}, data docs and dashboard in {publish}")
    return None


def _execute(
    job_name: str,
    instance: dg.DagsterInstance,
    resources: Mapping[str, object],
    run_config: Mapping[str, object] | None,
    partition_key: str | None = None,
    tags: Mapping[str, str] | None = None,
) -> dg.ExecuteInProcessResult:
    """Run one of the code location's jobs (`pipelines/jobs.py`) in this process, on this run's
    landing folder, warehouse and publish folder instead of the ones configured from the
    environment."""
    from pipelines.definitions import defs

    return defs.resolve_job_def(job_name).execute_in_process(
        run_config=run_config, instance=instance, partition_key=partition_key,
        raise_on_error=False, tags=tags, resources=resources,
    )  # fmt: skip


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
