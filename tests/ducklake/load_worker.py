"""One worker of the concurrency tests: map and merge some dumps into a warehouse, then exit.

    python -m tests.ducklake.load_worker WAREHOUSE LANDING DUMP_FILE...

Maps on NEWS_WORKERS processes (1). Prints `staged <dump>` when a dump is mapped, then one JSON
line (dumps merged, failures, wall and CPU seconds, seconds per stage); exit 1 when a dump failed.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from pipelines.dedup.matching import DEFAULT_THRESHOLD
from pipelines.ingest.locate import source_for_key
from pipelines.merge.loader import load_dumps


def print_staged(event: str, data: dict[str, Any]) -> None:
    """`staged <dump>` once a dump is mapped (its merge comes next)."""
    if event == "staged":
        print(f"staged {data['dump_file']}", flush=True)


def main(argv: list[str]) -> int:
    warehouse, landing, *dump_files = argv
    sources = [source_for_key(Path(landing), dump_file) for dump_file in dump_files]
    workers = int(os.environ.get("NEWS_WORKERS") or 1)
    report = load_dumps(
        warehouse, sources, workers=workers, threshold=DEFAULT_THRESHOLD, progress=print_staged
    )
    merged = [d.dump_file for d in report.merged]
    figures = {"wall": report.wall_seconds, "cpu": report.cpu_seconds, "seconds": report.seconds}
    print(json.dumps({"merged": merged, "failed": report.failed, **figures}), flush=True)
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))


def fanout_job() -> Any:
    """The fan-out job with the code location's resources (NEWS_* settings), for
    `dg.reconstructable`: the multiprocess executor rebuilds it in each step's process."""
    from pipelines.definitions import defs

    return defs.get_job_def("fanout_load_job")


def celery_fanout_job() -> Any:
    """The fan-out job on the Celery executor, for `dg.reconstructable` (workers rebuild it)."""
    from pipelines.definitions import defs

    return defs.get_job_def("celery_fanout_load_job")
