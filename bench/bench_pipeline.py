"""Benchmark: the whole pipeline (`news-warehouse run`) against DuckDB alone loading the same files.

Generates a synthetic multilingual corpus, runs the pipeline in a child process (wall time, peak
RSS), then times `read_json` of the same files into a DuckDB table. Prints both and their ratio.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

BENCH_DIR = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=100_000, help="articles to generate")
    parser.add_argument("--files", type=int, default=10, help="dump files to split them over")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=None,
        help="where to write the corpus and warehouse (default: a temp dir)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the work dir afterwards")
    args = parser.parse_args(argv)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="news-bench-"))
    landing, warehouse = workdir / "landing", workdir / "bench.duckdb"
    shutil.rmtree(landing, ignore_errors=True)
    warehouse.unlink(missing_ok=True)
    subprocess.run(
        [
            sys.executable,
            str(BENCH_DIR / "generate_corpus.py"),
            "--articles",
            str(args.articles),
            "--files",
            str(args.files),
            "--out",
            str(landing),
        ],
        check=True,
    )
    started = time.perf_counter()
    run = subprocess.run(
        [
            str(BIN / "news-warehouse"),
            "run",
            "--landing",
            str(landing),
            "--warehouse",
            str(warehouse),
        ],
        capture_output=True,
        text=True,
    )
    pipeline_s = time.perf_counter() - started
    peak_rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    if run.returncode not in (0, 1):
        print(run.stdout[-3000:], run.stderr[-3000:], sep="\n")
        return run.returncode
    duckdb_s, duckdb_rows = time_duckdb_alone(landing)
    records = count_records(warehouse)
    result = {
        "articles_generated": args.articles,
        "records_read": records,
        "pipeline_seconds": round(pipeline_s, 1),
        "pipeline_records_per_s": round(records / pipeline_s),
        "pipeline_peak_rss_mb": round(peak_rss_mb),
        "duckdb_read_json_seconds": round(duckdb_s, 2),
        "duckdb_rows": duckdb_rows,
        "duckdb_records_per_s": round(duckdb_rows / duckdb_s),
        "slowdown_vs_duckdb": round(pipeline_s / duckdb_s, 1),
        "pipeline_exit_code": run.returncode,
    }
    print(json.dumps(result, indent=2))
    if not args.keep and args.workdir is None:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


def time_duckdb_alone(landing: Path) -> tuple[float, int]:
    """DuckDB's own JSON reader loading the same files into a table: the floor to compare with."""
    con = duckdb.connect()
    started = time.perf_counter()
    con.execute(
        "CREATE TABLE articles AS SELECT * FROM read_json($files, format = 'newline_delimited', "
        "ignore_errors = true, union_by_name = true)",
        {"files": sorted(str(p) for p in landing.rglob("*.jsonl"))},
    )
    elapsed = time.perf_counter() - started
    rows = con.execute("SELECT count(*) FROM articles").fetchone()
    return elapsed, int(rows[0]) if rows else 0


def count_records(warehouse: Path) -> int:
    con = duckdb.connect(str(warehouse), read_only=True)
    row = con.execute("SELECT sum(records_read) FROM ops.dump_files").fetchone()
    con.close()
    return int(row[0]) if row and row[0] else 0


if __name__ == "__main__":
    sys.exit(main())
