"""The published snapshot: a read-only copy of the marts and contract tables, swapped in atomically.

The copy is built in a temporary file beside the published one (same filesystem), checkpointed and
closed, then `os.replace`d over `news.duckdb`. A reader that opened the old file keeps reading the
old inode; a reader that opens it afterwards gets the new one: never a half-written file or a mix.
Previous snapshots are kept as hard links under `snapshots/` (no extra space while shared).
Before the swap the file gets the analysts' macros, the BI views and a `COMMENT ON` for every
object and column (`pipelines/publish/contract.py`).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipelines.locations import companion_dir
from pipelines.publish.contract import MartSpec, ObjectSpec, load_contract, write_comments
from pipelines.publish.permissions import exclusive, restrict
from pipelines.warehouse import (
    connect,
    fetch_rows,
    quote_identifier,
    run,
    run_script,
    run_template,
    sql_literal,
    transaction,
)

PUBLISHED_FILE = "news.duckdb"
SNAPSHOTS_DIR = "snapshots"
LOCK_FILE = ".publish.lock"
KEEP_SNAPSHOTS = 3
ALIAS = "snapshot"
# Raw text of a quarantined record shown to analysts: enough to see what was wrong.
MAX_RAW_CHARS = 2000


@dataclass(frozen=True)
class Snapshot:
    """What one publication wrote."""

    path: Path
    archived: Path
    refresh_id: str
    tables: dict[str, int]


def default_publish_dir(warehouse: str | Path) -> Path:
    """`published/` beside the warehouse file (or the DuckLake data folder)."""
    return companion_dir(warehouse) / "published"


def new_refresh_id(now: datetime | None = None) -> str:
    """A sortable id for one refresh, used in snapshot file names."""
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")


def published_tables(
    present: set[str], marts: list[MartSpec], contract: list[ObjectSpec] | None = None
) -> list[str]:
    """The tables to publish: every existing mart, then the contract's tables that exist."""
    contract = load_contract() if contract is None else contract
    mart_tables = [m.table for m in marts if m.table in present]
    return [
        *mart_tables,
        *(o.table for o in contract if o.section == "tables" and o.table in present),
    ]


def previous_counts(publish_dir: Path) -> dict[str, int]:
    """Rows per table in the snapshot published now (empty when there is none)."""
    path = publish_dir / PUBLISHED_FILE
    if not path.exists():
        return {}
    con = connect(path, read_only=True)
    try:
        return {str(t): int(n) for t, n in fetch_rows(con, "publish/select_snapshot_counts")}
    except duckdb.CatalogException:
        return {}
    finally:
        con.close()


def publish_snapshot(
    con: duckdb.DuckDBPyConnection,
    publish_dir: Path,
    tables: list[str],
    marts: list[MartSpec],
    *,
    refresh_id: str | None = None,
    source: str = "",
    keep: int = KEEP_SNAPSHOTS,
) -> Snapshot:
    """Copy `tables` from the warehouse into a new file and swap it in as the published one.

    One publication into a folder at a time (flock); under that lock the `.building` files a
    killed publication left behind are removed. The folder, snapshot and archive get no group
    or world write permission.
    """
    refresh_id = refresh_id or new_refresh_id()
    publish_dir.mkdir(parents=True, exist_ok=True)
    restrict(publish_dir)
    with exclusive(publish_dir / LOCK_FILE):
        remove_stale_builds(publish_dir)
        return _publish(con, publish_dir, tables, marts, refresh_id, source, keep)


def remove_stale_builds(publish_dir: Path) -> list[Path]:
    """Delete what killed publications left (call with the publication lock held)."""
    stale = sorted(publish_dir.glob(f".{PUBLISHED_FILE}.*.building"))
    stale += [p for p in publish_dir.glob(f".{PUBLISHED_FILE}.*.building.wal") if p not in stale]
    for path in stale:
        _remove(path)
    return stale


