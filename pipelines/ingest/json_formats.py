"""JSON Lines and (possibly wrapped) JSON array readers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import ijson

from pipelines.ingest.encoding import replace_escapes
from pipelines.ingest.mapping import map_fields
from pipelines.ingest.records import (
    BAD_ENCODING,
    NOT_AN_OBJECT,
    UNPARSEABLE_JSON,
    RawRecord,
    accepted,
    rejected,
)
from pipelines.ingest.streams import DecodedStream
from pipelines.ingest.textio import iter_lines, utf8_stream


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return type(value).__name__


def read_jsonl(stream: DecodedStream, encoding: str) -> Iterator[RawRecord]:
    """One record per non-blank line; a bad line is rejected and reading goes on."""
    for lineno, text, error in iter_lines(stream.buffered, encoding):
        line = text.rstrip("\r\n")
        if not line.strip():
            continue
        locator = f"line:{lineno}"
        if error is not None:
            raw = replace_escapes(line)
            yield rejected(locator, raw, BAD_ENCODING, f"line {lineno}: {error}")
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as exc:
            detail = f"line {lineno}: {exc.msg}: column {exc.colno}"
            yield rejected(locator, line, UNPARSEABLE_JSON, detail)
            continue
        except (ValueError, RecursionError) as exc:
            yield rejected(locator, line, UNPARSEABLE_JSON, f"line {lineno}: {exc}")
            continue
        if not isinstance(value, dict):
            detail = f"line {lineno}: expected a JSON object, got {json_type(value)}"
            yield rejected(locator, line, NOT_AN_OBJECT, detail)
            continue
        yield accepted(locator, line, map_fields(value))


def _error_text(exc: BaseException) -> tuple[str, str]:
    """(first line of the message, the parser's context snippet if any)."""
    arg = exc.args[0] if exc.args else str(exc)
    message = arg.decode("utf-8", errors="replace") if isinstance(arg, bytes) else str(arg)
    lines = [line for line in message.splitlines() if line.strip()]
    if not lines:
        return type(exc).__name__, ""
    return lines[0].strip(), lines[1].strip() if len(lines) > 1 else ""


def read_json_array(stream: DecodedStream, encoding: str, prefix: str) -> Iterator[RawRecord]:
    """Records are the items under the ijson prefix ("item", "articles.item", "" = whole doc).

    A syntax error cannot be skipped over in a single JSON document: it yields one rejected
    record located by byte offset and ends the file.
    """
    index = 0
    try:
        source = utf8_stream(stream.buffered, encoding)
        for value in ijson.items(source, prefix, use_float=True):
            locator = f"index:{index}"
            index += 1
            raw = json.dumps(value, ensure_ascii=False)
            if isinstance(value, dict):
                yield accepted(locator, raw, map_fields(value))
            else:
                detail = f"element {index - 1}: expected a JSON object, got {json_type(value)}"
                yield rejected(locator, raw, NOT_AN_OBJECT, detail)
    except ijson.JSONError as exc:
        message, context = _error_text(exc)
        reason = BAD_ENCODING if "UTF8" in message else UNPARSEABLE_JSON
        position = stream.counter.pos
        detail = f"byte {position} (after element {index}): {message}"
        yield rejected(f"byte:{position}", context, reason, detail)
    except UnicodeDecodeError as exc:
        position = stream.counter.pos
        detail = f"byte {position} (after element {index}): {exc}"
        yield rejected(f"byte:{position}", "", BAD_ENCODING, detail)
