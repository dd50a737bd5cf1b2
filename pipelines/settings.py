"""Where the landing folder and the warehouse file are: environment first, then the bundled defaults."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_LANDING_DIR = PROJECT_DIR / "samples" / "landing"
DEFAULT_WAREHOUSE = PROJECT_DIR / "warehouse" / "news.duckdb"
LANDING_ENV = "NEWS_LANDING_DIR"
WAREHOUSE_ENV = "NEWS_WAREHOUSE"
BATCH_SIZE = 5_000


def landing_dir() -> Path:
    """The landing folder the sensor scans."""
    return Path(os.environ.get(LANDING_ENV) or DEFAULT_LANDING_DIR)


def warehouse_path() -> Path:
    """The DuckDB file the pipeline writes."""
    return Path(os.environ.get(WAREHOUSE_ENV) or DEFAULT_WAREHOUSE)
