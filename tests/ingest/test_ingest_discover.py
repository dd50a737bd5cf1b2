"""discover_dumps: keys, hidden names, zip members, hashes."""

from __future__ import annotations

import gzip
import hashlib
import zipfile
from collections.abc import Callable
from pathlib import Path

from pipelines.ingest import RawRecord, discover_dumps, open_dump

ReadAll = Callable[..., list[RawRecord]]

M1 = b'[{"title": "m1", "content": "c1"}]'
M2 = "مقال كامل في ملف نصي".encode()


def build_landing(landing: Path) -> None:
    (landing / "a.jsonl").write_bytes(b'{"title": "a"}\n')
    (landing / "sub").mkdir()
    (landing / "sub" / "b.csv.gz").write_bytes(gzip.compress(b"title,body\nt,b\n"))
    (landing / ".hidden.jsonl").write_bytes(b"{}")
    (landing / "_partial.jsonl").write_bytes(b"{}")
    (landing / "_tmp").mkdir()
    (landing / "_tmp" / "x.jsonl").write_bytes(b"{}")
    (landing / ".git").mkdir()
    (landing / ".git" / "y.jsonl").write_bytes(b"{}")
    with zipfile.ZipFile(landing / "arch.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("dir/", b"")
        zf.writestr("dir/m1.json", M1)
        zf.writestr("__MACOSX/dir/._m1.json", b"\x00\x05junk")
        zf.writestr(".DS_Store", b"junk")
        zf.writestr("m2.txt", M2)


def test_keys_sorted_and_hidden_skipped(landing: Path) -> None:
    build_landing(landing)
    sources = discover_dumps(landing)
    assert [s.dump_file for s in sources] == [
        "a.jsonl",
        "arch.zip/dir/m1.json",
        "arch.zip/m2.txt",
        "sub/b.csv.gz",
    ]
    by_key = {s.dump_file: s for s in sources}
    assert by_key["arch.zip/dir/m1.json"].path == landing / "arch.zip"
    assert by_key["arch.zip/dir/m1.json"].member == "dir/m1.json"
    assert by_key["a.jsonl"].member is None
    assert by_key["sub/b.csv.gz"].path == landing / "sub" / "b.csv.gz"


def test_hashes_and_sizes(landing: Path) -> None:
    build_landing(landing)
    first = {s.dump_file: s for s in discover_dumps(landing)}
    again = {s.dump_file: s for s in discover_dumps(landing)}
    assert first == again
    member = first["arch.zip/dir/m1.json"]
    assert (member.sha256, member.bytes) == (hashlib.sha256(M1).hexdigest(), len(M1))
    packed = (landing / "sub" / "b.csv.gz").read_bytes()
    plain = first["sub/b.csv.gz"]
    assert (plain.sha256, plain.bytes) == (hashlib.sha256(packed).hexdigest(), len(packed))


def test_every_discovered_dump_reads(landing: Path, read_all: ReadAll) -> None:
    build_landing(landing)
    formats = {}
    for source in discover_dumps(landing):
        records = read_all(source)
        assert records and all(r.reject_reason is None for r in records)
        formats[source.dump_file] = open_dump(source).format
    assert formats == {
        "a.jsonl": "jsonl",
        "arch.zip/dir/m1.json": "json_array",
        "arch.zip/m2.txt": "text",
        "sub/b.csv.gz": "csv",
    }


def test_invalid_zip_is_listed_and_reported(landing: Path, read_all: ReadAll) -> None:
    (landing / "broken.zip").write_bytes(b"PK\x03\x04 truncated")
    [source] = discover_dumps(landing)
    assert (source.dump_file, source.member) == ("broken.zip", None)
    [record] = read_all(source)
    assert record.reject_reason == "unreadable_file"


def test_empty_landing(landing: Path) -> None:
    assert discover_dumps(landing) == []
