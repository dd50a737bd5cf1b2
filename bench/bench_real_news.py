"""Benchmark on real news: SaudiNewsNet days through `news-warehouse run`, against DuckDB alone.

    python bench/bench_real_news.py ../shared/data/saudinewsnet [--days 16] [--incremental]

Copies the days into a fresh landing folder, runs the whole pipeline with publication in a child
process (wall time, CPU and peak memory of it and its workers, the run's own figures per phase and
stage), then times DuckDB's `read_json` of the same JSON files into a table. Prints articles/s,
the ratio to DuckDB, CPU-seconds per wall second and the stage table. `--incremental` also
loads the last day into an empty warehouse and into one holding the other days, and prints the
ratio of the two loads.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zipfile
from pathlib import Path
from typing import Any

import duckdb
import psutil

BIN = Path(sys.executable).parent


def run_pipeline(
    landing: Path, warehouse: Path | str, *, publish: bool = True, work: Path | None = None,
    env: dict[str, str] | None = None,
) -> dict[str, Any]:  # fmt: skip
    """One `news-warehouse run` in a child process: its summary, wall, CPU and peak RSS. The
    summary and the Dagster instance go to `work` (default: beside a warehouse file); `env`
    adds to the environment (a DuckLake warehouse's settings, NEWS_WORKERS)."""
    work = work or Path(warehouse).parent
    summary_file = work / f"summary-{uuid.uuid4().hex[:8]}.json"
    command = [
        str(BIN / "news-warehouse"), "run", "--landing", str(landing), "--warehouse",
        str(warehouse), "--summary-json", str(summary_file),
    ]  # fmt: skip
    if not publish:
        command.append("--no-publish")
    began = time.perf_counter()
    # A Dagster instance of the benchmark's own, as a user's run records into theirs.
    child = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, **(env or {}), "DAGSTER_HOME": str(work / "dagster_home")},
    )  # fmt: skip
    peak = _watch_rss(child.pid)
    output, _ = child.communicate()
    wall = time.perf_counter() - began
    if child.returncode != 0:
        print(output)
        raise SystemExit(f"news-warehouse run failed with exit code {child.returncode}")
    summary = json.loads(summary_file.read_text(encoding="utf-8"))
    return {
        "wall": wall, "cpu": peak["cpu"], "peak_rss": peak["bytes"], "peak_pss": peak["pss"],
        "summary": summary,
    }  # fmt: skip


def _watch_rss(pid: int) -> dict[str, float]:
    """Peak memory of a process and all its children (RSS summed, which counts pages they share
    once per process, every 0.2 s; PSS, which divides them, every 2 s), and their CPU seconds.

    Pool workers are children of a fork server, reaped by it: RUSAGE_CHILDREN misses them."""
    peak: dict[str, float] = {"bytes": 0, "pss": 0, "cpu": 0.0}
    cpu_by_pid: dict[int, float] = {}

    def watch() -> None:
        samples = 0
        try:
            root = psutil.Process(pid)
            while root.is_running() and root.status() != psutil.STATUS_ZOMBIE:
                rss = pss = 0
                # PSS reads /proc/<pid>/smaps, which costs a core-second a second when done often
                full = samples % 10 == 0
                for process in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        if full:
                            memory = process.memory_full_info()
                            pss += memory.pss
                        else:
                            memory = process.memory_info()
                        rss += memory.rss
                        times = process.cpu_times()
                        cpu_by_pid[process.pid] = times.user + times.system
                peak["bytes"] = max(peak["bytes"], rss)
                peak["pss"] = max(peak["pss"], pss)
                peak["cpu"] = sum(cpu_by_pid.values())
                samples += 1
                time.sleep(0.2)
        except psutil.Error:
            return

    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    thread.join(timeout=0.2)  # the child keeps running; the thread keeps sampling
    return peak


