"""Publication date from all the evidence an article has, best first, with provenance.

Evidence order: the record's own date field ('field'), a date line at the top of a plain-text
article ('text'), HTML page metadata ('html'), a date in the URL ('url'), and the crawl time a
scraper recorded ('crawl'). The first that parses wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from pipelines.arabic import ASCII_DIGITS
from pipelines.clean.dates import parse_published_at
from schemas.contract import published_at_bounds

FIELD, TEXT, HTML, URL, CRAWL = "field", "text", "html", "url", "crawl"
# How much to trust each kind of evidence; an ambiguous day/month order halves it.
CONFIDENCE = {FIELD: 0.9, HTML: 0.9, TEXT: 0.8, URL: 0.6, CRAWL: 0.3}
# /2025/04/28/, /2025-04-28/ and a whole /20250428/ path segment
_URL_DATE_RES = (
    re.compile(
        r"/(?P<year>(?:19|20)\d{2})[/-](?P<month>0?[1-9]|1[0-2])[/-]"
        r"(?P<day>0?[1-9]|[12]\d|3[01])(?:[/\-_.]|$)"
    ),
    re.compile(r"/(?P<year>(?:19|20)\d{2})(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])/"),
)
_NUMERIC_DATE_RE = re.compile(
    r"(?<!\d)(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)\d{4}(?!\d)"
)
# Country-code domains whose English sites write the day first; other English sites are
# read month-first for "/" dates (04/05/2025 = April 5).
_DAY_FIRST_ENGLISH_TLDS = (
    ".uk",
    ".ie",
    ".au",
    ".nz",
    ".in",
    ".pk",
    ".za",
    ".ng",
    ".ke",
    ".sg",
    ".my",
    ".ae",
    ".sa",
    ".qa",
    ".kw",
    ".bh",
    ".om",
    ".eg",
    ".jo",
    ".lb",
)


@dataclass(frozen=True)
class PublishedAt:
    value: datetime | None
    raw: str | None
    source: str | None  # 'field' | 'text' | 'html' | 'url' | 'crawl'; None without evidence
    confidence: float | None
    is_ambiguous: bool  # day/month order could not be told apart (e.g. 04/05/2025)


NO_DATE = PublishedAt(None, None, None, None, False)


def is_month_first(language: str | None, source: str | None, raw: str) -> bool:
    """Month-first only for "/" dates of English sites outside the day-first countries."""
    if language != "en" or "/" not in raw:
        return False
    host = (source or "").lower().rstrip("/")
    return not host.endswith(_DAY_FIRST_ENGLISH_TLDS)


def is_ambiguous(raw: str) -> bool:
    """True when a numeric date reads as two different valid days (04/05/2025)."""
    match = _NUMERIC_DATE_RE.search(raw.translate(ASCII_DIGITS))
    if match is None:
        return False
    first, second = int(match["a"]), int(match["b"])
    return first != second and first <= 12 and second <= 12


def url_date(url: str | None) -> str | None:
    """The date in a URL's path (/YYYY/MM/DD/ or /YYYYMMDD/), as YYYY-MM-DD."""
    match = next(filter(None, (regex.search(url or "") for regex in _URL_DATE_RES)), None)
    if match is None:
        return None
    return f"{match['year']}-{int(match['month']):02d}-{int(match['day']):02d}"


def _parsed(raw: str, source: str, month_first: bool) -> PublishedAt | None:
    value = parse_published_at(raw, month_first=month_first)
    if value is None or not _plausible(value):
        return None
    ambiguous = source in (FIELD, TEXT, HTML, CRAWL) and is_ambiguous(raw)
    confidence = CONFIDENCE[source] / (2 if ambiguous else 1)
    return PublishedAt(value, raw, source, confidence, ambiguous)


def _plausible(value: datetime) -> bool:
    """Within the contract's bounds (schemas/contract.py), which the publication gate enforces:
    a date line, URL or page date outside them is no evidence, the next one is tried."""
    earliest, latest = published_at_bounds()
    aware = value if value.tzinfo else value.replace(tzinfo=UTC)
    return earliest <= aware <= latest


def resolve_published_at(
    *,
    record_date: str | None,
    record_date_source: str | None,
    date_line: str | None,
    url: str | None,
    language: str | None,
    source: str | None,
) -> PublishedAt:
    """The best-supported publication date (UTC; a time without zone is taken as UTC)."""
    kind = record_date_source or FIELD
    evidence = []
    if record_date and kind in (FIELD, HTML):
        evidence.append((record_date, kind))
    if date_line:
        evidence.append((date_line, TEXT))
    if record_date and kind == TEXT:
        evidence.append((record_date, TEXT))
    if found := url_date(url):
        evidence.append((found, URL))
    if record_date and kind == CRAWL:
        evidence.append((record_date, CRAWL))
    for raw, evidence_kind in evidence:
        resolved = _parsed(raw, evidence_kind, is_month_first(language, source, raw))
        if resolved is not None:
            return resolved
    return NO_DATE


def crawl_gap_days(published: datetime | None, crawled: datetime | None) -> float | None:
    """Days between a resolved publication date and the crawl time (for evaluation)."""
    if published is None or crawled is None:
        return None
    crawled_utc = crawled.replace(tzinfo=UTC) if crawled.tzinfo is None else crawled
    return (crawled_utc - published).total_seconds() / 86400
