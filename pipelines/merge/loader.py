"""Load dumps: the parallel map on worker processes, merged in batches by this process.

Dumps are merged in input order, a batch of records at a time: many small dumps coalesce into
one transaction, and a dump larger than NEWS_MERGE_BATCH_RECORDS streams in parts of about that
size, each committed as soon as its chunks are mapped, so memory stays bounded however large the
dump. A dump is recorded in ops.dump_files by the transaction that commits its last part: a crash
before it leaves the dump unrecorded (its earlier parts visible in the working warehouse, not
published) and the next run redoes it whole. A dump whose map fails after some of its parts were
committed has them taken out again.
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
from pipelines.merge.dumps import merge_dumps, remove_dump
from pipelines.staging.files import new_run_dir
from pipelines.staging.runner import StagedDump, StagedPart, stage_dumps
from pipelines.warehouse import open_warehouse, serialized_writes, transaction, within_memory


@dataclass
class LoadReport:
    """What a load did: dumps merged or failed, counts, and seconds per stage."""

    merged: list[StagedDump] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (dump_file, error)
    merges: list[dict[str, Any]] = field(default_factory=list)
    seconds: dict[str, list[float]] = field(default_factory=dict)  # stage -> [wall, cpu]
    wall_seconds: float = 0.0
    cpu_seconds: float = 0.0  # this process and its workers, while loading
    conducting_cpu_seconds: float = 0.0  # this process alone: reader, merge, DuckDB's threads

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
    began, cpu_began, own_began = time.perf_counter(), process_tree_cpu(), time.process_time()
    report = LoadReport()
    run_dir = new_run_dir(staging_root(warehouse), uuid.uuid4().hex[:12])
    emit = progress or (lambda event, data: None)
    batch: list[StagedPart] = []
    committed: set[str] = set()  # dumps with parts committed, their last one not yet
    # A merge that runs out of DuckDB memory is redone with twice as much, up to the connections'
    # default; the load's later merges start from there.
    memory_limit = [settings.memory_bytes(settings.merge_memory_limit())]

    def merge() -> None:
        # A connection per batch: DuckDB returns the memory a merge used only when its database
        # closes (the main process held 0.9-1.1 GB at 16 days with one connection for the whole
        # load). On a DuckLake other processes merge too: one merge at a time, each reading what
        # the previous one committed (and stamped after it).
        counts, memory_limit[0] = within_memory(
            merge_batch,
            memory_limit[0],
            lambda limit, error: emit("merge_memory", {"limit": limit >> 20, "error": error}),
        )
        report.add_seconds(counts.pop("seconds"))
        done = [part.dump for part in batch if part.is_last]
        parts = [part_label(part) for part in batch]
        report.merges.append({"dumps": [d.dump_file for d in done], "parts": parts, **counts})
        report.merged.extend(done)
        for part in batch:
            if part.is_last:
                committed.discard(part.dump_file)
                shutil.rmtree(part.dump.directory, ignore_errors=True)
            else:
                committed.add(part.dump_file)
        emit("merged", {"dumps": [d.dump_file for d in done], "last": parts[-1], **counts})
        batch.clear()

    def merge_batch(limit: str) -> dict[str, Any]:
        with (
            open_warehouse(warehouse, memory_limit=limit) as con,
            serialized_writes(warehouse),
            transaction(con),
        ):
            return merge_dumps(
                con, batch, threshold=threshold, processed_at=datetime.now(UTC), workers=workers
            )

    def fail(dump: StagedDump) -> None:
        error = dump.error or "failed"
        batch[:] = [part for part in batch if part.dump is not dump]
        if dump.dump_file in committed:
            with open_warehouse(warehouse) as con, serialized_writes(warehouse), transaction(con):
                remove_dump(con, dump, threshold=threshold)
            committed.discard(dump.dump_file)
            error += "; the parts of it already merged were taken out again"
        report.failed.append((dump.dump_file, error))
        shutil.rmtree(dump.directory, ignore_errors=True)
        emit("failed", {"dump_file": dump.dump_file, "error": error})

    try:
        staged_parts = stage_dumps(
            sources, run_dir, workers=workers, chunk_records=chunk_records,
            part_records=batch_records,
            on_progress=lambda dump_file, count: emit("read", {"dump_file": dump_file,
                                                               "records": count}),
        )  # fmt: skip
        for part in staged_parts:
            if part.is_last:
                report.add_seconds(part.dump.seconds)
            if part.dump.error is not None:
                if part.is_last:
                    fail(part.dump)
                continue
            emit("staged", {"dump_file": part.dump_file, "records": part.records})
            batch.append(part)
            if sum(p.records for p in batch) >= batch_records:
                merge()
        if batch:
            merge()
    finally:
        shutil.rmtree(run_dir, ignore_errors=True)
    report.wall_seconds = time.perf_counter() - began
    report.cpu_seconds = process_tree_cpu() - cpu_began
    report.conducting_cpu_seconds = time.process_time() - own_began
    emit("finished", {"report": report})
    return report


def part_label(part: StagedPart) -> str:
    """A dump's name, with the records a part holds when the dump streams in several."""
    if part.is_first and part.is_last:
        return part.dump_file
    last = part.first_record + max(part.records, 1) - 1
    return f"{part.dump_file} records {part.first_record:,}-{last:,}"


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


def merge_memory_message(data: dict[str, Any]) -> str:
    """What a merge that ran out of its DuckDB memory limit did (the `merge_memory` event)."""
    return (
        f"a merge ran out of DuckDB memory ({data['error']}); rolled back and done again, as "
        f"are this load's later merges, with {data['limit']} MiB (NEWS_MERGE_MEMORY_LIMIT is the "
        "first try)"
    )
