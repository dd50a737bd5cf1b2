"""WARC/ARC dumps: every archive record is a record; HTML responses become articles."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable

import pytest
import zstandard

from pipelines.ingest import DumpSource, RawRecord, open_dump
from pipelines.ingest.html_extract import EXTRACTOR_VERSION
from tests.ingest.html_fixtures import gzip_records, sample_warc_records

EXPECTED_REASONS = [
    ("warc_non_response", "warcinfo record"),
    ("warc_non_response", "request record"),
    (None, None),
    ("http_redirect", "HTTP 301 to https://port-news.example/new"),
    ("not_html", "text/plain"),
    ("not_html", "image/png"),
    ("http_error", "HTTP status 404"),
    (None, None),
]


@pytest.mark.parametrize("packing", ["plain", "per_record_gzip", "whole_gzip", "zip"])
def test_every_warc_record_is_accounted_for(
    make_dump: Callable[..., DumpSource],
    read_all: Callable[..., list[RawRecord]],
    packing: str,
) -> None:
    records = sample_warc_records()
    if packing == "per_record_gzip":
        source = make_dump("crawl.warc.gz", gzip_records(records))
    elif packing == "whole_gzip":
        source = make_dump("crawl.warc", b"".join(records), "gzip")
    elif packing == "zip":
        source = make_dump("crawl.warc", b"".join(records), "zip")
    else:
        source = make_dump("crawl.warc", b"".join(records))
    reader = open_dump(source)
    assert (reader.format, reader.encoding) == ("warc", "binary/warc")
    got = read_all(source)
    assert [(r.reject_reason, r.reject_detail) for r in got] == EXPECTED_REASONS
    assert [r.record_index for r in got] == list(range(8))
    assert got[0].record_locator.startswith("record:0,offset:0")


def test_html_response_fields_payload_and_version(
    make_dump: Callable[..., DumpSource], read_all: Callable[..., list[RawRecord]]
) -> None:
    got = read_all(make_dump("crawl.warc.gz", gzip_records(sample_warc_records())))
    page = got[2]
    assert page.fields is not None
    fields = page.fields
    assert fields["url"] == "https://port-news.example/2025/05/03/terminal"  # canonical
    assert fields["title"] == "Harbour terminal opens"
    assert fields["published_at_raw"] == "2025-05-03"
    assert fields["published_at_source"] == "html"
    assert (fields["language"], fields["authors"], fields["source"]) == (
        "en",
        "Mariam Haddad",
        "Port News",
    )
    body = fields["body"] or ""
    assert "container terminal" in body
    assert "cookies" not in body and "World" not in body and "rights reserved" not in body
    extra = json.loads(fields["extra"] or "{}")
    assert extra["target_uri"].endswith("terminal?utm_source=x")
    assert extra["warc_date"] == "2025-05-03T09:00:00Z"
    assert (extra["http_status"], extra["description"]) == (200, "A new terminal.")
    assert page.extractor_version == EXTRACTOR_VERSION
    assert page.raw_payload is not None
    html = zstandard.decompress(page.raw_payload)
    assert html.startswith(b"<!DOCTYPE html>") and b"Mariam Haddad" in html
    assert json.loads(page.raw_record)["payload_bytes"] == len(html)
    # the second page has no Content-Type: sniffed as HTML from its bytes
    assert got[7].fields is not None and got[7].fields["url"] == "https://port-news.example/2"


def test_parallel_extraction_keeps_order(
    make_dump: Callable[..., DumpSource], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("pipelines.ingest.html_parallel.CHUNK_ITEMS", 4)
    records = sample_warc_records() * 3
    source = make_dump("many.warc.gz", gzip_records(records))
    from pipelines.ingest.warc_format import read_archive

    with gzip.open(source.path, "rb") as stream:
        parallel = list(read_archive(stream, "warc", workers=2))
    with gzip.open(source.path, "rb") as stream:
        serial = list(read_archive(stream, "warc", workers=1))
    assert [(r.record_locator, r.reject_reason) for r in parallel] == [
        (r.record_locator, r.reject_reason) for r in serial
    ]
    assert [r.fields for r in parallel] == [r.fields for r in serial]


def test_arc_file_is_read_with_warcio(
    make_dump: Callable[..., DumpSource], read_all: Callable[..., list[RawRecord]]
) -> None:
    page = b"<html><head><title>ARC page</title></head><body><p>" + b"Words here. " * 40
    page += b"</p></body></html>"
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
    meta = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    header = f"filedesc://t.arc 0.0.0.0 20250503080000 text/plain {len(meta)}\n".encode()
    record = f"http://arc.example/a 1.2.3.4 20250503080000 text/html {len(http)}\n".encode()
    data = header + meta + b"\n" + record + http + b"\n"
    source = make_dump("old.arc", data)
    assert open_dump(source).encoding == "binary/arc"
    got = read_all(source)
    assert [r.reject_reason for r in got] == ["warc_non_response", None]
    assert got[1].fields is not None and got[1].fields["url"] == "http://arc.example/a"
