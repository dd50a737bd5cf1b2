"""Benchmark: date-mention finding and resolution on synthetic 300-word articles.

Builds articles from the sentence pools of generate_corpus.py (their time phrases: "last week",
"يوم الاثنين", "la semaine dernière", ...), then times `mention_rows` (find + resolve + rows) on
one process and on a process pool. Prints articles/s per language and overall.

    .venv/bin/python bench/bench_dates.py --articles 20000 --workers 2
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import generate_corpus

from pipelines.enrich.dates.batch import mention_rows

WORDS = 300
BATCH = 500


def make_articles(count: int, seed: int) -> list[dict[str, Any]]:
    """`count` articles of about WORDS words, mixed 50% ar / 35% en / 15% fr like the corpus."""
    rng = random.Random(seed)
    pools = generate_corpus.build_pools(rng)
    languages = [lang for lang, _ in generate_corpus.LANG_WEIGHTS]
    weights = [weight for _, weight in generate_corpus.LANG_WEIGHTS]
    articles = []
    for index in range(count):
        language = rng.choices(languages, weights)[0]
        pool, sentences, words = pools[language], [], 0
        while words < WORDS:
            pick = rng.randrange(len(pool.sentences))
            sentences.append(pool.sentences[pick])
            words += pool.words[pick]
        articles.append(
            {
                "article_id": f"a{index}",
                "body": " ".join(sentences),
                "language": language,
                "published_at": datetime(2025, 4, 28, 7, 41, tzinfo=UTC),
                "canonical_url": "https://example.com/x",
            }
        )
    return articles


def _count(articles: list[dict[str, Any]]) -> int:
    return len(mention_rows(articles))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    articles = make_articles(args.articles, args.seed)
    mention_rows(articles[:10])  # compile the patterns before timing
    for language in ("ar", "en", "fr"):
        subset = [a for a in articles if a["language"] == language][:2000]
        started = time.perf_counter()
        mentions = _count(subset)
        elapsed = time.perf_counter() - started
        print(
            f"{language}: {len(subset) / elapsed:,.0f} articles/s on 1 process "
            f"({mentions / len(subset):.1f} mentions/article)"
        )
    batches = [articles[i : i + BATCH] for i in range(0, len(articles), BATCH)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=args.workers, mp_context=context) as pool:
        list(pool.map(_count, batches[: args.workers]))  # warm the workers up
        started = time.perf_counter()
        mentions = sum(pool.map(_count, batches))
        elapsed = time.perf_counter() - started
    print(
        f"all: {len(articles):,} articles ({WORDS} words), {mentions:,} mentions, "
        f"{elapsed:.2f} s on {args.workers} processes = {len(articles) / elapsed:,.0f} articles/s "
        f"(target >= 2,000)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