def duckdb_read_json(json_files: list[Path], database: Path) -> float:
    """Seconds DuckDB takes to load the same JSON files into a table."""
    con = duckdb.connect(str(database))
    began = time.perf_counter()
    con.execute(
        "CREATE TABLE articles AS SELECT * FROM read_json($files, format = 'array')",
        {"files": [str(f) for f in json_files]},
    )
    seconds = time.perf_counter() - began
    con.close()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path, help="the saudinewsnet folder of day zips")
    parser.add_argument("--days", type=int, default=0, help="first N days only (default: all)")
    parser.add_argument(
        "--incremental", action="store_true", help="also measure the last day into a warehouse"
        " of the other days against the same day into an empty one",
    )  # fmt: skip
    parser.add_argument("--workdir", type=Path, default=None, help="default: a temp dir")
    args = parser.parse_args(argv)
    days = sorted(args.dataset.glob("*.zip"))
    if args.days:
        days = days[: args.days]
    if not days:
        raise SystemExit(f"no day zips in {args.dataset}")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="news-real-bench-"))
    try:
        return _bench(days, work, args.incremental)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


def _bench(days: list[Path], work: Path, incremental: bool) -> int:
    landing, extracted = work / "landing", work / "json"
    landing.mkdir(parents=True)
    extracted.mkdir()
    json_files = []
    for day in days:
        shutil.copy(day, landing / day.name)
        with zipfile.ZipFile(day) as archive:
            for name in archive.namelist():
                json_files.append(Path(archive.extract(name, extracted)))
    print(f"{len(days)} days, {sum(d.stat().st_size for d in days) / 2**20:.1f} MB zipped")
    result = run_pipeline(landing, work / "warehouse" / "news.duckdb")
    duck = duckdb_read_json(json_files, work / "duck.duckdb")
    summary = result["summary"]
    articles = summary["articles_loaded"]
    print(
        f"pipeline: {articles:,} articles ({summary['records_read']:,} records) in "
        f"{result['wall']:.1f}s = {articles / result['wall']:,.0f} articles/s, with publication"
    )
    print(
        f"DuckDB read_json of the same files: {duck:.2f}s; pipeline/DuckDB = "
        f"{result['wall'] / duck:.0f}x"
    )
    print(
        f"CPU: {result['cpu']:.1f}s = {result['cpu'] / result['wall']:.2f} CPU-s per wall s "
        f"(whole run, sampled); {summary['load_cpu_per_wall_second']} while loading dumps "
        f"(CPU s: conducting process {summary['load_cpu_seconds']['conducting']:.1f}, workers "
        f"{summary['load_cpu_seconds']['workers']:.1f})"
    )
    print(
        f"peak memory of the run and its workers: PSS {result['peak_pss'] / 2**30:.2f} GB "
        f"(RSS summed: {result['peak_rss'] / 2**30:.2f} GB, shared pages counted per process)"
    )
    print(
        "phases (wall s): "
        + ", ".join(f"{name} {seconds:.1f}" for name, seconds in summary["phases_seconds"].items())
    )
    print(f"{'stage':<16} {'wall s':>8} {'CPU s':>8}  (wall summed over processes)")
    for stage, spent in summary["stages_seconds"].items():
        print(f"{stage:<16} {spent['wall']:>8.1f} {spent['cpu']:>8.1f}")
    if incremental and len(days) > 1:
        _incremental(days, work)
    return 0


def _incremental(days: list[Path], work: Path) -> None:
    """The last day into an empty warehouse, then into one holding the other days."""
    last, first = work / "last", work / "rest"
    last.mkdir()
    first.mkdir()
    shutil.copy(days[-1], last / days[-1].name)
    for day in days[:-1]:
        shutil.copy(day, first / day.name)
    empty = run_pipeline(last, work / "inc-empty" / "news.duckdb", publish=False)
    full_warehouse = work / "inc-full" / "news.duckdb"
    run_pipeline(first, full_warehouse, publish=False)
    shutil.copy(days[-1], first / days[-1].name)
    full = run_pipeline(first, full_warehouse, publish=False)
    cost_empty = empty["summary"]["load_wall_seconds"]
    cost_full = full["summary"]["load_wall_seconds"]
    print(
        f"incremental: day {days[-1].stem} loads in {cost_empty:.1f}s into an empty warehouse, "
        f"{cost_full:.1f}s into one of {len(days) - 1} days: {cost_full / cost_empty:.2f}x"
    )


if __name__ == "__main__":
    sys.exit(main())
