"""Where the landing folder and the warehouse are: environment first, then bundled defaults."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_LANDING_DIR = PROJECT_DIR / "samples" / "landing"
DEFAULT_WAREHOUSE = PROJECT_DIR / "warehouse" / "news.duckdb"
LANDING_ENV = "NEWS_LANDING_DIR"
WAREHOUSE_ENV = "NEWS_WAREHOUSE"
CLEAN_WORKERS_ENV = "NEWS_CLEAN_WORKERS"
# Entity extraction costs ~2 ms an article (4x cleaning): workers pay from ~1,000 articles, and
# batches of 200 keep both workers busy to the end of a dump.
PARALLEL_ENTITY_MIN_ARTICLES = 1_000
ENTITY_BATCH_SIZE = 200
# Below this many bytes of pending dumps the map runs in-process: the worker pool's fork server
# loads the entity models first, seconds of one core.
PARALLEL_MAP_MIN_BYTES = 512 * 1024
WORKERS_ENV = "NEWS_WORKERS"


def map_workers(pending_bytes: int) -> int:
    """Processes for the per-dump map: NEWS_WORKERS (or NEWS_CLEAN_WORKERS), else one per core
    when at least PARALLEL_MAP_MIN_BYTES are pending; `pending_bytes` 0 asks for the default."""
    configured = os.environ.get(WORKERS_ENV) or os.environ.get(CLEAN_WORKERS_ENV)
    if configured:
        return max(1, int(configured))
    if 0 < pending_bytes < PARALLEL_MAP_MIN_BYTES:
        return 1
    return max(1, os.cpu_count() or 1)


CHUNK_RECORDS_ENV = "NEWS_MAP_CHUNK_RECORDS"
MERGE_RECORDS_ENV = "NEWS_MERGE_BATCH_RECORDS"
# A chunk is one task of the map (about 2 s of one core on news); a merge commits at least this
# many records at once (fewer, larger transactions; a crash redoes one batch). 4,000 rather than
# more: a merge's memory grows with its batch (main process 0.69 GB at 4,000, 1.15 GB at 8,000 on
# the 16 SaudiNewsNet days).
DEFAULT_CHUNK_RECORDS = 1_000
DEFAULT_MERGE_RECORDS = 4_000
MERGE_MEMORY_ENV = "NEWS_MERGE_MEMORY_LIMIT"
# DuckDB keeps the warehouse blocks a merge's joins read cached up to its memory limit, until the
# connection closes: a quarter of RAM let the merging process grow with the warehouse (5.2 GB on
# a 1 GB dump). With 256 MB it evicts them (they are re-read from the OS cache) and spills what
# does not fit to its temp directory; a merge that still runs out is redone with twice as much.
DEFAULT_MERGE_MEMORY = "256MB"
_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "TB": 10**12}
_UNITS |= {"KIB": 2**10, "MIB": 2**20, "GIB": 2**30, "TIB": 2**40}


def chunk_records() -> int:
    """Records per map task: NEWS_MAP_CHUNK_RECORDS, else 1,000."""
    return max(1, int(os.environ.get(CHUNK_RECORDS_ENV) or DEFAULT_CHUNK_RECORDS))


def merge_memory_limit() -> str:
    """DuckDB memory limit of the load's merge connections: NEWS_MERGE_MEMORY_LIMIT, else 256MB."""
    return os.environ.get(MERGE_MEMORY_ENV) or DEFAULT_MERGE_MEMORY


def memory_bytes(limit: str) -> int:
    """Bytes of a memory limit written as DuckDB takes it ("256MB", "1GB", "512MiB")."""
    text = limit.strip().upper().replace(" ", "")
    number = text.rstrip("KMGTIB")
    unit = text[len(number) :]
    try:
        return int(float(number) * _UNITS[unit])
    except (KeyError, ValueError):
        raise ValueError(f"not a memory limit: {limit!r} (say 256MB or 1GB)") from None


def merge_batch_records() -> int:
    """Records a merge waits for before it commits: NEWS_MERGE_BATCH_RECORDS, else 4,000."""
    return max(1, int(os.environ.get(MERGE_RECORDS_ENV) or DEFAULT_MERGE_RECORDS))


def landing_dir() -> Path:
    """The landing folder the sensor scans."""
    return Path(os.environ.get(LANDING_ENV) or DEFAULT_LANDING_DIR)


def warehouse_path() -> Path:
    """The DuckDB file the pipeline writes."""
    return Path(os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE)
