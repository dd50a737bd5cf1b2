"""The marts contract: every mart documented, in DuckDB and in docs/data_contract.md alike."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.publish.contract import (
    CONTRACT_DOC,
    discover_marts,
    parse_mart,
    render_data_contract,
)

from .conftest import Published


def test_every_mart_file_documents_its_table_and_columns() -> None:
    marts = discover_marts()
    assert marts, "no sql/marts/*.sql found"
    undocumented = {m.name: m.problems for m in marts if m.problems}
    assert not undocumented, (
        f"marts without a complete YAML header (see pipelines/publish/contract.py): {undocumented}"
    )


def test_generated_data_contract_is_up_to_date() -> None:
    expected = render_data_contract(discover_marts())
    current = CONTRACT_DOC.read_text(encoding="utf-8") if CONTRACT_DOC.exists() else ""
    assert current == expected, (
        "docs/data_contract.md is stale: run `.venv/bin/python -m pipelines.publish.contract`"
    )


def test_a_mart_without_header_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "bare.sql"
    path.write_text("CREATE OR REPLACE TABLE marts.bare AS SELECT 1 AS x\n", encoding="utf-8")
    spec = parse_mart(path)
    assert spec.problems == ("no YAML header",)
    assert "UNDOCUMENTED" in spec.description


def test_documented_columns_match_the_built_marts_and_are_commented(published: Published) -> None:
    con = duckdb.connect(str(published.publish / "news.duckdb"), read_only=True)
    try:
        rows = con.execute(
            "SELECT table_name, column_name, comment FROM duckdb_columns() "
            "WHERE schema_name = 'marts'"
        ).fetchall()
        tables = dict(
            con.execute(
                "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'marts'"
            ).fetchall()
        )
    finally:
        con.close()
    for mart in discover_marts():
        built = {column: comment for table, column, comment in rows if table == mart.name}
        assert list(built) == list(mart.columns), f"{mart.name}: header columns != table columns"
        assert tables[mart.name] == mart.description
        assert built == mart.columns, f"{mart.name}: COMMENT ON differs from the header"
