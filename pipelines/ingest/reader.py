"""open_dump: detect a dump's compression, encoding and format; stream it as RawRecords."""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from pipelines.ingest.binary import binary_noise, binary_signature
from pipelines.ingest.detect import PARQUET_MAGIC, base_suffix, detect_format, find_item_prefix
from pipelines.ingest.encoding import detect_encoding
from pipelines.ingest.formats import FORMAT_BY_SUFFIX
from pipelines.ingest.html_format import is_html_bundle, read_html_bundle, read_html_file
from pipelines.ingest.html_sniff import decode_html, is_warc, looks_like_html
from pipelines.ingest.json_formats import read_json_array, read_jsonl
from pipelines.ingest.limits import Limits, check_record, current_limits
from pipelines.ingest.records import DumpSource, RawRecord, rejected
from pipelines.ingest.streams import (
    ZIP_MAGIC,
    DecodedStream,
    open_decompressed,
    open_raw,
    read_head,
)
from pipelines.ingest.tabular import read_csv, read_parquet
from pipelines.ingest.text_formats import read_text, read_text_list
from pipelines.ingest.textio import utf8_stream
from pipelines.ingest.warc_format import read_archive
from pipelines.reject_reasons import BAD_ENCODING, NOT_TEXT, TOO_MANY_RECORDS, UNREADABLE_FILE

HEAD_BYTES: Final = 1 << 16
PARQUET_SPOOL_BYTES: Final = 64 * 1024 * 1024


@dataclass
class DumpReader:
    """How a dump is read. Build it with open_dump(); iterate it with batches()."""

    source: DumpSource
    format: str  # one of formats.FORMATS ("binary": not text, quarantined as not_text)
    compression: str  # none | gzip | zstd | bz2 | zip (a zip of HTML pages read as one dump)
    encoding: str  # utf-8, utf-8-sig, utf-16, cp1256, ... ; "binary" for parquet
    item_prefix: str | None = "item"  # json_array: ijson prefix; None = find it while reading
    delimiter: str = ","
    has_header: bool = True
    error: str | None = None  # set when the dump could not even be opened
    error_reason: str = UNREADABLE_FILE  # the quarantine reason of that error
    limits: Limits = field(default_factory=current_limits)

    def batches(self, batch_size: int = 5000) -> Iterator[list[RawRecord]]:
        """Lists of at most batch_size records; never raises for a broken dump."""
        if batch_size < 1:
            raise ValueError("batch_size must be >= 1")
        batch: list[RawRecord] = []
        for record in self.records(batch_size):
            batch.append(record)
            if len(batch) >= batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    def records(self, batch_size: int = 5000) -> Iterator[RawRecord]:
        cap = self.limits.records_per_dump
        for index, record in enumerate(self._guarded(batch_size)):
            if cap and index >= cap:
                detail = f"more than {cap:,} records (NEWS_MAX_RECORDS_PER_DUMP): rest not read"
                record = rejected(record.record_locator, "", TOO_MANY_RECORDS, detail)
                record.record_index = index
                yield record
                return
            record = check_record(record, self.limits)
            record.record_index = index
            yield record

    def _guarded(self, batch_size: int) -> Iterator[RawRecord]:
        if self.error is not None:
            yield rejected("file", "", self.error_reason, self.error)
            return
        stream: DecodedStream | None = None
        try:
            with open_decompressed(self.source) as stream:
                yield from self._parse(stream, batch_size)
        except UnicodeDecodeError as exc:
            position = stream.counter.pos if stream is not None else 0
            detail = f"byte {position}: {exc}"
            yield rejected(f"byte:{position}", "", BAD_ENCODING, detail)
        except Exception as exc:  # a broken dump must never raise out of batches()
            position = stream.counter.pos if stream is not None else 0
            locator = f"byte:{position}" if position else "file"
            detail = f"{type(exc).__name__}: {exc}" + (f" (at byte {position})" if position else "")
            yield rejected(locator, "", UNREADABLE_FILE, detail)

    def _parse(self, stream: DecodedStream, batch_size: int) -> Iterator[RawRecord]:
        fmt = self.format
        if fmt == "jsonl":
            yield from read_jsonl(stream, self.encoding, self.limits)
        elif fmt == "json_array":
            prefix = self.item_prefix if self.item_prefix is not None else self._scan_prefix()
            yield from read_json_array(stream, self.encoding, prefix, self.limits)
        elif fmt in ("csv", "tsv"):
            yield from read_csv(stream, self.encoding, self.delimiter, self.has_header, self.limits)
        elif fmt == "parquet":
            if self.source.member is None and stream.compression == "none":
                yield from read_parquet(str(self.source.path), batch_size)
                return
            with tempfile.SpooledTemporaryFile(max_size=PARQUET_SPOOL_BYTES) as spool:
                shutil.copyfileobj(stream.buffered, spool, 1 << 20)
                spool.seek(0)
                yield from read_parquet(spool, batch_size)  # type: ignore[arg-type]
        elif fmt == "text_list":
            yield from read_text_list(stream, self.encoding)
        elif fmt == "html":
            yield from self._parse_html(stream)
        elif fmt == "warc":
            yield from self._parse_archive(stream)
        else:
            yield from read_text(stream, self.encoding)

    def _parse_html(self, stream: DecodedStream) -> Iterator[RawRecord]:
        if self.compression == "zip":
            yield from read_html_bundle(self.source.path)
        else:
            yield from read_html_file(stream.buffered, self.source.member or self.source.dump_file)

    def _parse_archive(self, stream: DecodedStream) -> Iterator[RawRecord]:
        kind = self.encoding.removeprefix("binary/")  # "binary/warc" or "binary/arc"
        if stream.compression in ("none", "gzip") and kind == "warc":
            with open_raw(self.source) as raw:  # fastwarc's own gunzip is 2x Python's
                yield from read_archive(raw, kind)
        else:
            yield from read_archive(stream.buffered, kind)

    def _scan_prefix(self) -> str:
        """The records' ijson prefix when it was not within the first bytes."""
        with open_decompressed(self.source) as stream:
            prefix = find_item_prefix(utf8_stream(stream.buffered, self.encoding))
        return "" if prefix is None else prefix


