"""Benchmark: the map's CPU per article on real news, stage by stage, in one pool worker.

    python bench/bench_map.py ../shared/data/saudinewsnet/2015-07-2[12].zip [--chunk 1000]

Reads the given SaudiNewsNet days into raw chunks and validates them as the dump reader does,
then maps every chunk (`staging.chunk.map_chunk`: clean, dates, entities, signatures, write) on a
worker forked from the preloaded fork server, one chunk after another, as `news-warehouse run`
does: the worker starts with the models loaded and its word caches empty, so new words cost
what they cost in a run. Prints CPU milliseconds per article, in all and per stage (the
chunks' own clocks), and the worker's memory at the end: its private pages (what it adds to
the run) and its PSS (shared pages split among the processes sharing them). CPU seconds, not
wall: the machine is shared. To compare two commits, copy this script into a `git archive` of
each and run both, alternately, a few times. Eight of the 16 days (every other one) are what
one of a 16-day run's two workers sees.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pyarrow.parquet as pq

from pipelines.ingest import open_dump
from pipelines.ingest.frames import raw_records_table
from pipelines.ingest.records import DumpSource
from pipelines.parallel import spawn_pool
from pipelines.staging.chunk import ChunkTask, map_chunk


def stage_raw(days: list[Path], chunk: int, folder: Path) -> list[Path]:
    """Raw Parquet chunks of every JSON member of the zipped days."""
    paths: list[Path] = []
    for day in days:
        with zipfile.ZipFile(day) as archive:
            members = [name for name in archive.namelist() if not name.endswith("/")]
        for member in members:
            digest = hashlib.sha256(f"{day.name}/{member}".encode()).hexdigest()
            source = DumpSource(f"{day.name}/{member}", day, member, digest, 0)
            reader = open_dump(source)
            for batch in reader.batches(chunk):
                path = folder / f"raw-{len(paths):04d}.parquet"
                raw = raw_records_table(batch, source.dump_file, reader.format, None)
                pq.write_table(raw, path)
                paths.append(path)
    return paths


def worker_memory() -> dict[str, int]:
    """This process's private and proportional resident memory, MB (Linux)."""
    fields = {"Pss": 0, "Private_Clean": 0, "Private_Dirty": 0}
    with open("/proc/self/smaps_rollup") as rollup:
        for line in rollup:
            name, _, value = line.partition(":")
            if name in fields:
                fields[name] = int(value.split()[0]) // 1024
    private = fields["Private_Clean"] + fields["Private_Dirty"]
    return {"worker_private_mb": private, "worker_pss_mb": fields["Pss"]}


def main() -> int:
    # Here, not at the top: the worker imports this script too, and a run's workers load no Polars.
    from pipelines.validation import validate_raw_chunk

    parser = argparse.ArgumentParser()
    parser.add_argument("days", nargs="+", type=Path, help="zipped SaudiNewsNet days")
    parser.add_argument("--chunk", type=int, default=1000, help="records per chunk (as a run)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        chunks = stage_raw(args.days, args.chunk, Path(work))
        pool = spawn_pool(1)
        cpu: dict[str, float] = {}
        records = 0
        out = Path(work) / "out"
        out.mkdir()
        for index, path in enumerate(chunks):
            rejections = validate_raw_chunk(pq.read_table(path))  # as the dump reader does
            task = ChunkTask(path.name, index, path, out, rejections)
            result = pool.submit(map_chunk, task).result()
            records += result.records
            for stage, (_, seconds) in result.seconds.items():
                cpu[stage] = cpu.get(stage, 0.0) + seconds
        memory = pool.submit(worker_memory).result()
        pool.shutdown()
    per_article = {stage: round(1000 * seconds / records, 3) for stage, seconds in cpu.items()}
    total = round(1000 * sum(cpu.values()) / records, 3)
    print(
        json.dumps({"articles": records, "map_cpu_ms_per_article": total, **per_article, **memory})
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
