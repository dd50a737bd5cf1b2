"""Read on after a bad record; caps with reasons; records_read counts the file's records."""

from __future__ import annotations

import csv
import gzip
import io
import json
import tracemalloc
from collections import Counter
from collections.abc import Callable

import pytest

from pipelines.ingest import DumpSource, RawRecord, open_dump


def article(i: int) -> dict[str, str]:
    return {
        "title": f"Title {i}",
        "maintext": f"Body {i}, with a comma.",
        "url": f"https://x.org/{i}",
    }


def reasons(records: list[RawRecord]) -> Counter[str]:
    return Counter(r.reject_reason or "ok" for r in records)


def jsonl(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode()


@pytest.mark.parametrize("compression", ["none", "gzip", "zip"])
def test_jsonl_lone_surrogate_rejects_one_line(
    compression: str, make_dump: Callable[..., DumpSource], read_all: Callable[..., list[RawRecord]]
) -> None:
    lines = [json.dumps(article(i)) for i in range(41)]
    lines[17] = '{"title": "bad \\ud800 escape", "maintext": "x", "url": "https://x.org/s"}'
    lines[30] = (
        '{"title": "pair \\ud83d\\ude00 is fine", "maintext": "y", "url": "https://x.org/p"}'
    )
    records = read_all(make_dump("surrogate.jsonl", jsonl(lines), compression))
    assert reasons(records) == {"ok": 40, "bad_encoding": 1}
    bad = next(r for r in records if r.rejected)
    assert bad.record_locator == "line:18" and "surrogate" in (bad.reject_detail or "")
    assert "\ud800" not in bad.raw_record
    assert [r.record_index for r in records] == list(range(41))


def deep(depth: int) -> str:
    return '{"title": "deep", "maintext": "x", "extra": ' + "[" * depth + "]" * depth + "}"


@pytest.mark.parametrize("depth", [100, 5_000, 100_000])
def test_json_array_deep_record_is_skipped_and_reading_goes_on(
    depth: int, make_dump: Callable[..., DumpSource], read_all: Callable[..., list[RawRecord]]
) -> None:
    items = [json.dumps(article(i)) for i in range(101)]
    items[50] = deep(depth)
    records = read_all(make_dump("deep.json", ("[" + ",\n".join(items) + "]").encode()))
    assert len(records) == 101  # records_read counts every element
    assert reasons(records) == {"ok": 100, "nested_too_deep": 1}
    assert records[50].record_locator == "index:50"


def test_wrapped_array_with_a_deep_record(
    make_dump: Callable[..., DumpSource], read_all: Callable[..., list[RawRecord]]
) -> None:
    items = [json.dumps(article(i)) for i in range(10)]
    items[3] = deep(50_000)
    data = ('{"meta": {"n": 10}, "articles": [' + ",".join(items) + "]}").encode()
    assert reasons(read_all(make_dump("wrapped.json", data))) == {"ok": 9, "nested_too_deep": 1}


def test_jsonl_deep_line(
    make_dump: Callable[..., DumpSource], read_all: Callable[..., list[RawRecord]]
) -> None:
    lines = [json.dumps(article(i)) for i in range(5)]
    lines[1], lines[3] = deep(100), deep(100_000)
    records = read_all(make_dump("deep.jsonl", jsonl(lines)))
    assert reasons(records) == {"ok": 3, "nested_too_deep": 2}


def csv_bytes(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def rows(n: int, comma: bool = True) -> list[list[str]]:
    body = "Body {}, with a comma." if comma else "Body {} without one."
    return [[f"Title {i}", body.format(i), f"https://x.org/{i}"] for i in range(n)]


@pytest.mark.parametrize("comma", [False, True])  # quoted rows stop the swallowing early
@pytest.mark.parametrize("closes", [False, True])
def test_csv_unclosed_quote_rows_are_recovered(
    closes: bool,
    comma: bool,
    make_dump: Callable[..., DumpSource],
    read_all: Callable[..., list[RawRecord]],
) -> None:
    lines = csv_bytes([["title", "body", "url"], *rows(1571, comma)]).splitlines()
    lines[1000] = 'Title 999,"Body 999 never closed,https://x.org/999'
    if closes:  # a stray quote 100 lines later closes the field
        lines[1101] = 'Title 1100,Body 1100 stray" quote,https://x.org/1100'
    records = read_all(make_dump("unclosed.csv", ("\n".join(lines) + "\n").encode()))
    assert reasons(records) == {"ok": 1570, "unclosed_quote": 1}  # 1,571 rows written, read
    bad = next(r for r in records if r.reject_reason == "unclosed_quote")
    assert "line 1001" in (bad.reject_detail or "") and "swallowed" in (bad.reject_detail or "")
    urls = {r.fields["url"] for r in records if r.fields}
    expected = {f"https://x.org/{i}" for i in range(1571)} - {"https://x.org/999"}
    if closes:
        expected -= {"https://x.org/1100"}
    assert expected <= urls  # every well-formed row after the bad one is read


def test_csv_multiline_bodies_are_not_flagged(
    make_dump: Callable[..., DumpSource], read_all: Callable[..., list[RawRecord]]
) -> None:
    body = "\n".join(f"Paragraph {p}, with commas, like prose, does." for p in range(8))
    data = csv_bytes(
        [["title", "body", "url"], *[[f"T{i}", body, f"https://x.org/{i}"] for i in range(20)]]
    )
    records = read_all(make_dump("multiline.csv", data.encode()))
    assert reasons(records) == {"ok": 20}


def test_line_cap_streams_past_a_long_line(
    monkeypatch: pytest.MonkeyPatch,
    make_dump: Callable[..., DumpSource],
    read_all: Callable[..., list[RawRecord]],
) -> None:
    monkeypatch.setenv("NEWS_MAX_LINE_BYTES", "4096")
    lines = [json.dumps(article(i)) for i in range(5)]
    lines[2] = json.dumps({"title": "long", "maintext": "x" * 50_000})
    records = read_all(make_dump("long.jsonl", jsonl(lines), "gzip"))
    assert reasons(records) == {"ok": 4, "record_too_large": 1}
    assert "NEWS_MAX_LINE_BYTES" in (records[2].reject_detail or "")


def test_128_mib_line_is_never_held_whole(
    make_dump: Callable[..., DumpSource], read_all: Callable[..., list[RawRecord]]
) -> None:
    size = 128 << 20
    payload = io.BytesIO()
    with gzip.GzipFile(fileobj=payload, mode="wb", compresslevel=1) as gz:
        gz.write(json.dumps(article(0)).encode() + b"\n")
        gz.write(b'{"title": "huge", "maintext": "')
        chunk = b"a" * (1 << 20)
        for _ in range(size >> 20):
            gz.write(chunk)
        gz.write(b'"}\n' + json.dumps(article(1)).encode() + b"\n")
    path = make_dump("huge.jsonl", b"")  # placeholder name, then the gzip bytes
    path.path.write_bytes(payload.getvalue())
    source = DumpSource(path.dump_file, path.path, None, "", len(payload.getvalue()))
    tracemalloc.start()
    try:
        records = read_all(source)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert reasons(records) == {"ok": 2, "record_too_large": 1}
    assert peak < 48 << 20, f"peak {peak:,} bytes"


def test_field_and_record_caps(
    monkeypatch: pytest.MonkeyPatch,
    make_dump: Callable[..., DumpSource],
    read_all: Callable[..., list[RawRecord]],
) -> None:
    monkeypatch.setenv("NEWS_MAX_FIELD_BYTES", "1000")
    monkeypatch.setenv("NEWS_MAX_RECORD_BYTES", "5000")
    lines = [json.dumps(article(i)) for i in range(4)]
    lines[1] = json.dumps({"title": "t", "maintext": "é" * 600})  # 1,200 bytes in UTF-8
    lines[2] = json.dumps({"title": "t", "maintext": "b", "notes": ["n" * 900] * 6})
    records = read_all(make_dump("caps.jsonl", jsonl(lines)))
    assert [r.reject_reason for r in records] == [None, "field_too_large", "record_too_large", None]
    array = ("[" + ",".join(lines) + "]").encode()
    assert reasons(read_all(make_dump("caps.json", array))) == {
        "ok": 2,
        "field_too_large": 1,
        "record_too_large": 1,
    }


def test_csv_field_cap_skips_the_field_and_reads_on(
    monkeypatch: pytest.MonkeyPatch,
    make_dump: Callable[..., DumpSource],
    read_all: Callable[..., list[RawRecord]],
) -> None:
    monkeypatch.setenv("NEWS_MAX_FIELD_BYTES", "2000")
    big = "\n".join("A long paragraph without row shape." for _ in range(200))
    table = [["title", "body", "url"], *rows(3), ["Big", big, "https://x.org/big"], *rows(3)]
    records = read_all(make_dump("bigfield.csv", csv_bytes(table).encode()))
    assert reasons(records) == {"ok": 6, "field_too_large": 1}


def test_records_per_dump_cap(
    monkeypatch: pytest.MonkeyPatch,
    make_dump: Callable[..., DumpSource],
    read_all: Callable[..., list[RawRecord]],
) -> None:
    monkeypatch.setenv("NEWS_MAX_RECORDS_PER_DUMP", "10")
    source = make_dump("many.jsonl", jsonl([json.dumps(article(i)) for i in range(50)]))
    records = read_all(source)
    assert reasons(records) == {"ok": 10, "too_many_records": 1}
    assert open_dump(source).limits.records_per_dump == 10
