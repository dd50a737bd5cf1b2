"""fastwarc vs warcio: read speed on a WARC built from the shared HTML pages.

Builds a gzip-per-record WARC (warcinfo + request/response pairs + a non-HTML record per page)
from every ``*.html.gz`` under the given dataset folders, repeated --copies times, then times
reading every record and its full HTTP payload with each library. Prints records/s and MB/s.

    .venv/bin/python bench/bench_warc_read.py ../shared/data --copies 20
"""

from __future__ import annotations

import argparse
import gzip
import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from fastwarc.warc import ArchiveIterator as FastIterator
from warcio.archiveiterator import ArchiveIterator as WarcioIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def build_warc(
    pages: list[tuple[str, bytes]],
    copies: int,
    path: Path,
    vary: Callable[[bytes, int], bytes] | None = None,
) -> int:
    """Write the WARC; returns the number of records. vary(html, copy): the page of a copy."""
    count = 0
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("bench.warc.gz", {"software": "bench"}))
        count += 1
        for copy in range(copies):
            for name, html in pages:
                uri = f"https://bench.example/{copy}/{quote(name)}"
                http = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
                )
                payload = vary(html, copy) if vary is not None else html
                record = writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(payload), http_headers=http
                )
                writer.write_record(record)
                count += 1
    return count


def read_fastwarc(path: Path) -> tuple[int, int]:
    records = size = 0
    with path.open("rb") as stream:
        for record in FastIterator(stream, parse_http=True):
            size += len(record.reader.read())
            records += 1
    return records, size


def read_fastwarc_pygzip(path: Path) -> tuple[int, int]:
    """fastwarc over Python's gzip stream: what the ingest reader does for any compression."""
    records = size = 0
    with gzip.open(path, "rb") as stream:
        for record in FastIterator(stream, parse_http=True):
            size += len(record.reader.read())
            records += 1
    return records, size


def read_warcio(path: Path) -> tuple[int, int]:
    records = size = 0
    with path.open("rb") as stream:
        for record in WarcioIterator(stream):
            size += len(record.content_stream().read())
            records += 1
    return records, size


def time_reader(read: Callable[[Path], tuple[int, int]], path: Path, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        read(path)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data", type=Path, help="folder searched for *.html.gz pages")
    parser.add_argument("--copies", type=int, default=20, help="times each page is written")
    parser.add_argument("--repeat", type=int, default=3, help="runs per library (best is kept)")
    args = parser.parse_args(argv)
    files = sorted(args.data.rglob("*.html.gz"))
    pages = [(f.name, gzip.decompress(f.read_bytes())) for f in files]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.warc.gz"
        count = build_warc(pages, args.copies, path)
        mib = path.stat().st_size / 2**20
        print(f"WARC: {count:,} records, {mib:.1f} MiB gzipped, {len(pages)} distinct pages")
        for name, read in (
            ("fastwarc", read_fastwarc),
            ("fastwarc+py-gzip", read_fastwarc_pygzip),
            ("warcio", read_warcio),
        ):
            records, size = read(path)
            seconds = time_reader(read, path, args.repeat)
            print(
                f"{name:17s} {records / seconds:10,.0f} records/s  "
                f"{size / 2**20 / seconds:8.1f} MiB/s payload  ({seconds:.2f} s)"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
