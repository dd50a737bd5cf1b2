"""Benchmark: the DuckDB file against a DuckLake (PostgreSQL catalog), one loader and two at once.

    python bench/bench_ducklake.py ../shared/data/saudinewsnet [--days 16] [--workers 1 2] \
        [--backends file ducklake] [--no-loaders]

Starts a throwaway PostgreSQL cluster (as the tests do; needs Debian's postgresql), copies the
days into a landing folder, then:

- per backend and per NEWS_WORKERS (map processes): one `news-warehouse run --no-publish` in a
  child process (load and marts): wall, CPU-seconds of it and its workers, articles/s, the merge's
  seconds, peak PSS of the process tree, the load average at the end; for a DuckLake, the catalog
  database's size and snapshots after it;
- DuckLake only (unless --no-loaders): two loader processes at once (one map process each), each
  given every other day, against one loader given all days: wall, CPU, and the merge seconds
  summed over loaders.

The machine may be shared: compare CPU-seconds, and read walls as upper bounds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT_DIR), str(PROJECT_DIR / "bench")]

from bench_real_news import _watch_rss, run_pipeline  # noqa: E402

from pipelines.ducklake import catalog_size  # noqa: E402
from pipelines.ingest import discover_dumps  # noqa: E402
from tests.ducklake.pg_cluster import PgCluster, start_cluster  # noqa: E402

BIN = Path(sys.executable).parent
MERGE_STAGES = ("merge_insert", "merge_articles", "merge_dedup", "merge_dates", "merge_entities")


def run_cli(landing: Path, warehouse: str, work: Path, env: dict[str, str]) -> dict[str, Any]:
    """`news-warehouse run --no-publish` in a child process: summary, wall, CPU, merge wall."""
    result = run_pipeline(landing, warehouse, publish=False, work=work, env=env)
    stages = result["summary"]["stages_seconds"]
    merge = sum(stages.get(s, {}).get("wall", 0.0) for s in MERGE_STAGES)
    return {**result, "merge_wall": merge}


def run_loaders(
    groups: list[list[str]], landing: Path, warehouse: str, env: dict[str, str]
) -> dict[str, Any]:
    """One loader process per group of days, all at once: wall, CPU, merge seconds summed."""
    began = time.perf_counter()
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.ducklake.load_worker", warehouse, str(landing), *group],
            cwd=PROJECT_DIR,
            env={**os.environ, **env, "NEWS_WORKERS": "1"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for group in groups
    ]
    watchers = [_watch_rss(child.pid) for child in children]
    reports = []
    for child in children:
        out, err = child.communicate()
        if child.returncode != 0:
            raise SystemExit(f"a loader failed: {err[-3000:]}")
        reports.append(json.loads(out.strip().splitlines()[-1]))
    wall = time.perf_counter() - began
    merge = sum(r["seconds"].get(s, [0.0, 0.0])[0] for r in reports for s in MERGE_STAGES)
    return {"wall": wall, "cpu": sum(w["cpu"] for w in watchers), "merge_wall": merge}


def lake(cluster: PgCluster, work: Path, name: str) -> tuple[str, dict[str, str]]:
    dsn = cluster.create_database(f"{name}_{uuid.uuid4().hex[:8]}")
    return f"ducklake:postgres:{dsn}", {"NEWS_DUCKLAKE_DATA": str(work / name / "data")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", type=Path, help="the saudinewsnet folder of day zips")
    parser.add_argument("--days", type=int, default=16)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--backends", nargs="+", default=["file", "ducklake"])
    parser.add_argument("--no-loaders", action="store_true", help="skip the loaders at once")
    args = parser.parse_args(argv)
    days = sorted(args.dataset.glob("*.zip"))[: args.days]
    if not days:
        raise SystemExit(f"no day zips in {args.dataset}")
    work = Path(tempfile.mkdtemp(prefix="news-ducklake-bench-"))
    cluster = start_cluster()
    try:
        landing = work / "landing"
        landing.mkdir()
        for day in days:
            shutil.copy(day, landing / day.name)
        megabytes = sum(d.stat().st_size for d in days) / 2**20
        print(f"{len(days)} days, {megabytes:.1f} MB zipped; load average at start "
              f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")  # fmt: skip
        print(f"{'backend':<9} {'map procs':>9} {'wall s':>8} {'CPU s':>8} {'articles/s':>10} "
              f"{'load s':>7} {'merge s':>8} {'PSS GB':>7} {'loadavg':>7}  catalog")  # fmt: skip
        for workers in args.workers:
            for backend in args.backends:
                if backend == "file":
                    target, env = str(work / f"file-{workers}" / "news.duckdb"), {}
                else:
                    target, env = lake(cluster, work, f"lake{workers}")
                result = run_cli(landing, target, work, {**env, "NEWS_WORKERS": str(workers)})
                summary = result["summary"]
                articles = summary["articles_loaded"]
                catalog = catalog_size(target) if backend == "ducklake" else ""
                print(f"{backend:<9} {workers:>9} {result['wall']:>8.1f} {result['cpu']:>8.1f} "
                      f"{articles / result['wall']:>10,.0f} {summary['load_wall_seconds']:>7.1f} "
                      f"{result['merge_wall']:>8.1f} {result['peak_pss'] / 2**30:>7.2f} "
                      f"{os.getloadavg()[0]:>7.1f}  {catalog}", flush=True)  # fmt: skip
        names = [source.dump_file for source in discover_dumps(landing)]
        loaders = [] if args.no_loaders else [[names], [names[0::2], names[1::2]]]
        for groups in loaders:
            label = f"{len(groups)} loader{'s' if len(groups) > 1 else ''}"
            target, env = lake(cluster, work, label.replace(" ", ""))
            result = run_loaders(groups, landing, target, env)
            print(f"DuckLake, {label} at once (load only, 1 map process each): wall "
                  f"{result['wall']:.1f}s, CPU {result['cpu']:.1f}s, merge "
                  f"{result['merge_wall']:.1f}s summed over loaders", flush=True)  # fmt: skip
    finally:
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
