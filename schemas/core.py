"""Pandera contracts for the core and quarantine tables (checked by asset checks after loads)."""

from __future__ import annotations

import pandera.polars as pa
import polars as pl
from pandera.engines.polars_engine import DateTime

from pipelines.reject_reasons import STAGES
from schemas.raw import URL_PATTERN

ARTICLE_ID_PATTERN = r"^[uc]_[0-9a-f]{20}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"


class ArticleSchema(pa.DataFrameModel):
    """core.articles: one row per distinct article."""

    article_id: str = pa.Field(unique=True, str_matches=ARTICLE_ID_PATTERN)
    url: str = pa.Field(nullable=True)
    canonical_url: str = pa.Field(nullable=True, str_matches=URL_PATTERN)
    source: str = pa.Field(nullable=True)
    title: str = pa.Field(nullable=True)
    body: str = pa.Field(str_length={"min_value": 1})
    language: str = pa.Field(nullable=True, str_length={"min_value": 2, "max_value": 3})
    published_at: DateTime = pa.Field(nullable=True, dtype_kwargs={"time_zone_agnostic": True})
    published_at_raw: str = pa.Field(nullable=True)
    content_hash: str = pa.Field(str_matches=SHA256_PATTERN)
    count_sightings: int = pa.Field(ge=1)

    @pa.dataframe_check
    @classmethod
    def last_seen_not_before_first(cls, data: pa.PolarsData) -> pl.LazyFrame:
        return data.lazyframe.select(pl.col("last_seen_at") >= pl.col("first_seen_at"))

    class Config:
        strict = False


class ArticleSightingSchema(pa.DataFrameModel):
    """core.article_sightings: one row per input record that became (or re-saw) an article."""

    article_id: str = pa.Field(str_matches=ARTICLE_ID_PATTERN)
    dump_file: str = pa.Field()
    record_index: int = pa.Field(ge=0)
    record_locator: str = pa.Field()

    class Config:
        strict = False


class RejectedRecordSchema(pa.DataFrameModel):
    """quarantine.rejected_records: one row per input record that could not become an article."""

    dump_file: str = pa.Field()
    record_index: int = pa.Field(ge=0)
    record_locator: str = pa.Field()
    stage: str = pa.Field(isin=list(STAGES))
    reject_reason: str = pa.Field(str_matches=r"^[a-z_]+$")
    reject_detail: str = pa.Field(str_length={"min_value": 1})

    class Config:
        strict = False
