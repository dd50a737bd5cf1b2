"""JSON Lines and (possibly wrapped) JSON array readers."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import ijson

from pipelines.ingest.encoding import replace_escapes
from pipelines.ingest.json_events import Skipped, iter_items
from pipelines.ingest.limits import LINE_ENV, Limits
from pipelines.ingest.mapping import map_fields
from pipelines.ingest.records import RawRecord, accepted, rejected
from pipelines.ingest.streams import DecodedStream
from pipelines.ingest.textio import iter_lines, utf8_stream
from pipelines.reject_reasons import (
    BAD_ENCODING,
    NESTED_TOO_DEEP,
    NOT_AN_OBJECT,
    RECORD_TOO_LARGE,
    UNPARSEABLE_JSON,
)


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


def json_depth(value: Any) -> int:
    """Nesting depth of a parsed JSON value, without recursion."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def _parse_line(line: str, where: str, limits: Limits) -> tuple[Any, tuple[str, str] | None]:
    """(value, None) or (None, (reason, detail)) for one JSON line."""
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, (UNPARSEABLE_JSON, f"{where}: {exc.msg}: column {exc.colno}")
    except RecursionError:
        return None, (NESTED_TOO_DEEP, f"{where}: nested too deeply to parse")
    except ValueError as exc:
        return None, (UNPARSEABLE_JSON, f"{where}: {exc}")
    brackets = line.count("{") + line.count("[")
    if brackets > limits.json_depth and json_depth(value) > limits.json_depth:
        detail = f"{where}: nested deeper than {limits.json_depth} levels (NEWS_MAX_JSON_DEPTH)"
        return None, (NESTED_TOO_DEEP, detail)
    return value, None


def read_jsonl(stream: DecodedStream, encoding: str, limits: Limits) -> Iterator[RawRecord]:
    """One record per non-blank line; a bad line is rejected and reading goes on."""
    for lineno, text, error, too_long in iter_lines(stream.buffered, encoding, limits.line_bytes):
        locator, where = f"line:{lineno}", f"line {lineno}"
        if too_long:
            detail = f"{where}: {too_long:,} bytes, over {limits.line_bytes:,} ({LINE_ENV})"
            yield rejected(locator, replace_escapes(text), RECORD_TOO_LARGE, detail)
            continue
        line = text.rstrip("\r\n")
        if not line.strip():
            continue
        if error is not None:
            yield rejected(locator, replace_escapes(line), BAD_ENCODING, f"{where}: {error}")
            continue
        value, problem = _parse_line(line, where, limits)
        if problem is not None:
            yield rejected(locator, line, *problem)
            continue
        if not isinstance(value, dict):
            detail = f"{where}: expected a JSON object, got {json_type(value)}"
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


def read_json_array(
    stream: DecodedStream, encoding: str, prefix: str, limits: Limits
) -> Iterator[RawRecord]:
    """Records are the items under the ijson prefix ("item", "articles.item", "" = whole doc).

    An item nested too deeply or too large is rejected and reading goes on with the next one.
    A syntax error cannot be skipped over in a single JSON document: it yields one rejected
    record located by byte offset and ends the file.
    """
    index = 0
    try:
        events = ijson.basic_parse(utf8_stream(stream.buffered, encoding), use_float=True)
        for value in iter_items(events, prefix, limits.json_depth, limits.record_bytes):
            locator, where = f"index:{index}", f"element {index}"
            index += 1
            if isinstance(value, Skipped):
                yield rejected(locator, "", value.reason, f"{where}: {value.detail}")
                continue
            raw = json.dumps(value, ensure_ascii=False)
            if isinstance(value, dict):
                yield accepted(locator, raw, map_fields(value))
            else:
                detail = f"{where}: expected a JSON object, got {json_type(value)}"
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
