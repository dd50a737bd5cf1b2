"""Near-duplicate matching: band keys -> candidate pairs -> signature prefilter -> exact Jaccard."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import polars as pl

from pipelines.dedup.minhash import (
    NUM_BINS,
    band_keys,
    compact,
    estimated_jaccard,
    has_shingles,
    signatures,
)
from pipelines.dedup.shingles import U32, U64, jaccard, shingle_hashes

# Chosen by measurement (docs/notes/dedup.md): at 0.75 the labelled perturbation set keeps
# recall and precision >= 0.95 and SaudiNewsNet links stay the same story.
DEFAULT_THRESHOLD = 0.75
# A candidate shares >= 1 band key; it is verified exactly only if its signature estimate is at
# least threshold - PREFILTER_MARGIN. The estimate's error over 128 bins is ~0.04 (sd) at J ~0.75
# (max 0.083 seen on 700 labelled pairs), so 0.15 is > 3.5 sd: the prefilter loses no link
# in practice while dropping almost every same-template pair (J ~0.4).
PREFILTER_MARGIN = 0.15
PAIR_SCHEMA = {"article_id": pl.String, "other_article_id": pl.String}
LINK_SCHEMA = {**PAIR_SCHEMA, "similarity": pl.Float64}
BAND_SCHEMA = {"article_id": pl.String, "band_key": pl.Int64}
SIGNATURE_SCHEMA = {"article_id": pl.String, "signature": pl.Binary}
INDEX_BATCH_SIZE = 5_000  # bodies shingled at once (character shingles cost memory)
VERIFY_CHUNK = 2_500  # pairs verified at once (<= 5,000 bodies shingled)


def index_rows(article_ids: list[str], bodies: list[str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(band rows, signature rows) of the bodies that have any shingle.

    Band rows: one (article_id, band_key) per LSH band. Signature rows: (article_id, signature)
    with the compact signature (NUM_BINS little-endian uint32) as bytes.
    """
    sigs = signatures(bodies)
    kept = has_shingles(sigs)
    keys = band_keys(sigs)[kept]
    ids = np.asarray(article_ids, dtype=object)[kept]
    bands = pl.DataFrame(
        {"article_id": np.repeat(ids, keys.shape[1]).tolist(), "band_key": keys.ravel()},
        schema=BAND_SCHEMA,
    )
    packed = compact(sigs[kept]).astype("<u4")
    rows = pl.DataFrame(
        {"article_id": ids.tolist(), "signature": [row.tobytes() for row in packed]},
        schema=SIGNATURE_SCHEMA,
    )
    return bands, rows


def band_rows(article_ids: list[str], bodies: list[str]) -> pl.DataFrame:
    """One (article_id, band_key) row per LSH band of each body that has any shingle."""
    return index_rows(article_ids, bodies)[0]


def candidate_pairs(bands: pl.DataFrame) -> pl.DataFrame:
    """Distinct (article_id < other_article_id) pairs sharing at least one band key."""
    shared = bands.join(bands, on="band_key", suffix="_other")
    return (
        shared.filter(pl.col("article_id") < pl.col("article_id_other"))
        .select("article_id", other_article_id="article_id_other")
        .unique()
        .sort("article_id", "other_article_id")
    )


def unpack_signatures(packed: list[bytes]) -> U32:
    """(count, NUM_BINS) uint32 matrix of stored signatures."""
    flat = np.frombuffer(b"".join(packed), dtype="<u4").astype(np.uint32)
    return flat.reshape(len(packed), NUM_BINS)


