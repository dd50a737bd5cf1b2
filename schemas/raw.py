"""Pandera contract for raw records: what a record needs before it may be cleaned and loaded."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl

from pipelines.ingest.formats import DUMP_FORMATS
from pipelines.reject_reasons import INVALID_PUBLISHED_AT, INVALID_URL, MISSING_BODY, TITLE_TOO_LONG

URL_PATTERN = r"^https?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$"
MAX_TITLE_CHARS = 2_000
MAX_URL_CHARS = 4_000
MAX_DATE_CHARS = 200

# Pandera check name -> machine-readable reject reason stored in quarantine.
REJECT_REASON_BY_CHECK = {
    "has_body": MISSING_BODY,
    "url_is_valid": INVALID_URL,
    "title_length_ok": TITLE_TOO_LONG,
    "published_at_raw_length_ok": INVALID_PUBLISHED_AT,
}


class RawRecordSchema(pa.DataFrameModel):
    """One record read from a dump and mapped to the raw schema."""

    dump_file: str = pa.Field(nullable=False)
    record_index: int = pa.Field(ge=0)
    record_locator: str = pa.Field(nullable=False)
    dump_format: str = pa.Field(isin=[f.name for f in DUMP_FORMATS])
    raw_record: str = pa.Field(nullable=False)
    title: str = pa.Field(nullable=True)
    body: str = pa.Field(nullable=True)
    url: str = pa.Field(nullable=True)
    published_at_raw: str = pa.Field(nullable=True)
    language: str = pa.Field(nullable=True)
    authors: str = pa.Field(nullable=True)
    source: str = pa.Field(nullable=True)
    extra: str = pa.Field(nullable=True)

    @pa.dataframe_check
    @classmethod
    def has_body(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("body").fill_null("").str.strip_chars().str.len_chars() > 0
        )

    @pa.dataframe_check
    @classmethod
    def url_is_valid(cls, data: pa.PolarsData) -> pl.LazyFrame:
        url = pl.col("url")
        return data.lazyframe.select(
            url.is_null() | (url.str.contains(URL_PATTERN) & (url.str.len_chars() <= MAX_URL_CHARS))
        )

    @pa.dataframe_check
    @classmethod
    def title_length_ok(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(
            pl.col("title").is_null() | (pl.col("title").str.len_chars() <= MAX_TITLE_CHARS)
        )

    @pa.dataframe_check
    @classmethod
    def published_at_raw_length_ok(cls, data: pa.PolarsData) -> pl.LazyFrame:
        raw = pl.col("published_at_raw")
        return data.lazyframe.select(raw.is_null() | (raw.str.len_chars() <= MAX_DATE_CHARS))

    class Config:
        strict = False
        coerce = False
