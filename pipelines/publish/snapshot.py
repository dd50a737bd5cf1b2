"""The published snapshot: a read-only copy of the marts and core tables, swapped in atomically.

The copy is built in a temporary file beside the published one (same filesystem), checkpointed and
closed, then `os.replace`d over `news.duckdb`. A reader that opened the old file keeps reading the
old inode; a reader that opens it afterwards gets the new one: never a half-written file or a mix.
Previous snapshots are kept as hard links under `snapshots/` (no extra space while shared).
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipelines.publish.contract import MartSpec, write_comments
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
# Core tables analysts query, published when they exist (allow-list: interpolated into SQL).
CORE_TABLES = (
    "core.articles",
    "core.article_clusters",
    "core.clusters",
    "core.entities",
    "core.entity_mentions",
    "core.date_mentions",
)


@dataclass(frozen=True)
class Snapshot:
    """What one publication wrote."""

    path: Path
    archived: Path
    refresh_id: str
    tables: dict[str, int]


def default_publish_dir(warehouse: Path) -> Path:
    """`published/` beside the warehouse file."""
    return warehouse.resolve().parent / "published"


def new_refresh_id(now: datetime | None = None) -> str:
    """A sortable id for one refresh, used in snapshot file names."""
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")


def published_tables(present: set[str], marts: list[MartSpec]) -> list[str]:
    """The tables to publish: every existing mart, then the listed core tables that exist."""
    mart_tables = [m.table for m in marts if m.table in present]
    return [*mart_tables, *(t for t in CORE_TABLES if t in present)]


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
    columns: dict[str, list[str]],
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
        return _publish(con, publish_dir, tables, marts, columns, refresh_id, source, keep)


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
    columns: dict[str, list[str]],
    refresh_id: str,
    source: str,
    keep: int,
) -> Snapshot:
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
                target = quote_identifier(f"{ALIAS}.{table}")
                run_template(
                    con, "publish/copy_table", target=target, source=quote_identifier(table)
                )
            for mart in marts:
                if mart.table in tables:
                    write_comments(con, mart, columns.get(mart.table, []), catalog=ALIAS)
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
    restrict(building)
    archived = _archive(building, publish_dir / SNAPSHOTS_DIR, refresh_id)
    os.replace(building, publish_dir / PUBLISHED_FILE)
    _prune(publish_dir / SNAPSHOTS_DIR, keep)
    counts = snapshot_counts(publish_dir / PUBLISHED_FILE)
    return Snapshot(publish_dir / PUBLISHED_FILE, archived, refresh_id, counts)


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
