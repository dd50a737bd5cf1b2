"""The run summary printed by `news-warehouse run` and `news-warehouse status`."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.enrich.entities import current_versions
from pipelines.locations import describe
from pipelines.locations import exists as warehouse_exists
from pipelines.warehouse import fetch_dicts, fetch_rows, open_warehouse


def loaded_versions(warehouse: str | Path) -> dict[str, str]:
    """dump_file -> sha256 of the version fully loaded, for dumps already in the warehouse."""
    if not warehouse_exists(warehouse):
        return {}
    with open_warehouse(warehouse) as con:
        return dict(fetch_rows(con, "report/select_loaded_dump_versions"))


def stale_entity_dumps(
    warehouse: str | Path, *, read_only: bool = False
) -> list[tuple[str, int]] | None:
    """(dump_file, articles) of dumps whose articles' entities are missing or out of date
    (entity model, extraction code or article text changed since they were enriched). Read-only,
    None when the warehouse was written by a version that kept no enrichment records (nothing is
    created then; the next run creates them)."""
    if not warehouse_exists(warehouse):
        return []
    with open_warehouse(warehouse, read_only=read_only) as con:
        try:
            rows = fetch_rows(con, "report/select_stale_entity_dumps", current_versions())
        except (duckdb.CatalogException, duckdb.BinderException):
            if not read_only:
                raise
            return None
    return [(dump_file, count) for dump_file, count in rows]


def format_status(warehouse: str | Path) -> tuple[str, bool]:
    """Printable summary (rows per table, reconciliation per dump); True if all reconcile."""
    with open_warehouse(warehouse, read_only=True) as con:
        counts = fetch_rows(con, "report/select_table_counts")
        dumps = fetch_dicts(con, "report/select_reconciliation")
        partly = fetch_rows(con, "report/select_partly_loaded_dumps")
    lines = [f"warehouse: {describe(warehouse)}", "", "rows per table:"]
    lines += [f"  {name:<30} {count:>10,}" for name, count in counts]
    lines += ["", "reconciliation per dump (read = loaded + quarantined):"]
    header = (
        f"  {'dump_file':<44} {'format':<10} {'read':>8} {'loaded':>8} {'quar.':>6}  ok  reasons"
    )
    lines.append(header)
    for d in dumps:
        ok = "yes" if d["is_reconciled"] else "NO"
        lines.append(
            f"  {d['dump_file'][:44]:<44} {d['format'] or '':<10} {d['records_read']:>8,} "
            f"{d['records_loaded']:>8,} {d['records_quarantined']:>6,}  {ok:<3} "
            f"{d['reject_reasons']}"
        )
    for dump_file, records in partly:
        lines.append(
            f"  {dump_file[:44]:<44} PARTLY LOADED: {records:,} records merged, the dump not yet "
            "recorded (a run stopped between its parts); the next run loads it again whole"
        )
    all_ok = all(d["is_reconciled"] for d in dumps) and not partly
    lines.append("")
    lines.append(f"{len(dumps)} dumps, {'all reconciled' if all_ok else 'SOME DO NOT RECONCILE'}")
    stale = stale_entity_dumps(warehouse, read_only=True)
    if stale is None:
        lines.append(
            "entities: enrichment not recorded yet: the next run re-enriches every article"
        )
    elif stale:
        articles = sum(count for _, count in stale)
        lines.append(
            f"entities out of date (model, code or text changed) in {len(stale)} dumps, "
            f"~{articles:,} article sightings: `news-warehouse run` re-enriches them"
        )
    else:
        lines.append("entities: every article enriched with the current model and code")
    return "\n".join(lines), all_ok
