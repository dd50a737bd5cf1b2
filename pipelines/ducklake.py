"""A DuckLake warehouse: its catalog in PostgreSQL, its data as Parquet files in a folder.

A connection is an in-memory DuckDB with the DuckLake attached as `lake` and made the default
catalog, so the SQL in `sql/` runs unchanged (`core.articles` is `lake.core.articles`; temporary
tables stay local). Several processes, on one machine or many, read and write the same DuckLake;
each transaction reads one snapshot. Writes that depend on what is already loaded (the merge, the
schema) are serialized by a PostgreSQL advisory lock on the catalog database: a session lock, so a
killed process releases it with its connection and no lock service of our own is needed.
"""

from __future__ import annotations

import glob
import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

import duckdb
import psycopg

from pipelines.locations import (
    DUCKLAKE_ALIAS,
    DUCKLAKE_PREFIX,
    catalog_dsn,
    ducklake_data_path,
)
from pipelines.warehouse import fetch_rows, quote_identifier, run_template, sql_literal, sql_text

# DuckDB's extension names and the wheels that ship them (postgres first: the catalog's client).
EXTENSIONS = (
    ("postgres_scanner", "duckdb_extension_postgres"),
    ("ducklake", "duckdb_extension_ducklake"),
)
# The advisory lock key of the warehouse's serialized writes (any constant bigint, ours alone).
WRITE_LOCK_KEY = 0x6E657773  # "news"


def extension_file(name: str, package: str) -> Path:
    """The extension binary inside its wheel, for this DuckDB version."""
    spec = importlib.util.find_spec(package)
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        pattern = f"{folder}/extensions/v{duckdb.__version__}/*.duckdb_extension"
        for path in glob.glob(pattern):
            return Path(path)
    raise RuntimeError(
        f"the {name} extension for DuckDB {duckdb.__version__} is missing: install the "
        f"{package.replace('_', '-')}=={duckdb.__version__} wheel (make setup does)"
    )


def load_extensions(con: duckdb.DuckDBPyConnection) -> None:
    """Install (from the wheels, offline) and load the postgres and ducklake extensions."""
    installed = {str(row[0]) for row in fetch_rows(con, "ducklake/select_installed_extensions")}
    for name, package in EXTENSIONS:
        if name not in installed:
            path = sql_literal(str(extension_file(name, package)))
            run_template(con, "ducklake/install_extension", path=path)
        run_template(con, "ducklake/load_extension", extension=quote_identifier(name))


def attach(con: duckdb.DuckDBPyConnection, location: str | Path, *, read_only: bool) -> None:
    """Attach the DuckLake at `location` as the connection's default catalog."""
    load_extensions(con)
    options = ["READ_ONLY"] if read_only else []
    data_path = ducklake_data_path(required=False)
    if data_path is not None:
        if not read_only:
            data_path.mkdir(parents=True, exist_ok=True)
        options.append(f"DATA_PATH {sql_literal(str(data_path) + '/')}")
    # The first attach of a new DuckLake creates its catalog tables: one process at a time.
    with nullcontext() if read_only else write_lock(location):
        run_template(
            con,
            "ducklake/attach_ducklake",
            uri=sql_literal(DUCKLAKE_PREFIX + catalog_dsn(location)),
            alias=quote_identifier(DUCKLAKE_ALIAS),
            options=f" ({', '.join(options)})" if options else "",
        )
    run_template(con, "ducklake/use_database", alias=quote_identifier(DUCKLAKE_ALIAS))


def current_snapshot(con: duckdb.DuckDBPyConnection) -> int:
    """The id of the DuckLake snapshot the connection reads."""
    return int(fetch_rows(con, "ducklake/select_current_snapshot", {"alias": DUCKLAKE_ALIAS})[0][0])


@contextmanager
def write_lock(location: str | Path) -> Iterator[None]:
    """Hold the warehouse's write lock: a PostgreSQL session advisory lock on the catalog."""
    with psycopg.connect(catalog_dsn(location), autocommit=True) as lock:
        key = {"key": WRITE_LOCK_KEY}
        lock.execute(sql_text("ducklake/lock_writes"), key)
        try:
            yield
        finally:
            lock.execute(sql_text("ducklake/unlock_writes"), key)
