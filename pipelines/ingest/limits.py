"""Caps on what one record may hold, from the environment (documented in the README).

A record over a cap is quarantined with its reason and reading goes on; lines over the line
cap are skipped while streaming, never held whole in memory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Final

from pipelines.ingest.encoding import LONE_SURROGATE, replace_escapes
from pipelines.ingest.records import RawRecord, rejected
from pipelines.reject_reasons import BAD_ENCODING, FIELD_TOO_LARGE, RECORD_TOO_LARGE

MIB: Final = 1 << 20
LINE_ENV: Final = "NEWS_MAX_LINE_BYTES"
RECORD_ENV: Final = "NEWS_MAX_RECORD_BYTES"
FIELD_ENV: Final = "NEWS_MAX_FIELD_BYTES"
DEPTH_ENV: Final = "NEWS_MAX_JSON_DEPTH"
RECORDS_ENV: Final = "NEWS_MAX_RECORDS_PER_DUMP"


@dataclass(frozen=True)
class Limits:
    line_bytes: int = 8 * MIB  # one line of JSON Lines or CSV
    record_bytes: int = 8 * MIB  # one record's text (JSON object, CSV row, article)
    field_bytes: int = 2 * MIB  # one field of a record (title, body, ...)
    json_depth: int = 64  # nesting of one JSON record
    records_per_dump: int = 0  # 0: no limit


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip().replace("_", "")
    try:
        value = int(raw) if raw else default
    except ValueError as exc:
        raise ValueError(f"{name}={raw!r} is not a whole number") from exc
    if value < 0:
        raise ValueError(f"{name} must be >= 0")
    return value


def current_limits() -> Limits:
    """The caps in force: environment variables over the defaults."""
    default = Limits()
    return Limits(
        line_bytes=_env_int(LINE_ENV, default.line_bytes),
        record_bytes=_env_int(RECORD_ENV, default.record_bytes),
        field_bytes=_env_int(FIELD_ENV, default.field_bytes),
        json_depth=_env_int(DEPTH_ENV, default.json_depth),
        records_per_dump=_env_int(RECORDS_ENV, default.records_per_dump),
    )


def utf8_size(text: str) -> int:
    """Bytes of text in UTF-8, computed only when the character count cannot decide."""
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))


def over(text: str, cap: int) -> bool:
    return len(text) > cap or (len(text) * 4 > cap and utf8_size(text) > cap)


def check_record(record: RawRecord, limits: Limits) -> RawRecord:
    """The record, or its quarantine row when it breaks a cap or holds a lone surrogate
    (a JSON "\\ud800" escape decodes to one; DuckDB and Arrow cannot store it)."""
    if record.fields is None:
        return record
    where = record.record_locator.replace(":", " ")
    named = [("record", record.raw_record), *record.fields.items()]
    for name, value in named:
        if value and LONE_SURROGATE.search(value):
            detail = f"{where}: lone surrogate (an unpaired \\ud800-\\udfff escape) in {name}"
            return rejected(record.record_locator, replace_escapes(record.raw_record),
                            BAD_ENCODING, detail)  # fmt: skip
    if over(record.raw_record, limits.record_bytes):
        size = utf8_size(record.raw_record)
        detail = f"{where}: {size:,} bytes, over {limits.record_bytes:,} ({RECORD_ENV})"
        return rejected(record.record_locator, record.raw_record, RECORD_TOO_LARGE, detail)
    for name, value in record.fields.items():
        if value and over(value, limits.field_bytes):
            size = utf8_size(value)
            detail = (
                f"{where}: {name} has {size:,} bytes, over {limits.field_bytes:,} ({FIELD_ENV})"
            )
            return rejected(record.record_locator, record.raw_record, FIELD_TOO_LARGE, detail)
    return record