def _publish(
    con: duckdb.DuckDBPyConnection,
    publish_dir: Path,
    tables: list[str],
    marts: list[MartSpec],
    refresh_id: str,
    source: str,
    keep: int,
) -> Snapshot:
    specs = load_contract()
    contract = {o.table: o for o in specs if o.section == "tables"}
    building = publish_dir / f".{PUBLISHED_FILE}.{refresh_id}.building"
    _remove(building)
    alias = quote_identifier(ALIAS)
    run_template(con, "publish/attach_database", path=sql_literal(str(building)), alias=alias)
    try:
        with transaction(con):
            for schema in sorted({t.split(".")[0] for t in tables}):
                run_template(
                    con, "publish/create_schema", schema=quote_identifier(f"{ALIAS}.{schema}")
                )
            for table in tables:
                _copy(con, table, contract.get(table))
            run_script(con, "publish/create_snapshot_meta")
            params = {"refresh_id": refresh_id, "published_at": datetime.now(UTC)}
            run(con, "publish/insert_snapshot_meta", {**params, "source_warehouse": source})
            for table in tables:
                target = quote_identifier(f"{ALIAS}.{table}")
                name = {"table_name": table}
                run_template(con, "publish/insert_snapshot_table_counts", name, table=target)
        run_template(con, "publish/checkpoint_database", alias=alias)
    except BaseException:
        run_template(con, "publish/detach_database", alias=alias)
        _remove(building)
        raise
    run_template(con, "publish/detach_database", alias=alias)
    try:
        describe_snapshot(building, [*marts, *specs])
    except BaseException:
        _remove(building)
        raise
    restrict(building)
    archived = _archive(building, publish_dir / SNAPSHOTS_DIR, refresh_id)
    os.replace(building, publish_dir / PUBLISHED_FILE)
    _prune(publish_dir / SNAPSHOTS_DIR, keep)
    counts = snapshot_counts(publish_dir / PUBLISHED_FILE)
    return Snapshot(publish_dir / PUBLISHED_FILE, archived, refresh_id, counts)


def _copy(con: duckdb.DuckDBPyConnection, table: str, spec: ObjectSpec | None) -> None:
    target = quote_identifier(f"{ALIAS}.{table}")
    if spec and spec.copy:
        run_template(con, spec.copy, {"max_raw_chars": MAX_RAW_CHARS}, target=target)
        return
    # Contract tables publish exactly their documented columns; marts publish all (checked).
    columns = ", ".join(quote_identifier(c) for c in spec.columns) if spec else "*"
    source = quote_identifier(table)
    run_template(con, "publish/copy_table", target=target, source=source, columns=columns)


def describe_snapshot(path: Path, specs: list[MartSpec | ObjectSpec]) -> None:
    """Create the macros and BI views in the snapshot file, then COMMENT ON every object."""
    con = connect(path)
    try:
        run_script(con, "ddl/create_public_macros")
        run_script(con, "publish/create_snapshot_views")
        existing = table_columns(con)
        macros = {str(row[0]) for row in fetch_rows(con, "publish/select_snapshot_macros")}
        for spec in specs:
            if spec.table in existing or spec.table in macros:
                write_comments(con, spec, existing.get(spec.table, []))
        run_script(con, "publish/checkpoint")
    finally:
        con.close()


def table_columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """schema.table -> its columns, for every table and view of a database."""
    columns: dict[str, list[str]] = {}
    for table, column in fetch_rows(con, "publish/select_snapshot_columns"):
        columns.setdefault(table, []).append(column)
    return columns


def snapshot_counts(path: Path) -> dict[str, int]:
    """Rows per table recorded in a snapshot file."""
    return previous_counts(path.parent) if path.name == PUBLISHED_FILE else {}


def _archive(building: Path, snapshots: Path, refresh_id: str) -> Path:
    snapshots.mkdir(exist_ok=True)
    restrict(snapshots)
    archived = snapshots / f"news-{refresh_id}.duckdb"
    try:
        os.link(building, archived)
    except OSError:
        shutil.copy2(building, archived)
    return archived


def _prune(snapshots: Path, keep: int) -> None:
    for old in sorted(snapshots.glob("news-*.duckdb"))[:-keep]:
        _remove(old)


def _remove(path: Path) -> None:
    for stale in (path, path.with_name(path.name + ".wal")):
        with contextlib.suppress(FileNotFoundError):
            stale.unlink()
