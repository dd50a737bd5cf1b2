"""CSV/TSV reader that reads on after a broken row.

csv.reader is fed one line at a time and the lines of each row are kept, so a row can be
located by its line span. An unclosed quote makes one field swallow the rows after it: a row
whose quoted field spans several lines that parse again as rows of the header's width is
quarantined as unclosed_quote (with its line span) and the swallowed lines are read again as
rows. Over-long lines and fields are quarantined with their reason; reading goes on.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Final

from pipelines.ingest.encoding import LONE_SURROGATE, replace_escapes
from pipelines.ingest.limits import FIELD_ENV, LINE_ENV, Limits
from pipelines.ingest.mapping import map_fields
from pipelines.ingest.records import RawRecord, accepted, rejected
from pipelines.ingest.streams import DecodedStream
from pipelines.ingest.textio import Line, iter_lines
from pipelines.reject_reasons import (
    BAD_ENCODING,
    FIELD_TOO_LARGE,
    MALFORMED_ROW,
    RECORD_TOO_LARGE,
    UNCLOSED_QUOTE,
)

MIN_SWALLOWED_ROWS: Final = 2  # rows of the header's width inside one field
MIN_SWALLOWED_SHARE: Final = 0.5  # of the field's lines that those rows cover


class _LongLine(Exception):
    def __init__(self, line: Line) -> None:
        super().__init__(line.number)
        self.line = line


class _Lines:
    """Feeds csv.reader one line at a time and keeps the lines of the row being read."""

    def __init__(self, lines: Iterable[Line]) -> None:
        self._lines = iter(lines)
        self.pending: list[Line] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        if line.too_long:
            raise _LongLine(line)
        self.pending.append(line)
        return line.text

    def take(self) -> list[Line]:
        taken, self.pending = self.pending, []
        return taken

    def skip_quoted(self) -> int:
        """Skip to the line that closes a quoted field (odd quote count); lines skipped."""
        quotes = skipped = 0
        for line in self._lines:
            skipped += 1
            quotes += line.text.count('"')
            if quotes % 2:
                break
        return skipped


@dataclass
class _Rows:
    """State of one read: the header and the data-row counter."""

    delimiter: str
    has_header: bool
    limits: Limits
    header: list[str] | None = None
    row_no: int = 0
    widths: list[int] = field(default_factory=list)


def _span(lines: list[Line]) -> str:
    if not lines:
        return "line ?"
    first, last = lines[0].number, lines[-1].number
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _parse(
    lines: Iterable[Line], delimiter: str, swallowed: Callable[[list[Line]], bool] | None = None
) -> Iterator[tuple[str, Any, list[Line]]]:
    """("row", cells, lines) | ("error", csv.Error, lines) | ("long", Line, []).

    After a field over the size limit, the rest of that quoted field is skipped unless
    swallowed(lines) says the field swallowed rows (then they are read again).
    """
    source = _Lines(lines)
    reader = csv.reader(source, delimiter=delimiter)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except _LongLine as exc:
            source.take()
            yield "long", exc.line, []
            continue
        except csv.Error as exc:
            taken = source.take()
            if "field limit" in str(exc) and swallowed is not None and not swallowed(taken):
                taken.append(Line(-1, "", None, source.skip_quoted()))  # a marker: skipped
            yield "error", exc, taken
            continue
        yield "row", row, source.take()


def _header(row: list[str]) -> list[str]:
    """Stripped, non-empty, unique column names."""
    names: list[str] = []
    seen: set[str] = set()
    for position, cell in enumerate(row, 1):
        name = cell.strip().lstrip("\ufeff") or f"column_{position}"
        unique, n = name, 2
        while unique in seen:
            unique, n = f"{name}_{n}", n + 1
        seen.add(unique)
        names.append(unique)
    return names


def _swallowed(
    lines: list[Line], state: _Rows, malformed: bool = True, ended: bool = False
) -> list[tuple[str, Any, list[Line]]] | None:
    """The rows inside a field that swallowed them (lines after the opening one), or None.

    A complete row (ended) whose later lines hold no quote at all ended with the file, inside
    the field: the quote never closed, and every line after it is read again. Otherwise a row
    that came out wider than the header (or failed) needs one such row inside; a well-formed
    row needs two, so a quoted body whose paragraphs carry commas stays a body.
    """
    width = len(state.header or [])
    inner = [line for line in lines[1:] if line.number > 0]
    if width < 2 or not inner:
        return None
    if ended and not any('"' in line.text for line in inner):
        return list(_parse(inner, state.delimiter))  # the quote never closed: read them all
    needed = 1 if malformed else MIN_SWALLOWED_ROWS
    if len(inner) < needed:
        return None
    if sum(line.text.count(state.delimiter) >= width - 1 for line in inner) < needed:
        return None  # cheap pre-check: prose paragraphs rarely carry a row's delimiters
    events = list(_parse(inner, state.delimiter))
    fitting = [lines for kind, cells, lines in events if kind == "row" and len(cells) == width]
    covered = sum(len(lines) for lines in fitting)
    if len(fitting) < needed or covered < MIN_SWALLOWED_SHARE * len(inner):
        return None
    return events


def _unclosed(lines: list[Line], state: _Rows, recovered: int) -> RawRecord:
    state.row_no += 1
    detail = (
        f"row {state.row_no} ({_span(lines)}): a quoted field opened on line "
        f"{lines[0].number} swallowed {len(lines) - 1} lines holding {recovered} rows; "
        "they are read again as rows after this one"
    )
    return rejected(f"row:{state.row_no}", replace_escapes(lines[0].text), UNCLOSED_QUOTE, detail)


def _records(events: Iterable[tuple[str, Any, list[Line]]], state: _Rows) -> Iterator[RawRecord]:
    for kind, value, lines in events:
        if kind == "long":
            state.row_no += 1
            detail = (
                f"row {state.row_no} (line {value.number}): a line of {value.too_long:,} bytes, "
                f"over {state.limits.line_bytes:,} ({LINE_ENV})"
            )
            yield rejected(
                f"row:{state.row_no}", replace_escapes(value.text), RECORD_TOO_LARGE, detail
            )
            continue
        wide = kind == "error" or len(value) > len(state.header or value)
        inside = _swallowed(lines, state, wide, kind == "row") if len(lines) > 1 else None
        if inside is not None:
            yield _unclosed(lines, state, sum(kind == "row" for kind, _, _ in inside))
            yield from _records(inside, state)
            continue
        if kind == "error":
            yield _error(value, lines, state)
            continue
        if value:
            yield from _row(value, lines, state)


def _error(exc: csv.Error, lines: list[Line], state: _Rows) -> RawRecord:
    state.row_no += 1
    read = [line for line in lines if line.number > 0]
    where = f"row {state.row_no} ({_span(read)})"
    raw = replace_escapes("".join(line.text for line in read[:1]))
    if "field limit" in str(exc):
        skipped = sum(line.too_long for line in lines if line.number < 0)
        detail = (
            f"{where}: a field over {state.limits.field_bytes:,} characters ({FIELD_ENV}); "
            f"{skipped} more lines of it skipped"
        )
        return rejected(f"row:{state.row_no}", raw, FIELD_TOO_LARGE, detail)
    return rejected(f"row:{state.row_no}", raw, MALFORMED_ROW, f"{where}: {exc}")


def _row(row: list[str], lines: list[Line], state: _Rows) -> Iterator[RawRecord]:
    if state.header is None:
        if state.has_header:
            state.header = _header([replace_escapes(c) for c in row])
            return
        state.header = [f"column_{i}" for i in range(1, len(row) + 1)]
    header = state.header
    state.row_no += 1
    locator = f"row:{state.row_no}"
    where = f"row {state.row_no} ({_span(lines)})"
    if any(LONE_SURROGATE.search(cell) for cell in row):
        raw = json.dumps([replace_escapes(c) for c in row], ensure_ascii=False)
        yield rejected(locator, raw, BAD_ENCODING, f"{where}: undecodable bytes")
        return
    if len(row) > len(header):
        raw = json.dumps(row, ensure_ascii=False)
        detail = f"{where}: {len(row)} fields, header has {len(header)}"
        yield rejected(locator, raw, MALFORMED_ROW, detail)
        return
    obj: dict[str, Any] = dict.fromkeys(header)
    obj.update(zip(header, row, strict=False))
    yield accepted(locator, json.dumps(obj, ensure_ascii=False), map_fields(obj))


def read_csv(
    stream: DecodedStream,
    encoding: str,
    delimiter: str,
    has_header: bool = True,
    limits: Limits | None = None,
) -> Iterator[RawRecord]:
    """One record per data row; rows are re-serialized as JSON objects keyed by the header."""
    limits = limits or Limits()
    # Undecodable bytes arrive as surrogate escapes, so the bad row can be rejected alone.
    csv.field_size_limit(limits.field_bytes or min(sys.maxsize, 2**31 - 1))
    lines = iter_lines(stream.buffered, encoding, limits.line_bytes)
    state = _Rows(delimiter, has_header, limits)
    events = _parse(lines, delimiter, lambda taken: _swallowed(taken, state) is not None)
    yield from _records(events, state)
