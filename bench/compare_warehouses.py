"""Compare two warehouses table by table (row multisets), ignoring run-time timestamps.

    python bench/compare_warehouses.py A.duckdb B.duckdb

Prints one line per table: rows in A, rows in B, rows only in A, rows only in B; exits 1 when any
table differs. Columns that record when a run happened (ingested_at, seen_at, processed_at, ...)
are left out, so two loads of the same dumps at different times compare equal.
"""

from __future__ import annotations

import argparse
import sys

import duckdb

TIME_COLUMNS = {
    "ingested_at", "seen_at", "rejected_at", "first_processed_at", "last_processed_at",
    "processed_at", "enriched_at", "first_seen_at", "last_seen_at", "refreshed_at", "indexed_at",
}  # fmt: skip
SCHEMAS = ("ops", "raw", "staging", "core", "quarantine", "marts")


def compare(left: str, right: str) -> bool:
    con = duckdb.connect()
    con.execute(f"ATTACH '{left}' AS a (READ_ONLY)")
    con.execute(f"ATTACH '{right}' AS b (READ_ONLY)")
    tables = con.execute(
        "SELECT schema_name, table_name FROM duckdb_tables() WHERE database_name = 'a' "
        "AND schema_name IN (SELECT unnest($s)) ORDER BY 1, 2",
        {"s": list(SCHEMAS)},
    ).fetchall()
    same = True
    for schema, table in tables:
        columns = [
            name
            for (name,) in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE database_name = 'a' "
                "AND schema_name = $s AND table_name = $t ORDER BY column_index",
                {"s": schema, "t": table},
            ).fetchall()
            if name not in TIME_COLUMNS
        ]
        cols = ", ".join(f'"{c}"' for c in columns)
        name = f'"{schema}"."{table}"'
        try:
            count_a = con.execute(f"SELECT count(*) FROM a.{name}").fetchone()[0]  # type: ignore[index]
            count_b = con.execute(f"SELECT count(*) FROM b.{name}").fetchone()[0]  # type: ignore[index]
            only_a = _count_except(con, cols, f"a.{name}", f"b.{name}")
            only_b = _count_except(con, cols, f"b.{name}", f"a.{name}")
        except duckdb.Error as error:
            print(f"{schema}.{table}: cannot compare: {error}")
            same = False
            continue
        ok = only_a == 0 and only_b == 0
        same &= ok
        print(
            f"{'same' if ok else 'DIFF'} {schema}.{table}: {count_a:,} vs {count_b:,}; "
            f"only in A {only_a:,}, only in B {only_b:,}"
        )
    return same


def _count_except(con: duckdb.DuckDBPyConnection, cols: str, left: str, right: str) -> int:
    query = f"SELECT {cols} FROM {left} EXCEPT ALL SELECT {cols} FROM {right}"
    return int(con.execute(f"SELECT count(*) FROM ({query})").fetchone()[0])  # type: ignore[index]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("left", help="first warehouse file")
    parser.add_argument("right", help="second warehouse file")
    args = parser.parse_args()
    return 0 if compare(args.left, args.right) else 1


if __name__ == "__main__":
    sys.exit(main())
