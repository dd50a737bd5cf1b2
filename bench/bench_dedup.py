"""Dedup stage benchmark: throughput and peak memory on synthetic documents, datasketch beside it.

1. Documents only (no pipeline): our MinHash/LSH (signatures -> band keys -> candidate pairs ->
   decided by the signature estimate, exact Jaccard near the threshold) on N bodies, then
   datasketch MinHash + MinHashLSH (128 permutations, same threshold) on the same bodies and
   character shingles.
2. Incremental cost through the warehouse SQL path: cluster 1k new articles into an empty
   DuckDB and into one already holding --warehouse-articles articles, --repeats times each,
   alternating (the machine is shared: medians of interleaved runs); print the median ratio.

Corpora: `news` (default) = bodies of 6-20 sentences drawn at random from the SaudiNewsNet
articles (unrelated pairs have Jaccard ~0.05, as in real news), 10% of them planted edited copies
of an earlier body (5-10% of the tail cut, 2.5% of words replaced; Jaccard ~0.8): the recall of
the planted copies is printed. `template` = bench/generate_corpus.py (any two bodies Jaccard ~0.4:
a stress case for LSH, not news).

    .venv/bin/python bench/bench_dedup.py --articles 100000 --datasketch-max 100000
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import psutil
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.clean.identity import content_hash
from pipelines.dedup.matching import DEFAULT_THRESHOLD, find_links
from pipelines.dedup.shingles import shingle_hashes
from pipelines.merge.clusters import cluster_pending
from pipelines.warehouse import insert_batch, open_warehouse, transaction

BATCH = 5_000
NEWS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "saudinewsnet"
PLANTED_SHARE = 10


def rss_gb() -> float:
    return psutil.Process().memory_info().rss / 1e9


def synthetic_bodies(count: int, workdir: Path) -> list[str]:
    """Bodies of `count` synthetic articles from bench/generate_corpus.py (valid lines only)."""
    out = workdir / f"corpus_{count}"
    script = Path(__file__).resolve().parent / "generate_corpus.py"
    args = ["--articles", str(count), "--out", str(out), "--files", "8", "--seed", "11"]
    subprocess.run([sys.executable, str(script), *args], check=True, capture_output=True)
    bodies: list[str] = []
    for path in sorted(out.glob("*.jsonl")):
        for line in path.read_bytes().splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if isinstance(record, dict) and str(record.get("maintext") or "").strip():
                bodies.append(record["maintext"])
    return bodies[:count]


def news_bodies(count: int, folder: Path = NEWS) -> tuple[list[str], list[tuple[int, int]]]:
    """`count` bodies of random real sentences, every PLANTED_SHARE-th an edited earlier body."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))
    from dedup_common import read_saudinewsnet

    split = re.compile(r"(?<=[.!؟?])\s+|\n+")
    sentences = sorted(
        {s.strip() for a in read_saudinewsnet(folder) for s in split.split(a["content"])}
    )
    sentences = [s for s in sentences if len(s) >= 30]
    rng = random.Random(11)
    bodies: list[str] = []
    planted: list[tuple[int, int]] = []
    for n in range(count):
        if n % PLANTED_SHARE == PLANTED_SHARE - 1:
            original = rng.randrange(n)
            words = bodies[original].split()
            words = words[: int(len(words) * rng.uniform(0.90, 0.95))]
            for i in rng.sample(range(len(words)), max(1, len(words) // 40)):
                words[i] = rng.choice(["قال", "أيضا", "وقد", "اليوم"])
            bodies.append(" ".join(words))
            planted.append((original, n))
        else:
            bodies.append(" ".join(rng.choices(sentences, k=rng.randint(6, 20))))
    return bodies, planted


def ours(bodies: list[str], threshold: float, planted: list[tuple[int, int]]) -> dict[str, float]:
    start_rss, started = rss_gb(), time.perf_counter()
    ids = [f"{i:08d}" for i in range(len(bodies))]
    links, counts = find_links(ids, bodies, threshold)
    seconds = time.perf_counter() - started
    found = set(links.select("article_id", "other_article_id").iter_rows())
    hits = sum((ids[a], ids[b]) in found for a, b in planted)
    return {
        "seconds": seconds,
        "docs_per_s": len(bodies) / seconds,
        "candidates": counts["candidates"],
        "decided_by_estimate": counts["estimated"],
        "checked_exactly": counts["checked"],
        "links": links.height,
        "planted_recall": hits / max(len(planted), 1),
        "extra_rss_gb": rss_gb() - start_rss,
    }


def datasketch_run(
    bodies: list[str], threshold: float, planted: list[tuple[int, int]]
) -> dict[str, float]:
    from datasketch import MinHash, MinHashLSH

    start_rss, started = rss_gb(), time.perf_counter()
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    candidates = 0
    later = dict((b, a) for a, b in planted)
    hits = 0
    for start in range(0, len(bodies), BATCH):
        chunk = bodies[start : start + BATCH]
        hashes, doc_index = shingle_hashes(chunk)
        splits = np.searchsorted(doc_index, np.arange(1, len(chunk)))
        for offset, shingles in enumerate(np.split(hashes & np.uint64(0xFFFFFFFF), splits)):
            sketch = MinHash(num_perm=128, hashfunc=int)
            sketch.update_batch(shingles.tolist())
            found = lsh.query(sketch)
            candidates += len(found)
            hits += later.get(start + offset, -1) in found
            lsh.insert(start + offset, sketch)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "docs_per_s": len(bodies) / seconds,
        "candidates": candidates,
        "planted_recall_of_candidates": hits / max(len(planted), 1),
        "extra_rss_gb": rss_gb() - start_rss,
    }


def add_articles(database: Path, bodies: list[str], prefix: str) -> float:
    """Seconds to cluster `bodies` as new articles into the warehouse at `database`."""
    rows = pa.table(
        {
            "article_id": [f"{prefix}{i:08d}" for i in range(len(bodies))],
            "source": [f"source{i % 7}" for i in range(len(bodies))],
            "body": bodies,
            "content_hash": [content_hash(b) for b in bodies],
        }
    )
    with open_warehouse(database) as con:
        with transaction(con):  # committed first: pending bodies are read on another cursor
            insert_batch(con, "dedup/insert_synthetic_articles", rows)
        started = time.perf_counter()
        with transaction(con):
            cluster_pending(con, DEFAULT_THRESHOLD)
        return time.perf_counter() - started


def incremental(bodies: list[str], base: int, workdir: Path, repeats: int) -> None:
    new = bodies[base : base + 1000]
    load = add_articles(workdir / "base.duckdb", bodies[:base], "o_")
    print(
        f"warehouse path: initial clustering of {base:,} articles {load:.1f}s "
        f"({base / load:,.0f}/s)"
    )
    empty_times, full_times = [], []
    for _ in range(repeats):
        for target in (workdir / "empty.duckdb", workdir / "full.duckdb"):
            target.unlink(missing_ok=True)
        shutil.copy(workdir / "base.duckdb", workdir / "full.duckdb")
        empty_times.append(add_articles(workdir / "empty.duckdb", new, "n_"))
        full_times.append(add_articles(workdir / "full.duckdb", new, "n_"))
    empty, full = statistics.median(empty_times), statistics.median(full_times)
    print(
        f"add 1k articles ({repeats} interleaved runs, medians): empty warehouse {empty:.2f}s, "
        f"{base:,}-article warehouse {full:.2f}s, ratio {full / empty:.2f} (target <= 2); "
        f"runs empty {' '.join(f'{t:.2f}' for t in empty_times)}, "
        f"full {' '.join(f'{t:.2f}' for t in full_times)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--articles",
        type=int,
        nargs="+",
        default=[100_000, 1_000_000],
        help="corpus sizes to run (the smallest also gives the incremental measurement)",
    )
    parser.add_argument(
        "--datasketch-max",
        type=int,
        default=100_000,
        help="run datasketch only on corpora up to this size (it is slow)",
    )
    parser.add_argument(
        "--warehouse-articles",
        type=int,
        default=100_000,
        help="articles already in the warehouse when 1k more are added",
    )
    parser.add_argument(
        "--threshold", type=float, default=DEFAULT_THRESHOLD, help="near-duplicate Jaccard"
    )
    parser.add_argument(
        "--corpus",
        choices=["news", "template"],
        default="news",
        help="news: real sentences + planted copies; template: Jaccard ~0.4 stress case",
    )
    parser.add_argument("--only-incremental", action="store_true", help="skip the document runs")
    parser.add_argument(
        "--repeats", type=int, default=5, help="interleaved runs of the incremental measurement"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_dedup_") as tmp:
        workdir = Path(tmp)
        for count in args.articles:
            planted: list[tuple[int, int]] = []
            if args.corpus == "news":
                bodies, planted = news_bodies(count)
            else:
                bodies = synthetic_bodies(count, workdir)
            print(
                f"\n{len(bodies):,} {args.corpus} documents ({len(planted):,} planted copies) "
                f"(mean {np.mean([len(b) for b in bodies]):,.0f} chars)"
            )
            if count == min(args.articles):
                base = min(args.warehouse_articles, len(bodies) - 1000)
                incremental(bodies, base, workdir, args.repeats)
            if args.only_incremental:
                continue
            mine = ours(bodies, args.threshold, planted)
            print("ours      " + "  ".join(f"{k}={v:,.2f}" for k, v in mine.items()))
            if count <= args.datasketch_max:
                theirs = datasketch_run(bodies, args.threshold, planted)
                print("datasketch " + "  ".join(f"{k}={v:,.2f}" for k, v in theirs.items()))
                ratio = mine["docs_per_s"] / theirs["docs_per_s"]
                print(f"speed ratio ours / datasketch: {ratio:.1f}x")
            del bodies
        print(
            f"\npeak RSS of this process: {psutil.Process().memory_info().rss / 1e9:.2f} GB "
            "(current; see ru_maxrss below)"
        )
        import resource

        print(f"ru_maxrss: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6:.2f} GB")


if __name__ == "__main__":
    main()
