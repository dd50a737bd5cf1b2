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
import hashlib
import importlib.util
import os
import socket
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from datetime import timedelta
from pathlib import Path

import duckdb
import psycopg

from pipelines.locations import (
    DUCKLAKE_ALIAS,
    DUCKLAKE_PREFIX,
    catalog_dsn,
    ducklake_data_path,
)
from pipelines.warehouse import (
    DDL_FILES,
    SQL_DIR,
    ensure_tables,
    fetch_rows,
    quote_identifier,
    run,
    run_script,
    run_template,
    sql_literal,
    sql_text,
    transaction,
)

# DuckDB's extension names and the wheels that ship them (postgres first: the catalog's client).
EXTENSIONS = (
    ("postgres_scanner", "duckdb_extension_postgres"),
    ("ducklake", "duckdb_extension_ducklake"),
)
# The advisory lock key of the warehouse's serialized writes (any constant bigint, ours alone).
WRITE_LOCK_KEY = 0x6E657773  # "news"
# An in-memory DuckDB spills to `.tmp/` in the working directory unless told otherwise: spill
# beside the DuckLake's data folder instead (one folder per process: DuckDB's spill file names are
# not unique across processes), bounded by NEWS_DUCKDB_TEMP_LIMIT.
SPILL_DIR_NAME = "spill"
TEMP_LIMIT_ENV = "NEWS_DUCKDB_TEMP_LIMIT"
DEFAULT_TEMP_LIMIT = "20GB"
# Maintenance, in this order: inlined rows out to files, small files compacted, thinned files
# rewritten, then the snapshots (and with them the files) this left behind expired and deleted.
MAINTENANCE_STEPS = (
    "flush_inlined_data",
    "merge_adjacent_files",
    "rewrite_data_files",
    "expire_snapshots",
    "cleanup_old_files",
)


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


def spill_config() -> dict[str, str]:
    """Where a DuckLake connection spills (`spill/<host>-<pid>` beside the data folder, or in the
    system's temporary folder for a reader without one), and how much it may spill."""
    data_path = ducklake_data_path(required=False)
    base = data_path.parent if data_path is not None else Path(tempfile.gettempdir())
    folder = base / SPILL_DIR_NAME / f"{socket.gethostname()}-{os.getpid()}"
    return {
        "temp_directory": str(folder),
        "max_temp_directory_size": os.environ.get(TEMP_LIMIT_ENV) or DEFAULT_TEMP_LIMIT,
    }


def schema_fingerprint() -> str:
    """The DDL's version: a sha256 of the `sql/ddl` files in the order they run."""
    digest = hashlib.sha256()
    for name in DDL_FILES:
        digest.update(name.encode())
        digest.update((SQL_DIR / name).read_bytes())
    return digest.hexdigest()


def schema_is_current(con: duckdb.DuckDBPyConnection, fingerprint: str) -> bool:
    try:
        rows = fetch_rows(con, "ducklake/select_schema_fingerprint", {"fingerprint": fingerprint})
    except duckdb.CatalogException:  # a new DuckLake: no admin.schema_fingerprints yet
        return False
    return bool(rows[0][0])


def ensure_schema(con: duckdb.DuckDBPyConnection, location: str | Path) -> None:
    """Create or upgrade the tables unless this DDL version is recorded: opening a current
    DuckLake reads one row and commits nothing (every commit is a snapshot in the catalog)."""
    fingerprint = schema_fingerprint()
    if schema_is_current(con, fingerprint):
        return
    with write_lock(location):
        if schema_is_current(con, fingerprint):  # another process applied it meanwhile
            return
        with transaction(con):
            ensure_tables(con, ducklake=True)
            run_script(con, "ducklake/create_schema_fingerprints")
            run(con, "ducklake/insert_schema_fingerprint", {"fingerprint": fingerprint})


def maintain(location: str | Path, *, older_than: timedelta) -> dict[str, int]:
    """DuckLake's own maintenance, under the write lock (so no merge's deletes race a compaction):
    returns the rows each step reported (snapshots expired, files deleted...)."""
    from pipelines.warehouse import connect

    retention = {"retention": older_than}
    con = connect(location)
    try:
        with write_lock(location):
            counts = {}
            for step in MAINTENANCE_STEPS:
                text = sql_text(f"ducklake/{step}").format(catalog=sql_literal(DUCKLAKE_ALIAS))
                counts[step] = len(con.execute(text, retention if "$retention" in text else None)
                                   .fetchall())  # fmt: skip
    finally:
        con.close()
    return counts


def catalog_size(location: str | Path) -> dict[str, int]:
    """The catalog database's bytes and tables; the DuckLake's snapshots, live data files, every
    file it keeps, and inlined-data tables (`sql/ducklake/select_catalog_size.sql`)."""
    with psycopg.connect(catalog_dsn(location), autocommit=True) as catalog:
        cursor = catalog.execute(sql_text("ducklake/select_catalog_size"))
        row = cursor.fetchone()
        names = [column.name for column in cursor.description or []]
    return dict(zip(names, row or (), strict=True))
