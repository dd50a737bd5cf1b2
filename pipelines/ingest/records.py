"""Data types shared by the ingest package and its consumers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

RAW_FIELDS = ("title", "body", "url", "published_at_raw", "language", "authors", "source")

# reject_reason values
UNPARSEABLE_JSON: Final = "unparseable_json"
NOT_AN_OBJECT: Final = "not_an_object"
BAD_ENCODING: Final = "bad_encoding"
MALFORMED_ROW: Final = "malformed_row"
UNPARSEABLE_LITERAL: Final = "unparseable_literal"
FILE_TOO_LARGE: Final = "file_too_large"
UNREADABLE_FILE: Final = "unreadable_file"
OUTSIDE_LANDING: Final = "outside_landing"  # a link whose target is outside the landing folder
NOT_REGULAR_FILE: Final = "not_regular_file"  # fifo, socket, device, symlinked directory
UNSAFE_ARCHIVE_MEMBER: Final = "unsafe_archive_member"  # absolute or ".." zip member name
NOT_TEXT: Final = "not_text"  # binary content: image, executable, unknown archive, noise
RECORD_TOO_LARGE: Final = "record_too_large"
FIELD_TOO_LARGE: Final = "field_too_large"
NESTED_TOO_DEEP: Final = "nested_too_deep"
UNCLOSED_QUOTE: Final = "unclosed_quote"  # a CSV quoted field that swallowed later rows
TOO_MANY_RECORDS: Final = "too_many_records"
REJECT_REASONS: Final = (
    UNPARSEABLE_JSON,
    NOT_AN_OBJECT,
    BAD_ENCODING,
    MALFORMED_ROW,
    UNPARSEABLE_LITERAL,
    FILE_TOO_LARGE,
    UNREADABLE_FILE,
    OUTSIDE_LANDING,
    NOT_REGULAR_FILE,
    UNSAFE_ARCHIVE_MEMBER,
    NOT_TEXT,
    RECORD_TOO_LARGE,
    FIELD_TOO_LARGE,
    NESTED_TOO_DEEP,
    UNCLOSED_QUOTE,
    TOO_MANY_RECORDS,
)

FORMATS: Final = (
    "jsonl",
    "json_array",
    "csv",
    "tsv",
    "parquet",
    "text",
    "text_list",
    "html",
    "warc",
    "binary",  # not text: one not_text quarantine row
)
COMPRESSIONS: Final = ("none", "gzip", "zstd", "bz2")

MAX_RAW_CHARS: Final = 100_000


@dataclass(frozen=True)
class DumpSource:
    dump_file: str  # path relative to the landing dir; a zip member is "archive.zip/member/path"
    path: Path  # the file on disk (the zip itself for a member)
    member: str | None  # zip member name, else None
    sha256: str  # hex sha256 of the dump's bytes (uncompressed member bytes for a zip member)
    bytes: int  # size of those bytes
    # Set when the dump must not be read (a link leading outside the landing folder, an
    # unreadable file, ...): (reject_reason, detail); the reader yields one quarantine row.
    refusal: tuple[str, str] | None = None


@dataclass
class RawRecord:
    record_locator: str  # "line:12", "index:3", "row:5", "file" or "byte:1234"
    record_index: int  # 0-based ordinal within the dump, rejected records included
    raw_record: str  # original text of the record
    fields: dict[str, str | None] | None  # RAW_FIELDS + "extra"; None when rejected
    reject_reason: str | None = None
    reject_detail: str | None = None
    raw_payload: bytes | None = None  # html/warc: the page bytes, zstd-compressed
    extractor_version: str | None = None  # html/warc: what turned the page into fields

    @property
    def rejected(self) -> bool:
        return self.reject_reason is not None


def cap(text: str, limit: int = MAX_RAW_CHARS) -> str:
    return text if len(text) <= limit else text[:limit]


def accepted(locator: str, raw: str, fields: dict[str, str | None]) -> RawRecord:
    """A record whose record_index is assigned later by the reader."""
    return RawRecord(record_locator=locator, record_index=-1, raw_record=raw, fields=fields)


def rejected(locator: str, raw: str, reason: str, detail: str) -> RawRecord:
    return RawRecord(
        record_locator=locator,
        record_index=-1,
        raw_record=cap(raw),
        fields=None,
        reject_reason=reason,
        reject_detail=detail,
    )
