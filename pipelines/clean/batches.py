"""Clean a batch of validated raw records into the staging layout (text, date, language, id)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import pyarrow as pa

from pipelines.clean import clean_article, detect_languages
from pipelines.clean.published import resolve_published_at
from pipelines.dedup.identity import canonical_url, content_hash, make_article_id

PLAIN_TEXT_FORMATS = frozenset({"text", "text_list"})
PAGE_FORMATS = frozenset({"html", "warc"})  # raw_record is a JSON locator of the page
_PAGE_FIELDS = ("title", "url", "published_at_raw", "published_at_source", "language", "authors",
                "source")  # fmt: skip
_PAGE_BODY_CHARS = 500  # of an HTML page's body in its empty_after_cleaning quarantine row
STAGING_SCHEMA = pa.schema(
    [
        ("dump_file", pa.string()),
        ("record_index", pa.int64()),
        ("record_locator", pa.string()),
        ("article_id", pa.string()),
        ("url", pa.string()),
        ("canonical_url", pa.string()),
        ("source", pa.string()),
        ("title", pa.string()),
        ("body", pa.string()),
        ("language", pa.string()),
        ("published_at", pa.timestamp("us", tz="UTC")),
        ("published_at_raw", pa.string()),
        ("published_at_source", pa.string()),
        ("published_at_confidence", pa.float64()),
        ("is_published_at_ambiguous", pa.bool_()),
        ("content_hash", pa.string()),
        ("authors", pa.string()),
        ("cleaning_removed", pa.list_(pa.string())),
        ("seen_at", pa.timestamp("us", tz="UTC")),
    ]
)


@dataclass
class CleanedBatch:
    """Staging rows, quarantine rows and what cleaning removed, for one batch."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    rejections: list[dict[str, object]] = field(default_factory=list)
    removed: Counter[str] = field(default_factory=Counter)
    seen_at: datetime | None = None

    def table(self) -> pa.Table:
        return pa.Table.from_pylist(self.rows, schema=STAGING_SCHEMA)


def clean_records(records: list[dict[str, Any]], dump_file: str) -> CleanedBatch:
    """Clean each validated record; one whose body is empty after cleaning is rejected."""
    batch = CleanedBatch(seen_at=records[0]["ingested_at"] if records else None)
    date_evidence: list[tuple[str | None, str | None, str | None]] = []
    for record in records:
        cleaned = clean_article(
            title=record["title"],
            body=record["body"],
            published_at_raw=record["published_at_raw"],
            is_plain_text=record["dump_format"] in PLAIN_TEXT_FORMATS,
        )
        batch.removed.update(cleaned.removed)
        if not cleaned.body:
            batch.rejections.append(
                {
                    "record_index": record["record_index"],
                    "record_locator": record["record_locator"],
                    "reject_reason": "empty_after_cleaning",
                    "reject_detail": "nothing but boilerplate or artefacts was left of the body "
                    f"(removed: {', '.join(cleaned.removed) or 'nothing'})",
                    "raw_record": _rejected_raw_record(record),
                }
            )
            continue
        # the publication date is resolved below, once the language is known
        date_evidence.append(
            (record["published_at_raw"], record.get("published_at_source"), cleaned.date_line)
        )
        canonical = canonical_url(record["url"])
        body_hash = content_hash(cleaned.body)
        batch.rows.append(
            {
                "dump_file": dump_file,
                "record_index": record["record_index"],
                "record_locator": record["record_locator"],
                "article_id": make_article_id(canonical, body_hash),
                "url": record["url"],
                "canonical_url": canonical,
                "source": record["source"] or _host(canonical),
                "title": cleaned.title,
                "body": cleaned.body,
                "language": _declared(record["language"]),  # until detected below
                "content_hash": body_hash,
                "authors": record["authors"],
                "cleaning_removed": list(cleaned.removed),
                "seen_at": record["ingested_at"],
            }
        )
    detected = detect_languages([row["body"] for row in batch.rows])
    for row, language, evidence in zip(batch.rows, detected, date_evidence, strict=True):
        row["language"] = language or row["language"]
        record_date, record_date_source, date_line = evidence
        published = resolve_published_at(
            record_date=record_date,
            record_date_source=record_date_source,
            date_line=date_line,
            url=row["url"],
            language=row["language"],
            source=_host(row["canonical_url"]),
        )
        row["published_at"] = published.value
        row["published_at_raw"] = published.raw
        row["published_at_source"] = published.source
        row["published_at_confidence"] = published.confidence
        row["is_published_at_ambiguous"] = published.is_ambiguous
    return batch


def _rejected_raw_record(record: dict[str, Any]) -> str:
    """The body, or for an HTML page its locator with the page's fields under "page" and the
    start of the body last, so a page without article text keeps its date and metadata in its
    quarantine row, whole within the 2,000 characters the published snapshot keeps."""
    if record["dump_format"] not in PAGE_FORMATS:
        return str(record["body"])
    try:
        summary = json.loads(record.get("raw_record") or "{}")
    except (TypeError, ValueError):
        summary = {}
    page = {name: record.get(name) for name in _PAGE_FIELDS if record.get(name)}
    body = str(record["body"] or "")[:_PAGE_BODY_CHARS]
    return json.dumps({**summary, "page": page, "body": body}, ensure_ascii=False)


def _host(url: str | None) -> str | None:
    if not url:
        return None
    return url.split("://", 1)[-1].split("/", 1)[0] or None


def _declared(language: str | None) -> str | None:
    if language and len(language.strip()) >= 2:
        return language.strip()[:2].lower()
    return None
