"""The marts contract: every `sql/marts/<name>.sql` opens with a YAML header describing its table.

The header is a block comment whose first line is `/* ---`, closed by `--- */`:

    /* ---
    description: One row per ...
    columns:
      some_column: What it holds.
    --- */
    CREATE OR REPLACE TABLE marts.<name> AS ...

From it come the marts' asset descriptions, the `COMMENT ON TABLE / COLUMN` statements written
into DuckDB, and `docs/data_contract.md`: one source, so they cannot drift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import yaml

from pipelines.warehouse import SQL_DIR, quote_identifier, run_template, sql_literal

MARTS_DIR = SQL_DIR / "marts"
CONTRACT_DOC = SQL_DIR.parent / "docs" / "data_contract.md"
HEADER = re.compile(r"\A\s*/\*\s*---\s*\n(?P<yaml>.*?)\n\s*---\s*\*/", re.DOTALL)
NAME = re.compile(r"\A[a-z][a-z0-9_]*\Z")
UNDOCUMENTED = (
    "UNDOCUMENTED: add a YAML header to sql/marts/{name}.sql (see pipelines/publish/contract.py)"
)


@dataclass(frozen=True)
class MartSpec:
    """One mart: its name, its table description and one description per column."""

    name: str
    description: str
    columns: dict[str, str] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    @property
    def table(self) -> str:
        return f"marts.{self.name}"

    @property
    def sql_name(self) -> str:
        return f"marts/{self.name}"


def parse_mart(path: Path) -> MartSpec:
    """The spec of one mart file; a spec listing its problems when the header is missing or bad."""
    name = path.stem
    problems: list[str] = []
    if not NAME.match(name):
        problems.append(f"{path.name}: a mart name must be lower_snake_case")
    match = HEADER.match(path.read_text(encoding="utf-8"))
    header: object = yaml.safe_load(match.group("yaml")) if match else None
    if not isinstance(header, dict):
        return MartSpec(name, UNDOCUMENTED.format(name=name), {}, (*problems, "no YAML header"))
    description = str(header.get("description") or "").strip()
    raw_columns = header.get("columns") or {}
    columns = (
        {str(k): str(v or "").strip() for k, v in raw_columns.items()}
        if isinstance(raw_columns, dict)
        else {}
    )
    if not description:
        problems.append("no table description")
    if "\n" in description:
        problems.append("the table description must be one line (it is the asset's description)")
    if not columns:
        problems.append("no column descriptions")
    problems += [f"column {c} has no description" for c, text in columns.items() if not text]
    return MartSpec(name, description or UNDOCUMENTED.format(name=name), columns, tuple(problems))


def discover_marts(marts_dir: Path = MARTS_DIR) -> list[MartSpec]:
    """Every mart, one per `sql/marts/*.sql` file, sorted by name."""
    return [parse_mart(path) for path in sorted(marts_dir.glob("*.sql"))]


def render_data_contract(marts: list[MartSpec]) -> str:
    """`docs/data_contract.md`: every mart table and column with its description."""
    lines = [
        "# Data contract: the `marts` schema",
        "",
        "Generated from the YAML headers of `sql/marts/*.sql` by "
        "`python -m pipelines.publish.contract`; do not edit by hand. The same descriptions "
        "are written into DuckDB with `COMMENT ON`, so BI tools show them.",
        "",
    ]
    for mart in marts:
        lines += [f"## `{mart.table}`", "", mart.description, "", "| column | description |"]
        lines.append("|---|---|")
        lines += [f"| `{c}` | {_cell(text)} |" for c, text in mart.columns.items()]
        lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main() -> None:
    """Regenerate docs/data_contract.md."""
    CONTRACT_DOC.parent.mkdir(parents=True, exist_ok=True)
    CONTRACT_DOC.write_text(render_data_contract(discover_marts()), encoding="utf-8")
    print(f"wrote {CONTRACT_DOC}")


if __name__ == "__main__":
    main()


def write_comments(
    con: duckdb.DuckDBPyConnection, mart: MartSpec, columns: list[str], catalog: str = ""
) -> None:
    """`COMMENT ON` the mart and its documented columns that exist (`catalog`: attached DB)."""
    table = quote_identifier(f"{catalog}.{mart.table}" if catalog else mart.table)
    run_template(con, "publish/comment_on_table", table=table, text=sql_literal(mart.description))
    for column, text in mart.columns.items():
        if column in columns:
            target = f"{table}.{quote_identifier(column)}"
            run_template(con, "publish/comment_on_column", column=target, text=sql_literal(text))
