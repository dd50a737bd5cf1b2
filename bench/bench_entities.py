"""Benchmark: the whole entity stage (`entity_tables`: tag, match, link, rows) on 300-word articles.

Articles are real Arabic news cut to 300 words: SaudiNewsNet when ../shared/data is here, else the
bundled seed article. Times one process, then a pool of `--workers` processes (models loaded before
timing), each twice: cold (every new word's features computed) and warm (per-word caches filled,
as in a long-running worker). Prints articles/s (wall) and articles per CPU second: on a shared
machine the wall figure depends on the other jobs (the load average is printed), the CPU figure
much less.

    .venv/bin/python bench/bench_entities.py --articles 2000 --workers 2
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.enrich.entities.batch import entity_tables
from pipelines.enrich.entities.build.clusters import saudinewsnet_texts
from pipelines.parallel import spawn_pool
from pipelines.settings import ENTITY_BATCH_SIZE

PROJECT = Path(__file__).resolve().parent.parent
SAUDINEWSNET = PROJECT.parent / "shared" / "data" / "saudinewsnet" / "2015-07-22.zip"
SEED = PROJECT / "tests" / "clean" / "fixtures" / "seed_article.txt"
WORDS, BATCH = 300, ENTITY_BATCH_SIZE  # batches as the pipeline cuts them


def make_articles(count: int) -> list[dict[str, Any]]:
    """`count` Arabic articles of WORDS words each."""
    texts = list(saudinewsnet_texts(SAUDINEWSNET)) if SAUDINEWSNET.exists() else []
    words = " ".join(texts or [SEED.read_text(encoding="utf-8")] * 10).split()
    stream = itertools.cycle(range(0, max(1, len(words) - WORDS), WORDS))
    return [
        {"article_id": str(i), "title": None, "language": "ar",
         "body": " ".join(words[start : start + WORDS])}
        for i, start in zip(range(count), stream, strict=False)
    ]  # fmt: skip


def _timed(records: list[dict[str, Any]]) -> tuple[int, float]:
    """Mentions found in a batch and the CPU seconds the worker spent on it."""
    started = time.process_time()
    rows = entity_tables(records)[0].num_rows
    return rows, time.process_time() - started


def _warm(_: int) -> int:
    entity_tables([{"article_id": "w", "title": None, "body": "روسيا", "language": "ar"}])
    return 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    articles = make_articles(args.articles)
    batches = [articles[i : i + BATCH] for i in range(0, len(articles), BATCH)]
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    started = time.perf_counter()
    _warm(0)
    print(f"start-up (models, gazetteer, automaton): {time.perf_counter() - started:.2f} s")
    for label in ("cold", "warm"):  # warm: the same articles again, word caches filled
        started, cpu = time.perf_counter(), time.process_time()
        mentions, spent = 0, []  # CPU seconds of each batch
        for batch in batches:
            mentions += entity_tables(batch)[0].num_rows
            spent.append(time.process_time() - cpu - sum(spent))
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        # Cold, the rate climbs as the per-word caches fill (a big dump runs near the warm rate).
        quarters = [range(len(batches) * q // 4, len(batches) * (q + 1) // 4) for q in range(4)]
        curve = " → ".join(
            f"{sum(len(batches[i]) for i in q) / sum(spent[i] for i in q):,.0f}"
            for q in quarters
            if len(q)
        )
        print(f"1 process, {label}: {len(articles) / wall:,.0f} articles/s wall, "
              f"{len(articles) / cpu:,.0f} articles per CPU s (by quarter: {curve}), "
              f"{mentions:,} mentions")  # fmt: skip
    with spawn_pool(args.workers) as pool:
        list(pool.map(_warm, range(args.workers)))
        for label in ("cold", "warm"):
            started = time.perf_counter()
            results = list(pool.map(_timed, batches))
            wall = time.perf_counter() - started
            total, cpu = sum(r for r, _ in results), sum(c for _, c in results)
            print(f"{args.workers} processes, {label}: {len(articles) / wall:,.0f} articles/s wall "
                  f"({len(articles) * WORDS / wall:,.0f} words/s); {len(articles) / cpu:,.0f} "
                  f"articles per worker CPU second, so {args.workers * len(articles) / cpu:,.0f} "
                  f"articles/s on {args.workers} free cores; {total:,} mentions")  # fmt: skip
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
