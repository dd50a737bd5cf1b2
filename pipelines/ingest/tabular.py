"""Parquet reader (CSV/TSV: csv_format, re-exported here)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from pipelines.ingest.csv_format import read_csv
from pipelines.ingest.mapping import map_fields
from pipelines.ingest.records import RawRecord, accepted, rejected
from pipelines.reject_reasons import UNREADABLE_FILE

__all__ = ["read_csv", "read_parquet"]


def read_parquet(source: IO[bytes] | str, batch_size: int) -> Iterator[RawRecord]:
    """Rows via ParquetFile.iter_batches; source must be seekable (a path or a spooled file)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    row_no = 0
    try:
        parquet = pq.ParquetFile(source)
        for batch in parquet.iter_batches(batch_size=max(1, min(batch_size, 65536))):
            for row in batch.to_pylist():
                row_no += 1
                raw = json.dumps(row, ensure_ascii=False, default=str)
                yield accepted(f"row:{row_no}", raw, map_fields(row))
    except (pa.ArrowException, OSError, ValueError) as exc:
        detail = f"unreadable parquet after {row_no} rows: {type(exc).__name__}: {exc}"
        yield rejected("file", "", UNREADABLE_FILE, detail)
