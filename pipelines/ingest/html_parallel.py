"""Extract pages on several processes, in order, with a bounded number of pages in flight.

Readers yield a stream of items: a page to extract ((bytes, PageContext)) or a record that is
already final (a rejected WARC record, say). Items are grouped in chunks; the first chunk is
extracted in-process when the stream ends within it (small dumps never pay for spawning
workers), otherwise chunks go to a process pool, at most 2 x workers chunks at a time, so
memory stays flat however large the archive is.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import partial
from itertools import chain, islice
from typing import Final

from pipelines.ingest.html_extract import (
    EXTRACTOR_VERSIONS,
    PageContext,
    extract_page,
    html_extractor,
    page_summary,
    quiet_extractor_logs,
)
from pipelines.ingest.records import RawRecord, rejected
from pipelines.parallel import ordered_map
from pipelines.reject_reasons import EMPTY_EXTRACTION

Page = tuple[bytes, PageContext]
Item = RawRecord | Page
HTML_WORKERS_ENV: Final = "NEWS_HTML_WORKERS"
CHUNK_ITEMS: Final = 32


def html_workers() -> int:
    """NEWS_HTML_WORKERS, else one process per core."""
    return max(1, int(os.environ.get(HTML_WORKERS_ENV) or os.cpu_count() or 1))


def _safe_extract(payload: bytes, context: PageContext, extractor: str) -> RawRecord:
    try:
        return extract_page(payload, context, extractor)
    except Exception as exc:  # lxml/trafilatura on hostile markup: one page, not the dump
        summary = page_summary(context, len(payload))
        detail = f"extractor failed: {type(exc).__name__}: {exc}"[:500]
        record = rejected(context.locator, summary, EMPTY_EXTRACTION, detail)
        record.extractor_version = EXTRACTOR_VERSIONS[extractor]
        return record


def process_chunk(items: list[Item], extractor: str | None = None) -> list[RawRecord]:
    """Final records for a chunk of items, in order."""
    quiet_extractor_logs()  # in a worker too (a shared pool has no per-stage initializer)
    name = html_extractor(extractor)
    return [item if isinstance(item, RawRecord) else _safe_extract(*item, name) for item in items]


def extract_stream(
    items: Iterable[Item], workers: int | None = None, extractor: str | None = None
) -> Iterator[RawRecord]:
    """Every item as a final RawRecord, in input order. `extractor`: None reads
    NEWS_HTML_EXTRACTOR here, in the reading process (workers forked earlier do not see a
    later change of the environment), and an unknown name fails before any page is read."""
    quiet_extractor_logs()
    workers = html_workers() if workers is None else workers
    process = partial(process_chunk, extractor=html_extractor(extractor))
    iterator = iter(items)
    first = list(islice(iterator, CHUNK_ITEMS))
    following = list(islice(iterator, CHUNK_ITEMS))
    if workers <= 1 or not following:
        yield from process(first)
        for chunk in chain([following], _chunks(iterator)):
            yield from process(chunk)
        return
    chunks = (chunk for chunk in chain([first, following], _chunks(iterator)) if chunk)
    for records in ordered_map(process, chunks, workers):
        yield from records


def _chunks(iterator: Iterator[Item]) -> Iterator[list[Item]]:
    while chunk := list(islice(iterator, CHUNK_ITEMS)):
        yield chunk
