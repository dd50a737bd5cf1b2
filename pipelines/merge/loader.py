"""Load dumps: the parallel map on worker processes, merged in batches by this process.

Dumps are merged in input order, several at a time (many small dumps coalesce into one
transaction; a batch is committed once it holds NEWS_MERGE_BATCH_RECORDS records or the input ends).
A dump is recorded in ops.dump_files by the same transaction that commits its rows, so a crash
leaves it either wholly loaded or not loaded at all, and the next run redoes it.
"""

from __future__ import annotations

import shutil
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

from pipelines import settings
from pipelines.ingest.records import DumpSource
from pipelines.locations import staging_root
from pipelines.merge.dumps import merge_dumps
from pipelines.staging.files import new_run_dir
from pipelines.staging.runner import StagedDump, stage_dumps
from pipelines.warehouse import open_warehouse, serialized_writes, transaction


@dataclass
class LoadReport:
    """What a load did: dumps merged or failed, counts, and seconds per stage."""

    merged: list[StagedDump] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (dump_file, error)
    merges: list[dict[str, Any]] = field(default_factory=list)
    seconds: dict[str, list[float]] = field(default_factory=dict)  # stage -> [wall, cpu]
    wall_seconds: float = 0.0
    cpu_seconds: float = 0.0  # this process and its workers, while loading

    def add_seconds(self, seconds: dict[str, list[float]]) -> None:
        for stage, (wall, cpu) in seconds.items():
            spent = self.seconds.setdefault(stage, [0.0, 0.0])
            spent[0] += wall
            spent[1] += cpu

    @property
    def records_read(self) -> int:
        return sum(d.records_read for d in self.merged)


Progress = Callable[[str, dict[str, Any]], None]


def load_dumps(
    warehouse: str | Path,
    sources: Sequence[DumpSource],
    *,
    workers: int,
    threshold: float,
    progress: Progress | None = None,
    chunk_records: int | None = None,
    batch_records: int | None = None,
) -> LoadReport:
    """Map and merge `sources` into the warehouse; a dump that fails is reported, not merged."""
    chunk_records = chunk_records or settings.chunk_records()
    batch_records = batch_records or settings.merge_batch_records()
    began, cpu_began = time.perf_counter(), process_tree_cpu()
    report = LoadReport()
    run_dir = new_run_dir(staging_root(warehouse), uuid.uuid4().hex[:12])
    emit = progress or (lambda event, data: None)
    batch: list[StagedDump] = []

    def merge() -> None:
        # A connection per batch: DuckDB returns the memory a merge used only when its database
        # closes (the main process held 0.9-1.1 GB at 16 days with one connection for the whole
        # load). On a DuckLake other processes merge too: one merge at a time, each reading what
        # the previous one committed (and stamped after it).
        with open_warehouse(warehouse) as con, serialized_writes(warehouse), transaction(con):
            counts = merge_dumps(
                con, batch, threshold=threshold, processed_at=datetime.now(UTC), workers=workers
            )
        report.add_seconds(counts.pop("seconds"))
        report.merges.append({"dumps": [d.dump_file for d in batch], **counts})
        report.merged.extend(batch)
        for dump in batch:
            shutil.rmtree(dump.directory, ignore_errors=True)
        emit("merged", {"dumps": [d.dump_file for d in batch], **counts})
        batch.clear()

    try:
        staged_dumps = stage_dumps(
            sources, run_dir, workers=workers, chunk_records=chunk_records,
            on_progress=lambda dump_file, count: emit("read", {"dump_file": dump_file,
                                                               "records": count}),
        )  # fmt: skip
        for staged in staged_dumps:
            report.add_seconds(staged.seconds)
            if staged.error is not None:
                report.failed.append((staged.dump_file, staged.error))
                shutil.rmtree(staged.directory, ignore_errors=True)
                emit("failed", {"dump_file": staged.dump_file, "error": staged.error})
                continue
            emit("staged", {"dump_file": staged.dump_file, "records": staged.records_read})
            batch.append(staged)
            if sum(d.records_read for d in batch) >= batch_records:
                merge()
        if batch:
            merge()
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
    report.wall_seconds = time.perf_counter() - began
    report.cpu_seconds = process_tree_cpu() - cpu_began
    emit("finished", {"report": report})
    return report


def process_tree_cpu() -> float:
    """CPU seconds used so far by this process and its live children (the worker pool)."""
    me = psutil.Process()
    total = 0.0
    for process in [me, *me.children(recursive=True)]:
        try:
            times = process.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total
