"""Publishing: the Great Expectations gate, the read-only snapshot for BI, the dashboard."""

from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import dagster as dg

from pipelines.assets.marts import MART_SPECS
from pipelines.automation import after_loads
from pipelines.locations import describe
from pipelines.partitions import WAREHOUSE_POOL
from pipelines.quality.suites import suites_for
from pipelines.resources import PublishResource, WarehouseResource

if TYPE_CHECKING:  # duckdb loads with the warehouse, when an asset runs
    import duckdb

    from pipelines.publish.snapshot import Snapshot

MARTS = list(MART_SPECS.values())
SUITES = suites_for([m.name for m in MARTS])
DAILY = dg.FreshnessPolicy.time_window(fail_window=timedelta(hours=26))


def check_name(table: str) -> str:
    """The asset check's name for a table's expectation suite."""
    return table.replace(".", "__") + "__expectations"


@dg.asset(
    group_name="publish",
    description="Great Expectations suites on every published table; failures block publication.",
    deps=[dg.AssetKey(["marts", m.name]) for m in MARTS],
    check_specs=[
        dg.AssetCheckSpec(
            check_name(s.table),
            asset="quality_gate",
            blocking=True,
            description=f"expectation suite for {s.table}",
        )
        for s in SUITES
    ],
    pool=WAREHOUSE_POOL,
    kinds={"great_expectations"},
    automation_condition=after_loads(),
)
def quality_gate(warehouse: WarehouseResource, publish: PublishResource) -> dg.MaterializeResult:
    """Run the gate; Data Docs go to <publish>/data_docs."""
    from pipelines.publish.snapshot import previous_counts
    from pipelines.quality.gate import run_gate

    publish_dir = Path(publish.path)
    report = warehouse.bounded(
        lambda con: run_gate(
            con,
            SUITES,
            {m.table: list(m.columns) for m in MARTS},
            previous_counts(publish_dir),
            publish_dir / "data_docs",
        )
    )
    checks = [
        dg.AssetCheckResult(
            check_name=check_name(r.table),
            passed=r.status != "failed",
            metadata={
                "status": r.status,
                "expectations": r.expectations,
                "rows": r.rows,
                "failures": "\n".join(r.failures) or "none",
                "reason": r.reason or "-",
            },
        )
        for r in report.results
    ]
    docs = str(report.docs_index)
    return dg.MaterializeResult(
        metadata={"passed": report.passed, "data_docs": dg.MetadataValue.url(f"file://{docs}")},
        check_results=checks,
    )


@dg.asset(
    group_name="publish",
    description="Read-only DuckDB snapshot of marts and core tables for BI, swapped in atomically.",
    deps=[quality_gate],
    pool=WAREHOUSE_POOL,
    kinds={"duckdb"},
    freshness_policy=DAILY,
    automation_condition=after_loads(),
)
def published_snapshot(
    warehouse: WarehouseResource, publish: PublishResource
) -> dg.MaterializeResult:
    """Publish after a passing gate (blocking checks stop this step otherwise)."""
    from pipelines.publish.snapshot import publish_snapshot, published_tables
    from pipelines.quality.gate import table_columns

    def copy(con: "duckdb.DuckDBPyConnection") -> "Snapshot":
        tables = published_tables(set(table_columns(con)), MARTS)
        return publish_snapshot(
            con, Path(publish.path), tables, MARTS, source=describe(warehouse.database)
        )

    snapshot = warehouse.bounded(copy)
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(snapshot.path)),
            "refresh_id": snapshot.refresh_id,
            "rows": dg.MetadataValue.json(snapshot.tables),
        }
    )


@dg.asset(
    group_name="publish",
    description="Static offline dashboard (plotly.js inlined) built from the published snapshot.",
    deps=[published_snapshot],
    kinds={"html"},
    freshness_policy=DAILY,
    automation_condition=after_loads(),
)
def dashboard(publish: PublishResource) -> dg.MaterializeResult:
    """Render <publish>/dashboard/index.html (plotly loads here)."""
    from pipelines.publish.dashboard import DASHBOARD_DIR, render_dashboard

    publish_dir = Path(publish.path)
    page = render_dashboard(publish_dir / "news.duckdb", publish_dir / DASHBOARD_DIR)
    return dg.MaterializeResult(
        metadata={
            "dashboard": dg.MetadataValue.url(f"file://{page}"),
            "data_docs": dg.MetadataValue.url(f"file://{publish_dir / 'data_docs' / 'index.html'}"),
        }
    )
