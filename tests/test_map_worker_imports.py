"""A map worker loads neither Polars, Pandera nor pandas (~0.1 GB a worker): the dump reader
validates, the quarantine rows it found ride along with the chunk's task, and pandas, which
pyarrow would import on its first array, is unavailable in workers."""

from __future__ import annotations

import sys
from pathlib import Path

import pyarrow.parquet as pq

from pipelines.ingest.frames import raw_records_table
from pipelines.ingest.records import RawRecord
from pipelines.parallel import worker_pool
from pipelines.staging.chunk import ChunkTask, map_chunk

BODY = "The city council approved the new river bridge on Monday after a long debate."
REJECTION = {
    "record_index": 1, "record_locator": "line:2", "reject_reason": "missing_body",
    "reject_detail": "no article text", "raw_record": "{}", "stage": "validate",
}  # fmt: skip


def map_one_chunk(work: Path) -> dict[str, object]:
    """Runs on a pool worker: map a two-record chunk whose second record failed validation."""
    records = [
        RawRecord("line:1", 0, "{}", {"title": "Bridge", "body": BODY, "url": "https://a.example/1"}),
        RawRecord("line:2", 1, "{}", {"title": "Empty", "body": " ", "url": "https://a.example/2"}),
    ]  # fmt: skip
    raw_path = work / "raw.parquet"
    pq.write_table(raw_records_table(records, "d.jsonl", "jsonl", None), raw_path)
    result = map_chunk(ChunkTask("d.jsonl", 0, raw_path, work, [REJECTION]))
    rejected = pq.read_table(work / "rejected-000000.parquet").to_pylist()
    return {
        "cleaned": result.cleaned,
        "rejected": [(r["record_index"], r["stage"], r["reject_reason"]) for r in rejected],
        "loaded": sorted(m for m in ("polars", "pandera", "pandas") if sys.modules.get(m)),
    }


def test_a_worker_maps_a_chunk_without_polars_pandera_or_pandas(tmp_path: Path) -> None:
    found = worker_pool(2).submit(map_one_chunk, tmp_path).result()
    assert found["loaded"] == []
    assert found["cleaned"] == 1
    assert found["rejected"] == [(1, "validate", "missing_body")]
