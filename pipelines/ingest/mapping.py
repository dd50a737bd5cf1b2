"""Map scraper-specific record schemas onto the raw article fields."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from pipelines.ingest.records import RAW_FIELDS

# Normalized key names per field, highest priority first.
ALIASES: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "body": ("maintext", "content", "text", "body", "article", "article_text"),
    "url": ("url", "link", "href", "canonical_url"),
    "published_at_raw": (
        "date_publish",
        "publish_date",
        "published_at",
        "date_published",
        "publication_date",
        "pub_date",
        "published",
        "pubdate",
        "date",
        "datetime",
    ),
    "language": ("language", "lang"),
    "authors": ("authors", "author", "byline"),
    "source": ("source", "source_domain", "site", "publisher", "outlet"),
}
# Crawl timestamps: only a stand-in when no real publication date exists.
CRAWL_DATE_ALIASES = ("date_extracted",)

_CRAWL = "_crawl_date"
# normalized key -> (field, rank); lower rank wins
_FIELD_OF: dict[str, tuple[str, int]] = {
    alias: (field, rank) for field, keys in ALIASES.items() for rank, alias in enumerate(keys)
}
_FIELD_OF.update({alias: (_CRAWL, rank) for rank, alias in enumerate(CRAWL_DATE_ALIASES)})
KNOWN_KEYS = frozenset(_FIELD_OF)

_KEY_SEP = re.compile(r"[\s\-.]+")


@lru_cache(maxsize=8192)
def normalize_key(key: str) -> str:
    """'Published At' / 'published-at' / ' PUBLISHED_AT ' -> 'published_at'."""
    return _KEY_SEP.sub("_", key.strip().lower())


def _as_text(value: Any, *, join_lists: bool) -> tuple[bool, str | None]:
    """(usable, text). Unusable values (nested structures) are kept in extra instead."""
    if value is None:
        return True, None
    if isinstance(value, str):
        return True, value if value.strip() else None
    if isinstance(value, bool | int | float):
        return True, str(value)
    if isinstance(value, list | tuple) and join_lists:
        if not all(v is None or isinstance(v, str | int | float) for v in value):
            return False, None
        parts = [str(v).strip() for v in value if v is not None and str(v).strip()]
        return True, "; ".join(parts) if parts else None
    if isinstance(value, list | tuple | dict):
        return False, None
    return True, str(value)


def _pick(
    obj: Mapping[Any, Any], keys: list[tuple[int, int, Any]], field: str
) -> tuple[str | None, list[Any]]:
    """First usable non-empty alias wins; empty aliases before it are consumed too."""
    consumed: list[Any] = []
    for _, _, key in sorted(keys):
        usable, text = _as_text(obj[key], join_lists=field == "authors")
        if not usable:
            continue
        consumed.append(key)
        if text is not None:
            return text, consumed
    return None, consumed


def map_fields(obj: Mapping[str, Any]) -> dict[str, str | None]:
    """Map one scraped record onto RAW_FIELDS plus "extra".

    Keys are matched case-insensitively (spaces, dots and hyphens count as "_"). Supported
    schemas: news-please (maintext, date_publish, source_domain, ...), SaudiNewsNet (content,
    date_extracted, author, source), newspaper (text, publish_date, authors) and common generic
    names. Priority follows the order in ALIASES, e.g. body: maintext > content > text > body >
    article.

    SaudiNewsNet's ``date_extracted`` is the crawl time, not the publication time: it is used as
    ``published_at_raw`` (with ``published_at_source`` = "crawl") only when no real
    publication-date key has a value; otherwise it stays in extra.

    Lists (authors) are joined with "; ", other scalars go through str(), empty strings become
    None. Nested objects/lists that cannot be a field value stay in extra. Every input key that
    is not consumed ends up in ``extra`` (a JSON object string, "{}" when nothing is left).
    """
    candidates: dict[str, list[tuple[int, int, Any]]] = {}
    for position, key in enumerate(obj):
        hit = _FIELD_OF.get(normalize_key(key)) if isinstance(key, str) else None
        if hit is not None:
            candidates.setdefault(hit[0], []).append((hit[1], position, key))

    result: dict[str, str | None] = dict.fromkeys(RAW_FIELDS)
    consumed: set[Any] = set()
    for field, keys in candidates.items():
        if field != _CRAWL:
            result[field], used = _pick(obj, keys, field)
            consumed.update(used)
    if result["published_at_raw"] is None and _CRAWL in candidates:
        result["published_at_raw"], used = _pick(obj, candidates[_CRAWL], "published_at_raw")
        consumed.update(used)
        if result["published_at_raw"] is not None:
            result["published_at_source"] = "crawl"  # provenance: a crawl time, not a publish date

    if len(consumed) == len(obj):
        result["extra"] = "{}"
    else:
        extra = {str(k): v for k, v in obj.items() if k not in consumed}
        result["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True, default=str)
    return result


def text_fields(body: str) -> dict[str, str | None]:
    """Fields for a bare article text (plain text file or serialized-list element)."""
    fields: dict[str, str | None] = dict.fromkeys(RAW_FIELDS)
    fields["body"] = body if body.strip() else None
    fields["extra"] = "{}"
    return fields
