"""WARC (fastwarc) and ARC (warcio) archives: every archive record becomes one RawRecord.

A `response` (or `resource`) record with a 2xx HTML payload is a page to extract. Every other
record is a rejected record with a reason, so nothing is dropped silently:
warc_non_response (warcinfo, request, metadata, revisit, ...), http_redirect (3xx),
http_error (other non-2xx), not_html (images, PDFs, robots.txt, ...), file_too_large.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import IO, Final

from fastwarc.warc import ArchiveIterator as FastArchiveIterator
from warcio.archiveiterator import ArchiveIterator as WarcioArchiveIterator

from pipelines.ingest.html_extract import PageContext
from pipelines.ingest.html_parallel import Item, extract_stream
from pipelines.ingest.html_sniff import looks_like_html
from pipelines.ingest.records import RawRecord, rejected
from pipelines.reject_reasons import (
    FILE_TOO_LARGE,
    HTTP_ERROR,
    HTTP_REDIRECT,
    NOT_HTML,
    WARC_NON_RESPONSE,
)

MAX_PAGE_BYTES: Final = 20 * 1024 * 1024
HTML_TYPES: Final = ("text/html", "application/xhtml+xml")
PAGE_RECORD_TYPES: Final = ("response", "resource")


@dataclass
class ArchiveEntry:
    """One archive record, library-neutral."""

    offset: int
    record_type: str
    target_uri: str | None
    warc_date: str | None
    record_id: str | None
    http_status: int | None  # None: no HTTP block (resource records, unparseable status)
    content_type: str | None  # full header value, charset included
    location: str | None
    read_payload: Callable[[int], bytes]  # read(n): at most n payload bytes


def _status(line: str | None) -> int | None:
    parts = (line or "").split()
    return int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else None


def fastwarc_entries(stream: IO[bytes]) -> Iterator[ArchiveEntry]:
    for record in FastArchiveIterator(stream, parse_http=True, auto_decode="all"):
        headers, http = record.headers, record.http_headers
        kind = str(record.record_type)
        content_type = http.get("Content-Type") if http is not None else None
        if http is None and kind == "resource":
            content_type = headers.get("Content-Type")
        yield ArchiveEntry(
            offset=record.stream_pos,
            record_type=kind,
            target_uri=headers.get("WARC-Target-URI"),
            warc_date=headers.get("WARC-Date"),
            record_id=record.record_id,
            http_status=http.status_code if http is not None else None,
            content_type=content_type,
            location=http.get("Location") if http is not None else None,
            read_payload=record.reader.read,
        )


def warcio_entries(stream: IO[bytes]) -> Iterator[ArchiveEntry]:
    """ARC files (converted to WARC-like records by warcio); fastwarc reads WARC only."""
    iterator = WarcioArchiveIterator(stream, arc2warc=True)
    for record in iterator:
        headers, http = record.rec_headers, record.http_headers
        content_type = http.get_header("Content-Type") if http is not None else None
        yield ArchiveEntry(
            offset=iterator.offset,
            record_type=record.rec_type,
            target_uri=headers.get_header("WARC-Target-URI"),
            warc_date=headers.get_header("WARC-Date"),
            record_id=headers.get_header("WARC-Record-ID"),
            http_status=_status(http.statusline and f"HTTP {http.statusline}") if http else None,
            content_type=content_type or headers.get_header("Content-Type"),
            location=http.get_header("Location") if http is not None else None,
            read_payload=record.content_stream().read,
        )


def _declared_html(content_type: str | None) -> bool | None:
    """True/False when the Content-Type decides; None when the payload must be sniffed."""
    media = (content_type or "").split(";")[0].strip().lower()
    if media in HTML_TYPES:
        return True
    if not media or media == "application/octet-stream":
        return None
    return False


def archive_items(entries: Iterator[ArchiveEntry]) -> Iterator[Item]:
    """Pages to extract and final (rejected) records, in archive order."""
    for number, entry in enumerate(entries):
        # offset: of the record's gzip member (seekable) or of the record in an uncompressed file
        locator = f"record:{number},offset:{entry.offset}"
        context = PageContext(
            locator=locator,
            target_uri=entry.target_uri,
            warc_date=entry.warc_date,
            warc_record_id=entry.record_id,
            http_status=entry.http_status,
            content_type=entry.content_type,
        )
        summary = " ".join(
            str(v) for v in (entry.record_type, entry.target_uri, entry.record_id) if v
        )
        if entry.record_type not in PAGE_RECORD_TYPES:
            detail = f"{entry.record_type} record"
            yield rejected(locator, summary, WARC_NON_RESPONSE, detail)
            continue
        status = entry.http_status
        if entry.record_type == "response" and status is not None and 300 <= status < 400:
            detail = f"HTTP {status} to {entry.location or '(no Location)'}"
            yield rejected(locator, summary, HTTP_REDIRECT, detail)
            continue
        if entry.record_type == "response" and (status is None or not 200 <= status < 300):
            yield rejected(locator, summary, HTTP_ERROR, f"HTTP status {status}")
            continue
        declared = _declared_html(entry.content_type)
        if declared is False:
            yield rejected(locator, summary, NOT_HTML, entry.content_type or "")
            continue
        payload = entry.read_payload(MAX_PAGE_BYTES + 1)
        if declared is None and not looks_like_html(payload[:4096]):
            detail = f"{entry.content_type or 'no Content-Type'}, not HTML by content"
            yield rejected(locator, summary, NOT_HTML, detail)
        elif len(payload) > MAX_PAGE_BYTES:
            yield rejected(locator, summary, FILE_TOO_LARGE, f"page over {MAX_PAGE_BYTES} bytes")
        else:
            yield payload, context


def read_archive(stream: IO[bytes], kind: str, workers: int | None = None) -> Iterator[RawRecord]:
    """kind: "warc" or "arc". The stream may be gzip-compressed (per record or whole)."""
    entries = fastwarc_entries(stream) if kind == "warc" else warcio_entries(stream)
    yield from extract_stream(archive_items(entries), workers)
