"""Dagster resources: the landing folder and the DuckDB warehouse."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import dagster as dg
from dagster_duckdb import DuckDBResource

from pipelines import settings
from pipelines.locations import companion_dir

if TYPE_CHECKING:  # the warehouse module loads pandas and pyarrow: imported when used
    import duckdb

    from pipelines.ingest.records import DumpSource

T = TypeVar("T")


class LandingResource(dg.ConfigurableResource):
    """The folder where raw dumps arrive."""

    path: str

    def dump_source(self, dump_file: str) -> DumpSource:
        """The dump behind a partition key; a clear error when it left the landing folder."""
        from pipelines.ingest.locate import source_for_key

        try:
            return source_for_key(Path(self.path), dump_file)
        except FileNotFoundError as error:
            raise dg.Failure(
                description=f"dump {dump_file!r} is not in the landing folder {self.path}: {error}"
            ) from error


class WarehouseResource(DuckDBResource):
    """The DuckDB warehouse file, with every table created on first use."""

    @contextmanager
    def open(self, memory_limit: str | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection with every table created; DuckDB's `memory_limit`, else the default."""
        from pipelines.warehouse import open_warehouse

        with open_warehouse(self.database, memory_limit=memory_limit) as con:
            yield con

    def bounded(self, work: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """`work(con)` on a connection with the merges' DuckDB memory limit, redone with twice
        as much while it runs out (`warehouse.within_memory`; `work` must leave nothing behind
        when it fails): with the default limit, DuckDB keeps what a step reads or writes cached
        up to a quarter of RAM (publishing a 290k-article warehouse peaked at 2.6 GB)."""
        from pipelines.warehouse import within_memory

        def attempt(limit: str) -> T:
            with self.open(memory_limit=limit) as con:
                return work(con)

        return within_memory(attempt, settings.memory_bytes(settings.merge_memory_limit()))[0]


class PublishResource(dg.ConfigurableResource):
    """The folder BI reads: the published snapshot, Data Docs and the dashboard."""

    path: str


PUBLISH_ENV = "NEWS_PUBLISH_DIR"


def _setting(env_name: str, default: Path) -> str | dg.EnvVar:
    return dg.EnvVar(env_name) if os.environ.get(env_name) else str(default)


def build_resources() -> dict[str, dg.ConfigurableResource]:
    """Resources for the code location, configured from NEWS_LANDING_DIR and NEWS_WAREHOUSE."""
    return {
        "landing": LandingResource(
            path=_setting(settings.LANDING_ENV, settings.DEFAULT_LANDING_DIR)
        ),
        "warehouse": WarehouseResource(
            database=_setting(settings.WAREHOUSE_ENV, settings.DEFAULT_WAREHOUSE)
        ),
        # Default: published/ beside the warehouse file.
        "publish": PublishResource(
            path=_setting(PUBLISH_ENV, companion_dir(settings.warehouse_path()) / "published")
        ),
    }
