"""One dynamic partition per dump file; the key is its path relative to the landing folder."""

from collections.abc import Sequence

import dagster as dg
from dagster._core.storage.tags import (
    ASSET_PARTITION_RANGE_END_TAG,
    ASSET_PARTITION_RANGE_START_TAG,
)

dumps_partitions = dg.DynamicPartitionsDefinition(name="dumps")

# Every asset that writes the DuckDB file runs in this pool (limit 1): one writer at a time.
WAREHOUSE_POOL = "duckdb_warehouse"


def range_tags(keys: list[str]) -> dict[str, str]:
    """Run tags asking for one run over the partition range first..last of `keys`."""
    return {
        ASSET_PARTITION_RANGE_START_TAG: keys[0],
        ASSET_PARTITION_RANGE_END_TAG: keys[-1],
    }


def contiguous_runs(keys: Sequence[str], order: Sequence[str]) -> list[list[str]]:
    """`keys` split into runs that are contiguous in the partitions' `order` (a range run covers
    every partition between its ends, so keys not to be loaded must not fall inside one)."""
    wanted = set(keys)
    runs: list[list[str]] = []
    current: list[str] = []
    for key in order:
        if key in wanted:
            current.append(key)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs
