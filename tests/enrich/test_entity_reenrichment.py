"""A model or code upgrade re-enriches only the articles it affects (core.entity_enrichments)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipelines import cli
from pipelines.enrich.entities import versions

SEED = Path(__file__).resolve().parents[1] / "clean" / "fixtures" / "seed_article.txt"
MENTIONS = "SELECT * FROM core.entity_mentions ORDER BY article_id, field, start_char, entity_id"
DROPPED = "SELECT * FROM core.dropped_entity_mentions ORDER BY article_id, field, start_char"


def _landing(tmp_path: Path) -> Path:
    landing = tmp_path / "landing"
    landing.mkdir()
    arabic = {
        "title": "كوريا الشمالية وروسيا",
        "maintext": SEED.read_text(encoding="utf-8"),
        "url": "https://news.example.com/ar/1",
        "date_publish": "2025-04-28 07:41",
    }
    english = {"title": "Russia and Ukraine talks", "maintext": "Russia and Ukraine met in "
               "Geneva on Monday. The United Nations welcomed the talks.",
               "url": "https://news.example.com/en/1", "date_publish": "2025-04-28"}  # fmt: skip
    (landing / "a.jsonl").write_text(json.dumps(arabic, ensure_ascii=False) + "\n", "utf-8")
    (landing / "b.jsonl").write_text(json.dumps(english) + "\n", encoding="utf-8")
    return landing


def _query(warehouse: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_only_articles_of_a_changed_model_are_re_enriched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    landing, warehouse = _landing(tmp_path), tmp_path / "w.duckdb"
    assert cli.run(landing, warehouse, publish=None) == 0
    mentions, dropped = _query(warehouse, MENTIONS), _query(warehouse, DROPPED)
    enrichments = _query(warehouse, "SELECT * FROM core.entity_enrichments ORDER BY article_id")
    assert len(enrichments) == 2 and {r[1][:6] for r in enrichments} == {"crf-ar", "crf-en"}
    capsys.readouterr()
    assert cli.run(landing, warehouse, publish=None) == 0  # nothing changed: nothing re-enriched
    assert "re-enriching" not in capsys.readouterr().out
    assert _query(warehouse, "SELECT * FROM core.entity_enrichments ORDER BY 1") == enrichments

    con = duckdb.connect(str(warehouse))  # as if the Arabic model had been retrained since
    con.execute("UPDATE core.entity_enrichments SET model_version = 'crf-ar-old' "
                "WHERE model_version LIKE 'crf-ar-%'")  # fmt: skip
    con.close()
    assert cli.main(["status", "--warehouse", str(warehouse)]) == 0
    assert "entities out of date" in capsys.readouterr().out
    assert cli.run(landing, warehouse, publish=None) == 0
    out = capsys.readouterr().out
    assert "re-enriching entities in 1 dumps" in out and "a.jsonl: 1 articles" in out
    after = _query(warehouse, "SELECT * FROM core.entity_enrichments ORDER BY article_id")
    english = [r for r in enrichments if r[1].startswith("crf-en")]
    assert [r for r in after if r[1].startswith("crf-en")] == english  # untouched, same time
    assert [r[:5] for r in after] == [r[:5] for r in enrichments]
    assert _query(warehouse, MENTIONS) == mentions
    assert _query(warehouse, DROPPED) == dropped


def test_code_version_covers_every_module_of_the_package_but_the_build_ones() -> None:
    assert len(versions.code_version()) == 10
    sources = {
        p.relative_to(versions.PACKAGE_DIR).as_posix() for p in versions.extraction_sources()
    }
    assert {"extract.py", "linking/linker.py", "tagging/decoder.py", "versions.py"} <= sources
    assert not any(source.startswith("build/") for source in sources)


def test_build_modules_are_not_imported_by_the_pipeline() -> None:
    """What the code version leaves out must really be outside extraction."""
    script = (
        "import sys, pipelines.assets, pipelines.cli, pipelines.enrich.entities\n"
        "print(' '.join(m for m in sys.modules if m.startswith('pipelines.enrich.entities.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    assert "pipelines.enrich.entities.extract" in loaded
    assert not [m for m in loaded if m.startswith("pipelines.enrich.entities.build")]
