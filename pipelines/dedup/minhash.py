"""One-permutation MinHash signatures (with densification) and LSH band keys, vectorized.

Classic MinHash hashes every shingle once per permutation (128 passes); one-permutation hashing
(Li, Owen & Zhang 2012) hashes it once, splits the hash range into NUM_BINS bins and keeps the
minimum per bin. Empty bins (short texts) borrow the next non-empty bin's minimum, shifted by the
distance ("rotation" densification, Shrivastava & Li 2014), so two texts collide in a bin with
probability close to their Jaccard similarity.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from pipelines.dedup.shingles import I64, U32, U64, mix64, shingle_hashes

BIN_BITS = 7
NUM_BINS = 1 << BIN_BITS
# 25 bands of 5 bins, a candidate shares >= 1 band: p = 1 - (1 - J^5)^25 = 0.99 at J = 0.7,
# 0.9988 at 0.75, 0.23 at 0.4, 0.0025 at 0.1 (real unrelated news: median J 0.04, p99.9 0.14).
# Candidates are then prefiltered by the signature estimate (cheap), and only the survivors get
# the exact shingle Jaccard. Keys are unchanged from the first version (same b, r and hashing).
BANDS = 25
ROWS_PER_BAND = 5
_VALUE_BITS = 64 - BIN_BITS
_VALUE_MASK = np.uint64((1 << _VALUE_BITS) - 1)
EMPTY = np.uint64(np.iinfo(np.uint64).max)
_ROTATION_STEP = np.uint64(0x9E3779B97F4A7C15)


def signatures_from_hashes(hashes: U64, doc_index: I64, count_docs: int) -> U64:
    """(count_docs, NUM_BINS) signatures; a document without shingles gets a row of EMPTY."""
    signatures = np.full(count_docs * NUM_BINS, EMPTY, dtype=np.uint64)
    bins = (hashes >> np.uint64(_VALUE_BITS)).astype(np.int64)
    np.minimum.at(signatures, doc_index * NUM_BINS + bins, hashes & _VALUE_MASK)
    return _densify(signatures.reshape(count_docs, NUM_BINS))


def _densify(signatures: U64) -> U64:
    empty = signatures == EMPTY
    if not empty.any():
        return signatures
    count_docs = signatures.shape[0]
    # Index of the next non-empty bin to the right, circularly: scan a doubled row from the end.
    positions = np.arange(2 * NUM_BINS, dtype=np.int64)
    doubled_empty = np.concatenate([empty, empty], axis=1)
    candidates = np.where(doubled_empty, 4 * NUM_BINS, positions)
    next_full = np.minimum.accumulate(candidates[:, ::-1], axis=1)[:, ::-1][:, :NUM_BINS]
    all_empty = empty.all(axis=1)
    next_full[all_empty] = positions[:NUM_BINS]
    source = next_full % NUM_BINS
    distance = (next_full - positions[:NUM_BINS]).astype(np.uint64)
    borrowed = signatures[np.arange(count_docs)[:, None], source]
    with np.errstate(over="ignore"):
        shifted = (borrowed + distance * _ROTATION_STEP) & _VALUE_MASK
    dense = np.where(empty, shifted, signatures)
    dense[all_empty] = EMPTY
    return dense


def signatures(texts: list[str]) -> U64:
    """MinHash signatures of raw texts (normalized and shingled for matching)."""
    hashes, doc_index = shingle_hashes(texts)
    return signatures_from_hashes(hashes, doc_index, len(texts))


def band_keys(signatures: U64) -> npt.NDArray[np.int64]:
    """(count_docs, BANDS) signed 64-bit keys, one per band; equal keys = colliding band.

    The band number is hashed in, so one key column holds every band. Rows of documents
    without shingles must not be indexed (see `has_shingles`).
    """
    count_docs = signatures.shape[0]
    rows = signatures[:, : BANDS * ROWS_PER_BAND].reshape(count_docs, BANDS, ROWS_PER_BAND)
    keys = np.broadcast_to(np.arange(BANDS, dtype=np.uint64), (count_docs, BANDS)).copy()
    for row in range(ROWS_PER_BAND):
        keys = mix64(keys ^ rows[:, :, row])
    return keys.view(np.int64)


def has_shingles(signatures: U64) -> npt.NDArray[np.bool_]:
    """True for the documents that had at least one shingle."""
    return signatures[:, 0] != EMPTY


def compact(signatures: U64) -> U32:
    """The stored form of signatures: the low 32 bits of each bin (equal bins stay equal)."""
    return (signatures & np.uint64(0xFFFFFFFF)).astype(np.uint32)


def estimated_jaccard(
    signatures: U32, left: I64, right: I64, chunk: int = 100_000
) -> npt.NDArray[np.float64]:
    """Fraction of equal bins of rows left[i] and right[i] of `signatures`: estimates Jaccard."""
    out = np.empty(left.size, dtype=np.float64)
    for start in range(0, left.size, chunk):
        stop = start + chunk
        equal = signatures[left[start:stop]] == signatures[right[start:stop]]
        out[start:stop] = np.count_nonzero(equal, axis=1) / signatures.shape[1]
    return out
