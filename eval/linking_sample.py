"""A deterministic sample of linked place mentions in SaudiNewsNet articles, to check by eye.

    .venv/bin/python eval/linking_sample.py ../shared/data/saudinewsnet/2015-07-22.zip --size 100

Each line: number, linked id and name, the surface, and its context (±40 characters).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from pipelines.enrich.entities.clusters import saudinewsnet_texts
from pipelines.enrich.entities.extract import extract_mentions


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", type=Path, help="a SaudiNewsNet day zip")
    parser.add_argument("--size", type=int, default=100)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    texts = list(saudinewsnet_texts(args.path))
    random.Random(args.seed).shuffle(texts)
    found = 0
    for text in texts:
        linked = [m for m in extract_mentions(text, "ar") if m.entity_type in ("GPE", "LOC")
                  and m.entity.entity_id.startswith(("iso:", "geonames:"))]  # fmt: skip
        if not linked:
            continue
        mention = linked[0]  # one per article: the sample spans many articles
        found += 1
        context = text[max(0, mention.start_char - 40) : mention.end_char + 40].replace("\n", " ")
        entity = mention.entity
        print(f"{found:3d} {entity.entity_id:18} {entity.name:20} {mention.extractor:13} "
              f"[{mention.surface}] … {context} …")  # fmt: skip
        if found >= args.size:
            break
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
