"""Near-duplicate matching: band keys -> candidate pairs -> signature prefilter -> exact Jaccard."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt
import polars as pl
import pyarrow as pa

from pipelines.dedup.index import BAND_COLUMNS, SIGNATURE_COLUMNS, index_tables
from pipelines.dedup.minhash import (
    NUM_BINS,
    U8,
    estimated_jaccard,
)
from pipelines.dedup.shingles import I64, U64, jaccard, shingle_hashes

# Chosen by measurement (docs/stages/dedup.md): at 0.75 the labelled perturbation set keeps
# recall and precision >= 0.95 and SaudiNewsNet links stay the same story.
DEFAULT_THRESHOLD = 0.75
# A candidate shares >= 1 band key. Its signature estimate decides it when it is far enough from
# the threshold: CHECK_SDS standard deviations of the estimate, sqrt(t (1 - t) / bins) over the
# filled bins of the sparser text, and at least CHECK_MARGIN (0.08 = 4 sd at 0.75 with all 512
# bins filled; a 300-character text fills ~230 bins and gets ~0.11). Only pairs inside that margin,
# or lacking a stored signature, get the exact shingle Jaccard, the one step that reads old bodies.
CHECK_MARGIN = 0.08
CHECK_SDS = 4.0
SIGNATURE_BYTES = 2 + NUM_BINS // 2  # uint16 filled-bin count, then NUM_BINS 4-bit bins
# Members of a crowded LSH bucket each side of an article that it is paired with (the bucket
# cap of sql/dedup/create_candidate_pairs.sql, mirrored by candidate_pairs below).
BUCKET_WINDOW = 50
PAIR_SCHEMA = {"article_id": pl.String, "other_article_id": pl.String}
LINK_SCHEMA = {**PAIR_SCHEMA, "similarity": pl.Float64}
BAND_SCHEMA = pl.Schema(BAND_COLUMNS)  # the shapes are declared once, in Arrow (dedup.index)
SIGNATURE_SCHEMA = pl.Schema(SIGNATURE_COLUMNS)
INDEX_BATCH_SIZE = 5_000  # bodies shingled at once (character shingles cost memory)
VERIFY_CHUNK = 2_500  # pairs verified at once (<= 5,000 bodies shingled)


def index_rows(article_ids: list[str], bodies: list[str]) -> tuple[pl.DataFrame, pl.DataFrame]:
    """`index.index_tables` as Polars frames: (band rows, signature rows)."""
    bands, rows = index_tables(article_ids, bodies)
    return _frame(bands), _frame(rows)


def _frame(table: pa.Table) -> pl.DataFrame:
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    return frame


def band_rows(article_ids: list[str], bodies: list[str]) -> pl.DataFrame:
    """One (article_id, band_key) row per LSH band of each body that has any shingle."""
    return index_rows(article_ids, bodies)[0]


def candidate_pairs(bands: pl.DataFrame, window: int = BUCKET_WINDOW) -> pl.DataFrame:
    """Distinct (article_id < other_article_id) pairs sharing a band key, crowded buckets capped.

    In a bucket, an article is paired with the `window` members each side of it in article_id
    order (every member when the bucket has at most 2 x window + 1). Rows sorted by (band_key,
    article_id): pairs are rows d <= window apart with the same key, found one d at a time.
    """
    ordered = bands.sort("band_key", "article_id")
    keys = ordered["band_key"].to_numpy()
    names, codes = np.unique(ordered["article_id"].to_numpy().astype(str), return_inverse=True)
    found: list[npt.NDArray[np.int64]] = []
    for distance in range(1, window + 1):
        same = keys[distance:] == keys[:-distance]
        if not same.any():
            break  # no bucket holds more than `distance` members
        left, right = codes[:-distance][same], codes[distance:][same]
        found.append(np.minimum(left, right) * len(names) + np.maximum(left, right))
    pairs = np.unique(np.concatenate(found)) if found else np.empty(0, dtype=np.int64)
    low, high = np.divmod(pairs, max(len(names), 1))
    keep = low != high
    return pl.DataFrame(
        {"article_id": names[low[keep]], "other_article_id": names[high[keep]]},
        schema=PAIR_SCHEMA,
    )


def unpack_signatures(packed: list[bytes]) -> tuple[U8, I64, npt.NDArray[np.bool_]]:
    """(bins matrix, filled-bin counts, which rows had a signature) of stored signatures.

    A stored value of another length (the 128 x uint32 form of index version 1) counts as none.
    """
    present = np.array([len(sig) == SIGNATURE_BYTES for sig in packed], dtype=bool)
    matrix = np.zeros((len(packed), SIGNATURE_BYTES - 2), dtype=np.uint8)
    filled = np.zeros(len(packed), dtype=np.int64)
    if present.any():
        chosen = b"".join(sig for sig, ok in zip(packed, present, strict=True) if ok)
        raw = np.frombuffer(chosen, dtype=np.uint8).reshape(-1, SIGNATURE_BYTES)
        filled[present] = raw[:, :2].copy().view("<u2").ravel()
        matrix[present] = raw[:, 2:]
    return matrix, filled, present


def estimate_pairs(pairs: pl.DataFrame, signature_rows: pl.DataFrame) -> pl.DataFrame:
    """The pairs with `estimate` (signature Jaccard) and `bins` (filled bins of the sparser text).

    Both are null when a side has no stored signature.
    """
    if pairs.is_empty():
        return pairs.select("article_id", "other_article_id").with_columns(
            estimate=pl.lit(None, dtype=pl.Float64), bins=pl.lit(None, dtype=pl.Int64)
        )
    index = signature_rows.select("article_id").with_row_index("row", offset=1)
    located = pairs.join(index, on="article_id", how="left").join(
        index.rename({"article_id": "other_article_id", "row": "other_row"}),
        on="other_article_id",
        how="left",
    )
    sigs = np.zeros((signature_rows.height + 1, SIGNATURE_BYTES - 2), dtype=np.uint8)
    filled = np.zeros(signature_rows.height + 1, dtype=np.int64)
    present = np.zeros(signature_rows.height + 1, dtype=bool)
    if signature_rows.height:
        sigs[1:], filled[1:], present[1:] = unpack_signatures(signature_rows["signature"].to_list())
    left = located["row"].fill_null(0).to_numpy().astype(np.int64)
    right = located["other_row"].fill_null(0).to_numpy().astype(np.int64)
    known = present[left] & present[right]
    estimate = np.where(known, estimated_jaccard(sigs, left, right), np.nan)
    bins = np.minimum(filled[left], filled[right])
    return located.select("article_id", "other_article_id").with_columns(
        estimate=pl.Series(estimate).fill_nan(None),
        bins=pl.Series(bins).set(pl.Series(~known), None),
    )


def check_margin(bins: pl.Expr, threshold: float) -> pl.Expr:
    """How far from the threshold an estimate over `bins` filled bins must be to decide a pair."""
    spread = CHECK_SDS * (threshold * (1 - threshold) / bins.clip(lower_bound=1)).sqrt()
    return pl.max_horizontal(pl.lit(CHECK_MARGIN), spread)


def triage_pairs(
    estimated: pl.DataFrame, threshold: float = DEFAULT_THRESHOLD
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(links decided by their estimate, pairs needing the exact Jaccard).

    Linked: estimate >= threshold + margin (similarity = the estimate). Dropped: estimate <
    threshold - margin. Checked: everything in between, or without estimate.
    """
    estimate, margin = pl.col("estimate"), check_margin(pl.col("bins"), threshold)
    accepted = estimated.filter(estimate >= threshold + margin)
    unsure = estimated.filter(
        estimate.is_null() | ((estimate >= threshold - margin) & (estimate < threshold + margin))
    )
    links = accepted.select("article_id", "other_article_id", similarity=estimate.round(6))
    pairs = unsure.select("article_id", "other_article_id").sort("article_id", "other_article_id")
    return links.sort("article_id", "other_article_id"), pairs


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
    """Near-duplicate links among documents, decided as the pipeline decides them, and counts."""
    batches = [
        index_rows(article_ids[i : i + INDEX_BATCH_SIZE], bodies[i : i + INDEX_BATCH_SIZE])
        for i in range(0, len(article_ids), INDEX_BATCH_SIZE)
    ] or [index_rows([], [])]
    bands = pl.concat([b for b, _ in batches], how="vertical")
    signature_rows = pl.concat([s for _, s in batches], how="vertical")
    del batches
    pairs = candidate_pairs(bands)
    decided, unsure = triage_pairs(estimate_pairs(pairs, signature_rows), threshold)
    wanted = set(unsure["article_id"]) | set(unsure["other_article_id"])
    texts = {i: b for i, b in zip(article_ids, bodies, strict=True) if i in wanted}
    checked = verify_pairs(unsure, texts, threshold)
    links = pl.concat([decided, checked]).sort("article_id", "other_article_id")
    counts = {"candidates": pairs.height, "estimated": decided.height, "checked": unsure.height}
    return links, counts


def similarities(pairs: list[tuple[str, str]], bodies: Mapping[str, str]) -> list[float]:
    """Exact shingle Jaccard of each (article, other article) pair, rounded to 6 digits."""
    return _exact_similarities(pairs, bodies)
