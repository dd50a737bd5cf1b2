"""How many person / organisation mentions of a SaudiNewsNet day link through the crosswalk
(one id for Arabic and English names), and a deterministic sample of them to check by eye.

    PYTHONPATH=. .venv/bin/python eval/crosswalk_linking.py \
        ../shared/data/saudinewsnet/2015-07-22.zip --size 40 --seed 1

Mentions are read as the warehouse stores them: per article, after `merge_person_aliases`
(a surname alone joins the fuller name). "direct" = the mention's own whole name is in the
table; "via alias" = a part of a linked name in the same article. Sample lines: number, id,
Arabic display name, how it linked, the surface and ±40 characters of context.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from pipelines.enrich.entities.build.clusters import saudinewsnet_texts
from pipelines.enrich.entities.extract import extract_texts
from pipelines.enrich.entities.mentions import Mention, merge_person_aliases
from pipelines.enrich.entities.names.crosswalk import load_crosswalk
from pipelines.enrich.entities.names.text import name_key, tokenize

BATCH = 200
Found = tuple[int, str, Mention, bool]  # article index, text, mention, linked directly


def linked_mentions(texts: list[str]) -> tuple[Counter[str], list[Found]]:
    """Counts of PER/ORG mentions (all, linked direct, linked via alias) and the linked ones."""
    table = load_crosswalk()
    ids = {name.entity_id for name in table.values()}
    counts: Counter[str] = Counter()
    found: list[Found] = []
    for offset in range(0, len(texts), BATCH):
        batch = texts[offset : offset + BATCH]
        for index, (text, mentions) in enumerate(
            zip(batch, extract_texts([(t, "ar", "body") for t in batch]), strict=True)
        ):
            for mention in merge_person_aliases(mentions):
                if mention.entity_type not in ("PER", "ORG"):
                    continue
                counts[mention.entity_type] += 1
                if mention.entity.entity_id not in ids or mention.entity.name_ar is None:
                    continue
                key = name_key([token.text for token in tokenize(mention.surface)])
                direct = (mention.entity_type, key) in table
                counts[f"{mention.entity_type} {'direct' if direct else 'via alias'}"] += 1
                found.append((offset + index, text, mention, direct))
    return counts, found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", type=Path, help="a SaudiNewsNet day zip")
    parser.add_argument("--size", type=int, default=40, help="linked mentions to print")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    texts = list(saudinewsnet_texts(args.path))
    counts, found = linked_mentions(texts)
    for kind in ("PER", "ORG"):
        direct, alias = counts[f"{kind} direct"], counts[f"{kind} via alias"]
        share = (direct + alias) / max(counts[kind], 1)
        print(f"{kind}: {counts[kind]} mentions, {direct + alias} linked ({share:.1%}): "
              f"{direct} direct, {alias} via alias")  # fmt: skip
    entities = Counter(m.entity.entity_id for _, _, m, _ in found)
    print(f"{len(texts)} articles, {len(entities)} distinct linked entities; most mentioned:")
    for entity_id, count in entities.most_common(15):
        print(f"  {count:4d} {entity_id}")
    picked = sorted(random.Random(args.seed).sample(range(len(found)), min(args.size, len(found))))
    for number, i in enumerate(picked, 1):
        _, text, mention, direct = found[i]
        left = text[max(0, mention.start_char - 40) : mention.start_char].replace("\n", " ")
        right = text[mention.end_char : mention.end_char + 40].replace("\n", " ")
        how = "direct" if direct else "alias"
        print(f"{number:3d} {mention.entity.entity_id} ({mention.entity.name_ar}) {how} "
              f"[{mention.surface}] …{left}⟦{mention.surface}⟧{right}…")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
