"""Format detection from a dump's first bytes; the file name only breaks ties."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from dataclasses import dataclass
from typing import IO, Final

import ijson

from pipelines.ingest.json_events import first_item_prefix
from pipelines.ingest.mapping import KNOWN_KEYS, normalize_key

PARQUET_MAGIC: Final = b"PAR1"
COMPRESSION_SUFFIXES: Final = (".gz", ".gzip", ".zst", ".zstd", ".bz2")
_LIST_START = re.compile(r"\[\s*(?:[uUbBrR]{1,2})?(['\"])")
_JSON_ARRAY_START = re.compile(r"\[\s*(?:[{\[]|\]\s*$)")
_LITERAL_BODY = {q: re.compile(rf"(?:[^{q}\\\n]|\\.)*", re.S) for q in "'\""}
_DELIMITERS = ",\t;|"


@dataclass
class Detected:
    format: str
    item_prefix: str | None = "item"  # ijson prefix of the records; None: scan the stream for it
    delimiter: str = ","
    has_header: bool = True


def base_suffix(name: str) -> str:
    """'x/a.csv.gz' -> '.csv'."""
    lower = name.lower()
    for suffix in COMPRESSION_SUFFIXES:
        if lower.endswith(suffix):
            lower = lower[: -len(suffix)]
            break
    dot = lower.rfind(".")
    return lower[dot:] if dot > lower.rfind("/") else ""


def find_item_prefix(stream: IO[bytes], max_depth: int = 64) -> str | None:
    """ijson prefix of the first array of objects inside a top-level object."""
    try:
        return first_item_prefix(ijson.basic_parse(stream), max_depth)
    except ijson.JSONError:
        return None


def _head_is_json(data: bytes, complete: bool) -> bool:
    """False when the head is not JSON; running out of input in a partial head is fine."""
    try:
        for _ in ijson.basic_parse(io.BytesIO(data)):  # parse() is quadratic in depth
            pass
    except ijson.JSONError as exc:
        return not complete and "premature EOF" in str(exc)
    return True


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
    except (ValueError, RecursionError):  # a deeply nested first record
        return False
    return True


def _json_lines(text: str) -> bool:
    """JSON values one per line, at least one an object, whatever the first line holds
    (null, 42, a record cut short)."""
    if text[:1] not in '{["-0123456789tfn':
        return False
    objects = values = 0
    for line in [line.strip() for line in text.split("\n", 4)[:4] if line.strip()]:
        try:
            value = json.loads(line)
        except (ValueError, RecursionError):
            continue
        values += 1
        objects += isinstance(value, dict)
    return objects >= 1 and values >= 2


def _object_format(text: str, complete: bool) -> Detected:
    lines = [line.strip() for line in text.split("\n", 3)[:3] if line.strip()]
    has_newline = "\n" in text
    # A bad first record must not hide a JSON Lines file: the second line decides too.
    one_line = lines[0].endswith("}") and (has_newline or complete)
    data = text.encode("utf-8", errors="replace")
    prefix = find_item_prefix(io.BytesIO(data))
    # One line holding {"articles": [{...}, ...]} is a container, not one JSON Lines record.
    wrapper = len(lines) == 1 and prefix is not None and prefix.count(".") == 1
    second_is_record = len(lines) > 1 and lines[1].startswith("{")
    if one_line and not wrapper and (_is_json(lines[0]) or second_is_record):
        return Detected("jsonl")
    if prefix is None and len(lines) > 1 and lines[1].startswith("{") and _is_json(lines[1]):
        return Detected("jsonl")  # a first record cut short, then JSON lines
    # A list of records read before a syntax error (a truncated last record) is still JSON.
    if prefix is None and not _head_is_json(data, complete):
        return Detected("text")  # e.g. an article starting with "{Breaking}"
    if not has_newline and not complete:
        # One huge first line: a container only if the array sits right under the top level.
        if prefix is not None and prefix.count(".") == 1:
            return Detected("json_array", prefix)
        return Detected("jsonl")
    if prefix is not None:
        return Detected("json_array", prefix)
    # A pretty-printed object without a record list: the whole document is one record.
    return Detected("json_array", "" if complete else None)


def looks_like_literal_list(text: str, complete: bool) -> bool:
    """A serialized list of strings, not one article that merely starts with "['"."""
    match = _LIST_START.match(text)
    if match is None:
        return False
    quote = match.group(1)
    end = _LITERAL_BODY[quote].match(text, match.end()).end()  # type: ignore[union-attr]
    if end >= len(text):
        return not complete
    if text[end] != quote:  # a raw newline: list literals never contain one
        return False
    rest = text[end + 1 :].lstrip()
    if rest.startswith("]"):
        return True
    if not rest.startswith(","):
        return False
    # "['one article', " then the end: a fragment of a list, kept as one text article.
    return bool(rest[1:].strip()) or not complete


def _array_format(text: str, complete: bool) -> Detected:
    lines = [line.strip() for line in text.split("\n", 3)[:3] if line.strip()]
    if len(lines) > 1 and lines[1][:1] in "{[" and _is_json(lines[0]):
        return Detected("jsonl")  # a first line that is an array, then more lines
    data = text.encode("utf-8", errors="replace")
    holds_objects = find_item_prefix(io.BytesIO(data)) == "item"
    if _LIST_START.match(text) and not holds_objects:
        is_list = looks_like_literal_list(text, complete)
        return Detected("text_list" if is_list else "text")
    if not _JSON_ARRAY_START.match(text) and not holds_objects:
        return Detected("text")  # [42, {...}] holds records although it starts with a number
    return Detected("json_array", "item")


def _csv_dialect(text: str, suffix: str) -> tuple[str, bool] | None:
    """(delimiter, has_header) when the text looks like a delimited table."""
    lines = text.split("\n")
    header_line = lines[0].rstrip("\r")
    sample = "\n".join(lines[:50] if len(lines) > 1 else lines)[:16384]
    sniffer = csv.Sniffer()
    delimiter = None
    with contextlib.suppress(csv.Error):
        delimiter = sniffer.sniff(sample, delimiters=_DELIMITERS).delimiter
    if delimiter is None or delimiter not in header_line:
        counts = {d: header_line.count(d) for d in _DELIMITERS}
        best = max(counts, key=lambda d: counts[d])
        if counts[best] == 0:
            return None
        delimiter = best
    try:
        header = next(csv.reader([header_line], delimiter=delimiter), [])
    except csv.Error:  # e.g. a lone carriage return inside the first line
        return None
    if len(header) < 2:
        return None
    known = sum(normalize_key(h) in KNOWN_KEYS for h in header)
    if suffix in (".csv", ".tsv", ".tab"):
        try:
            has_header = known > 0 or sniffer.has_header(sample)
        except csv.Error:
            has_header = True
        return delimiter, has_header
    short = all(0 < len(h.strip()) <= 64 for h in header)
    # Without a .csv name, ask for two known column names: "Title, subtitle" is prose.
    return (delimiter, True) if known >= 2 and short else None


def detect_format(head: bytes, text: str, name: str, complete: bool) -> Detected:
    """Decide the format from the head bytes and their decoded text.

    complete: head holds the whole dump.
    """
    if head.startswith(PARQUET_MAGIC):
        return Detected("parquet")
    stripped = text.lstrip("\ufeff \t\r\n")
    if _json_lines(stripped):
        return Detected("jsonl")
    if stripped.startswith("{"):
        return _object_format(stripped, complete)
    if stripped.startswith("["):
        return _array_format(stripped, complete)
    dialect = _csv_dialect(stripped, base_suffix(name))
    if dialect is not None:
        delimiter, has_header = dialect
        kind = "tsv" if delimiter == "\t" else "csv"
        return Detected(kind, delimiter=delimiter, has_header=has_header)
    return Detected("text")
