"""Shared helpers of the dedup evaluation scripts: read SaudiNewsNet, cluster documents."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import polars as pl

from pipelines.clean.identity import content_hash
from pipelines.dedup.clusters import component_of_hash
from pipelines.dedup.matching import DEFAULT_THRESHOLD, find_links


def read_saudinewsnet(folder: Path) -> list[dict[str, Any]]:
    """Every article of every day zip (one JSON array per zip), in file order."""
    articles: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                articles += json.loads(archive.read(name))
    return [a for a in articles if (a.get("content") or "").strip()]


def near_links(
    ids: list[str], bodies: list[str], threshold: float = DEFAULT_THRESHOLD
) -> pl.DataFrame:
    """Near-duplicate links among documents, decided as the pipeline decides them."""
    links, counts = find_links(ids, bodies, threshold)
    print(
        f"  ({counts['candidates']:,} LSH candidates: {counts['estimated']:,} linked by their "
        f"signature estimate, {counts['checked']:,} near the threshold checked exactly)"
    )
    return links


def cluster_documents(ids: list[str], bodies: list[str], links: pl.DataFrame) -> dict[str, str]:
    """Cluster key of each document: same content hash or linked = same cluster."""
    hashes = dict(zip(ids, (content_hash(b) for b in bodies), strict=True))
    edges = [(hashes[a], hashes[b]) for a, b in links.select(pl.nth(0), pl.nth(1)).iter_rows()]
    component = component_of_hash(list(hashes.values()), edges)
    return {i: component[hashes[i]] for i in ids}
