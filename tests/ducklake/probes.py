"""Watching a DuckLake while workers write it: a reader thread and the catalog's lock table."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import psycopg

from pipelines.ducklake import WRITE_LOCK_KEY, current_snapshot
from pipelines.locations import catalog_dsn
from pipelines.warehouse import fetch_rows, open_warehouse, transaction
from tests.conftest import PROJECT_DIR, SAMPLES_DIR


def spawn_worker(location: str, data: Path, dump_files: list[str]) -> subprocess.Popen[str]:
    """A process that maps and merges `dump_files` (samples) into the DuckLake."""
    command = [sys.executable, "-m", "tests.ducklake.load_worker", location, str(SAMPLES_DIR)]
    return subprocess.Popen(
        [*command, *dump_files],
        cwd=PROJECT_DIR,
        env={**os.environ, "NEWS_DUCKLAKE_DATA": str(data)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


class CatalogProbe:
    """One connection to a DuckLake's catalog database, to watch its locks and transactions."""

    def __init__(self, location: str) -> None:
        self.con = psycopg.connect(catalog_dsn(location), autocommit=True)

    def close(self) -> None:
        self.con.close()

    def write_lock_holder(self) -> int | None:
        """The PostgreSQL backend pid holding the warehouse's write lock, if any."""
        row = self.con.execute(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted "
            "AND objid = %(key)s AND classid = 0",
            {"key": WRITE_LOCK_KEY},
        ).fetchone()
        return int(row[0]) if row else None

    @contextmanager
    def commits_held(self) -> Iterator[None]:
        """DuckLake commits stop halfway while this is entered: writes to the snapshot-changes
        table wait on our lock (reads go on), after the commit wrote its snapshot row."""
        with psycopg.connect(self.con.info.dsn) as holder:
            holder.execute("LOCK TABLE ducklake_snapshot_changes IN EXCLUSIVE MODE")
            yield
            holder.rollback()

    def commit_halfway(self) -> bool:
        """True while a catalog transaction has written rows and waits on a lock (ours)."""
        row = self.con.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
            "AND datname = current_database() AND backend_xid IS NOT NULL "
            "AND wait_event_type = 'Lock'"
        ).fetchone()
        return bool(row and row[0])


@dataclass
class Poll:
    snapshot: int
    dumps_loaded: int
    unreconciled: int
    articles_without_cluster: int
    seconds: float
    during_merge: bool  # the write lock was held when the read began and when it ended


@dataclass
class Reader:
    """Reads the DuckLake in a loop on its own read-only connection, one snapshot per poll."""

    location: str
    polls: list[Poll] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    waits: list[str] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> Reader:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> Reader:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=120)
        return self

    def _run(self) -> None:
        probe = CatalogProbe(self.location)
        try:
            while not self._stop.is_set():
                try:
                    with open_warehouse(self.location, read_only=True) as con:
                        while not self._stop.is_set():
                            self.polls.append(self._poll(con, probe))
                            time.sleep(0.05)
                except (duckdb.Error, psycopg.Error) as error:
                    if self.polls:  # the warehouse was readable: a failure now is one
                        raise
                    self.waits.append(repr(error))  # no DuckLake or no tables yet
                    time.sleep(0.05)
        except Exception as error:  # reported by the test
            self.errors.append(repr(error))
        finally:
            probe.close()

    def _poll(self, con: duckdb.DuckDBPyConnection, probe: CatalogProbe) -> Poll:
        locked_before = probe.write_lock_holder() is not None
        began = time.perf_counter()
        with transaction(con):
            snapshot = current_snapshot(con)
            dumps = con.execute("SELECT count(*) FROM ops.dump_files").fetchone()
            unreconciled = fetch_rows(con, "checks/count_unreconciled_dumps", {"dump_files": None})
            orphans = con.execute(
                "SELECT count(*) FROM core.articles WHERE article_id NOT IN "
                "(SELECT article_id FROM core.article_clusters)"
            ).fetchone()
        seconds = time.perf_counter() - began
        locked_after = probe.write_lock_holder() is not None
        return Poll(
            snapshot,
            int(dumps[0]) if dumps else 0,
            len(unreconciled),
            int(orphans[0]) if orphans else 0,
            seconds,
            locked_before and locked_after,
        )
