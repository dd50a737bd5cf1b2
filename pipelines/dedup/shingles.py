"""Matching-only text normalization (Arabic and English) and character-shingle hashes."""

from __future__ import annotations

import unicodedata

import numpy as np
import numpy.typing as npt
from numba import njit

from pipelines.arabic import HAMZA_SEAT_FOLDS, LETTER_FOLDS, TATWEEL

SHINGLE_CHARS = 5
# Multiplier of the polynomial window hash (odd, 64-bit) and the splitmix64 finalizer constants.
_POLY = np.uint64(0x100000001B3)
_MIX_1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2 = np.uint64(0x94D049BB133111EB)
_SHIFT_1, _SHIFT_2, _SHIFT_3 = np.uint64(30), np.uint64(27), np.uint64(31)

_LETTER_VARIANTS = LETTER_FOLDS | HAMZA_SEAT_FOLDS  # pipelines/arabic.py: hamza seats too
_SPACE = 0x20
_DELETE = 0xFFFFFFFF
_BMP = 0x10000

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]
U32 = npt.NDArray[np.uint32]


def _code_map() -> U32:
    """Per BMP code point: its matching form (one code point), _SPACE, or _DELETE."""
    table = np.full(_BMP, _SPACE, dtype=np.uint32)
    for code in range(_BMP):
        char = chr(code)
        if char == TATWEEL or unicodedata.category(char)[0] == "M":  # every Arabic mark too
            table[code] = _DELETE
        elif char in _LETTER_VARIANTS:
            table[code] = ord(_LETTER_VARIANTS[char])
        elif unicodedata.category(char)[0] == "N" and unicodedata.decimal(char, None) is not None:
            table[code] = ord(str(unicodedata.decimal(char)))
        elif char.isalnum():
            folded = char.casefold()
            table[code] = ord(folded) if len(folded) == 1 else code
    return table


_CODE_MAP = _code_map()


def normalized_codes(texts: list[str]) -> tuple[U32, I64]:
    """Matching form of each text as code points, concatenated, and the length of each.

    Compatibility forms (NFKC), case, Arabic letter variants (alef forms, alef maqsura, ta
    marbuta, hamza seats), Arabic-Indic digits, diacritics and tatweel are folded, everything
    that is not a letter or digit becomes one space, and each text is stripped. Matching only.
    """
    texts = [
        t if unicodedata.is_normalized("NFKC", t) else unicodedata.normalize("NFKC", t)
        for t in texts
    ]
    raw = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    doc = np.repeat(np.arange(len(texts), dtype=np.int64), [len(t) for t in texts])
    codes = np.where(raw < _BMP, _CODE_MAP[np.minimum(raw, _BMP - 1)], np.uint32(_SPACE))
    kept = codes != _DELETE
    codes, doc = codes[kept], doc[kept]
    # Leading spaces and repeated spaces go, then the (single) trailing space.
    space = codes == _SPACE
    first = _boundaries(doc)
    repeated = np.zeros(codes.size, dtype=bool)
    repeated[1:] = space[1:] & space[:-1]
    kept = ~(space & (first | repeated))
    codes, doc = codes[kept], doc[kept]
    last = np.ones(codes.size, dtype=bool)
    last[:-1] = _boundaries(doc)[1:]
    kept = ~((codes == _SPACE) & last)
    codes, doc = codes[kept], doc[kept]
    return codes, np.bincount(doc, minlength=len(texts)).astype(np.int64)


def _boundaries(doc: I64) -> npt.NDArray[np.bool_]:
    """True where a new text starts in a concatenation."""
    first = np.ones(doc.size, dtype=bool)
    first[1:] = doc[1:] != doc[:-1]
    return first


def normalize_for_matching(text: str) -> str:
    """The matching form of one text (see `normalized_codes`), as a string."""
    codes, _ = normalized_codes([text])
    return codes.astype("<u4").tobytes().decode("utf-32-le")


def mix64(values: U64) -> U64:
    """splitmix64 finalizer: spreads every input bit over the 64 output bits (wraps mod 2^64)."""
    z = values.copy()
    scratch = np.empty_like(z)
    with np.errstate(over="ignore"):
        for shift, factor in ((_SHIFT_1, _MIX_1), (_SHIFT_2, _MIX_2), (_SHIFT_3, None)):
            np.right_shift(z, shift, out=scratch)
            np.bitwise_xor(z, scratch, out=z)
            if factor is not None:
                np.multiply(z, factor, out=z)
    return z


def shingle_hashes(texts: list[str], k: int = SHINGLE_CHARS) -> tuple[U64, I64]:
    """64-bit hashes of every k-character window of each text's matching form, concatenated.

    Returns (hashes, doc_index): doc_index[i] is the position in `texts` of hashes[i]. Each
    non-empty text is padded with k - 1 spaces, so a text shorter than k still has a shingle;
    an empty one has none.
    """
    codes, lengths = normalized_codes(texts)
    # Allocated here: numpy's `minimum.at` on arrays numba allocated ran 10 times slower.
    hashes = np.empty(lengths.sum(), dtype=np.uint64)
    doc_index = np.empty(lengths.sum(), dtype=np.int64)
    _window_hashes(codes, lengths, k, hashes, doc_index)
    return hashes, doc_index


@njit(cache=True, nogil=True)
def _window_hashes(codes: U32, lengths: I64, k: int, hashes: U64, doc_index: I64) -> None:
    """Polynomial hash of each window, through the splitmix64 finalizer (`mix64`), in one
    compiled pass: numpy needed a temporary array per step (a third of the signature stage)."""
    space, shift_1, shift_2, shift_3 = np.uint64(_SPACE), _SHIFT_1, _SHIFT_2, _SHIFT_3
    at, begin = 0, 0
    for doc in range(len(lengths)):
        size = lengths[doc]
        for start in range(size):
            value = np.uint64(0)
            for offset in range(start, start + k):
                code = np.uint64(codes[begin + offset]) if offset < size else space
                value = value * _POLY + code
            value ^= value >> shift_1
            value *= _MIX_1
            value ^= value >> shift_2
            value *= _MIX_2
            value ^= value >> shift_3
            hashes[at] = value
            doc_index[at] = doc
            at += 1
        begin += size


def shingle_set(text: str, k: int = SHINGLE_CHARS) -> U64:
    """Sorted distinct shingle hashes of one text (for exact Jaccard)."""
    hashes, _ = shingle_hashes([text], k)
    return np.unique(hashes)


def jaccard(left: U64, right: U64) -> float:
    """|A ∩ B| / |A ∪ B| of two sorted distinct hash arrays; 0.0 when both are empty."""
    if left.size == 0 and right.size == 0:
        return 0.0
    common = np.intersect1d(left, right, assume_unique=True).size
    return common / (left.size + right.size - common)
