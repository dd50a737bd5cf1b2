"""The one door to DuckDB: connections, transactions and running the SQL files in `sql/`."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pandas as pd
import psutil
import pyarrow as pa

from pipelines.locations import is_ducklake

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
DDL_FILES = (
    "ddl/create_schemas.sql",
    "ddl/create_ops_tables.sql",
    "ddl/create_raw_tables.sql",
    "ddl/create_staging_tables.sql",
    "ddl/create_core_tables.sql",
    "ddl/create_quarantine_tables.sql",
    "ddl/create_dedup_tables.sql",
    "ddl/create_article_index.sql",
    "ddl/alter_articles_count_other_sources.sql",
    "ddl/alter_articles_count_body_chars.sql",
    "ddl/alter_raw_records_html.sql",
    "ddl/alter_articles_published_at.sql",
    "ddl/create_date_mentions_tables.sql",
    "ddl/create_entity_tables.sql",
    "ddl/alter_entity_mentions_unlinked_reason.sql",
    "ddl/create_public_macros.sql",
    "ddl/create_macros.sql",
    "ddl/create_sources_tables.sql",
)
# DuckLake tables take no indexes (its Parquet files' statistics prune instead).
FILE_ONLY_DDL = frozenset({"ddl/create_article_index.sql"})
# No TimeZone setting: it needs the icu extension; without it TIMESTAMPTZ values are shown in UTC.
CONNECTION_CONFIG: dict[str, str | bool] = {
    "autoinstall_known_extensions": "false",
    "autoload_known_extensions": "false",
    # Hand freed memory back to the system sooner (DuckDB keeps up to 128 MB per thread by
    # default): the merging process held 90 MB less after 5 SaudiNewsNet days.
    "allocator_flush_threshold": "32MB",
    "allocator_background_threads": True,
}
MEMORY_LIMIT_ENV = "NEWS_DUCKDB_MEMORY_LIMIT"
# DuckDB's default (80% of RAM) lets its buffer cache grow with the warehouse; a quarter of RAM
# bounds it while leaving room for the joins that cannot spill (1 GB made dedup's candidate join
# fail on a 100k-article synthetic warehouse).
DEFAULT_MEMORY_LIMIT = f"{max(1, psutil.virtual_memory().total // 4 // 2**30)}GB"
Params = Mapping[str, Any] | None
T = TypeVar("T")
PARAM_PATTERN = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


@cache
def sql_text(name: str) -> str:
    """Text of `sql/<name>.sql`."""
    return (SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def default_memory_limit() -> str:
    """Connections' DuckDB memory limit: NEWS_DUCKDB_MEMORY_LIMIT, else a quarter of RAM."""
    return os.environ.get(MEMORY_LIMIT_ENV) or DEFAULT_MEMORY_LIMIT


def within_memory(
    work: Callable[[str], T], limit: int, on_grow: Callable[[int, str], None] | None = None
) -> tuple[T, int]:
    """`work(memory_limit)` with `limit` bytes, redone with twice as many each time it raises
    DuckDB's OutOfMemoryException (it must have rolled back), up to the connections' default;
    its result and the limit it needed. `on_grow(new_limit, error_line)` hears each retry."""
    from pipelines.settings import memory_bytes

    ceiling = memory_bytes(default_memory_limit())
    limit = min(limit, ceiling)
    while True:
        try:
            return work(f"{limit >> 20}MiB"), limit
        except duckdb.OutOfMemoryException as error:
            if limit >= ceiling:
                raise
            limit = min(2 * limit, ceiling)
            if on_grow is not None:
                on_grow(limit, str(error).splitlines()[0])


