"""Entity mentions of article batches as Arrow tables, on several processes for big dumps."""

from __future__ import annotations

import atexit
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import cache
from typing import Any

import pyarrow as pa

from pipelines.enrich.entities.extract import Entity, Mention, extract_texts, merge_person_aliases

MENTION_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()), ("entity_id", pa.string()), ("field", pa.string()),
        ("surface", pa.string()), ("start_char", pa.int32()), ("end_char", pa.int32()),
        ("entity_type", pa.string()), ("confidence", pa.float64()), ("extractor", pa.string()),
        ("model_version", pa.string()),
    ]
)  # fmt: skip
ENTITY_SCHEMA = pa.schema(
    [
        ("entity_id", pa.string()), ("entity_type", pa.string()), ("name", pa.string()),
        ("name_ar", pa.string()), ("country_code", pa.string()), ("geonames_id", pa.int64()),
        ("latitude", pa.float64()), ("longitude", pa.float64()), ("is_linked", pa.bool_()),
    ]
)  # fmt: skip
Tables = tuple[pa.Table, pa.Table]
LINKED_PREFIXES = ("iso:", "geonames:", "cldr:")


def entity_tables(records: list[dict[str, Any]]) -> Tables:
    """(mentions, entities) of articles given as {article_id, title, body, language} dicts."""
    mentions: list[dict[str, Any]] = []
    entities: dict[str, dict[str, Any]] = {}
    items = [
        (index, (record[field], record.get("language"), field))
        for index, record in enumerate(records)
        for field in ("title", "body")
        if record.get(field)
    ]
    found: list[list[Mention]] = [[] for _ in records]
    for (index, _), text_mentions in zip(items, extract_texts([i for _, i in items]), strict=True):
        found[index].extend(text_mentions)
    for record, record_mentions in zip(records, found, strict=True):
        for mention in merge_person_aliases(record_mentions):
            entity = mention.entity
            mentions.append(
                {
                    "article_id": record["article_id"], "entity_id": entity.entity_id,
                    "field": mention.field, "surface": mention.surface,
                    "start_char": mention.start_char, "end_char": mention.end_char,
                    "entity_type": mention.entity_type, "confidence": mention.confidence,
                    "extractor": mention.extractor, "model_version": mention.model_version,
                }
            )  # fmt: skip
            entities.setdefault(entity.entity_id, _entity_row(entity))
    return (
        pa.Table.from_pylist(mentions, schema=MENTION_SCHEMA),
        pa.Table.from_pylist(list(entities.values()), schema=ENTITY_SCHEMA),
    )


def _entity_row(entity: Entity) -> dict[str, Any]:
    return {
        "entity_id": entity.entity_id, "entity_type": entity.entity_type, "name": entity.name,
        "name_ar": entity.name_ar, "country_code": entity.country_code,
        "geonames_id": entity.geonames_id, "latitude": entity.latitude,
        "longitude": entity.longitude, "is_linked": entity.entity_id.startswith(LINKED_PREFIXES),
    }  # fmt: skip


@cache
def _pool(workers: int) -> ProcessPoolExecutor:
    """One pool per process, kept across dumps: each worker loads models and gazetteer once."""
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
    atexit.register(pool.shutdown, cancel_futures=True)
    return pool


def entity_table_batches(batches: Iterable[list[dict[str, Any]]], workers: int) -> Iterator[Tables]:
    """Tables in input order; `workers` > 1 spreads batches over worker processes."""
    if workers <= 1:
        for records in batches:
            yield entity_tables(records)
        return
    pool = _pool(workers)
    in_flight: deque[Future[Tables]] = deque()
    for records in batches:
        in_flight.append(pool.submit(entity_tables, records))
        if len(in_flight) >= 2 * workers:
            yield in_flight.popleft().result()
    while in_flight:
        yield in_flight.popleft().result()
