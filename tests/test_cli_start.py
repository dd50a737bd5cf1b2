"""`news-warehouse --help` loads none of the pipeline's heavy libraries: it must answer at once."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("dagster", "duckdb", "polars", "pandas", "pyarrow", "pandera", "great_expectations")
PROBE = """
import sys
from pipelines import cli
try:
    cli.main(sys.argv[1:])
except SystemExit:
    pass
print(",".join(sorted({name.split(".")[0] for name in sys.modules})))
"""


def loaded_after(*argv: str) -> set[str]:
    """Top-level modules imported by `news-warehouse <argv>`, run in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=True
    )
    return set(done.stdout.strip().splitlines()[-1].split(","))


def test_help_imports_no_heavy_library() -> None:
    for argv in (["--help"], ["run", "--help"], ["status", "--help"]):
        assert not loaded_after(*argv) & set(HEAVY), argv


def test_help_documents_the_exit_codes() -> None:
    text = subprocess.run(
        [sys.executable, "-m", "pipelines.cli", "run", "--help"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    for code in ("0", "1", "2", "3", "4"):
        assert f"\n  {code}  " in text
