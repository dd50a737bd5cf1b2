"""Ingest: discover news-article dumps and stream them as raw records (pure Python)."""

from pipelines.ingest.discover import discover_dumps
from pipelines.ingest.mapping import map_fields
from pipelines.ingest.reader import DumpReader, open_dump
from pipelines.ingest.records import RAW_FIELDS, DumpSource, RawRecord

__all__ = [
    "RAW_FIELDS",
    "DumpReader",
    "DumpSource",
    "RawRecord",
    "discover_dumps",
    "map_fields",
    "open_dump",
]
