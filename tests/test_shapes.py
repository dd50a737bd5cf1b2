"""One shape per table: the DDL in sql/ddl/ is the source, and every other declaration of a
table's columns (the map's Arrow schemas, the Pandera models, the published contract) must agree
with it. A column added, renamed or retyped in one place and not the others fails here."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from pipelines.publish.contract import load_contract
from pipelines.staging.files import STAGED_SCHEMAS
from pipelines.warehouse import open_warehouse
from schemas.core import ArticleSchema, ArticleSightingSchema, RejectedRecordSchema
from schemas.raw import RawRecordSchema

# Staged Parquet table -> the warehouse table the merge inserts it into.
STAGED_TABLES = {
    "raw": "raw.records",
    "rejected": "quarantine.rejected_records",
    "cleaned": "staging.cleaned_records",
    "date_mentions": "core.date_mentions",
    "entity_mentions": "core.entity_mentions",
    "dropped_entity_mentions": "core.dropped_entity_mentions",
    "entities": "core.entities",
    "bands": "core.article_bands",
    "signatures": "core.article_signatures",
}
# Columns a staged table has beyond its warehouse table: the sighting key the merge joins on.
STAGING_KEYS = {
    "date_mentions": {"record_index"},
    "entity_mentions": {"record_index"},
    "dropped_entity_mentions": {"record_index"},
    "bands": {"record_index"},
    "signatures": {"record_index"},
}
PANDERA_TABLES = {
    ArticleSchema: "core.articles",
    ArticleSightingSchema: "core.article_sightings",
    RejectedRecordSchema: "quarantine.rejected_records",
    RawRecordSchema: "raw.records",
}
ARROW_TO_DUCKDB = {
    pa.string(): "VARCHAR",
    pa.int64(): "BIGINT",
    pa.int32(): "INTEGER",
    pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN",
    pa.binary(): "BLOB",
    pa.date32(): "DATE",
    pa.timestamp("us", tz="UTC"): "TIMESTAMP WITH TIME ZONE",
    pa.list_(pa.string()): "VARCHAR[]",
}
PANDERA_TO_DUCKDB = {
    "String": {"VARCHAR", "JSON"},
    "Int64": {"BIGINT", "INTEGER"},
    "Float64": {"DOUBLE"},
    "Boolean": {"BOOLEAN"},
    "DateTime": {"TIMESTAMP WITH TIME ZONE"},
}


@pytest.fixture(scope="module")
def ddl_columns(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    """table -> column -> DuckDB type, for every table the DDL creates (ALTERs applied)."""
    warehouse = Path(tmp_path_factory.mktemp("ddl")) / "w.duckdb"
    with open_warehouse(warehouse) as con:
        rows = con.execute(
            "SELECT schema_name || '.' || table_name, column_name, data_type FROM duckdb_columns() "
            "WHERE database_name = current_database() ORDER BY column_index"
        ).fetchall()
    tables: dict[str, dict[str, str]] = {}
    for table, column, data_type in rows:
        tables.setdefault(table, {})[column] = data_type
    return tables


@pytest.mark.parametrize("staged", sorted(STAGED_SCHEMAS))
def test_staged_arrow_schema_is_its_table_shape(
    staged: str, ddl_columns: dict[str, dict[str, str]]
) -> None:
    schema = STAGED_SCHEMAS[staged]
    arrow = {
        field.name: ARROW_TO_DUCKDB.get(field.type, str(field.type))
        for field in schema
        if field.name not in STAGING_KEYS.get(staged, set())
    }
    # JSON columns travel as their text
    ddl = {
        c: "VARCHAR" if t == "JSON" else t for c, t in ddl_columns[STAGED_TABLES[staged]].items()
    }
    assert arrow == ddl, (
        f"staged {staged!r} and {STAGED_TABLES[staged]} (sql/ddl/) declare different columns"
    )


def test_every_staged_table_is_mapped() -> None:
    assert set(STAGED_SCHEMAS) == set(STAGED_TABLES)


@pytest.mark.parametrize("model", list(PANDERA_TABLES), ids=lambda m: m.__name__)
def test_pandera_model_columns_exist_in_its_table_with_their_type(
    model: type, ddl_columns: dict[str, dict[str, str]]
) -> None:
    table = ddl_columns[PANDERA_TABLES[model]]
    for name, column in model.to_schema().columns.items():  # type: ignore[attr-defined]
        assert name in table, f"{model.__name__}.{name} is not a column of {PANDERA_TABLES[model]}"
        dtype = type(column.dtype).__name__
        assert table[name] in PANDERA_TO_DUCKDB[dtype], (
            f"{model.__name__}.{name}: Pandera {dtype}, DDL {table[name]}"
        )


def test_raw_record_model_validates_the_staged_raw_columns() -> None:
    staged = set(STAGED_SCHEMAS["raw"].names)
    assert set(RawRecordSchema.to_schema().columns) <= staged


def test_published_contract_columns_exist_in_the_warehouse(
    ddl_columns: dict[str, dict[str, str]],
) -> None:
    for spec in load_contract():
        if spec.section != "tables" or spec.table not in ddl_columns:
            continue  # views, macros and meta are built by sql/publish, not the DDL
        missing = set(spec.columns) - set(ddl_columns[spec.table])
        if spec.copy is None:
            assert not missing, f"schemas/contract.yaml {spec.table}: not in sql/ddl/: {missing}"
