"""A deterministic sample of linked place mentions in SaudiNewsNet articles, to check by eye.

    .venv/bin/python eval/linking_sample.py ../shared/data/saudinewsnet/2015-07-22.zip --size 100
    .venv/bin/python eval/linking_sample.py ../shared/data/saudinewsnet/2015-07-23.zip \
        --seed 23 --exclude-seed 5   # a fresh sample without the articles of the seed-5 one
    .venv/bin/python eval/linking_sample.py ../shared/data/saudinewsnet/2015-07-23.zip --stats

Each line: number, linked id and name, confidence, the surface, and its context (±40
characters).
`--stats` prints linked place mentions per article over the whole day instead (recall proxy).
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from pathlib import Path

from pipelines.enrich.entities.build.clusters import saudinewsnet_texts
from pipelines.enrich.entities.extract import extract_texts
from pipelines.enrich.entities.mentions import Mention
from pipelines.enrich.entities.tagging.tagger import load_tagger

BATCH = 200


def linked_places(mentions: list[Mention]) -> list[Mention]:
    """Mentions linked to a country, city or continent."""
    return [
        m
        for m in mentions
        if m.entity_type in ("GPE", "LOC") and m.entity.entity_id.startswith(("iso:", "geonames:"))
    ]


def shuffled(texts: list[str], seed: int) -> list[str]:
    order = list(texts)
    random.Random(seed).shuffle(order)
    return order


def sample(texts: list[str], size: int) -> Iterator[tuple[str, Mention]]:
    """The first linked place mention of each article, in order, until `size` articles."""
    found = 0
    for offset in range(0, len(texts), BATCH):
        batch = texts[offset : offset + BATCH]
        found_batch = extract_texts([(t, "ar", "body") for t in batch])
        for text, mentions in zip(batch, found_batch, strict=True):
            linked = linked_places(mentions)
            if linked:
                yield text, linked[0]  # one per article: the sample spans many articles
                found += 1
                if found >= size:
                    return


def stats(texts: list[str]) -> None:
    total = articles = 0
    for offset in range(0, len(texts), BATCH):
        batch = texts[offset : offset + BATCH]
        for mentions in extract_texts([(t, "ar", "body") for t in batch]):
            linked = linked_places(mentions)
            total += len(linked)
            articles += bool(linked)
    print(f"{len(texts)} articles, {total} linked place mentions ({total / len(texts):.2f} per "
          f"article), {articles} articles with at least one")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", type=Path, help="a SaudiNewsNet day zip")
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument(
        "--exclude-seed", type=int, nargs="*", default=[],
        help="leave out the articles of the samples drawn with these seeds (same size)",
    )  # fmt: skip
    parser.add_argument("--stats", action="store_true", help="linked mentions per article")
    args = parser.parse_args()
    texts = list(saudinewsnet_texts(args.path))
    tagger = load_tagger("ar")
    print(f"model_version: {tagger.model_version if tagger else 'none'}")
    if args.stats:
        stats(texts)
        return 0
    excluded = {
        text for seed in args.exclude_seed for text, _ in sample(shuffled(texts, seed), args.size)
    }
    chosen = [text for text in shuffled(texts, args.seed) if text not in excluded]
    for found, (text, mention) in enumerate(sample(chosen, args.size), 1):
        context = text[max(0, mention.start_char - 40) : mention.end_char + 40].replace("\n", " ")
        entity = mention.entity
        print(f"{found:3d} {entity.entity_id:18} {entity.name:20} {mention.confidence:.2f} "
              f"[{mention.surface}] … {context} …")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
