"""HTML throughput: pages/s through ingest alone and through the whole pipeline.

Builds a landing folder with one gzipped WARC (per-record gzip) holding every shared
``*.html.gz`` page --copies times (plus the warcinfo record). Copy 0 is the page as crawled;
copies 1.. get their own URL and a marker at the start of every ``<p>`` ("(copy 3) "), so they
are near-duplicates (wire copies), not byte-identical pages. Then
1. ingest only: open_dump(...).batches() with NEWS_HTML_WORKERS extraction processes;
2. end to end: ``news-warehouse run --no-publish --verbose`` on that landing folder (ingest,
   validate, clean, load, dedup, dates, entities, marts): wall time, pages/s and the
   per-step wall time from Dagster's step events (ms per page); "start-up and other" is the
   rest (interpreter and Dagster start-up, model loading outside steps, status report).

Each prints the CPU seconds spent too (main process + extraction workers; the run and all its
children), which, unlike wall time, hardly depends on what else runs on a shared machine:
"at most N pages/s on k idle cores" is k cores divided by the CPU per page. Load average is
printed before and after each measurement.

    .venv/bin/python bench/bench_html.py ../shared/data --copies 10 --workers 2
    .venv/bin/python bench/bench_html.py ../shared/data --copies 10 --extractor resiliparse
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_warc_read import build_warc
from pipelines.ingest import discover_dumps, open_dump
from pipelines.ingest.html_extract import (
    EXTRACTOR_ENV,
    EXTRACTOR_VERSIONS,
    EXTRACTORS,
    html_extractor,
)
from pipelines.ingest.html_parallel import HTML_WORKERS_ENV
from pipelines.parallel import worker_pool

PARAGRAPH = re.compile(rb"<p(?=[\s>])[^>]*>", re.I)
STEP = re.compile(r'Finished execution of step "([^"]+)" in ([\dhms.]+?)\.?$', re.M)
DURATION = re.compile(r"([\d.]+)ms|(?:(\d+)h)?(?:(\d+)m)?(?:([\d.]+)s)?")  # 8.3ms 2.1s 4m52s 1h4m


def vary_page(html: bytes, copy: int) -> bytes:
    """Copy 0 unchanged; copy n with "(copy n) " at the start of every paragraph."""
    if copy == 0:
        return html
    marker = f"(copy {copy}) ".encode()
    return PARAGRAPH.sub(lambda m: m.group(0) + marker, html)


def cores() -> int:
    return os.cpu_count() or 1


def load() -> str:
    return f"load average {os.getloadavg()[0]:.1f} on {cores()} cores"


def duration_seconds(text: str) -> float:
    """Seconds of a Dagster duration ("533ms", "2.1s", "4m52s", "1h4m")."""
    match = DURATION.fullmatch(text)
    if match is None:
        return 0.0
    ms, hours, minutes, seconds = match.groups()
    if ms is not None:
        return float(ms) / 1000
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + float(seconds or 0)


def step_seconds(log: str) -> dict[str, float]:
    """Seconds per Dagster step (marts summed as one) from a --verbose run log."""
    steps: dict[str, float] = defaultdict(float)
    for name, value in STEP.findall(log):
        steps["marts" if name.startswith("marts__") else name] += duration_seconds(value)
    return dict(steps)


def run_summary_stages(log: str) -> list[str]:
    """The run's own "stages (wall s summed over processes / CPU s)" lines."""
    lines = log.splitlines()
    for index, line in enumerate(lines):
        if line.startswith("stages (wall s"):
            block = [line]
            for following in lines[index + 1 :]:
                if not following.startswith("  "):
                    break
                block.append(following.strip())
            return block
    return []


