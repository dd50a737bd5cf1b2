"""The snapshot as BI tools meet it: SQLAlchemy reflection (Superset's path) and the DuckDB CLI."""

from __future__ import annotations

import re
import subprocess
import sys
import warnings
from pathlib import Path

import duckdb
import pytest

from .conftest import Published

SCHEMAS = ("marts", "bi", "core", "quarantine", "meta")


def test_sqlalchemy_reflects_every_published_table_and_view(published: Published) -> None:
    sa = pytest.importorskip("sqlalchemy")
    pytest.importorskip("duckdb_engine")
    url = f"duckdb:///{published.publish / 'news.duckdb'}"
    engine = sa.create_engine(url, connect_args={"read_only": True})
    try:
        inspector = sa.inspect(engine)
        reflected: dict[str, list[dict[str, object]]] = {}
        for schema in SCHEMAS:
            names = inspector.get_table_names(schema=schema)
            names += inspector.get_view_names(schema=schema)
            for name in names:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")  # "Did not recognize type 'list'"
                    reflected[f"{schema}.{name}"] = inspector.get_columns(name, schema=schema)
        with engine.connect() as connection:
            stories = connection.execute(sa.text("SELECT sources FROM bi.stories")).scalars()
            assert all(isinstance(s, str) for s in stories)
    finally:
        engine.dispose()
    assert {"core.articles", "core.sources", "quarantine.rejected_records", "bi.stories"} <= set(
        reflected
    )
    for table, columns in reflected.items():
        assert columns, f"{table}: no columns reflected"
        assert all(c["comment"] for c in columns), f"{table}: a column has no description"
        untyped = [c["name"] for c in columns if isinstance(c["type"], sa.types.NullType)]
        if untyped:  # a LIST or MAP column: the BI view of the same name must flatten it
            assert table.startswith("marts."), f"{table}: {untyped} unreadable by SQLAlchemy"
            view = "bi." + table.split(".", 1)[1]
            assert view in reflected, f"{table}: {untyped} need a {view} view"
            assert not any(isinstance(c["type"], sa.types.NullType) for c in reflected[view])


def duckdb_cli() -> Path:
    cli = Path(sys.executable).parent / "duckdb"
    if not cli.exists():
        pytest.skip("the duckdb-cli wheel is not installed in this environment (make setup)")
    return cli


@pytest.mark.parametrize(
    "sql",
    [
        # The README's commands, as written there.
        "SELECT * FROM marts.stories LIMIT 10;",
        "SELECT table_name, comment FROM duckdb_tables();",
        "SELECT * FROM marts.quarantine_reasons;",
        "SELECT source_id, name, count_articles FROM core.sources ORDER BY count_articles DESC;",
        "SELECT core.article_day(published_at, first_seen_at) AS day, count(*) "
        "FROM core.articles GROUP BY ALL;",
    ],
)
def test_duckdb_cli_reads_the_snapshot(published: Published, sql: str) -> None:
    done = subprocess.run(
        [str(duckdb_cli()), "-readonly", str(published.publish / "news.duckdb"), "-c", sql],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0 and "Error" not in done.stderr, done.stderr
    assert done.stdout.strip()


def readme_queries() -> list[str]:
    """The statements of the README's ```sql blocks."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", readme, flags=re.DOTALL)
    statements = [s.strip() for block in blocks for s in block.split(";")]
    return [
        s for s in statements if s and not all(line.startswith("--") for line in s.splitlines())
    ]


def test_readme_queries_run_on_the_snapshot(published: Published) -> None:
    queries = readme_queries()
    assert len(queries) >= 3
    con = duckdb.connect(str(published.publish / "news.duckdb"), read_only=True)
    try:
        for sql in queries:
            con.execute(sql).fetchall()
    finally:
        con.close()
