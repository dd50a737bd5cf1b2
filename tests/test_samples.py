"""The bundled sample dumps end to end: every outcome the samples' contract states."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import duckdb
import pytest

from pipelines import cli
from tests.conftest import PROJECT_DIR, SAMPLES_DIR

SEED_TITLE = "Korea الشمالية أكدت لأول مرة أنها أرسلت جنودًا إلى روسيا."


@pytest.fixture(scope="module")
def samples_warehouse(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    warehouse = tmp_path_factory.mktemp("samples") / "news.duckdb"
    assert cli.run(SAMPLES_DIR, warehouse) == 0
    return duckdb.connect(str(warehouse), read_only=True)


def expected_files() -> dict[str, dict[str, object]]:
    data = json.loads((PROJECT_DIR / "samples" / "expected_outcomes.json").read_text("utf-8"))
    return data["files"]


def dump_of(dump_file: str) -> str:
    """The sample file a dump key comes from (zip members roll up to their archive)."""
    return dump_file.split(".zip/")[0] + ".zip" if ".zip/" in dump_file else dump_file


def test_counts_and_reasons_match_the_samples_contract(
    samples_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    read: Counter[str] = Counter()
    loaded: Counter[str] = Counter()
    for dump_file, records_read, records_loaded in samples_warehouse.execute(
        "SELECT dump_file, records_read, records_loaded FROM ops.dump_files"
    ).fetchall():
        read[dump_of(dump_file)] += records_read
        loaded[dump_of(dump_file)] += records_loaded
    reasons: dict[str, Counter[str]] = {}
    for dump_file, reason in samples_warehouse.execute(
        "SELECT dump_file, reject_reason FROM quarantine.rejected_records"
    ).fetchall():
        reasons.setdefault(dump_of(dump_file), Counter())[reason] += 1
    for name, expected in expected_files().items():
        assert read[name] == expected["records"], name
        assert loaded[name] == expected["valid"], name
        assert dict(reasons.get(name, Counter())) == expected["quarantined"], name


def test_seed_becomes_one_clean_arabic_article(
    samples_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    rows = samples_warehouse.execute(
        "SELECT a.title, strftime(a.published_at, '%Y-%m-%d %H:%M'), a.published_at_raw, "
        "a.language, a.body FROM core.articles AS a JOIN core.article_sightings AS s "
        "USING (article_id) WHERE s.dump_file = 'text/seed_ar_korea.txt'"
    ).fetchall()
    assert len(rows) == 1
    title, published_at, raw, language, body = rows[0]
    assert (title, published_at, raw, language) == (
        SEED_TITLE,
        "2025-04-28 07:41",
        "28.04.2025 07:41",
        "ar",
    )
    assert body.startswith("كوريا الشمالية تؤكد لأول مرة أنها أرسلت جنودًا إلى روسيا")
    assert body.endswith("لم تؤكد رسميًا هذا الإرسال للجنود.")
    assert "cookies" not in body and "', '" not in body and SEED_TITLE not in body


def test_seed_publication_date_provenance_and_last_june(
    samples_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    rows = samples_warehouse.execute(
        "SELECT a.published_at_source, a.is_published_at_ambiguous, m.surface_text, "
        "m.resolved_start, m.resolved_end, m.granularity, m.is_relative, m.anchor_date "
        "FROM core.articles AS a JOIN core.article_sightings AS s USING (article_id) "
        "JOIN core.date_mentions AS m USING (article_id) "
        "WHERE s.dump_file = 'text/seed_ar_korea.txt' AND m.surface_text LIKE '%يونيو%'"
    ).fetchall()
    assert rows == [
        (
            "text",
            False,
            "يونيو الماضي",
            date(2024, 6, 1),
            date(2024, 6, 30),
            "month",
            True,
            date(2025, 4, 28),
        )
    ]


def test_same_page_scraped_three_times_is_one_article(
    samples_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    sightings = samples_warehouse.execute(
        "SELECT count_sightings FROM core.articles "
        "WHERE canonical_url = 'https://alwatan-example.sa/local/2025/04/28/riyadh-metro-line-7'"
    ).fetchall()
    assert sightings == [(3,)]


def test_languages_of_loaded_articles(samples_warehouse: duckdb.DuckDBPyConnection) -> None:
    expected: Counter[str] = Counter()
    for spec in expected_files().values():
        expected.update(spec["valid_languages"])  # type: ignore[arg-type]
    sightings = Counter(
        dict(
            samples_warehouse.execute(
                "SELECT c.language, count(*) FROM core.article_sightings AS s "
                "JOIN staging.cleaned_records AS c USING (dump_file, record_index) GROUP BY 1"
            ).fetchall()
        )
    )
    assert sightings == expected


def test_marts_are_built(samples_warehouse: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    reconciled = samples_warehouse.execute(
        "SELECT bool_and(is_reconciled), count(*) FROM marts.dump_reconciliation"
    ).fetchone()
    assert reconciled == (True, 13)  # 12 files; archive/batch zip = 2 dumps
    assert samples_warehouse.execute("SELECT count(*) FROM marts.articles_daily").fetchone()[0] > 0


def test_source_spellings_collapse_to_their_outlets(
    samples_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    """14 spellings (`gulf-daily`, `Gulf Daily`, `gulf-daily.example`, `الوطن`, ...): 5 outlets."""
    spellings = samples_warehouse.execute(
        "SELECT count(DISTINCT source) FROM core.articles"
    ).fetchone()
    outlets = dict(
        samples_warehouse.execute(
            "SELECT source_id, count(DISTINCT coalesce(source, '')) FROM core.articles GROUP BY 1"
        ).fetchall()
    )
    assert spellings is not None and spellings[0] >= 13
    assert outlets == {
        "gulf-daily.example": 3,
        "alwatan-example.sa": 3,
        "almadina-example.sa": 3,
        "desert-tribune.example": 2,
        "le-quotidien.example.fr": 2,
        "unknown": 1,  # the plain-text dumps: no source, no URL
    }
    sources = samples_warehouse.execute(
        "SELECT source_id, count_articles, is_registered FROM core.sources ORDER BY source_id"
    ).fetchall()
    assert [s[0] for s in sources] == sorted(outlets)
    assert sum(s[1] for s in sources) == 58
    grouped = samples_warehouse.execute(
        "SELECT count(DISTINCT source_id) FROM marts.articles_daily"
    ).fetchone()
    assert grouped == (6,)


def test_unlinked_mentions_carry_the_rule_that_left_them_unlinked(
    samples_warehouse: duckdb.DuckDBPyConnection,
) -> None:
    rows = samples_warehouse.execute(
        "SELECT e.is_linked, m.unlinked_reason IS NULL, count(*) FROM core.entity_mentions AS m "
        "JOIN core.entities AS e USING (entity_id) GROUP BY ALL"
    ).fetchall()
    assert {(linked, no_reason) for linked, no_reason, _ in rows} == {(True, True), (False, False)}
