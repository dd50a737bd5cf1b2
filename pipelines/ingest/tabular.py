"""CSV/TSV and Parquet readers."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from typing import IO, Any

from pipelines.ingest.encoding import LONE_SURROGATE, replace_escapes
from pipelines.ingest.mapping import map_fields
from pipelines.ingest.records import (
    BAD_ENCODING,
    MALFORMED_ROW,
    UNREADABLE_FILE,
    RawRecord,
    accepted,
    rejected,
)
from pipelines.ingest.streams import DecodedStream
from pipelines.ingest.textio import iter_lines

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _header(row: list[str]) -> list[str]:
    """Stripped, non-empty, unique column names."""
    names: list[str] = []
    seen: set[str] = set()
    for position, cell in enumerate(row, 1):
        name = cell.strip().lstrip("\ufeff") or f"column_{position}"
        unique, n = name, 2
        while unique in seen:
            unique, n = f"{name}_{n}", n + 1
        seen.add(unique)
        names.append(unique)
    return names


def read_csv(
    stream: DecodedStream, encoding: str, delimiter: str, has_header: bool = True
) -> Iterator[RawRecord]:
    """One record per data row; rows are re-serialized as JSON objects keyed by the header."""
    # Undecodable bytes arrive as surrogate escapes, so the bad row can be rejected alone.
    lines = (text for _, text, _ in iter_lines(stream.buffered, encoding))
    reader = csv.reader(lines, delimiter=delimiter)
    header: list[str] | None = None
    row_no = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row_no += 1
            detail = f"row {row_no} (line {reader.line_num}): {exc}"
            yield rejected(f"row:{row_no}", "", MALFORMED_ROW, detail)
            continue
        if not row:
            continue
        if header is None:
            if has_header:
                header = _header([replace_escapes(c) for c in row])
                continue
            header = [f"column_{i}" for i in range(1, len(row) + 1)]
        row_no += 1
        locator = f"row:{row_no}"
        where = f"row {row_no} (line {reader.line_num})"
        if any(LONE_SURROGATE.search(cell) for cell in row):
            raw = json.dumps([replace_escapes(c) for c in row], ensure_ascii=False)
            yield rejected(locator, raw, BAD_ENCODING, f"{where}: undecodable bytes for {encoding}")
            continue
        if len(row) > len(header):
            raw = json.dumps(row, ensure_ascii=False)
            detail = f"{where}: {len(row)} fields, header has {len(header)}"
            yield rejected(locator, raw, MALFORMED_ROW, detail)
            continue
        obj: dict[str, Any] = dict.fromkeys(header)
        obj.update(zip(header, row, strict=False))
        yield accepted(locator, json.dumps(obj, ensure_ascii=False), map_fields(obj))


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
