"""Clean the first 300 real SaudiNewsNet articles: no crash, little loss, all Arabic."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from pipelines.clean import clean_article, detect_language
from pipelines.clean.language import MIN_LETTERS

SAUDINEWSNET_DAY = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "data"
    / "saudinewsnet"
    / "2015-07-22.zip"
)
ARTICLE_COUNT = 300


def _first_articles() -> list[dict[str, Any]]:
    if not SAUDINEWSNET_DAY.exists():
        pytest.skip(f"real dataset {SAUDINEWSNET_DAY} is absent (team workspace and CI only)")
    with zipfile.ZipFile(SAUDINEWSNET_DAY) as archive:
        articles: list[dict[str, Any]] = json.loads(archive.read(archive.namelist()[0]))
    return articles[:ARTICLE_COUNT]


def test_real_articles_clean_without_losing_content() -> None:
    languages: Counter[str | None] = Counter()
    for article in _first_articles():
        cleaned = clean_article(
            title=article["title"],
            body=article["content"],
            published_at_raw=article["date_extracted"],
            is_plain_text=False,
        )
        raw_length = len(article["content"].strip())
        assert len(cleaned.body) >= 0.5 * raw_length, article["url"]
        assert cleaned.published_at is not None, article["url"]
        letter_count = sum(char.isalpha() for char in cleaned.body)
        # Some crawled records are empty or a caption of two names: no language to find.
        if letter_count >= MIN_LETTERS:
            languages[detect_language(cleaned.body)] += 1
    assert set(languages) == {"ar"}
    assert languages["ar"] >= 0.9 * ARTICLE_COUNT
