"""Binary content is recognised by content and quarantined as not_text with its type."""

from __future__ import annotations

import random
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from pipelines.ingest import DumpSource, RawRecord, open_dump
from pipelines.ingest.binary import MAX_CONTROL_SHARE, control_share


def png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(data))

    header = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" + b"\xff\x00\x00" * 4) * 4
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels)


def noise(size: int, seed: int = 19) -> bytes:
    return random.Random(seed).randbytes(size)


CASES = {
    "picture.png": (png(), "PNG"),
    "article.txt": (png(), "PNG"),  # the name does not matter
    "tool.bin": (Path("/bin/ls").read_bytes()[:65536], "ELF"),
    "noise.jsonl": (noise(20_000), "control or undecodable"),
    "noise.txt": (noise(20_000, 7), "control or undecodable"),
    "archive.7z": (b"7z\xbc\xaf\x27\x1c\x00\x04" + noise(500), "7-Zip"),
    "data.xz": (b"\xfd7zXZ\x00" + noise(500), "XZ"),
    "report.pdf": (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" + noise(3000), "PDF"),
}


@pytest.mark.parametrize("name", sorted(CASES))
@pytest.mark.parametrize("compression", ["none", "gzip", "zip"])
def test_binary_is_not_text(
    name: str,
    compression: str,
    make_dump: Callable[..., DumpSource],
    read_all: Callable[..., list[RawRecord]],
) -> None:
    data, kind = CASES[name]
    source = make_dump(name, data, compression)
    reader = open_dump(source)
    assert (reader.format, reader.encoding) == ("binary", "binary")
    [record] = read_all(source)
    assert record.reject_reason == "not_text"
    assert kind.lower() in (record.reject_detail or "").lower()
    assert record.raw_record == ""  # nothing of the bytes is kept


def test_real_and_sample_text_is_text() -> None:
    """The rule's margin: every bundled sample reads as text; random bytes do not."""
    from pipelines.ingest import discover_dumps

    samples = Path(__file__).resolve().parents[2] / "samples" / "landing"
    for source in discover_dumps(samples):
        assert open_dump(source).format != "binary", source.dump_file
    assert control_share(noise(20_000).decode("cp1256", errors="replace")) > 2 * MAX_CONTROL_SHARE


def test_text_with_a_few_bad_bytes_stays_text(
    make_dump: Callable[..., DumpSource], read_all: Callable[..., list[RawRecord]]
) -> None:
    good = b'{"title": "t", "maintext": "caf\xc3\xa9 body", "url": "https://a.org/x"}\n' * 30
    bad = b'{"title": "caf\xe9", "maintext": "latin-1", "url": "https://a.org/y"}\n'
    source = make_dump("mixed.jsonl", good + bad + good)
    records = read_all(source)
    assert len(records) == 61
    assert [r.reject_reason for r in records if r.rejected] == ["bad_encoding"]
