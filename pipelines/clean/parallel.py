"""Clean batches on several processes: cleaning is pure Python and bound by the GIL."""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from pipelines.clean.batches import CleanedBatch, clean_records


def clean_batches(
    batches: Iterable[list[dict[str, Any]]], dump_file: str, workers: int
) -> Iterator[CleanedBatch]:
    """Cleaned batches in input order; `workers` > 1 spreads them over spawned processes."""
    if workers <= 1:
        for records in batches:
            yield clean_records(records, dump_file)
        return
    # spawn, not fork: the parent holds a DuckDB connection and Dagster threads.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        in_flight: deque[Future[CleanedBatch]] = deque()
        for records in batches:
            in_flight.append(pool.submit(clean_records, records, dump_file))
            if len(in_flight) >= 2 * workers:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
