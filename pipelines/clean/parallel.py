"""Clean batches on several processes: cleaning is pure Python and bound by the GIL."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial
from typing import Any

from pipelines.clean.batches import CleanedBatch, clean_records
from pipelines.parallel import ordered_map


def clean_batches(
    batches: Iterable[list[dict[str, Any]]], dump_file: str, workers: int
) -> Iterator[CleanedBatch]:
    """Cleaned batches in input order; `workers` > 1 spreads them over worker processes."""
    return ordered_map(partial(clean_records, dump_file=dump_file), batches, workers)
