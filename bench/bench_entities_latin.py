"""Benchmark: CPU seconds of the entity extraction (`extract_texts`: tag, match, link) on the
English and French articles of a feed written by `eval/make_latin_landing.py`, in one process,
cold (first pass: per-word caches empty) and warm (second pass); models loaded before timing.

    .venv/bin/python bench/bench_entities_latin.py /tmp/landing/generic/feed_en_fr.json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.enrich.entities.extract import extract_texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("feed", type=Path, help="feed_en_fr.json of make_latin_landing.py")
    args = parser.parse_args()
    articles = json.loads(args.feed.read_text(encoding="utf-8"))["articles"]
    for language in ("en", "fr"):
        items = [(a["body"], language, "body") for a in articles if a["lang"] == language]
        extract_texts(items[:1])  # loads the models, gazetteer and crosswalk
        words = sum(len(text.split()) for text, _, _ in items)
        for run in ("cold", "warm"):
            started = time.process_time()
            mentions = extract_texts(items)
            cpu = time.process_time() - started
            print(f"{language} {run}: {len(items)} articles, {words:,} words, {cpu:.2f} CPU s "
                  f"({words / cpu:,.0f} words per CPU s), "
                  f"{sum(map(len, mentions)):,} mentions")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
