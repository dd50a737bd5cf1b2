"""Benchmark: what N runs leave in a DuckLake's PostgreSQL catalog, and what maintenance reclaims.

    python bench/bench_catalog_growth.py [--runs 5] [--landing samples/landing]

Starts a throwaway PostgreSQL cluster (as the tests do), then runs `news-warehouse run
--no-publish` N times on one DuckLake (the first loads the landing folder, the others load
nothing new and rebuild the marts), printing after each the catalog database's size, its tables,
the DuckLake's snapshots, its live data files and every file it keeps; then runs the scheduled
maintenance with no retention (`pipelines.ducklake.maintain`) and prints the same again.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(PROJECT_DIR), str(PROJECT_DIR / "bench")]

from bench_real_news import run_pipeline  # noqa: E402

from pipelines.ducklake import catalog_size, maintain  # noqa: E402
from tests.ducklake.pg_cluster import start_cluster  # noqa: E402


def show(label: str, location: str, data: Path) -> None:
    size = catalog_size(location)
    on_disk = sum(1 for _ in data.rglob("*.parquet"))
    print(f"{label:<22} {size['bytes'] / 2**20:>8.1f} {size['tables']:>7} "
          f"{size['snapshots']:>10} {size['data_files']:>11} {size['files_kept']:>11} "
          f"{on_disk:>8}", flush=True)  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--landing", type=Path, default=PROJECT_DIR / "samples" / "landing")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="news-catalog-bench-"))
    cluster = start_cluster()
    try:
        location = "ducklake:postgres:" + cluster.create_database(f"grow_{uuid.uuid4().hex[:8]}")
        data = work / "lake" / "data"
        env = {"NEWS_DUCKLAKE_DATA": str(data)}
        print(f"{'after':<22} {'PG MB':>8} {'tables':>7} {'snapshots':>10} {'live files':>11} "
              f"{'files kept':>11} {'on disk':>8}")  # fmt: skip
        for run in range(1, args.runs + 1):
            result = run_pipeline(args.landing, location, publish=False, work=work, env=env)
            show(f"run {run} ({result['wall']:.0f} s)", location, data)
        os.environ.update(env)
        began = time.perf_counter()
        maintain(location, older_than=timedelta(0))
        show(f"maintenance ({time.perf_counter() - began:.0f} s)", location, data)
    finally:
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
