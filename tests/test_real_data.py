"""Real data: the SaudiNewsNet dumps end to end (skipped where ../shared/data is absent)."""

from __future__ import annotations

import json
import re
import zipfile
from collections import defaultdict
from pathlib import Path

import duckdb
import pytest

from pipelines import cli
from tests.conftest import shared_dataset


@pytest.fixture(scope="module")
def saudinewsnet_warehouse(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    landing = shared_dataset("saudinewsnet")
    warehouse = tmp_path_factory.mktemp("snn") / "snn.duckdb"
    assert cli.run(landing, warehouse) == 0
    return landing, warehouse


def read_articles(landing: Path) -> list[dict[str, str]]:
    articles = []
    for archive in sorted(landing.glob("*.zip")):
        with zipfile.ZipFile(archive) as zf:
            for member in zf.namelist():
                articles += json.loads(zf.read(member))
    return articles


def test_every_record_is_accounted_for(saudinewsnet_warehouse: tuple[Path, Path]) -> None:
    landing, warehouse = saudinewsnet_warehouse
    expected = len(read_articles(landing))
    con = duckdb.connect(str(warehouse), read_only=True)
    read, loaded, quarantined = con.execute(
        "SELECT sum(records_read), sum(records_loaded), sum(records_quarantined) "
        "FROM ops.dump_files"
    ).fetchone() or (0, 0, 0)
    assert read == expected
    assert loaded + quarantined == read
    languages = dict(
        con.execute("SELECT language, count(*) FROM core.articles GROUP BY 1").fetchall()
    )
    assert languages.get("ar", 0) >= 0.98 * sum(languages.values())


def test_exact_duplicate_groups_are_clustered(saudinewsnet_warehouse: tuple[Path, Path]) -> None:
    landing, warehouse = saudinewsnet_warehouse
    groups: dict[str, set[str]] = defaultdict(set)
    for article in read_articles(landing):
        body = re.sub(r"\s+", " ", article.get("content") or "").strip()
        if body:
            groups[body].add(article["url"])
    duplicate_groups = [urls for urls in groups.values() if len(urls) > 1]
    assert duplicate_groups, "SaudiNewsNet has wire copies under several URLs"
    con = duckdb.connect(str(warehouse), read_only=True)
    cluster_of = dict(
        con.execute(
            "SELECT r.url, a.cluster_id FROM core.article_sightings AS s "
            "JOIN raw.records AS r USING (dump_file, record_index) "
            "JOIN core.articles AS a USING (article_id)"
        ).fetchall()
    )
    split = [urls for urls in duplicate_groups if len({cluster_of.get(u) for u in urls}) != 1]
    assert split == []


def test_each_outlet_is_one_source(saudinewsnet_warehouse: tuple[Path, Path]) -> None:
    _, warehouse = saudinewsnet_warehouse
    con = duckdb.connect(str(warehouse), read_only=True)
    per_source = con.execute(
        "SELECT source, count(DISTINCT source_id) FROM core.articles GROUP BY 1"
    ).fetchall()
    outlets = con.execute(
        "SELECT count(*), bool_and(is_registered), sum(count_articles) FROM core.sources"
    ).fetchone()
    articles = con.execute("SELECT count(*) FROM core.articles").fetchone()
    assert len(per_source) == 14 and all(n == 1 for _, n in per_source)
    assert outlets is not None and articles is not None
    assert outlets == (14, True, articles[0])
