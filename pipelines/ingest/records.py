"""Data types shared by the ingest package and its consumers."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Final

RAW_FIELDS = ("title", "body", "url", "published_at_raw", "language", "authors", "source")

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
