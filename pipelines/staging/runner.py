"""Run the map over many dumps: one reader thread, chunks on the worker pool, dumps in order.

The reader thread reads each dump in chunks, stages the raw records itself (they are what it
parsed), validates them against the contract (Pandera on Polars, which the workers then never
load) and submits each chunk's map to the shared worker pool; a bounded number of chunks is in
flight, so memory stays flat however large a dump is. The caller receives the dumps in input
order as parts: runs of consecutive chunks of about `part_records` records (a small dump is one
part), each as soon as its chunks are mapped, and merges them while later ones are still mapped.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.parquet as pq

from pipelines.ingest import open_dump
from pipelines.ingest.frames import ingest_rejections, raw_records_table, rejected_records_table
from pipelines.ingest.records import DumpSource
from pipelines.parallel import worker_pool
from pipelines.staging.chunk import ChunkResult, ChunkTask, map_chunk
from pipelines.staging.files import chunk_path, dump_dir
from pipelines.validation import validate_raw_chunk

_DONE = object()


@dataclass
class StagedDump:
    """A dump whose map ran: where its tables are staged, what it read, how long it took."""

    source: DumpSource
    directory: Path
    format: str = "unknown"
    compression: str = "none"
    encoding: str = "unknown"
    records_read: int = 0
    ingest_rejected: int = 0
    chunks: list[ChunkResult] = field(default_factory=list)
    seconds: dict[str, list[float]] = field(default_factory=dict)  # stage -> [wall, cpu]
    error: str | None = None

    @property
    def dump_file(self) -> str:
        return self.source.dump_file


@dataclass
class StagedPart:
    """Consecutive chunks of one dump, merged in one transaction: records from `first_record` on.

    The first part replaces what an earlier version of the dump left; the last one records the
    dump in ops.dump_files. A dump whose reading or map failed arrives as a last part with
    `dump.error` set."""

    dump: StagedDump
    first_record: int
    is_first: bool
    is_last: bool = False
    records: int = 0
    chunk_indexes: list[int] = field(default_factory=list)
    futures: list[Future[ChunkResult]] = field(default_factory=list, repr=False)

    @property
    def dump_file(self) -> str:
        return self.dump.dump_file


def stage_dumps(
    sources: Sequence[DumpSource],
    run_dir: Path,
    *,
    workers: int,
    chunk_records: int,
    part_records: int,
    on_progress: Callable[[str, int], None] | None = None,
) -> Iterator[StagedPart]:
    """Staged parts in input order, each once its chunks are mapped."""
    if workers <= 1:
        for source in sources:
            parts: list[StagedPart] = []
            _read(source, run_dir, chunk_records, part_records, _inline, parts.append, on_progress)
            for part in parts:
                yield _finish(part)
        return
    pool = worker_pool(workers)
    slots = threading.BoundedSemaphore(2 * workers + 2)  # chunks read but not mapped yet

    def submit(task: ChunkTask) -> Future[ChunkResult]:
        slots.acquire()
        future = pool.submit(map_chunk, task)
        future.add_done_callback(lambda _: slots.release())
        return future

    ready: queue.Queue[object] = queue.Queue(maxsize=4 * workers)

    def produce() -> None:
        try:
            for source in sources:
                _read(source, run_dir, chunk_records, part_records, submit, ready.put, on_progress)
        finally:
            ready.put(_DONE)

    reader = threading.Thread(target=produce, name="dump-reader", daemon=True)
    reader.start()
    try:
        while (item := ready.get()) is not _DONE:
            assert isinstance(item, StagedPart)
            yield _finish(item)
    finally:
        reader.join()


def _inline(task: ChunkTask) -> Future[ChunkResult]:
    future: Future[ChunkResult] = Future()
    try:
        future.set_result(map_chunk(task))
    except Exception as error:
        future.set_exception(error)
    return future


def _read(
    source: DumpSource,
    run_dir: Path,
    chunk_records: int,
    part_records: int,
    submit: Callable[[ChunkTask], Future[ChunkResult]],
    emit: Callable[[StagedPart], None],
    on_progress: Callable[[str, int], None] | None,
) -> None:
    """Read one dump chunk by chunk, staging raw records, submitting each chunk's map and
    emitting a part every `part_records` records (and its last part at the end)."""
    staged = StagedDump(source, dump_dir(run_dir, source.dump_file))
    staged.directory.mkdir(parents=True, exist_ok=True)
    part = StagedPart(staged, first_record=0, is_first=True)
    began, began_cpu = time.perf_counter(), time.thread_time()
    validating = [0.0, 0.0]  # wall, CPU
    staged.seconds.update(read=[0.0, 0.0], validate=validating)  # first in the summary
    try:
        reader = open_dump(source)
        staged.format, staged.compression = reader.format, reader.compression
        staged.encoding = reader.encoding
        for chunk_index, batch in enumerate(reader.batches(chunk_records)):
            if part.records >= part_records:
                emit(part)
                part = StagedPart(staged, first_record=staged.records_read, is_first=False)
            raw = raw_records_table(batch, source.dump_file, reader.format, None)
            pq.write_table(raw, chunk_path(staged.directory, "raw", chunk_index))
            rejections = ingest_rejections(batch)
            rejected = rejected_records_table(rejections, source.dump_file, "ingest", None)
            pq.write_table(rejected, chunk_path(staged.directory, "rejected-ingest", chunk_index))
            staged.records_read += len(batch)
            staged.ingest_rejected += len(rejections)
            validate_began, validate_cpu = time.perf_counter(), time.thread_time()
            invalid = validate_raw_chunk(raw)
            validating[0] += time.perf_counter() - validate_began
            validating[1] += time.thread_time() - validate_cpu
            task = ChunkTask(
                source.dump_file,
                chunk_index,
                chunk_path(staged.directory, "raw", chunk_index),
                staged.directory,
                invalid,
            )
            part.chunk_indexes.append(chunk_index)
            part.records += len(batch)
            part.futures.append(submit(task))
            if on_progress is not None:
                on_progress(source.dump_file, len(batch))
    except Exception as error:  # reported per dump; the run goes on with the others
        staged.error = f"reading failed: {type(error).__name__}: {error}"
    read_wall, read_cpu = time.perf_counter() - began, time.thread_time() - began_cpu
    staged.seconds["read"] = [read_wall - validating[0], read_cpu - validating[1]]
    part.is_last = True
    emit(part)


def _finish(part: StagedPart) -> StagedPart:
    """Wait for a part's chunks; add their counts and seconds per stage to its dump's."""
    staged = part.dump
    for future in part.futures:
        try:
            chunk = future.result()
        except Exception as error:
            staged.error = staged.error or f"map failed: {type(error).__name__}: {error}"
            continue
        staged.chunks.append(chunk)
        for stage, (wall, cpu) in chunk.seconds.items():
            spent = staged.seconds.setdefault(stage, [0.0, 0.0])
            spent[0] += wall
            spent[1] += cpu
    part.futures.clear()
    return part
