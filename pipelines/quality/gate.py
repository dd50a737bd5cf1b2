"""Run the expectation suites on query results with Great Expectations' pandas datasource.

GE's SQLAlchemy route fails every expectation on DuckDB (MetricResolutionError), so each table is
read into a DataFrame (only the columns its suite needs) and validated in an ephemeral context
that writes Data Docs, made offline afterwards.
"""

from __future__ import annotations

import math
import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from pipelines.publish.permissions import restrict
from pipelines.quality.offline_docs import make_offline
from pipelines.quality.suites import VOLUME_DROP_TOLERANCE, TableSuite
from pipelines.warehouse import fetch_rows, fetch_template_frame, quote_identifier
from schemas.contract import describe_bounds, published_at_bounds

# Tables are validated in parts of about this many rows, split by a hash of their keys (rows
# with equal keys meet in one part): the gate's memory follows this, not the warehouse's size.
GATE_PART_ROWS = 500_000
# No usage statistics sent anywhere: this machine has no network and the gate must not try.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")


@dataclass
class TableResult:
    """The gate's verdict on one table."""

    table: str
    status: str  # "passed" | "failed" | "skipped"
    expectations: int = 0
    rows: int = 0
    failures: list[str] = field(default_factory=list)
    reason: str = ""


@dataclass
class GateReport:
    """Every table's verdict and where the Data Docs are."""

    results: list[TableResult]
    docs_index: Path | None

    @property
    def passed(self) -> bool:
        return all(r.status != "failed" for r in self.results)

    def failures(self) -> list[str]:
        return [f"{r.table}: {f}" for r in self.results for f in r.failures]


