"""A process-wide listener for load progress: the CLI prints it, Dagster logs it anyway."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Listener = Callable[[str, dict[str, Any]], None]
_listeners: list[Listener] = []


def listen(listener: Listener) -> None:
    """Call `listener(event, data)` for every progress event of loads run in this process."""
    _listeners.append(listener)


def forget(listener: Listener) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def report(event: str, data: dict[str, Any]) -> None:
    for listener in list(_listeners):
        listener(event, data)