def connect(
    path: str | Path, *, read_only: bool = False, retries: int = 20, memory_limit: str | None = None
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse file, waiting while another process holds its write lock; or attach
    the DuckLake `path` names (`pipelines/locations.py`). `memory_limit` (DuckDB's syntax)
    defaults to NEWS_DUCKDB_MEMORY_LIMIT, else a quarter of RAM."""
    config: dict[str, str | bool | int | float | list[str]] = {
        **CONNECTION_CONFIG,
        "memory_limit": memory_limit or default_memory_limit(),
    }
    if is_ducklake(path):
        from pipelines.ducklake import attach, spill_config

        con = duckdb.connect(":memory:", config={**config, **spill_config()})
        try:
            attach(con, path, read_only=read_only)
        except BaseException:
            con.close()
            raise
        return con
    if not read_only:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    delay = 0.1
    for attempt in range(retries):
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower() or attempt == retries - 1:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 5.0)
    raise AssertionError("unreachable")


@contextmanager
def open_warehouse(
    path: str | Path, *, read_only: bool = False, memory_limit: str | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to the warehouse with every table created (`connect`'s memory limit)."""
    con = connect(path, read_only=read_only, memory_limit=memory_limit)
    try:
        if not read_only and is_ducklake(path):
            from pipelines.ducklake import ensure_schema

            ensure_schema(con, path)
        elif not read_only:
            ensure_tables(con)
        yield con
    finally:
        con.close()


def ensure_tables(con: duckdb.DuckDBPyConnection, *, ducklake: bool = False) -> None:
    """Create every schema and table that does not exist yet (on a DuckLake: in the caller's
    transaction, `pipelines.ducklake.ensure_schema`)."""
    for name in DDL_FILES:
        if not (ducklake and name in FILE_ONLY_DDL):
            con.execute((SQL_DIR / name).read_text(encoding="utf-8"))


def serialized_writes(path: str | Path) -> AbstractContextManager[Any]:
    """Hold the warehouse's write lock around writes that depend on what it holds (the merge):
    a DuckDB file has one writer already; a DuckLake takes its catalog's advisory lock."""
    if not is_ducklake(path):
        return nullcontext()
    from pipelines.ducklake import write_lock

    return write_lock(path)


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """BEGIN ... COMMIT, rolled back on any error so a crash never leaves half a partition."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def run(
    con: duckdb.DuckDBPyConnection, name: str, params: Params = None
) -> duckdb.DuckDBPyConnection:
    """Execute `sql/<name>.sql`, binding those of `params` that the file names as `$param`."""
    text = sql_text(name)
    return con.execute(text, _used(text, params))


def _used(text: str, params: Params) -> dict[str, Any] | None:
    if not params:
        return None
    names = set(PARAM_PATTERN.findall(text))
    return {key: value for key, value in params.items() if key in names} or None


def run_script(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Execute a multi-statement `sql/<name>.sql` that takes no parameters."""
    con.execute(sql_text(name))


def fetch_rows(
    con: duckdb.DuckDBPyConnection, name: str, params: Params = None
) -> list[tuple[Any, ...]]:
    """All rows of `sql/<name>.sql`."""
    return run(con, name, params).fetchall()


def fetch_dicts(
    con: duckdb.DuckDBPyConnection, name: str, params: Params = None
) -> list[dict[str, Any]]:
    """All rows of `sql/<name>.sql` as dicts keyed by column name."""
    cursor = run(con, name, params)
    columns = [d[0] for d in cursor.description or []]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def insert_batch(
    con: duckdb.DuckDBPyConnection, name: str, batch: pa.Table, relation: str = "batch"
) -> int:
    """Run an `INSERT ... SELECT ... FROM batch` file with `batch` registered as a relation."""
    con.register(relation, batch)
    try:
        run(con, name)
    finally:
        con.unregister(relation)
    return batch.num_rows


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, **relations: pa.Table) -> Iterator[None]:
    """Arrow tables visible to the SQL files under the given relation names, for a block."""
    for name, table in relations.items():
        con.register(name, table)
    try:
        yield
    finally:
        for name in relations:
            con.unregister(name)


def iter_arrow_batches(
    con: duckdb.DuckDBPyConnection, name: str, params: Params, batch_size: int
) -> Iterator[pa.RecordBatch]:
    """Stream the result of `sql/<name>.sql` in record batches on a separate cursor."""
    cursor = same_catalog_cursor(con)
    try:
        text = sql_text(name)
        reader = cursor.execute(text, _used(text, params)).to_arrow_reader(batch_size)
        yield from reader
    finally:
        cursor.close()


def same_catalog_cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor reading the connection's default catalog (a DuckLake's `USE` is per cursor)."""
    catalog = str(fetch_rows(con, "ducklake/select_current_catalog")[0][0])
    cursor = con.cursor()
    run_template(cursor, "ducklake/use_database", alias=quote_identifier(catalog))
    return cursor


# --- Statements DuckDB cannot bind parameters in (ATTACH, COMMENT ON) and allow-listed tables.
# Templates in sql/ carry `{placeholders}` filled ONLY through `quote_identifier` (names from the
# code's own allow-lists: pipelines/publish, pipelines/quality) and `sql_literal` (texts from the
# repo's own files, paths from the operator's configuration): never from data or user input.


def quote_identifier(name: str) -> str:
    """`schema.table` or `column` as a quoted DuckDB identifier."""
    return ".".join('"' + part.replace('"', '""') + '"' for part in name.split("."))


def sql_literal(text: str) -> str:
    """A quoted SQL string literal, for the statements that take no bound parameters."""
    return "'" + text.replace("'", "''") + "'"


def run_template(
    con: duckdb.DuckDBPyConnection, name: str, params: Params = None, **quoted: str
) -> None:
    """Execute `sql/<name>.sql` with its `{placeholders}` filled by already-quoted fragments."""
    text = sql_text(name).format(**quoted)
    con.execute(text, _used(text, params))


def fetch_template_frame(con: duckdb.DuckDBPyConnection, name: str, **quoted: str) -> pd.DataFrame:
    """The result of a template `sql/<name>.sql` as a pandas DataFrame (for Great Expectations)."""
    return con.execute(sql_text(name).format(**quoted)).df()


def fetch_frame(con: duckdb.DuckDBPyConnection, name: str, params: Params = None) -> pd.DataFrame:
    """The result of `sql/<name>.sql` as a pandas DataFrame."""
    return run(con, name, params).df()
