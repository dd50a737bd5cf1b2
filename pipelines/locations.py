"""Where the warehouse lives: a DuckDB file (the default) or a DuckLake on a PostgreSQL catalog.

`NEWS_WAREHOUSE` (or `--warehouse`) names either a file path or a DuckLake:

    NEWS_WAREHOUSE='ducklake:postgres:dbname=news host=127.0.0.1 port=5432 user=news'
    NEWS_DUCKLAKE_DATA=/srv/lake/data        # where DuckLake writes its Parquet files

The text after `ducklake:postgres:` is a libpq connection string in keyword form (no `//`, so it
survives being handled as a path); passwords come from PGPASSWORD or ~/.pgpass, never the string.
The local companions of a warehouse (staging folders, published snapshot) go beside the file, or
beside the DuckLake data folder (staging under a folder per host: the map and the merge of a run
run on one machine).
"""

from __future__ import annotations

import os
import re
import socket
from pathlib import Path

DUCKLAKE_PREFIX = "ducklake:postgres:"
DUCKLAKE_DATA_ENV = "NEWS_DUCKLAKE_DATA"
# The DuckLake is attached under this name and made the default catalog of the connection.
DUCKLAKE_ALIAS = "lake"
STAGING_DIR_NAME = "staging"
_PASSWORD = re.compile(r"password\s*=\s*('(?:[^'\\]|\\.)*'|\S+)", re.IGNORECASE)


def is_ducklake(location: str | Path) -> bool:
    """True when `location` names a DuckLake rather than a DuckDB file."""
    return str(location).startswith(DUCKLAKE_PREFIX)


def catalog_dsn(location: str | Path) -> str:
    """The libpq connection string of a DuckLake's PostgreSQL catalog."""
    return str(location)[len(DUCKLAKE_PREFIX) :].strip()


def ducklake_data_path(*, required: bool = True) -> Path | None:
    """The folder DuckLake writes its data files to: NEWS_DUCKLAKE_DATA. A DuckLake records it
    when created; reading one needs it not, creating one and the local companions do."""
    value = os.environ.get(DUCKLAKE_DATA_ENV)
    if not value and required:
        raise ValueError(
            f"a DuckLake warehouse needs ${DUCKLAKE_DATA_ENV}: the folder of its Parquet files"
        )
    return Path(value).resolve() if value else None


def exists(location: str | Path) -> bool:
    """Whether there is a warehouse to read: the file exists; a DuckLake always may have one."""
    return is_ducklake(location) or Path(location).exists()


def companion_dir(location: str | Path) -> Path:
    """The folder beside the warehouse: of the DuckDB file, or of the DuckLake data folder."""
    if is_ducklake(location):
        return Path(str(ducklake_data_path())).parent
    return Path(location).resolve().parent


def staging_root(location: str | Path) -> Path:
    """Where runs stage their map output: `staging/` beside the warehouse (per host for DuckLake,
    whose data folder several machines may share)."""
    root = companion_dir(location) / STAGING_DIR_NAME
    return root / socket.gethostname() if is_ducklake(location) else root


def describe(location: str | Path) -> str:
    """The location for logs and the snapshot's metadata, any password masked."""
    return _PASSWORD.sub("password=***", str(location))
