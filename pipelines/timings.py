"""Where a run's time went: seconds per phase and per stage, printed and written as JSON."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from pipelines.merge.loader import LoadReport

# Map stages run on the workers; read, validate and merge steps on the process that conducts
# the load.
MAP_STAGES = ("clean", "dates", "entities", "signatures", "stage_write")


class PhaseClock:
    """Wall seconds of consecutive phases of a run."""

    def __init__(self) -> None:
        self.phases: dict[str, float] = {}
        self.last = time.monotonic()

    def lap(self, phase: str) -> None:
        now = time.monotonic()
        self.phases[phase] = self.phases.get(phase, 0.0) + now - self.last
        self.last = now


def run_summary(
    reports: Sequence[LoadReport], phases: dict[str, float], wall: float
) -> dict[str, Any]:
    """A run's figures: records, articles/s, CPU per wall second while loading, stage seconds."""
    stages: dict[str, list[float]] = {}
    for report in reports:
        for stage, (stage_wall, stage_cpu) in report.seconds.items():
            spent = stages.setdefault(stage, [0.0, 0.0])
            spent[0] += stage_wall
            spent[1] += stage_cpu
    load_wall = sum(r.wall_seconds for r in reports)
    load_cpu = sum(r.cpu_seconds for r in reports)
    conducting_cpu = sum(r.conducting_cpu_seconds for r in reports)
    records = sum(r.records_read for r in reports)
    articles = sum(chunk.cleaned for r in reports for d in r.merged for chunk in d.chunks)
    return {
        "records_read": records,
        "articles_loaded": articles,
        "wall_seconds": round(wall, 2),
        "articles_per_second": round(articles / wall, 1) if wall else None,
        "load_wall_seconds": round(load_wall, 2),
        "load_cpu_per_wall_second": round(load_cpu / load_wall, 2) if load_wall else None,
        "load_cpu_seconds": {
            "conducting": round(conducting_cpu, 2),
            "workers": round(max(load_cpu - conducting_cpu, 0.0), 2),
        },
        "phases_seconds": {name: round(seconds, 2) for name, seconds in phases.items()},
        "stages_seconds": {
            name: {"wall": round(w, 2), "cpu": round(c, 2)} for name, (w, c) in stages.items()
        },
    }


def format_timings(summary: dict[str, Any]) -> str:
    """The figures as the run prints them."""
    lines = [
        f"{summary['articles_loaded']:,} articles from {summary['records_read']:,} records in "
        f"{summary['wall_seconds']:.1f}s ({summary['articles_per_second'] or 0:,.0f} articles/s); "
        f"loading used {summary['load_cpu_per_wall_second'] or 0:.2f} CPU-seconds per second "
        f"(CPU s: conducting process {summary['load_cpu_seconds']['conducting']:.1f}, "
        f"workers {summary['load_cpu_seconds']['workers']:.1f})",
        "phases (wall s): "
        + ", ".join(f"{name} {seconds:.1f}" for name, seconds in summary["phases_seconds"].items()),
    ]
    stages = summary["stages_seconds"]
    if stages:
        lines.append(
            "stages (wall s summed over processes / CPU s; the merge's CPU is its own thread's, "
            "DuckDB's threads count in the conducting process's total above):"
        )
        for name, spent in stages.items():
            where = "worker" if name in MAP_STAGES else "main"
            lines.append(f"  {name:<16} {where:<7} {spent['wall']:>8.1f} {spent['cpu']:>8.1f}")
    return "\n".join(lines) + "\n"
