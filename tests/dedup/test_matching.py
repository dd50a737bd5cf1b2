"""Matching normalization, shingles, MinHash bands and Jaccard verification: exact outputs."""

from __future__ import annotations

import numpy as np
import polars as pl

from pipelines.dedup.matching import (
    band_rows,
    candidate_pairs,
    find_links,
    index_rows,
    prefilter_pairs,
    similarities,
    verify_pairs,
)
from pipelines.dedup.minhash import (
    BANDS,
    EMPTY,
    NUM_BINS,
    band_keys,
    compact,
    estimated_jaccard,
    has_shingles,
    signatures,
)
from pipelines.dedup.shingles import jaccard, normalize_for_matching, shingle_hashes, shingle_set

STORY = (
    "The city council approved the new river bridge on Monday after a long debate. "
    "Construction is expected to start next spring and last two years, officials said. "
    "The bridge will link the old harbour district with the new business park in the north."
)


def test_normalize_folds_arabic_variants_diacritics_tatweel_and_punctuation() -> None:
    assert normalize_for_matching("  Hello,  WORLD!! ") == "hello world"
    assert normalize_for_matching("أحمد إلى مدرسةٌ الـــعربية ٣٤") == "احمد الي مدرسه العربيه 34"
    assert normalize_for_matching("ﻻ") == "لا"  # presentation form (NFKC)
    assert normalize_for_matching("...") == ""


def test_shingles_of_short_and_empty_texts() -> None:
    hashes, doc_index = shingle_hashes(["ab", "", "abcdef"])
    # each non-empty text is padded with 4 spaces: one window per character; "" has none
    assert doc_index.tolist() == [0, 0, 2, 2, 2, 2, 2, 2]
    assert len(set(hashes.tolist())) == 8


def test_spelling_variants_have_identical_shingles() -> None:
    assert np.array_equal(shingle_set("إلى المدرسة"), shingle_set("الى  المدرسه!"))


def test_jaccard() -> None:
    a = np.array([1, 2, 3, 4], dtype=np.uint64)
    b = np.array([3, 4, 5], dtype=np.uint64)
    assert jaccard(a, b) == 0.4
    assert jaccard(a[:0], b[:0]) == 0.0


def test_signatures_equal_for_equal_matching_forms_and_empty_rows_flagged() -> None:
    sigs = signatures([STORY, STORY.upper() + " !!", "", "tiny"])
    assert np.array_equal(sigs[0], sigs[1])
    assert has_shingles(sigs).tolist() == [True, True, False, True]
    assert (sigs[2] == EMPTY).all() and (sigs[3] != EMPTY).all()  # short text densified
    keys = band_keys(sigs)
    assert keys.shape == (4, BANDS) and np.array_equal(keys[0], keys[1])


def test_candidates_and_verification() -> None:
    edited = STORY.replace("Monday", "Tuesday")
    other = "Completely unrelated text about the football league results and the weather."
    bands = band_rows(["a", "b", "c", "d"], [STORY, edited, other, ""])
    assert bands.filter(pl.col("article_id") == "d").is_empty()
    pairs = candidate_pairs(bands)
    assert pairs.rows() == [("a", "b")]
    bodies = {"a": STORY, "b": edited, "c": other}
    links = verify_pairs(
        pl.DataFrame({"article_id": ["a", "a"], "other_article_id": ["b", "c"]}),
        bodies,
        threshold=0.8,
    )
    assert links["other_article_id"].to_list() == ["b"]
    assert 0.9 < links["similarity"][0] < 1.0
    assert similarities([("a", "c")], bodies)[0] < 0.1


def test_signature_rows_and_estimate() -> None:
    edited = STORY.replace("Monday", "Tuesday")
    other = "Completely unrelated text about the football league results and the weather."
    _, rows = index_rows(["a", "b", "c", "d"], [STORY, edited, other, ""])
    assert rows["article_id"].to_list() == ["a", "b", "c"]  # no signature for an empty body
    assert all(len(sig) == 4 * NUM_BINS for sig in rows["signature"])
    sigs = compact(signatures([STORY, edited, other]))
    estimate = estimated_jaccard(sigs, np.array([0, 0, 0]), np.array([0, 1, 2]))
    assert estimate[0] == 1.0 and 0.75 < estimate[1] < 1.0 and estimate[2] < 0.2
    pairs = pl.DataFrame({"article_id": ["a", "a", "a"], "other_article_id": ["b", "c", "z"]})
    kept = prefilter_pairs(pairs, rows, 0.6)
    # "c" is dropped by its estimate; "z" has no stored signature and goes to the exact check
    assert kept.rows() == [("a", "b"), ("a", "z")]
    links, counts = find_links(["a", "b", "c"], [STORY, edited, other], threshold=0.8)
    assert links.select("article_id", "other_article_id").rows() == [("a", "b")]
    assert counts == {"candidates": 1, "verified": 1}
