"""The load's articles_match_contract check reads the dump's articles in batches and sums them."""

from __future__ import annotations

import duckdb
import pytest

from pipelines import checks

ARTICLE = (
    "'u_{n:020x}', 'https://a.example/{n}', 'https://a.example/{n}', 'a', 't', 'body', '{lang}', "
    "TIMESTAMPTZ '2025-04-28 07:00:00+00', '28.04.2025', '{hash}', 1::BIGINT, "
    "TIMESTAMPTZ '2025-04-28 08:00:00+00', TIMESTAMPTZ '2025-04-28 09:00:00+00'"
)


def articles(languages: list[str]) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA core")
    rows = ", ".join(
        f"({ARTICLE.format(n=n, lang=lang, hash=f'{n:064x}')})" for n, lang in enumerate(languages)
    )
    con.execute(
        f"CREATE TABLE core.articles AS SELECT * FROM (VALUES {rows}) AS t(article_id, url, "
        "canonical_url, source, title, body, language, published_at, published_at_raw, "
        "content_hash, count_sightings, first_seen_at, last_seen_at)"
    )
    con.execute(
        "CREATE TABLE core.article_sightings AS "
        "SELECT article_id, 'd' AS dump_file FROM core.articles"
    )
    return con


@pytest.mark.parametrize("batch_rows", [checks.CONTRACT_BATCH_ROWS, 1])
def test_contract_check_counts_every_batch(
    batch_rows: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checks, "CONTRACT_BATCH_ROWS", batch_rows)
    good = checks._contract_result(articles(["ar", "en", "fr"]), {"dump_files": ["d"]})
    assert good.passed and good.metadata["rows"].value == 3
    bad = checks._contract_result(articles(["ar", "english", "fr"]), {"dump_files": ["d"]})
    assert not bad.passed
    assert bad.metadata["rows"].value == 3 and bad.metadata["failures"].value == 1
    assert "english" in bad.metadata["examples"].value
