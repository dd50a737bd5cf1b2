"""Compare two warehouses table by table, whatever their backend."""

from __future__ import annotations

from pathlib import Path

from pipelines.warehouse import open_warehouse, quote_identifier

SCHEMAS = ("ops", "raw", "staging", "core", "quarantine", "marts")


def table_digests(warehouse: str | Path) -> dict[str, tuple[int, int]]:
    """schema.table -> (rows, order-independent digest of its rows) for every table, timestamps
    left out (they record when a run happened, not what it loaded)."""
    digests: dict[str, tuple[int, int]] = {}
    with open_warehouse(warehouse, read_only=True) as con:
        columns: dict[str, list[str]] = {}
        for schema, table, column, data_type in con.execute(
            "SELECT table_schema, table_name, column_name, data_type "
            "FROM information_schema.columns "
            "WHERE table_catalog = current_database() AND table_schema IN "
            f"({', '.join(repr(s) for s in SCHEMAS)}) ORDER BY table_schema, table_name, "
            "ordinal_position"
        ).fetchall():
            if not str(data_type).startswith("TIMESTAMP"):
                columns.setdefault(f"{schema}.{table}", []).append(column)
        for table, names in columns.items():
            values = ", ".join(quote_identifier(n) for n in names)
            rows, digest = con.execute(
                f"SELECT count(*), coalesce(sum(hash({values})::HUGEINT), 0) "
                f"FROM {quote_identifier(table)}"
            ).fetchone() or (0, 0)
            digests[table] = (int(rows), int(digest))
    return digests
