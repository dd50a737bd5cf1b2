"""Ingest test fixtures: build dumps on disk (optionally compressed or zipped), read them."""

from __future__ import annotations

import bz2
import gzip
import hashlib
import io
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest
import zstandard

from pipelines.ingest import DumpSource, RawRecord, open_dump

SUFFIX = {"none": "", "gzip": ".gz", "zstd": ".zst", "bz2": ".bz2"}


def compress(data: bytes, kind: str) -> bytes:
    if kind == "gzip":
        return gzip.compress(data)
    if kind == "zstd":
        return zstandard.ZstdCompressor().compress(data)
    if kind == "bz2":
        return bz2.compress(data)
    return data


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    path = tmp_path / "landing"
    path.mkdir()
    return path


@pytest.fixture
def make_dump(landing: Path) -> Callable[..., DumpSource]:
    """make_dump(name, data, compression="none") -> DumpSource.

    compression: none, gzip, zstd, bz2; "zip" stores the file as a member of name + ".zip",
    "zip+gzip" stores a gzipped member.
    """

    def build(name: str, data: bytes, compression: str = "none") -> DumpSource:
        if compression.startswith("zip"):
            inner = compression.partition("+")[2] or "none"
            member = f"inner/{name}{SUFFIX[inner]}"
            payload = compress(data, inner)
            archive = landing / f"{name}.zip"
            with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
                zf.writestr(member, payload)
            digest = hashlib.sha256(payload).hexdigest()
            return DumpSource(f"{archive.name}/{member}", archive, member, digest, len(payload))
        payload = compress(data, compression)
        path = landing / f"{name}{SUFFIX[compression]}"
        path.write_bytes(payload)
        digest = hashlib.sha256(payload).hexdigest()
        return DumpSource(path.name, path, None, digest, len(payload))

    return build


def _read_all(source: DumpSource, batch_size: int = 5000) -> list[RawRecord]:
    return [record for batch in open_dump(source).batches(batch_size) for record in batch]


@pytest.fixture
def read_all() -> Callable[..., list[RawRecord]]:
    """read_all(source, batch_size=5000) -> every record of the dump."""
    return _read_all


def _parquet_bytes(rows: Sequence[Mapping[str, object]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pylist([dict(row) for row in rows]), sink)
    return sink.getvalue()


@pytest.fixture
def parquet_bytes() -> Callable[[Sequence[Mapping[str, object]]], bytes]:
    return _parquet_bytes
