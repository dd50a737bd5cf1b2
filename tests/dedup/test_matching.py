"""Matching normalization, shingles, MinHash bands and Jaccard verification: exact outputs."""

from __future__ import annotations

import numpy as np
import polars as pl

from pipelines.dedup.matching import (
    BAND_SCHEMA,
    CHECK_MARGIN,
    SIGNATURE_BYTES,
    band_rows,
    candidate_pairs,
    estimate_pairs,
    find_links,
    index_rows,
    similarities,
    triage_pairs,
    unpack_signatures,
    verify_pairs,
)
from pipelines.dedup.minhash import (
    BANDS,
    EMPTY,
    NUM_BINS,
    band_keys,
    estimated_jaccard,
    has_shingles,
    signatures,
    sketches,
    stored_form,
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
    assert all(len(sig) == SIGNATURE_BYTES for sig in rows["signature"])
    sigs = stored_form(signatures([STORY, edited, other]))
    estimate = estimated_jaccard(sigs, np.array([0, 0, 0]), np.array([0, 1, 2]))
    assert estimate[0] == 1.0 and 0.75 < estimate[1] < 1.0 and estimate[2] < 0.2
    exact = similarities([("a", "b")], {"a": STORY, "b": edited})[0]
    assert abs(estimate[1] - exact) < 0.06
    pairs = pl.DataFrame({"article_id": ["a", "a", "a"], "other_article_id": ["b", "c", "z"]})
    estimated = estimate_pairs(pairs, rows)
    assert estimated["estimate"].to_list()[:2] == [estimate[1], estimate[2]]
    assert estimated["estimate"][2] is None  # "z" has no stored signature
    # short texts fill few of the 512 bins (STORY ~250 shingles, "other" ~80): wider margins
    assert 150 < estimated["bins"][0] < 230 and 50 < estimated["bins"][1] < 90
    assert estimated["bins"][2] is None


def test_an_old_signature_format_counts_as_none() -> None:
    _, rows = index_rows(["a"], [STORY])
    matrix, filled, present = unpack_signatures([rows["signature"][0], b"\x00" * 512])
    assert present.tolist() == [True, False]
    assert filled.tolist() == [sketches([STORY])[1][0], 0]
    assert matrix.shape == (2, NUM_BINS // 2) and not matrix[1].any()


def test_triage_decides_far_from_the_threshold_and_checks_near_it() -> None:
    estimated = pl.DataFrame(
        {
            "article_id": ["a"] * 7,
            "other_article_id": ["b", "c", "d", "e", "f", "g", "h"],
            "estimate": [0.95, 0.75 + CHECK_MARGIN, 0.74, 0.66, None, 0.85, 0.62],
            "bins": [NUM_BINS, NUM_BINS, NUM_BINS, NUM_BINS, None, 100, 100],
        }
    )
    links, unsure = triage_pairs(estimated, threshold=0.75)
    assert links.rows() == [("a", "b", 0.95), ("a", "c", 0.83)]
    # "e" is dropped by its estimate; "g" and "h" are short texts (100 filled bins: margin 0.17)
    assert unsure.rows() == [("a", "d"), ("a", "f"), ("a", "g"), ("a", "h")]


def test_find_links_decides_like_the_pipeline() -> None:
    edited = STORY.replace("Monday", "Tuesday")
    other = "Completely unrelated text about the football league results and the weather."
    links, counts = find_links(["a", "b", "c"], [STORY, edited, other], threshold=0.8)
    assert links.select("article_id", "other_article_id").rows() == [("a", "b")]
    assert counts == {"candidates": 1, "estimated": 1, "checked": 0}


def test_crowded_buckets_pair_each_article_with_its_window_only() -> None:
    crowded = pl.DataFrame(
        {"article_id": [f"a{i}" for i in range(7)], "band_key": [42] * 7}, schema=BAND_SCHEMA
    )
    small = pl.DataFrame({"article_id": ["a0", "z"], "band_key": [7, 7]}, schema=BAND_SCHEMA)
    pairs = candidate_pairs(pl.concat([crowded, small]), window=2)
    assert pairs.rows() == [
        ("a0", "a1"), ("a0", "a2"), ("a0", "z"),
        ("a1", "a2"), ("a1", "a3"),
        ("a2", "a3"), ("a2", "a4"),
        ("a3", "a4"), ("a3", "a5"),
        ("a4", "a5"), ("a4", "a6"),
        ("a5", "a6"),
    ]  # fmt: skip
    assert candidate_pairs(crowded, window=6).height == 21  # a bucket within the window: all
