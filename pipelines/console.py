"""What `news-warehouse run` shows while it works: plain lines, or rich progress bars on a terminal.

Both displays listen to `pipelines.progress` events of the load (read, staged, merged, failed,
finished) and are told when a range run, the marts, the gate and publication start and end.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from pipelines.merge.loader import LoadReport


class LoadTally:
    """Dumps and records of the current range, and the load reports of the whole run."""

    def __init__(self) -> None:
        self.reports: list[LoadReport] = []
        self.total = self.dumps = self.records = self.read = 0
        self.began = time.monotonic()

    def start(self, dumps: int) -> None:
        self.total, self.dumps, self.records, self.read = dumps, 0, 0, 0
        self.began = time.monotonic()

    def count(self, event: str, data: dict[str, Any]) -> None:
        if event == "read":
            self.read = max(self.read, int(data["records"]))
        elif event == "staged":
            self.records += int(data["records"])
        elif event == "merged":
            self.dumps += len(data["dumps"])
        elif event == "failed":
            self.dumps += 1
        elif event == "finished":
            self.reports.append(data["report"])

    def rate(self) -> float:
        return self.records / max(time.monotonic() - self.began, 1e-9)


class PlainDisplay:
    """One line per merged batch, failure, range and phase (stdout not a terminal: logs, CI)."""

    def __init__(self) -> None:
        self.tally = LoadTally()
        self.reports = self.tally.reports

    def __call__(self, event: str, data: dict[str, Any]) -> None:
        self.tally.count(event, data)
        if event == "merged":
            print(
                f"  merged {self.tally.dumps}/{self.tally.total} dumps, "
                f"{self.tally.records:,} records ({self.tally.rate():,.0f}/s), "
                f"last {data['last']}",
                flush=True,
            )
        elif event == "failed":
            print(f"  FAILED {data['dump_file']}: {data['error']}", flush=True)
        elif event == "merge_memory":
            from pipelines.merge.loader import merge_memory_message

            print(f"  note: {merge_memory_message(data)}", flush=True)

    def range_started(self, keys: list[str], records: int) -> None:
        self.tally.start(len(keys))

    def range_finished(self, keys: list[str], ok: bool, seconds: float) -> None:
        print(
            f"{len(keys)} dumps {keys[0]} .. {keys[-1]}: "
            f"{'ok' if ok else 'FAILED'} in {seconds:.1f}s",
            flush=True,
        )

    def phase_started(self, name: str) -> None:
        pass

    def phase_finished(self, name: str, ok: bool, seconds: float) -> None:
        print(f"{name}: {'ok' if ok else 'FAILED'} in {seconds:.1f}s", flush=True)

    def close(self) -> None:
        pass


class RichDisplay(PlainDisplay):
    """Progress bars (rich): per range run dumps merged, records and rate; then each phase."""

    def __init__(self) -> None:
        super().__init__()
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self.progress: Progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[detail]}"),
            TimeElapsedColumn(),
        )
        self.task: TaskID | None = None
        self.progress.start()

    def __call__(self, event: str, data: dict[str, Any]) -> None:
        self.tally.count(event, data)
        if self.task is None:
            return
        if event == "failed":
            self.progress.console.print(f"  [red]FAILED[/red] {data['dump_file']}: {data['error']}")
        if event in ("read", "staged", "merged", "failed"):
            self.progress.update(
                self.task,
                completed=self.tally.dumps,
                detail=f"{self.tally.records:,} records, {self.tally.rate():,.0f}/s"
                + (f"; reading {data['dump_file']}" if event == "read" else ""),
            )

    def range_started(self, keys: list[str], records: int) -> None:
        super().range_started(keys, records)
        label = keys[0] if len(keys) == 1 else f"{keys[0]} .. {keys[-1]}"
        self.task = self.progress.add_task(f"load {label}", total=len(keys), detail="mapping")

    def range_finished(self, keys: list[str], ok: bool, seconds: float) -> None:
        if self.task is not None:
            state = "ok" if ok else "[red]FAILED[/red]"
            self.progress.update(
                self.task,
                completed=len(keys) if ok else self.tally.dumps,
                detail=f"{self.tally.records:,} records, {self.tally.rate():,.0f}/s, {state}",
            )
            self.progress.stop_task(self.task)
        self.task = None

    def phase_started(self, name: str) -> None:
        self.task = self.progress.add_task(name, total=1, detail="")

    def phase_finished(self, name: str, ok: bool, seconds: float) -> None:
        if self.task is not None:
            state = "ok" if ok else "[red]FAILED[/red]"
            self.progress.update(self.task, completed=1 if ok else 0, detail=state)
            self.progress.stop_task(self.task)
        self.task = None

    def close(self) -> None:
        self.progress.stop()


def make_display(rich: bool) -> PlainDisplay:
    """Rich progress bars on a terminal, plain lines otherwise."""
    return RichDisplay() if rich else PlainDisplay()
