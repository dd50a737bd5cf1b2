"""The dump formats and the reject reasons are declared once (pipelines/ingest/formats.py,
pipelines/reject_reasons.py); every list of them elsewhere is derived or checked here."""

from __future__ import annotations

import re
from pathlib import Path

from pipelines.ingest.formats import FORMATS
from pipelines.publish.contract import discover_marts
from pipelines.reject_reasons import DOC, REASON_NAMES, REJECT_REASONS, STAGES, with_table
from schemas.raw import REJECT_REASON_BY_CHECK, RawRecordSchema

ROOT = Path(__file__).resolve().parent.parent


def _names(text: str) -> set[str]:
    return set(re.findall(r"[a-z][a-z0-9_]*", text))


def test_reject_reasons_table_in_the_docs_is_current() -> None:
    doc = DOC.read_text(encoding="utf-8")
    assert doc == with_table(doc), "run `.venv/bin/python -m pipelines.reject_reasons`"


def test_reasons_are_unique_named_and_staged() -> None:
    names = [reason.name for reason in REJECT_REASONS]
    assert len(names) == len(set(names)) == len(REASON_NAMES)
    assert all(re.fullmatch(r"[a-z_]+", name) for name in names)
    assert {reason.stage for reason in REJECT_REASONS} == set(STAGES)


def test_every_validation_check_has_a_declared_reason() -> None:
    checks = {check.name for check in RawRecordSchema.to_schema().checks}
    assert checks == set(REJECT_REASON_BY_CHECK), "a check without a reason falls to schema_*"
    assert set(REJECT_REASON_BY_CHECK.values()) <= REASON_NAMES


def test_no_reason_is_spelled_out_in_the_code() -> None:
    """Reasons are used by their constant; a string literal would be a second declaration."""
    spelled = []
    for path in [*ROOT.glob("pipelines/**/*.py"), *ROOT.glob("schemas/*.py")]:
        if path.name == "reject_reasons.py":
            continue
        text = path.read_text(encoding="utf-8")
        spelled += [f"{path.name}: {n}" for n in REASON_NAMES if f'"{n}"' in text]
    assert not spelled


def test_listed_formats_are_every_format() -> None:
    dump_reconciliation = next(m for m in discover_marts() if m.name == "dump_reconciliation")
    assert _names(dump_reconciliation.columns["format"]) >= set(FORMATS)
    tables = (ROOT / "docs" / "warehouse_tables.md").read_text(encoding="utf-8")
    format_row = next(line for line in tables.splitlines() if line.startswith("| format |"))
    assert set(re.findall(r"`([a-z_]+)`", format_row)) - REASON_NAMES == set(FORMATS)
