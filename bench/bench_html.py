"""HTML throughput: pages/s through ingest alone and through the whole pipeline.

Builds a landing folder with one gzipped WARC (per-record gzip) holding every shared
``*.html.gz`` page --copies times (plus the warcinfo record), then
1. ingest only: open_dump(...).batches() with NEWS_HTML_WORKERS processes (extraction);
2. end to end: ``news-warehouse run`` on that landing folder (ingest, validate, clean, load,
   dedup), wall time and peak RSS of the whole run.

    .venv/bin/python bench/bench_html.py ../shared/data --copies 3 --workers 2
"""

from __future__ import annotations

import argparse
import gzip
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_warc_read import build_warc
from pipelines.ingest import discover_dumps, open_dump
from pipelines.ingest.html_parallel import HTML_WORKERS_ENV


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data", type=Path, help="folder searched for *.html.gz pages")
    parser.add_argument("--copies", type=int, default=3, help="times each page is written")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes")
    parser.add_argument("--skip-pipeline", action="store_true", help="ingest figure only")
    args = parser.parse_args(argv)
    os.environ[HTML_WORKERS_ENV] = str(args.workers)
    files = sorted(args.data.rglob("*.html.gz"))
    pages = [(f.name, gzip.decompress(f.read_bytes())) for f in files]
    with tempfile.TemporaryDirectory() as tmp:
        landing = Path(tmp) / "landing"
        landing.mkdir()
        count = build_warc(pages, args.copies, landing / "bench.warc.gz")
        size = sum(len(p) for _, p in pages) * args.copies / 2**20
        print(f"WARC: {count:,} records ({count - 1:,} pages, {size:.0f} MiB of HTML)")
        print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        [source] = discover_dumps(landing)
        start = time.perf_counter()
        records = accepted = 0
        for batch in open_dump(source).batches(1000):
            records += len(batch)
            accepted += sum(r.fields is not None for r in batch)
        seconds = time.perf_counter() - start
        print(
            f"ingest only: {records:,} records ({accepted:,} with text) in {seconds:.1f} s = "
            f"{records / seconds:.0f} pages/s with {args.workers} extraction processes"
        )
        if args.skip_pipeline:
            return 0
        warehouse = Path(tmp) / "bench.duckdb"
        cli = Path(sys.executable).parent / "news-warehouse"
        command = [str(cli), "run", "--landing", str(landing), "--warehouse", str(warehouse)]
        start = time.perf_counter()
        status = subprocess.run(command, check=False, capture_output=True).returncode
        seconds = time.perf_counter() - start
        if status:
            print(f"news-warehouse run exited {status} (a quality gate failed); timing kept")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(
            f"end to end (news-warehouse run): {records:,} pages in {seconds:.1f} s = "
            f"{records / seconds:.0f} pages/s; peak RSS of a child process {peak:.0f} MiB"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
