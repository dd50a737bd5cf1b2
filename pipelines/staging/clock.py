"""Wall and CPU seconds per stage, added up as the stages of a chunk or a merge follow."""

from __future__ import annotations

import time
from collections.abc import Callable


class StageClock:
    """`lap(stage)` adds the wall and CPU seconds since the last lap to `seconds[stage]`.

    `cpu` is the process's CPU clock on a worker, the thread's where other threads of the
    process work at the same time (the merge beside the dump reader)."""

    def __init__(
        self, seconds: dict[str, list[float]], cpu: Callable[[], float] = time.process_time
    ) -> None:
        self.seconds, self.cpu = seconds, cpu
        self.wall, self.cpu_at = time.perf_counter(), cpu()

    def lap(self, stage: str) -> None:
        wall, cpu = time.perf_counter(), self.cpu()
        spent = self.seconds.setdefault(stage, [0.0, 0.0])
        spent[0] += wall - self.wall
        spent[1] += cpu - self.cpu_at
        self.wall, self.cpu_at = wall, cpu