def table_columns(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    """schema.table -> its columns, for the core and marts schemas."""
    columns: dict[str, list[str]] = {}
    for table, column in fetch_rows(con, "quality/select_table_columns"):
        columns.setdefault(table, []).append(column)
    return columns


def _ref_alias(column: str, target: str) -> str:
    return f"{column}__in_{target.rsplit('.', 1)[0].replace('.', '_')}"


def frame_expressions(suite: TableSuite, columns: list[str]) -> str:
    """The SELECT list for a suite; identifiers come from the suite (validated) or the catalog."""
    dates = {c: f"CAST(t.{quote_identifier(c)} AS TIMESTAMP)" for c in suite.dates}
    if suite.all_columns:
        select = [
            f"{dates.get(c, 't.' + quote_identifier(c))} AS {quote_identifier(c)}" for c in columns
        ]
    else:
        select = [
            f"{dates.get(c, 't.' + quote_identifier(c))} AS {quote_identifier(c)}"
            for c in suite.columns
        ]
    for column, target in suite.references.items():
        parent, parent_column = target.rsplit(".", 1)
        select.append(
            f"(t.{quote_identifier(column)} IS NULL OR t.{quote_identifier(column)} IN "
            f"(SELECT {quote_identifier(parent_column)} FROM {quote_identifier(parent)})) "
            f"AS {quote_identifier(_ref_alias(column, target))}"
        )
    return ", ".join(select)


def expectations_for(
    suite: TableSuite, contract: list[str] | None, previous_rows: int | None, now: datetime
) -> list[Any]:
    """GE expectations for one suite (GE is imported lazily: it takes seconds to load)."""
    return [
        *table_expectations(suite, previous_rows),
        *row_expectations(suite, contract, now),
    ]


def table_expectations(suite: TableSuite, previous_rows: int | None) -> list[Any]:
    """The expectations on the table's row count."""
    import great_expectations.expectations as gxe

    found: list[Any] = []
    if not suite.may_be_empty:
        found.append(gxe.ExpectTableRowCountToBeBetween(min_value=1, meta={"check": "non-empty"}))
    if previous_rows:
        floor = math.ceil(previous_rows * (1 - VOLUME_DROP_TOLERANCE))
        found.append(
            gxe.ExpectTableRowCountToBeBetween(
                min_value=floor, meta={"check": f"volume vs previous snapshot ({previous_rows})"}
            )
        )
    return found


def row_expectations(suite: TableSuite, contract: list[str] | None, now: datetime) -> list[Any]:
    """The expectations on the table's columns and rows (each part of a split table's)."""
    import great_expectations.expectations as gxe

    found: list[Any] = []
    if contract is not None:
        # The documented columns exactly, plus the reference flags the gate's query adds.
        flags = [_ref_alias(column, target) for column, target in suite.references.items()]
        found.append(
            gxe.ExpectTableColumnsToMatchSet(column_set=[*contract, *flags], exact_match=True)
        )
    for column in dict.fromkeys((*suite.keys, *suite.not_null)):
        found.append(gxe.ExpectColumnValuesToNotBeNull(column=column))
    if len(suite.keys) == 1:
        found.append(gxe.ExpectColumnValuesToBeUnique(column=suite.keys[0]))
    elif suite.keys:
        found.append(gxe.ExpectCompoundColumnsToBeUnique(column_list=list(suite.keys)))
    for column, values in suite.value_sets.items():
        found.append(gxe.ExpectColumnValuesToBeInSet(column=column, value_set=list(values)))
    earliest, latest = (bound.replace(tzinfo=None) for bound in published_at_bounds(now))
    for column in suite.dates:
        found.append(
            gxe.ExpectColumnValuesToBeBetween(
                column=column,
                min_value=earliest,
                max_value=latest,
                meta={"check": f"dates {describe_bounds(now)}"},
            )
        )
    for column, target in suite.references.items():
        found.append(
            gxe.ExpectColumnValuesToBeInSet(
                column=_ref_alias(column, target), value_set=[True], meta={"references": target}
            )
        )
    return found


def run_gate(
    con: duckdb.DuckDBPyConnection,
    suites: list[TableSuite],
    contracts: dict[str, list[str]],
    previous_counts: dict[str, int],
    docs_dir: Path | None,
) -> GateReport:
    """Validate every suite's table; build offline Data Docs into `docs_dir` when given."""
    import great_expectations as gx

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False}  # type: ignore[assignment]
    # GE needs an absolute base_directory (`make run` passes relative paths).
    build_dir = docs_dir.resolve().with_name(docs_dir.name + ".building") if docs_dir else None
    if build_dir:
        shutil.rmtree(build_dir, ignore_errors=True)
        context.add_data_docs_site(
            site_name="local",
            site_config={
                "class_name": "SiteBuilder",
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(build_dir),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            },
        )
    source = context.data_sources.add_pandas("warehouse")
    present = table_columns(con)
    now = datetime.now(UTC)
    results = []
    for suite in suites:
        results.append(
            _validate(context, source, con, suite, present, contracts, previous_counts, now)
        )
    index = None
    if build_dir and docs_dir:
        context.build_data_docs(site_names=["local"])
        make_offline(build_dir)
        restrict(build_dir, recursive=True)
        shutil.rmtree(docs_dir, ignore_errors=True)
        build_dir.rename(docs_dir)
        index = docs_dir / "index.html"
    return GateReport(results, index)