def tree_cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its live child processes (extraction workers)."""
    main = psutil.Process()
    children = 0.0
    for child in main.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            times = child.cpu_times()
            children += times.user + times.system
    times = main.cpu_times()
    return times.user + times.system, children


def poll_tree_cpu(run: subprocess.Popen[str], every: float = 0.2) -> float:
    """CPU seconds of `run` and all its descendants, sampled until it exits (a process's last
    `every` seconds and processes shorter than that are missed)."""
    seen: dict[int, float] = {}
    root = psutil.Process(run.pid)
    while run.poll() is None:
        with contextlib.suppress(psutil.Error):
            for process in [root, *root.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    times = process.cpu_times()
                    seen[process.pid] = max(seen.get(process.pid, 0.0), times.user + times.system)
        time.sleep(every)
    return sum(seen.values())


def start_workers(workers: int) -> float:
    """Start the extraction processes (the fork server's preload of the map's models, then the
    forks) and return the CPU seconds that took: a cost per run, not per page."""
    before = sum(tree_cpu())
    if workers > 1:
        list(worker_pool(workers).map(abs, range(4 * workers)))
    return sum(tree_cpu()) - before


def ingest_only(landing: Path, workers: int) -> tuple[int, int, int, float, float, float]:
    """(records, records with text, characters of their bodies, wall s, main-process CPU s,
    worker CPU s)."""
    [source] = discover_dumps(landing)
    start, (main_cpu, worker_cpu) = time.perf_counter(), tree_cpu()
    records = accepted = characters = 0
    for batch in open_dump(source).batches(1000):
        records += len(batch)
        texts = [r.fields.get("body") or "" for r in batch if r.fields is not None]
        accepted += len(texts)
        characters += sum(map(len, texts))
    seconds, (main_end, worker_end) = time.perf_counter() - start, tree_cpu()
    return records, accepted, characters, seconds, main_end - main_cpu, worker_end - worker_cpu


def end_to_end(landing: Path, warehouse: Path, pages: int) -> None:
    cli = Path(sys.executable).parent / "news-warehouse"
    command = [str(cli), "run", "--landing", str(landing), "--warehouse", str(warehouse)]
    print(f"end to end ({load()}): {' '.join(command[1:2])} --no-publish --verbose")
    start, before = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile("w+") as log:
        run = subprocess.Popen(
            [*command, "--no-publish", "--verbose"], stdout=log, stderr=subprocess.STDOUT, text=True
        )
        polled = poll_tree_cpu(run)
        seconds = time.perf_counter() - start
        log.seek(0)
        output = log.read()
    if run.returncode:
        print(f"  news-warehouse run exited {run.returncode}; timing kept")
        print("\n".join(output.splitlines()[-5:]))
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    reaped = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    # Workers forked by a fork server are not reaped into RUSAGE_CHILDREN: poll the tree too.
    cpu = max(reaped, polled)
    print(
        f"  {pages:,} pages in {seconds:.1f} s = {pages / seconds:.0f} pages/s "
        f"(peak RSS of a process {after.ru_maxrss / 1024:.0f} MiB; {load()} after)"
    )
    print(
        f"  CPU of the run and its workers: {cpu:.0f} s = {cpu / pages * 1000:.1f} ms/page; "
        f"at most {cores() * pages / cpu:.0f} pages/s on {cores()} idle cores"
    )
    print(
        f"  (CPU seen by polling the process tree {polled:.0f} s, reaped children {reaped:.0f} s)"
    )
    for line in run_summary_stages(output):
        cpu_seconds = line.split()[-1]
        per_page = ""
        if re.fullmatch(r"[\d.]+", cpu_seconds):
            per_page = f"  = {float(cpu_seconds) / pages * 1000:5.2f} ms/page CPU"
        print(f"  run summary: {line}{per_page}")
    steps = step_seconds(output)
    for name, value in [*steps.items(), ("start-up and other", seconds - sum(steps.values()))]:
        print(f"  {name:24s} {value:7.1f} s  {value / pages * 1000:6.1f} ms/page")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data", type=Path, help="folder searched for *.html.gz pages")
    parser.add_argument("--copies", type=int, default=3, help="times each page is written")
    parser.add_argument("--workers", type=int, default=2, help="extraction processes")
    parser.add_argument("--skip-pipeline", action="store_true", help="ingest figure only")
    parser.add_argument("--skip-ingest", action="store_true", help="end-to-end figure only")
    parser.add_argument(
        "--extractor", choices=EXTRACTORS, help="main-text extractor (default: NEWS_HTML_EXTRACTOR)"
    )
    args = parser.parse_args(argv)
    os.environ[HTML_WORKERS_ENV] = str(args.workers)
    os.environ[EXTRACTOR_ENV] = html_extractor(args.extractor)  # the run's subprocess too
    print(f"extractor: {EXTRACTOR_VERSIONS[os.environ[EXTRACTOR_ENV]]}")
    files = sorted(args.data.rglob("*.html.gz"))
    pages = [(f.name, gzip.decompress(f.read_bytes())) for f in files]
    with tempfile.TemporaryDirectory() as tmp:
        landing = Path(tmp) / "landing"
        landing.mkdir()
        count = build_warc(pages, args.copies, landing / "bench.warc.gz", vary=vary_page)
        size = sum(len(p) for _, p in pages) * args.copies / 2**20
        print(f"WARC: {count:,} records ({count - 1:,} pages, {size:.0f} MiB of HTML)")
        if not args.skip_ingest:
            print(f"ingest only ({load()}), {args.workers} extraction processes:")
            start_up = start_workers(args.workers)
            print(f"  starting them (fork server preload, forks): {start_up:.1f} s CPU, apart")
            records, accepted, characters, seconds, main_cpu, worker_cpu = ingest_only(
                landing, args.workers
            )
            pages_read = count - 1
            print(
                f"  {records:,} records ({accepted:,} with text, {characters / accepted:,.0f} "
                f"characters of main text a page) in {seconds:.1f} s = "
                f"{pages_read / seconds:.0f} pages/s; {load()} after"
            )
            cpu = main_cpu + worker_cpu
            print(
                f"  CPU: main process {main_cpu:.1f} s, workers {worker_cpu:.1f} s = "
                f"{cpu / pages_read * 1000:.1f} ms/page; at most "
                f"{min(args.workers, cores()) * pages_read / cpu:.0f} pages/s on "
                f"{min(args.workers, cores())} idle cores"
            )
        if not args.skip_pipeline:
            end_to_end(landing, Path(tmp) / "bench.duckdb", count - 1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
