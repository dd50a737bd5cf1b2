"""One-permutation MinHash signatures (with densification) and LSH band keys, vectorized.

Classic MinHash hashes every shingle once per permutation (512 passes here); one-permutation
hashing (Li, Owen & Zhang 2012) hashes it once, splits the hash range into NUM_BINS bins and keeps
the minimum per bin. Empty bins (short texts) borrow the next non-empty bin's minimum, shifted by
the distance ("rotation" densification, Shrivastava & Li 2014), so two texts collide in a bin with
probability close to their Jaccard similarity.

One 512-bin signature serves twice: its first BANDS x ROWS_PER_BAND bins make the LSH band keys,
and all 512 bins, stored as their low 4 bits (b-bit MinHash, Li & Koenig 2010: 256 bytes an
article), estimate Jaccard without reading the bodies again: sd ~0.02 at J 0.75, the same as
full-width bins there, at a sixteenth of the bytes the candidate lookup has to read.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from pipelines.dedup.shingles import I64, U64, mix64, shingle_hashes

BIN_BITS = 9
NUM_BINS = 1 << BIN_BITS
# 40 bands of 6 bins, a candidate shares >= 1 band: p = 1 - (1 - J^6)^40 = 0.9996 at J = 0.75,
# 0.993 at 0.7, 0.16 at 0.4, 4e-5 at 0.1, 6e-7 at 0.05. Character 5-grams of unrelated text in
# one language share a background of common shingles (J 0.03-0.08), and over a large warehouse
# those pairs are many: six rows per band instead of five cut them ~14x at J = 0.05 for the same
# recall at the threshold (docs/stages/dedup.md).
BANDS = 40
ROWS_PER_BAND = 6
# Version of the band keys and stored signatures; articles indexed by another version are
# re-indexed once (their stored signature has another length).
INDEX_VERSION = 2
EMPTY = np.uint64(np.iinfo(np.uint64).max)
_VALUE_BITS = np.uint64(64 - BIN_BITS)
_VALUE_MASK = np.uint64((1 << (64 - BIN_BITS)) - 1)
_ROTATION_STEP = np.uint64(0x9E3779B97F4A7C15)
F64 = npt.NDArray[np.float64]
U8 = npt.NDArray[np.uint8]
STORED_BITS = 4
_CHANCE = 1 / (1 << STORED_BITS)  # two unequal bins agree on their low bits by chance


def _bin_minima(hashes: U64, doc_index: I64, count_docs: int) -> U64:
    """(count_docs, NUM_BINS) minimum per bin; EMPTY where a document has no shingle in it."""
    minima = np.full(count_docs * NUM_BINS, EMPTY, dtype=np.uint64)
    bins = (hashes >> _VALUE_BITS).astype(np.int64)
    np.minimum.at(minima, doc_index * NUM_BINS + bins, hashes & _VALUE_MASK)
    return minima.reshape(count_docs, NUM_BINS)


def _densify(signatures: U64) -> U64:
    empty = signatures == EMPTY
    if not empty.any():
        return signatures
    count_docs = signatures.shape[0]
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
    return sketches(texts)[0]


def sketches(texts: list[str]) -> tuple[U64, I64]:
    """(signatures, filled bins) of raw texts.

    Filled bins hold a shingle of their own (the rest were densified): a text with fewer shingles
    than NUM_BINS has fewer independent bins, so its estimates are less precise.
    """
    hashes, doc_index = shingle_hashes(texts)
    minima = _bin_minima(hashes, doc_index, len(texts))
    filled = np.count_nonzero(minima != EMPTY, axis=1).astype(np.int64)
    return _densify(minima), filled


def stored_form(signatures: U64) -> U8:
    """The stored signature: the low STORED_BITS bits of each bin, two bins a byte."""
    nibbles = (signatures & np.uint64(0xF)).astype(np.uint8)
    return (nibbles[:, 0::2] << np.uint8(4)) | nibbles[:, 1::2]


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


def estimated_jaccard(stored: U8, left: I64, right: I64, chunk: int = 50_000) -> F64:
    """Jaccard estimated from rows left[i] and right[i] of stored signatures.

    The fraction p of equal 4-bit bins is J + (1 - J) / 16 in expectation, so J = (p - 1/16) /
    (1 - 1/16), clipped to [0, 1].
    """
    out = np.empty(left.size, dtype=np.float64)
    for start in range(0, left.size, chunk):
        stop = start + chunk
        differ = stored[left[start:stop]] ^ stored[right[start:stop]]
        equal = np.count_nonzero((differ & np.uint8(0xF0)) == 0, axis=1)
        equal += np.count_nonzero((differ & np.uint8(0x0F)) == 0, axis=1)
        out[start:stop] = equal / NUM_BINS
    return np.clip((out - _CHANCE) / (1 - _CHANCE), 0.0, 1.0)
