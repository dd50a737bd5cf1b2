"""Precision and recall of near-duplicate detection on a labelled set built from real articles.

Positives: a real SaudiNewsNet article and a perturbed copy (boilerplate added or removed, tail
truncated, paragraphs reordered, a few words edited, headline changed). Negatives: two different
articles from the same source and day. A pair is predicted a duplicate when the LSH index makes
it a candidate and its exact shingle Jaccard reaches the threshold (as in the pipeline).

    .venv/bin/python eval/dedup_perturbations.py ../shared/data/saudinewsnet
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dedup_common import near_links, read_saudinewsnet

from pipelines.dedup.matching import DEFAULT_THRESHOLD

BOILERPLATE = (
    "جميع الحقوق محفوظة. لمتابعة آخر الأخبار تابعونا على تويتر وفيسبوك. "
    "Subscribe to our newsletter for the latest news."
)


def _words(body: str) -> list[str]:
    return body.split()


def add_boilerplate(body: str, rng: random.Random) -> str:
    return f"{body}\n{BOILERPLATE}"


def remove_boilerplate(body: str, rng: random.Random) -> str:
    """Drop the first line or sentence (dateline, kicker) when it is short."""
    head, _, rest = body.partition("\n") if "\n" in body else body.partition(". ")
    return rest if rest and len(head) < 0.15 * len(body) else " ".join(_words(body)[5:])


def truncate(body: str, rng: random.Random) -> str:
    words = _words(body)
    return " ".join(words[: int(len(words) * rng.uniform(0.88, 0.95))])


def reorder_paragraphs(body: str, rng: random.Random) -> str:
    parts = [p for p in body.split("\n") if p.strip()]
    if len(parts) < 3:
        parts = [s for s in body.split(". ") if s]
    rng.shuffle(parts)
    return "\n".join(parts)


def edit_words(body: str, rng: random.Random) -> str:
    words = _words(body)
    for i in rng.sample(range(len(words)), max(1, len(words) // 40)):
        words[i] = rng.choice(["قال", "أيضا", "the", "وقد", "اليوم"])
    return " ".join(words)


def change_headline(body: str, rng: random.Random) -> str:
    return body  # the title differs; the body is republished as it was


def combined(body: str, rng: random.Random) -> str:
    """Truncated, then a few words edited, then boilerplate added: the hardest case here."""
    return add_boilerplate(edit_words(truncate(body, rng), rng), rng)


PERTURBATIONS: dict[str, Callable[[str, random.Random], str]] = {
    f.__name__: f
    for f in (
        add_boilerplate,
        remove_boilerplate,
        truncate,
        reorder_paragraphs,
        edit_words,
        change_headline,
        combined,
    )
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", type=Path, help="folder with the SaudiNewsNet day zips")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--pairs", type=int, default=600, help="positives (and negatives)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    articles = [a for a in read_saudinewsnet(args.dataset) if len(a["content"]) >= 600]
    unique = list({" ".join(a["content"].split()): a for a in articles}.values())
    originals = rng.sample(unique, min(args.pairs, len(unique)))
    bodies = [a["content"] for a in originals]
    positives: list[tuple[str, str, str]] = []
    for n, body in enumerate(list(bodies)):
        kind = list(PERTURBATIONS)[n % len(PERTURBATIONS)]
        bodies.append(PERTURBATIONS[kind](body, rng))
        positives.append((str(n), str(len(bodies) - 1), kind))
    by_day: dict[tuple[str, str], list[int]] = defaultdict(list)
    for n, a in enumerate(originals):
        by_day[(a["source"], a["date_extracted"][:10])].append(n)
    negatives = [
        (str(a), str(b), "same_source_day") for group in by_day.values() for a, b in pairwise(group)
    ][: args.pairs]
    ids = [str(i) for i in range(len(bodies))]
    links = near_links(ids, bodies, args.threshold)
    found = {tuple(sorted((a, b))) for a, b, _ in links.iter_rows()}
    hit = Counter(kind for a, b, kind in positives if tuple(sorted((a, b))) in found)
    total = Counter(kind for _, _, kind in positives)
    false_pos = [(a, b) for a, b, _ in negatives if tuple(sorted((a, b))) in found]
    tp = sum(hit.values())
    print(
        f"threshold {args.threshold}: {len(positives)} positive pairs, "
        f"{len(negatives)} negative pairs (same source and day)"
    )
    for kind in PERTURBATIONS:
        print(f"  recall {kind:<20} {hit[kind]}/{total[kind]}")
    print(f"recall    {tp / len(positives):.3f}")
    print(f"precision {tp / max(tp + len(false_pos), 1):.3f}  (false positives: {len(false_pos)})")
    for a, b in false_pos[:5]:
        print("  FP:", originals[int(a)]["title"][:60], "|", originals[int(b)]["title"][:60])


if __name__ == "__main__":
    main()