def _fallback(
    source: DumpSource, compression: str, error: str, reason: str = UNREADABLE_FILE
) -> DumpReader:
    fmt = FORMAT_BY_SUFFIX.get(base_suffix(source.dump_file), "text")
    return DumpReader(source, fmt, compression, "unknown", error=error, error_reason=reason)


def open_dump(source: DumpSource) -> DumpReader:
    """Detect compression (magic bytes), encoding and format (content first, name as tie-break).

    Never raises for a broken dump: the returned reader then yields one unreadable_file record
    (or the source's refusal: a link outside the landing folder is never opened).
    """
    if source.refusal is not None:
        return _fallback(source, "none", source.refusal[1], source.refusal[0])
    if source.member is None and source.path.suffix.lower() == ".zip":
        is_zip = source.path.is_file() and zipfile.is_zipfile(source.path)
        if is_zip and is_html_bundle(source.path):
            return DumpReader(source, "html", "zip", "per-page")
        problem = "use discover_dumps() to list its members" if is_zip else "not a valid archive"
        return _fallback(source, "none", f"zip file {source.path.name}: {problem}")
    try:
        with open_decompressed(source) as stream:
            head, head_error = read_head(stream.buffered, HEAD_BYTES)
            compression = stream.compression
    except Exception as exc:  # missing file or member, corrupt archive
        return _fallback(source, "none", f"{type(exc).__name__}: {exc}")
    if not head and head_error is not None:
        return _fallback(source, compression, f"{type(head_error).__name__}: {head_error}")
    if head.startswith(ZIP_MAGIC):
        return _fallback(source, compression, "nested zip archives are not supported")
    if head.startswith(PARQUET_MAGIC):
        return DumpReader(source, "parquet", compression, "binary")
    archive = is_warc(head)
    if archive is not None:
        return DumpReader(source, "warc", compression, f"binary/{archive}")
    binary = binary_signature(head)
    if binary is None and looks_like_html(head):
        return DumpReader(source, "html", compression, decode_html(head)[1])
    complete = head_error is None and len(head) < HEAD_BYTES
    encoding = detect_encoding(head, complete)
    text = head.decode(encoding, errors="replace")
    binary = binary or binary_noise(head, text)
    if binary is not None:
        return DumpReader(
            source, "binary", compression, "binary", error=binary, error_reason=NOT_TEXT
        )
    try:
        detected = detect_format(head, text, source.dump_file, complete)
    except Exception as exc:  # never raise for a broken dump: it is quarantined instead
        return _fallback(source, compression, f"format detection: {type(exc).__name__}: {exc}")
    return DumpReader(
        source,
        detected.format,
        compression,
        encoding,
        item_prefix=detected.item_prefix,
        delimiter=detected.delimiter,
        has_header=detected.has_header,
    )
