"""Each reject reason; a bad record never stops the file, a bad file never raises."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest
import zstandard

from pipelines.ingest import DumpSource, RawRecord, open_dump, text_formats

MakeDump = Callable[..., DumpSource]
ReadAll = Callable[..., list[RawRecord]]
ParquetBytes = Callable[[Sequence[Mapping[str, object]]], bytes]

GOOD = '{"title": "ok", "text": "نص عربي"}'


def summary(records: list[RawRecord]) -> list[tuple[int, str, str | None]]:
    return [(r.record_index, r.record_locator, r.reject_reason) for r in records]


def test_jsonl_rejects_and_continues(make_dump: MakeDump, read_all: ReadAll) -> None:
    lines = [GOOD, '{"title": "x" "body": 1}', "", "[1, 2]", "42", GOOD]
    records = read_all(make_dump("d.jsonl", "\n".join(lines).encode()))
    assert summary(records) == [
        (0, "line:1", None),
        (1, "line:2", "unparseable_json"),
        (2, "line:4", "not_an_object"),
        (3, "line:5", "not_an_object"),
        (4, "line:6", None),
    ]
    assert records[1].reject_detail == "line 2: Expecting ',' delimiter: column 15"
    assert records[1].raw_record == lines[1]
    assert records[1].fields is None
    assert records[2].reject_detail == "line 4: expected a JSON object, got array"


def test_jsonl_bad_encoding_rejects_only_that_line(make_dump: MakeDump, read_all: ReadAll) -> None:
    good = GOOD.encode()
    data = b"\n".join([good] * 5 + [b'{"title": "bad \xff\xfe byte"}'] + [good] * 2)
    source = make_dump("d.jsonl", data)
    assert open_dump(source).encoding == "utf-8"
    records = read_all(source)
    assert [r.reject_reason for r in records] == [None] * 5 + ["bad_encoding"] + [None] * 2
    bad = records[5]
    assert bad.record_locator == "line:6"
    assert bad.raw_record == '{"title": "bad \ufffd\ufffd byte"}'
    assert bad.reject_detail is not None and bad.reject_detail.startswith("line 6: 'utf-8' codec")


def test_utf16_bad_encoding_rejects_only_that_line(make_dump: MakeDump, read_all: ReadAll) -> None:
    bad_line = '{"t": "'.encode("utf-16-le") + b"\x00\xd8" + '"}\n'.encode("utf-16-le")
    good_line = (GOOD + "\n").encode("utf-16-le")
    data = (GOOD + "\n").encode("utf-16") + bad_line + good_line
    source = make_dump("d.jsonl", data)
    assert open_dump(source).encoding == "utf-16"
    records = read_all(source)
    assert summary(records) == [
        (0, "line:1", None),
        (1, "line:2", "bad_encoding"),
        (2, "line:3", None),
    ]
    assert records[1].raw_record == '{"t": "\ufffd"}'


def test_utf16_truncated_at_an_odd_byte(make_dump: MakeDump, read_all: ReadAll) -> None:
    records = read_all(make_dump("d.jsonl", (GOOD + "\n" + GOOD).encode("utf-16") + b"\x41"))
    assert [r.reject_reason for r in records] == [None, "bad_encoding"]
    assert records[1].record_locator.startswith("byte:")


def test_csv_rejects(make_dump: MakeDump, read_all: ReadAll) -> None:
    rows = ["title,body", "a,one", "b,two,surplus", "c,th\xe9ree", "d,four"]
    data = "\n".join(rows).encode("utf-8").replace("é".encode(), b"\xe9")
    source = make_dump("d.csv", ("title,body\n" + "x,\u0646\u0635\n" * 20).encode() + data)
    records = read_all(source)[20:]
    assert [(r.record_locator, r.reject_reason) for r in records] == [
        ("row:21", None),  # the repeated header row is data for a CSV
        ("row:22", None),
        ("row:23", "malformed_row"),
        ("row:24", "bad_encoding"),
        ("row:25", None),
    ]
    assert records[2].reject_detail == "row 23 (line 24): 3 fields, header has 2"
    assert json.loads(records[2].raw_record) == ["b", "two", "surplus"]
    assert json.loads(records[3].raw_record) == ["c", "th\ufffdree"]


def test_json_array_element_rejects(make_dump: MakeDump, read_all: ReadAll) -> None:
    data = json.dumps([{"title": "a"}, 3, [1], {"title": "b"}]).encode()
    records = read_all(make_dump("d.json", data))
    assert summary(records) == [
        (0, "index:0", None),
        (1, "index:1", "not_an_object"),
        (2, "index:2", "not_an_object"),
        (3, "index:3", None),
    ]


def test_json_array_broken_midway_stops_with_byte_locator(
    make_dump: MakeDump, read_all: ReadAll
) -> None:
    records = read_all(make_dump("d.json", b'[{"title": "a"}, {"title": }, {"title": "c"}]'))
    assert [r.reject_reason for r in records] == [None, "unparseable_json"]
    assert records[1].record_locator.startswith("byte:")
    assert records[1].record_index == 1
    assert records[1].reject_detail is not None and "parse error" in records[1].reject_detail


def test_unparseable_literal_continues(make_dump: MakeDump, read_all: ReadAll) -> None:
    text = "['ok', 'bad \\N{NO SUCH NAME}', None, 'next']"
    records = read_all(make_dump("list.txt", text.encode()))
    assert summary(records) == [
        (0, "index:0", None),
        (1, "index:1", "unparseable_literal"),
        (2, "index:2", "unparseable_literal"),
        (3, "index:3", None),
    ]
    assert records[1].raw_record == "'bad \\N{NO SUCH NAME}'"
    assert records[2].raw_record == "None"
    assert records[3].fields is not None and records[3].fields["body"] == "next"


def test_unterminated_literal_at_the_end(make_dump: MakeDump, read_all: ReadAll) -> None:
    records = read_all(make_dump("list.txt", b"['one', 'two', 'thr"))
    assert [r.reject_reason for r in records] == [None, None, "unparseable_literal"]
    assert records[2].raw_record == "'thr"


def test_file_too_large(
    make_dump: MakeDump, monkeypatch: pytest.MonkeyPatch, read_all: ReadAll
) -> None:
    monkeypatch.setattr(text_formats, "MAX_TEXT_BYTES", 100)
    records = read_all(make_dump("big.txt", b"word " * 50))
    assert summary(records) == [(0, "file", "file_too_large")]
    assert records[0].raw_record.startswith("word word")


def _jsonl(n: int) -> bytes:
    lines = (json.dumps({"title": f"t{i}", "text": "x" * 50}) + "\n" for i in range(n))
    return "".join(lines).encode()


@pytest.mark.parametrize("kind", ["gzip", "zstd"])
def test_truncated_stream(make_dump: MakeDump, kind: str, read_all: ReadAll) -> None:
    data = _jsonl(5000)
    packed = gzip.compress(data) if kind == "gzip" else zstandard.ZstdCompressor().compress(data)
    source = make_dump("cut.jsonl", packed[: len(packed) // 2])
    records = read_all(source)
    assert records[-1].reject_reason == "unreadable_file"
    assert records[-1].record_locator.startswith("byte:")
    assert all(r.reject_reason in (None, "unparseable_json") for r in records[:-1])
    assert len(records) > 10
    assert [r.record_index for r in records] == list(range(len(records)))


def test_corrupt_bz2(make_dump: MakeDump, read_all: ReadAll) -> None:
    records = read_all(make_dump("x.jsonl", b"BZh91AY&SY" + b"\x00garbage" * 20))
    assert summary(records) == [(0, "file", "unreadable_file")]
    assert records[0].reject_detail


def test_corrupt_parquet(
    make_dump: MakeDump, read_all: ReadAll, parquet_bytes: ParquetBytes
) -> None:
    good = parquet_bytes([{"title": "a", "text": "b"}])
    broken = good[:4] + b"\x00" * (len(good) - 8) + good[-4:]
    records = read_all(make_dump("x.parquet", broken))
    assert summary(records) == [(0, "file", "unreadable_file")]
    assert records[0].reject_detail is not None and "parquet" in records[0].reject_detail


def test_missing_zip_member_and_fake_zip(landing: Path, read_all: ReadAll) -> None:
    archive = landing / "a.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("real.jsonl", GOOD)
    missing = DumpSource("a.zip/gone.jsonl", archive, "gone.jsonl", "", 0)
    records = read_all(missing)
    assert summary(records) == [(0, "file", "unreadable_file")]
    assert records[0].reject_detail is not None and "gone.jsonl" in records[0].reject_detail
    fake = landing / "fake.zip"
    fake.write_bytes(b"not a zip at all")
    records = read_all(DumpSource("fake.zip", fake, None, "", 16))
    assert summary(records) == [(0, "file", "unreadable_file")]


def test_missing_file(landing: Path, read_all: ReadAll) -> None:
    source = DumpSource("nope.jsonl", landing / "nope.jsonl", None, "", 0)
    records = read_all(source)
    assert summary(records) == [(0, "file", "unreadable_file")]


def test_streamed_zstd_frames_without_content_size(make_dump: MakeDump, read_all: ReadAll) -> None:
    data = _jsonl(3000)
    sink = io.BytesIO()
    with zstandard.ZstdCompressor(write_checksum=True).stream_writer(sink, closefd=False) as w:
        for start in range(0, len(data), 7000):
            w.write(data[start : start + 7000])
            w.flush(zstandard.FLUSH_FRAME)
    packed = sink.getvalue()
    assert len(read_all(make_dump("frames.jsonl", packed))) == 3000
    records = read_all(make_dump("cut_frames.jsonl", packed[:-3]))
    assert records[-1].reject_reason == "unreadable_file"