def prefilter_pairs(
    pairs: pl.DataFrame, signature_rows: pl.DataFrame, min_estimate: float
) -> pl.DataFrame:
    """The pairs whose signature estimate is >= min_estimate, plus pairs lacking a signature."""
    if pairs.is_empty():
        return pairs.select("article_id", "other_article_id")
    index = signature_rows.select("article_id").with_row_index("row", offset=1)
    located = pairs.join(index, on="article_id", how="left").join(
        index.rename({"article_id": "other_article_id", "row": "other_row"}),
        on="other_article_id",
        how="left",
    )
    left = located["row"].fill_null(0).to_numpy().astype(np.int64)
    right = located["other_row"].fill_null(0).to_numpy().astype(np.int64)
    sigs = np.zeros((signature_rows.height + 1, NUM_BINS), dtype=np.uint32)
    if signature_rows.height:
        sigs[1:] = unpack_signatures(signature_rows["signature"].to_list())
    keep = estimated_jaccard(sigs, left, right) >= min_estimate
    keep |= (left == 0) | (right == 0)  # no stored signature (indexed before signatures)
    return (
        located.filter(pl.Series(keep))
        .select("article_id", "other_article_id")
        .sort("article_id", "other_article_id")
    )


def shingle_sets(bodies: Mapping[str, str]) -> dict[str, U64]:
    """Sorted distinct shingle hashes of each body, by article id."""
    ids = list(bodies)
    if not ids:
        return {}
    hashes, doc_index = shingle_hashes([bodies[i] for i in ids])
    # shingle_hashes emits the windows text by text, so doc_index is sorted.
    splits = np.searchsorted(doc_index, np.arange(1, len(ids)))
    return {
        article_id: np.unique(part)
        for article_id, part in zip(ids, np.split(hashes, splits), strict=True)
    }


def _exact_similarities(pairs: list[tuple[str, str]], bodies: Mapping[str, str]) -> list[float]:
    """Exact shingle Jaccard (6 digits) of each pair, shingling VERIFY_CHUNK pairs at a time."""
    out: list[float] = []
    for start in range(0, len(pairs), VERIFY_CHUNK):
        chunk = pairs[start : start + VERIFY_CHUNK]
        sets = shingle_sets({i: bodies[i] for pair in chunk for i in pair})
        out += [round(jaccard(sets[left], sets[right]), 6) for left, right in chunk]
    return out


def verify_pairs(
    pairs: pl.DataFrame, bodies: Mapping[str, str], threshold: float = DEFAULT_THRESHOLD
) -> pl.DataFrame:
    """The candidate pairs whose bodies' exact shingle Jaccard is at least `threshold`."""
    rows = list(pairs.select("article_id", "other_article_id").iter_rows())
    scored = zip(rows, _exact_similarities(rows, bodies), strict=True)
    links = [(left, right, score) for (left, right), score in scored if score >= threshold]
    return pl.DataFrame(links, schema=LINK_SCHEMA, orient="row")


def find_links(
    article_ids: list[str], bodies: list[str], threshold: float = DEFAULT_THRESHOLD
) -> tuple[pl.DataFrame, dict[str, int]]:
    """Verified near-duplicate links among documents, as the pipeline finds them, and counts."""
    batches = [
        index_rows(article_ids[i : i + INDEX_BATCH_SIZE], bodies[i : i + INDEX_BATCH_SIZE])
        for i in range(0, len(article_ids), INDEX_BATCH_SIZE)
    ] or [index_rows([], [])]
    bands = pl.concat([b for b, _ in batches], how="vertical")
    signature_rows = pl.concat([s for _, s in batches], how="vertical")
    del batches
    pairs = candidate_pairs(bands)
    survivors = prefilter_pairs(pairs, signature_rows, threshold - PREFILTER_MARGIN)
    wanted = set(survivors["article_id"]) | set(survivors["other_article_id"])
    texts = {i: b for i, b in zip(article_ids, bodies, strict=True) if i in wanted}
    links = verify_pairs(survivors, texts, threshold)
    return links, {"candidates": pairs.height, "verified": survivors.height}


def similarities(pairs: list[tuple[str, str]], bodies: Mapping[str, str]) -> list[float]:
    """Exact shingle Jaccard of each (article, other article) pair, rounded to 6 digits."""
    return _exact_similarities(pairs, bodies)
