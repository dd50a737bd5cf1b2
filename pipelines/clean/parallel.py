"""Clean batches on several processes: cleaning is pure Python and bound by the GIL."""

from __future__ import annotations

import atexit
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cache
from typing import Any

from pipelines.clean.batches import CleanedBatch, clean_records


@cache
def _pool(workers: int) -> ProcessPoolExecutor:
    """One pool per process, kept across dumps: each worker loads the language models once."""
    # spawn, not fork: the parent holds a DuckDB connection and Dagster threads.
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    atexit.register(pool.shutdown, cancel_futures=True)
    return pool


def clean_batches(
    batches: Iterable[list[dict[str, Any]]], dump_file: str, workers: int
) -> Iterator[CleanedBatch]:
    """Cleaned batches in input order; `workers` > 1 spreads them over worker processes."""
    if workers <= 1:
        for records in batches:
            yield clean_records(records, dump_file)
        return
    pool = _pool(workers)
    in_flight: deque[Future[CleanedBatch]] = deque()
    for records in batches:
        in_flight.append(pool.submit(clean_records, records, dump_file))
        if len(in_flight) >= 2 * workers:
            yield in_flight.popleft().result()
    while in_flight:
        yield in_flight.popleft().result()
