"""Where the map stages its output and in which shapes: one Parquet file per table and chunk."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa

from pipelines.clean.batches import STAGING_SCHEMA
from pipelines.dedup.index import BAND_COLUMNS, SIGNATURE_COLUMNS
from pipelines.enrich.dates.batch import DATE_MENTIONS_SCHEMA
from pipelines.enrich.entities.batch import DROPPED_SCHEMA, ENTITY_SCHEMA, MENTION_SCHEMA
from pipelines.ingest.frames import RAW_RECORDS_SCHEMA, REJECTED_RECORDS_SCHEMA

_RECORD_INDEX = pa.field("record_index", pa.int64())

STAGED_SCHEMAS: dict[str, pa.Schema] = {
    "raw": RAW_RECORDS_SCHEMA,
    "rejected": REJECTED_RECORDS_SCHEMA,
    "cleaned": STAGING_SCHEMA,
    "date_mentions": DATE_MENTIONS_SCHEMA.append(_RECORD_INDEX),
    "entity_mentions": MENTION_SCHEMA.append(_RECORD_INDEX),
    "dropped_entity_mentions": DROPPED_SCHEMA.append(_RECORD_INDEX),
    "entities": ENTITY_SCHEMA,
    "bands": BAND_COLUMNS.append(_RECORD_INDEX),
    "signatures": SIGNATURE_COLUMNS.append(_RECORD_INDEX),
}
_OWNER_FILE = "owner.pid"
_UNSIGNED_GRACE_SECONDS = 60.0


def chunk_path(dump_dir: Path, table: str, chunk_index: int) -> Path:
    """The Parquet file of one table of one chunk."""
    return dump_dir / f"{table}-{chunk_index:06d}.parquet"


def chunk_files(dump_dir: Path, table: str, chunk_indexes: Sequence[int]) -> list[str]:
    """The Parquet files of a table staged by the given chunks (`rejected` has two kinds)."""
    wanted = {f"{index:06d}" for index in chunk_indexes}
    return sorted(
        str(path) for path in dump_dir.glob(f"{table}-*.parquet") if path.stem[-6:] in wanted
    )


def dump_dir(run_dir: Path, dump_file: str) -> Path:
    """A dump's folder in a run's staging area (named by a digest: keys hold any character)."""
    return run_dir / hashlib.sha256(dump_file.encode("utf-8", "surrogateescape")).hexdigest()[:24]


def new_run_dir(root: Path, run_id: str) -> Path:
    """A fresh staging folder for one run under `root`; stale ones are removed first."""
    remove_stale_runs(root)
    run_dir = root / run_id
    run_dir.mkdir(parents=True, exist_ok=True)
    (run_dir / _OWNER_FILE).write_text(str(os.getpid()), encoding="utf-8")
    return run_dir


def remove_stale_runs(root: Path) -> list[Path]:
    """Remove the staging folders of runs whose process is gone (killed mid-run)."""
    removed: list[Path] = []
    if not root.is_dir():
        return removed
    for run_dir in root.iterdir():
        if run_dir.is_dir() and not _owner_alive(run_dir / _OWNER_FILE):
            shutil.rmtree(run_dir, ignore_errors=True)
            removed.append(run_dir)
    return removed


def _owner_alive(owner: Path) -> bool:
    try:
        pid = int(owner.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        # A folder another process has just made and not yet signed is not stale.
        return _age_seconds(owner.parent) < _UNSIGNED_GRACE_SECONDS
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _age_seconds(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return float("inf")
