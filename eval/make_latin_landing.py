"""Write a landing folder of real English and French text for the entity figures of
`eval/entity_link_shares.py`: a generic JSON feed of the 181 English news bodies of
`article_extraction_benchmark` (gold article text) and of the held-out end of Europeana
Newspapers FR (historical OCR, rebuilt as 300-word articles); SaudiNewsNet days are linked in
copied in when given (a symlink reads as an empty file).

    .venv/bin/python eval/make_latin_landing.py ../shared/data /tmp/landing \
        --saudinewsnet 2015-07-22 2015-07-23
    .venv/bin/news-warehouse run --landing /tmp/landing --warehouse /tmp/w.duckdb --ephemeral \
        --no-publish --summary-json /tmp/w.json
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.enrich.entities.build.latin_corpora import europeana_split
from pipelines.enrich.entities.build.latin_train import EUROPEANA

WORDS_PER_ARTICLE = 300
# The pages are from 1870–1910; the loader refuses dates that old, and none is needed here.
PLACEHOLDER_DATE = "2020-01-01T00:00:00Z"
_SPACE_BEFORE = re.compile(r" ([.,;:!?)\]])")
_SPACE_AFTER = re.compile(r"([(\[']) ")


def detokenized(words: list[str]) -> str:
    """Tokens joined back into text (no space before `.`, `,`, ... or after `'`, `(`)."""
    return _SPACE_AFTER.sub(r"\1", _SPACE_BEFORE.sub(r"\1", " ".join(words)))


def english_articles(shared: Path) -> list[dict[str, str]]:
    gold = json.loads(
        (shared / "article_extraction_benchmark" / "ground-truth.json").read_text("utf-8")
    )
    return [
        {"headline": item["articleBody"].split(".")[0][:120], "body": item["articleBody"],
         "link": item["url"], "lang": "en", "published": "2019-11-20T00:00:00Z"}
        for _, item in sorted(gold.items()) if item["articleBody"].strip()
    ]  # fmt: skip


def french_articles(shared: Path) -> list[dict[str, str]]:
    _, held_out = europeana_split(shared / EUROPEANA)
    articles: list[dict[str, str]] = []
    words: list[str] = []
    for sentence, _ in held_out:
        words += sentence
        if len(words) >= WORDS_PER_ARTICLE:
            number = len(articles) + 1
            articles.append({
                "headline": detokenized(words[:12]), "body": detokenized(words),
                "link": f"https://gallica.bnf.fr/europeana-ner-fr/{number}", "lang": "fr",
                "published": PLACEHOLDER_DATE,
            })  # fmt: skip
            words = []
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path, help="the shared data folder")
    parser.add_argument("landing", type=Path, help="the landing folder to write")
    parser.add_argument("--saudinewsnet", nargs="*", default=[], help="days to link in")
    args = parser.parse_args()
    generic = args.landing / "generic"
    generic.mkdir(parents=True, exist_ok=True)
    articles = english_articles(args.shared) + french_articles(args.shared)
    feed = {"meta": {"feed": "shared-data", "count": len(articles)}, "articles": articles}
    (generic / "feed_en_fr.json").write_text(json.dumps(feed, ensure_ascii=False), "utf-8")
    if args.saudinewsnet:
        folder = args.landing / "saudinewsnet"
        folder.mkdir(exist_ok=True)
        for day in args.saudinewsnet:
            shutil.copyfile(args.shared / "saudinewsnet" / f"{day}.zip", folder / f"{day}.zip")
    print(f"{len(articles)} English and French articles in {generic}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
