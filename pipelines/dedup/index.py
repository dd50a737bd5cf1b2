"""An article's near-duplicate index rows, as Arrow tables: its LSH band keys and its stored
signature. Arrow and NumPy only, so the map's worker processes never load Polars."""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from pipelines.dedup.minhash import band_keys, has_shingles, sketches, stored_form

BAND_COLUMNS = pa.schema([("article_id", pa.string()), ("band_key", pa.int64())])
SIGNATURE_COLUMNS = pa.schema([("article_id", pa.string()), ("signature", pa.binary())])


def index_tables(article_ids: list[str], bodies: list[str]) -> tuple[pa.Table, pa.Table]:
    """(band rows, signature rows) of the bodies that have any shingle.

    Band rows: one (article_id, band_key) per LSH band. Signature rows: (article_id, signature)
    with the stored signature as bytes: the filled-bin count (little-endian uint16), then the
    NUM_BINS 4-bit bins, two a byte.
    """
    sigs, filled = sketches(bodies)
    kept = has_shingles(sigs)
    keys = band_keys(sigs)[kept]
    ids = np.asarray(article_ids, dtype=object)[kept]
    bands = pa.table(
        {"article_id": np.repeat(ids, keys.shape[1]).tolist(), "band_key": keys.ravel()},
        schema=BAND_COLUMNS,
    )
    packed = stored_form(sigs[kept])
    counts = filled[kept].astype("<u2")
    stored = [count.tobytes() + row.tobytes() for count, row in zip(counts, packed, strict=True)]
    rows = pa.table({"article_id": ids.tolist(), "signature": stored}, schema=SIGNATURE_COLUMNS)
    return bands, rows
