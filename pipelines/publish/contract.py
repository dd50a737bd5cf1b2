"""The data contract of the published snapshot, in two kinds of source and one generator.

Every mart describes itself: `sql/marts/<name>.sql` opens with a YAML header.

The header is a block comment whose first line is `/* ---`, closed by `--- */`:

    /* ---
    description: One row per ...
    columns:
      some_column: What it holds.
    --- */
    CREATE OR REPLACE TABLE marts.<name> AS ...

Every other published object (core and quarantine tables, BI views, macros, the snapshot marker)
is described in `schemas/contract.yaml`, which also decides which columns are published. From
these come the marts' asset descriptions, the `COMMENT ON` statements written into DuckDB and
`docs/data_contract.md`: each description has one place, so they cannot drift.
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
CONTRACT_FILE = SQL_DIR.parent / "schemas" / "contract.yaml"
# Section of contract.yaml -> the kind of object (the word COMMENT ON takes).
KINDS = {"tables": "TABLE", "views": "VIEW", "macros": "MACRO", "meta": "TABLE"}
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

    @property
    def kind(self) -> str:
        return "TABLE"


@dataclass(frozen=True)
class ObjectSpec:
    """A published table, view, macro or marker table of `schemas/contract.yaml`."""

    table: str
    description: str
    columns: dict[str, str] = field(default_factory=dict)
    kind: str = "TABLE"
    section: str = "tables"
    copy: str | None = None


def load_contract(path: Path = CONTRACT_FILE) -> list[ObjectSpec]:
    """Every object `schemas/contract.yaml` describes, in file order."""
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    specs: list[ObjectSpec] = []
    for section, kind in KINDS.items():
        for name, entry in (document.get(section) or {}).items():
            if section == "macros":
                specs.append(ObjectSpec(name, str(entry).strip(), {}, kind, section))
                continue
            columns = {str(k): str(v).strip() for k, v in (entry.get("columns") or {}).items()}
            text = str(entry.get("description") or "").strip()
            specs.append(ObjectSpec(name, text, columns, kind, section, entry.get("copy")))
    return specs


def contract_problems(specs: list[ObjectSpec]) -> list[str]:
    """Objects or columns without a description, and names that are not schema.lower_snake."""
    problems = [f"{s.table}: no description" for s in specs if not s.description]
    problems += [
        f"{s.table}.{c}: no description" for s in specs for c, text in s.columns.items() if not text
    ]
    names = [part for s in specs for part in (*s.table.split("."), *s.columns)]
    problems += [f"not a plain name: {n}" for n in names if not NAME.match(n)]
    return problems + [f"{s.table}: not schema.name" for s in specs if s.table.count(".") != 1]


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


def render_data_contract(marts: list[MartSpec], objects: list[ObjectSpec] | None = None) -> str:
    """`docs/data_contract.md`: every published table, view and macro with its description."""
    objects = load_contract() if objects is None else objects
    lines = [
        "# Data contract: the published snapshot",
        "",
        "Generated by `python -m pipelines.publish.contract` from the YAML headers of "
        "`sql/marts/*.sql` and from `schemas/contract.yaml`; do not edit by hand. The same "
        "descriptions are written into the published snapshot with `COMMENT ON`, so BI tools "
        "show them (`SELECT * FROM duckdb_columns()`).",
        "",
    ]
    sections: list[tuple[str, list[MartSpec] | list[ObjectSpec]]] = [
        ("Marts", marts),
        ("Core and quarantine tables", [o for o in objects if o.section == "tables"]),
        ("BI views (no LIST or MAP columns)", [o for o in objects if o.section == "views"]),
        ("The snapshot marker", [o for o in objects if o.section == "meta"]),
    ]
    for title, specs in sections:
        lines += [f"## {title}", ""]
        for spec in specs:
            lines += [f"### `{spec.table}`", "", spec.description, "", "| column | description |"]
            lines.append("|---|---|")
            lines += [f"| `{c}` | {_cell(text)} |" for c, text in spec.columns.items()]
            lines.append("")
    macros = [o for o in objects if o.section == "macros"]
    lines += ["## Macros", "", "| macro | description |", "|---|---|"]
    lines += [f"| `{m.table}` | {_cell(m.description)} |" for m in macros]
    return "\n".join([*lines, ""])


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def main() -> None:
    """Regenerate docs/data_contract.md."""
    CONTRACT_DOC.parent.mkdir(parents=True, exist_ok=True)
    CONTRACT_DOC.write_text(
        render_data_contract(discover_marts(), load_contract()), encoding="utf-8"
    )
    print(f"wrote {CONTRACT_DOC}")


if __name__ == "__main__":
    main()


def write_comments(
    con: duckdb.DuckDBPyConnection,
    spec: MartSpec | ObjectSpec,
    columns: list[str],
    catalog: str = "",
) -> None:
    """`COMMENT ON` the object and its documented columns that exist (`catalog`: attached DB)."""
    table = quote_identifier(f"{catalog}.{spec.table}" if catalog else spec.table)
    text = sql_literal(spec.description)
    run_template(con, "publish/comment_on_object", kind=spec.kind, target=table, text=text)
    for column, text in spec.columns.items():
        if column in columns:
            target = f"{table}.{quote_identifier(column)}"
            run_template(con, "publish/comment_on_column", column=target, text=sql_literal(text))
