"""Exact and near-duplicate groups on SaudiNewsNet: recall of exact groups, extra near groups.

Exact groups are articles with identical whitespace-normalized bodies; every one must fall
inside one found cluster (recall 1.0). Clusters joining different bodies are near-duplicate
groups; a few are printed with their similarity for checking by eye.

    .venv/bin/python eval/dedup_saudinewsnet.py ../shared/data/saudinewsnet
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dedup_common import cluster_documents, near_links, read_saudinewsnet

from pipelines.dedup.matching import DEFAULT_THRESHOLD


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", type=Path, help="folder with the SaudiNewsNet day zips")
    parser.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD)
    parser.add_argument("--examples", type=int, default=8, help="near groups to print")
    args = parser.parse_args()
    articles = read_saudinewsnet(args.dataset)
    ids = [str(i) for i in range(len(articles))]
    bodies = [a["content"] for a in articles]
    started = time.perf_counter()
    links = near_links(ids, bodies, args.threshold)
    cluster_of = cluster_documents(ids, bodies, links)
    seconds = time.perf_counter() - started

    exact: dict[str, list[str]] = defaultdict(list)
    for i, body in zip(ids, bodies, strict=True):
        exact[" ".join(body.split())].append(i)
    exact_groups = [g for g in exact.values() if len(g) > 1]
    kept = sum(len({cluster_of[i] for i in g}) == 1 for g in exact_groups)
    clusters: dict[str, list[str]] = defaultdict(list)
    for i in ids:
        clusters[cluster_of[i]].append(i)
    multi = [m for m in clusters.values() if len(m) > 1]
    near = [m for m in multi if len({" ".join(bodies[int(i)].split()) for i in m}) > 1]
    print(f"articles: {len(articles):,}  threshold: {args.threshold}  time: {seconds:.1f}s")
    print(f"exact-duplicate groups: {len(exact_groups)} ({sum(map(len, exact_groups))} articles)")
    print(
        f"exact groups inside one cluster: {kept}/{len(exact_groups)} "
        f"(recall {kept / max(len(exact_groups), 1):.3f})"
    )
    print(
        f"clusters with >1 article: {len(multi)}; of them joining different bodies "
        f"(near-duplicate groups): {len(near)} ({sum(map(len, near))} articles)"
    )
    print(f"near links: {links.height}")
    similarity = {(a, b): s for a, b, s in links.iter_rows()}
    for members in near[: args.examples]:
        print("\n--- near group:", len(members), "articles")
        for i in members[:4]:
            a = articles[int(i)]
            sims = [s for (x, y), s in similarity.items() if i in (x, y)]
            print(
                f"  [{a['source']}] {a['title'][:70]!r} len={len(a['content'])} "
                f"sim={max(sims, default=1.0):.2f}"
            )


if __name__ == "__main__":
    main()
