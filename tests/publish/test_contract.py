"""The data contract: every published object documented, in DuckDB and in docs/data_contract.md."""

from __future__ import annotations

from pathlib import Path

import duckdb

from pipelines.publish.contract import (
    CONTRACT_DOC,
    contract_problems,
    discover_marts,
    load_contract,
    parse_mart,
    render_data_contract,
)
from pipelines.publish.snapshot import MAX_RAW_CHARS
from pipelines.warehouse import quote_identifier, run_template

from .conftest import Published


def test_every_mart_file_documents_its_table_and_columns() -> None:
    marts = discover_marts()
    assert marts, "no sql/marts/*.sql found"
    undocumented = {m.name: m.problems for m in marts if m.problems}
    assert not undocumented, (
        f"marts without a complete YAML header (see pipelines/publish/contract.py): {undocumented}"
    )


def test_generated_data_contract_is_up_to_date() -> None:
    expected = render_data_contract(discover_marts(), load_contract())
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


def test_contract_file_describes_every_object_and_column() -> None:
    specs = load_contract()
    assert contract_problems(specs) == []
    sections = {s.section for s in specs}
    assert sections == {"tables", "views", "macros", "meta"}


def test_every_published_object_and_column_is_described(published: Published) -> None:
    con = duckdb.connect(str(published.publish / "news.duckdb"), read_only=True)
    try:
        objects = dict(
            con.execute(
                "SELECT schema_name || '.' || table_name, comment FROM duckdb_tables() "
                "UNION ALL SELECT schema_name || '.' || view_name, comment FROM duckdb_views() "
                "WHERE NOT internal"
            ).fetchall()
        )
        columns: dict[str, list[tuple[str, str | None]]] = {}
        for table, column, comment in con.execute(
            "SELECT schema_name || '.' || table_name, column_name, comment FROM duckdb_columns() "
            "WHERE NOT internal ORDER BY schema_name, table_name, column_index"
        ).fetchall():
            columns.setdefault(table, []).append((column, comment))
        macros = dict(
            con.execute(
                "SELECT schema_name || '.' || function_name, comment FROM duckdb_functions() "
                "WHERE function_type = 'macro' AND NOT internal"
            ).fetchall()
        )
    finally:
        con.close()
    undescribed = [name for name, comment in objects.items() if not comment]
    undescribed += [f"{t}.{c}" for t, cols in columns.items() for c, comment in cols if not comment]
    assert undescribed == []
    for spec in load_contract():
        if spec.section == "macros":
            assert macros.get(spec.table) == spec.description
            continue
        assert objects[spec.table] == spec.description
        assert columns[spec.table] == list(spec.columns.items()), spec.table
    assert {"core.article_sightings", "core.sources", "quarantine.rejected_records"} <= set(objects)


def test_published_quarantine_caps_raw_text_and_hides_files_outside_landing() -> None:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA quarantine")
    con.execute(
        "CREATE TABLE quarantine.rejected_records AS SELECT * FROM (VALUES "
        "('a/dump.jsonl', 0, 'line:1', 'ingest', 'unparseable_json', 'd', repeat('x', 5000)), "
        "('/etc/dump.jsonl', 0, 'line:1', 'ingest', 'unparseable_json', 'd', 'secret'), "
        "('a/../../dump.jsonl', 0, 'line:1', 'ingest', 'unparseable_json', 'd', 'secret'), "
        "('b.csv', 3, 'row:3', 'ingest', 'malformed_row', 'd', NULL)) "
        "AS t(dump_file, record_index, record_locator, stage, reject_reason, reject_detail, "
        "raw_record), (SELECT TIMESTAMPTZ '2025-05-01 00:00:00+00' AS rejected_at)"
    )
    target = quote_identifier("main.published_rejects")
    run_template(
        con, "publish/copy_rejected_records", {"max_raw_chars": MAX_RAW_CHARS}, target=target
    )
    rows = con.execute(
        "SELECT dump_file, length(raw_record), raw_record_chars FROM published_rejects"
    ).fetchall()
    assert rows == [
        ("a/dump.jsonl", MAX_RAW_CHARS, 5000),
        ("/etc/dump.jsonl", None, 6),
        ("a/../../dump.jsonl", None, 6),
        ("b.csv", None, None),
    ]
