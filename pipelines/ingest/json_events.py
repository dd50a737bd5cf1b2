"""Items of a JSON document built from ijson's basic events, with depth and size bounds.

ijson.items()/parse() build prefix strings as long as the nesting is deep ("item.item.item...")
for every event, so 100,000 nested brackets cost gigabytes and the process is killed; a deep
item built anyway breaks json.dumps (RecursionError). Here the position is tracked as a list,
an item deeper than max_depth or larger than max_chars is skipped (its events are consumed,
nothing is kept) and reported, and reading goes on with the next item.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pipelines.reject_reasons import NESTED_TOO_DEEP, RECORD_TOO_LARGE

_SCALARS = frozenset({"string", "number", "boolean", "null", "integer", "double"})


@dataclass
class Skipped:
    """An item that was not built: reason and a readable detail."""

    reason: str
    detail: str


class _Builder:
    """Builds one item; flips to skipping once it is too deep or too large."""

    def __init__(self, max_depth: int, max_chars: int) -> None:
        self.max_depth, self.max_chars = max_depth, max_chars
        self.stack: list[Any] = []
        self.keys: list[str | None] = []
        self.depth = 0
        self.chars = 0
        self.skipped: Skipped | None = None
        self.value: Any = None

    def _add(self, value: Any) -> None:
        if not self.stack:
            self.value = value
        elif isinstance(self.stack[-1], list):
            self.stack[-1].append(value)
        else:
            self.stack[-1][self.keys[-1]] = value

    def feed(self, event: str, value: Any) -> bool:
        """Take one event; True when the item is complete."""
        if event in ("start_map", "start_array"):
            self.depth += 1
            if self.skipped is None and self.depth > self.max_depth:
                detail = f"nested deeper than {self.max_depth} levels (NEWS_MAX_JSON_DEPTH)"
                self._skip(Skipped(NESTED_TOO_DEEP, detail))
            if self.skipped is None:
                self.stack.append({} if event == "start_map" else [])
                self.keys.append(None)
            return False
        if event in ("end_map", "end_array"):
            self.depth -= 1
            if self.skipped is None:
                done = self.stack.pop()
                self.keys.pop()
                self._add(done)
            return self.depth == 0
        if self.skipped is not None:
            return self.depth == 0
        self.chars += len(value) if isinstance(value, str) else 8
        if self.chars > self.max_chars:
            detail = f"item over {self.max_chars:,} characters (NEWS_MAX_RECORD_BYTES)"
            self._skip(Skipped(RECORD_TOO_LARGE, detail))
            return self.depth == 0
        if event == "map_key":
            self.keys[-1] = value
            return False
        self._add(value)
        return self.depth == 0

    def _skip(self, skipped: Skipped) -> None:
        self.skipped = skipped
        self.stack.clear()
        self.keys.clear()


def iter_items(
    events: Iterable[tuple[str, Any]], prefix: str, max_depth: int, max_chars: int
) -> Iterator[Any | Skipped]:
    """The values at an ijson prefix ("item", "articles.item", "" = the whole document)."""
    target = prefix.split(".") if prefix else []
    path: list[str | None] = []
    builder: _Builder | None = None
    for event, value in events:
        if builder is not None:
            if builder.feed(event, value):
                yield builder.skipped or builder.value
                builder = None
            continue
        if event == "map_key":
            path[-1] = value
        elif event in ("end_map", "end_array"):
            path.pop()
        elif path == target:
            builder = _Builder(max_depth, max_chars)
            if builder.feed(event, value):
                yield builder.skipped or builder.value
                builder = None
        elif event in ("start_map", "start_array"):
            if len(path) >= max_depth + len(target):
                detail = f"document nested deeper than {max_depth} levels outside any record"
                yield Skipped(NESTED_TOO_DEEP, detail)
                return
            path.append(None if event == "start_map" else "item")


def first_item_prefix(events: Iterable[tuple[str, Any]], max_depth: int) -> str | None:
    """ijson prefix of the first object inside an array (or None)."""
    path: list[str | None] = []
    for event, value in events:
        if event == "start_map" and path and path[-1] == "item":
            return ".".join(str(part) for part in path)
        if event == "map_key":
            path[-1] = value
        elif event in ("end_map", "end_array"):
            path.pop()
            if not path and event == "end_map":
                return None
        elif event in ("start_map", "start_array"):
            if len(path) >= max_depth:
                return None
            path.append(None if event == "start_map" else "item")
    return None
