"""Entity mentions of article batches as Arrow tables, on several processes for big dumps."""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

import pyarrow as pa

from pipelines.enrich.entities.extract import find_in_texts
from pipelines.enrich.entities.mentions import DroppedSpan, Entity, Mention, merge_person_aliases
from pipelines.parallel import ordered_map

MENTION_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()), ("entity_id", pa.string()), ("field", pa.string()),
        ("surface", pa.string()), ("start_char", pa.int32()), ("end_char", pa.int32()),
        ("entity_type", pa.string()), ("confidence", pa.float64()), ("extractor", pa.string()),
        ("model_version", pa.string()), ("unlinked_reason", pa.string()),
    ]
)  # fmt: skip
# Tagged spans a linking rule dropped (`drop_reason`: the rule's name, linking/reasons.py).
DROPPED_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()), ("field", pa.string()), ("surface", pa.string()),
        ("start_char", pa.int32()), ("end_char", pa.int32()), ("entity_type", pa.string()),
        ("confidence", pa.float64()), ("model_version", pa.string()), ("drop_reason", pa.string()),
    ]
)  # fmt: skip
ENTITY_SCHEMA = pa.schema(
    [
        ("entity_id", pa.string()), ("entity_type", pa.string()), ("name", pa.string()),
        ("name_ar", pa.string()), ("country_code", pa.string()), ("geonames_id", pa.int64()),
        ("latitude", pa.float64()), ("longitude", pa.float64()), ("is_linked", pa.bool_()),
    ]
)  # fmt: skip


class Tables(NamedTuple):
    """The entity tables of a batch of articles."""

    mentions: pa.Table
    entities: pa.Table
    dropped: pa.Table


def entity_tables(records: list[dict[str, Any]]) -> Tables:
    """(mentions, entities, dropped spans) of articles given as {article_id, title, body,
    language} dicts.

    The garbage collector pauses during a batch: it creates hundreds of thousands of small
    objects and hardly any reference cycles, and each collection would walk the per-word
    caches too (about a quarter of the time). In a pool worker what survives a batch (mostly
    cache entries) is then frozen out of later collections.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _entity_tables(records)
    finally:
        if paused:
            gc.enable()
            if multiprocessing.parent_process() is not None:
                gc.collect()  # only what is not frozen yet: this batch's survivors
                gc.freeze()


def _entity_tables(records: list[dict[str, Any]]) -> Tables:
    entities: dict[str, dict[str, Any]] = {}
    items = [
        (index, (record[field], record.get("language"), field))
        for index, record in enumerate(records)
        for field in ("title", "body")
        if record.get(field)
    ]
    found: list[list[Mention]] = [[] for _ in records]
    dropped: list[list[DroppedSpan]] = [[] for _ in records]
    for (index, _), text_found in zip(items, find_in_texts([i for _, i in items]), strict=True):
        found[index].extend(text_found.mentions)
        dropped[index].extend(text_found.dropped)
    columns: dict[str, list[Any]] = {name: [] for name in MENTION_SCHEMA.names}
    for record, record_mentions in zip(records, found, strict=True):
        merged = merge_person_aliases(record_mentions)
        columns["article_id"] += [record["article_id"]] * len(merged)
        for mention in merged:
            entity = mention.entity
            columns["entity_id"].append(entity.entity_id)
            if entity.entity_id not in entities:
                entities[entity.entity_id] = _entity_row(entity)
        for name in _MENTION_FIELDS:
            columns[name] += [getattr(m, name) for m in merged]
    drops = [
        {"article_id": record["article_id"], **_dropped_row(span)}
        for record, spans in zip(records, dropped, strict=True)
        for span in spans
    ]
    return Tables(
        pa.Table.from_pydict(columns, schema=MENTION_SCHEMA),
        pa.Table.from_pylist(list(entities.values()), schema=ENTITY_SCHEMA),
        pa.Table.from_pylist(drops, schema=DROPPED_SCHEMA),
    )


_MENTION_FIELDS = MENTION_SCHEMA.names[2:]  # the columns that are Mention fields


def _entity_row(entity: Entity) -> dict[str, Any]:
    return {
        "entity_id": entity.entity_id, "entity_type": entity.entity_type, "name": entity.name,
        "name_ar": entity.name_ar, "country_code": entity.country_code,
        "geonames_id": entity.geonames_id, "latitude": entity.latitude,
        "longitude": entity.longitude, "is_linked": entity.is_linked,
    }  # fmt: skip


def _dropped_row(span: DroppedSpan) -> dict[str, Any]:
    return {
        "field": span.field, "surface": span.surface, "start_char": span.start_char,
        "end_char": span.end_char, "entity_type": span.entity_type,
        "confidence": span.confidence, "model_version": span.model_version,
        "drop_reason": str(span.reason),
    }  # fmt: skip


def entity_table_batches(batches: Iterable[list[dict[str, Any]]], workers: int) -> Iterator[Tables]:
    """Tables in input order; `workers` > 1 spreads batches over worker processes."""
    return ordered_map(entity_tables, batches, workers)