def _validate(
    context: Any,
    source: Any,
    con: duckdb.DuckDBPyConnection,
    suite: TableSuite,
    present: dict[str, list[str]],
    contracts: dict[str, list[str]],
    previous_counts: dict[str, int],
    now: datetime,
) -> TableResult:
    if suite.table not in present:
        return TableResult(suite.table, "skipped", reason=f"{suite.table} does not exist yet")
    missing = [c for c in suite.columns if c not in present[suite.table]]
    missing += [t for t in suite.references.values() if t.rsplit(".", 1)[0] not in present]
    if missing:
        problem = f"suite needs {missing}, absent: update pipelines/quality/suites.py"
        return TableResult(suite.table, "failed", failures=[problem])
    table = quote_identifier(suite.table)
    rows = int(fetch_template_frame(con, "quality/count_table_rows", table=table).iat[0, 0])
    partition = ", ".join(f"t.{quote_identifier(c)}" for c in suite.keys or suite.columns)
    part_count = max(1, -(-rows // GATE_PART_ROWS)) if partition else 1
    size_checks = table_expectations(suite, previous_counts.get(suite.table))
    checks = row_expectations(suite, contracts.get(suite.table), now)
    failures: list[str] = []
    if part_count == 1:
        checks = size_checks + checks
    else:
        # The row counts on a frame of the table's length and no columns: what they measure,
        # without reading the table into memory.
        import pandas as pd

        counted = pd.DataFrame(index=pd.RangeIndex(rows))
        name = f"{suite.table} (rows)"
        failures += _run(_definition(context, source, name, size_checks), source, counted)
    expressions = frame_expressions(suite, present[suite.table])
    definition = _definition(context, source, suite.table, checks)
    for part in range(part_count):
        frame = fetch_template_frame(
            con,
            "quality/select_gate_frame",
            expressions=expressions,
            table=table,
            partition=partition or "NULL",
            part=str(part),
            part_count=str(part_count),
        )
        failures += _run(definition, source, frame, suite.keys)
        del frame  # before the next part's is read
    return TableResult(
        suite.table,
        "failed" if failures else "passed",
        expectations=len(size_checks) + len(checks) if part_count > 1 else len(checks),
        rows=rows,
        failures=failures,
    )


def _definition(context: Any, source: Any, name: str, expectations: list[Any]) -> Any:
    """A GE validation definition: `expectations` on a DataFrame asset called `name`."""
    import great_expectations as gx

    batch = source.add_dataframe_asset(name).add_batch_definition_whole_dataframe("all")
    gx_suite = context.suites.add(gx.ExpectationSuite(name=name))
    for expectation in expectations:
        gx_suite.add_expectation(expectation)
    return context.validation_definitions.add(
        gx.ValidationDefinition(name=name, data=batch, suite=gx_suite)
    )


def _run(definition: Any, source: Any, frame: Any, keys: tuple[str, ...] = ()) -> list[str]:
    """Validate `frame`; its failures, described. GE keeps every validated DataFrame in its
    execution engine's caches: they are dropped here, so the gate holds one part at a time."""
    outcome = definition.run(batch_parameters={"dataframe": frame}, result_format="SUMMARY")
    failures = [_describe(r, frame, keys) for r in outcome.results if not r.success]
    cache = source.get_execution_engine().batch_manager
    cache.reset_batch_cache()
    cache.batch_data_cache.clear()
    return failures


def _describe(result: Any, frame: Any = None, keys: tuple[str, ...] = ()) -> str:
    """The rule that failed, how often, and up to 3 example records (their keys and value)."""
    config = result.expectation_config
    column = config.kwargs.get("column") or config.kwargs.get("column_list") or ""
    details = result.result or {}
    seen = details.get("observed_value", details.get("partial_unexpected_list"))
    count = details.get("unexpected_count")
    text = f"{config.type}({column})" + (f" {count} unexpected" if count else "")
    rule = (config.meta or {}).get("check")
    if rule:
        text += f" [rule: {rule}]"
    examples = _examples(details.get("partial_unexpected_index_list"), frame, keys, column)
    if examples:
        return f"{text}, e.g. {examples}"
    return text + (f", e.g. {seen!s:.120}" if seen is not None else "")


def _examples(indexes: Any, frame: Any, keys: tuple[str, ...], column: Any) -> str:
    if not indexes or frame is None or not keys or not isinstance(column, str):
        return ""
    shown = []
    for index in list(indexes)[:3]:
        try:
            row = frame.loc[index]
        except (KeyError, TypeError):
            return ""
        key = ", ".join(f"{k}={row[k]!s:.60}" for k in keys if k in row)
        shown.append(f"{{{key}: {column}={row[column]!s:.40}}}" if column in row else f"{{{key}}}")
    return "; ".join(shown)
