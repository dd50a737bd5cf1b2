"""One HTML page -> one RawRecord: main text (trafilatura or resiliparse), metadata
(trafilatura), date (htmldate).

extract_page() is a pure function of the page bytes, its context and the extractor's name, so
it can run in a worker process (see html_parallel). NEWS_HTML_EXTRACTOR chooses the main-text
extractor (html_extractor()); docs/history/html_warc.md has the figures behind each. The page
bytes are kept zstd-compressed on the record (raw_payload) so extraction can be re-run when the
extractor improves; raw_record holds a short JSON locator, not the page.
"""

from __future__ import annotations

import json
import logging
import os
import re
from dataclasses import asdict, dataclass
from functools import cache
from importlib.metadata import version
from typing import Any, Final

import htmldate
import trafilatura
import zstandard
from lxml.html import HtmlElement
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree
from trafilatura.settings import Document
from trafilatura.utils import fromstring_bytes, is_dubious_html, repair_faulty_html

from pipelines.ingest.html_dates import choose_published_day, gather_date_evidence
from pipelines.ingest.html_metadata import page_metadata
from pipelines.ingest.html_sniff import decode_html
from pipelines.ingest.records import RAW_FIELDS, RawRecord, accepted, rejected
from pipelines.reject_reasons import EMPTY_EXTRACTION

EXTRACTOR_ENV: Final = "NEWS_HTML_EXTRACTOR"
TRAFILATURA: Final = "trafilatura"
RESILIPARSE: Final = "resiliparse"
EXTRACTORS: Final = (TRAFILATURA, RESILIPARSE)
DEFAULT_EXTRACTOR: Final = TRAFILATURA
_VERSIONS: Final = (
    f"trafilatura {trafilatura.__version__}",
    f"htmldate {htmldate.__version__}",
    f"resiliparse {version('resiliparse')}",
)
# What produced a record (raw.records.extractor_version), per extractor name.
EXTRACTOR_VERSIONS: Final = {
    TRAFILATURA: f"{_VERSIONS[0]}; {_VERSIONS[1]}",
    RESILIPARSE: f"{_VERSIONS[2]} (main text); {_VERSIONS[0]} (metadata); {_VERSIONS[1]}",
}
EXTRACTOR_VERSION: Final = EXTRACTOR_VERSIONS[DEFAULT_EXTRACTOR]
PUBLISHED_AT_SOURCE: Final = "html"
ZSTD_LEVEL: Final = 3  # 0.4 ms for 4.7x on a 170 KB page; level 9: 2 ms for 5.1x
MIN_FALLBACK: Final = 200  # characters the fallback extraction must find to count

_LANG_XPATH: Final = (
    "/html/@lang",
    "/html/@xml:lang",
    "//meta[@http-equiv='content-language' or @http-equiv='Content-Language']/@content",
    "//meta[@property='og:locale']/@content",
)

# Extraction settings chosen on article_extraction_benchmark (see docs/history/html_warc.md):
# fast (no readability/jusText fallback) scores as well as the full cascade, 1.5x faster.
_EXTRACT_OPTIONS: Final[dict[str, Any]] = {
    "fast": True,
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "with_metadata": False,  # extract_metadata runs once, on the whole page (see _extract)
}
# resiliparse main content as article text: no comments, bylines/post meta, alt texts or bullets.
_RESILIPARSE_OPTIONS: Final[dict[str, Any]] = {
    "main_content": True,
    "preserve_formatting": True,
    "list_bullets": False,
    "alt_texts": False,
    "comments": False,
    "post_meta": False,
}
# Subtrees dropped before the main-text extraction: trafilatura's own tree cleaning deletes them
# (MANUALLY_CLEANED) but only after its XPath passes have walked them; dropping nav/aside/footer
# first left the text of all 411 shared pages unchanged and cut extraction time (html_warc.md).
_TEXT_DISCARDED: Final = (
    "nav",
    "aside",
    "footer",
    "head",
    "script",
    "style",
    "noscript",
    "svg",
    "iframe",
    "template",
)


@dataclass(frozen=True)
class PageContext:
    """Where a page comes from: locator in the dump plus WARC/HTTP facts when known."""

    locator: str
    target_uri: str | None = None
    warc_date: str | None = None
    warc_record_id: str | None = None
    http_status: int | None = None
    content_type: str | None = None


@cache
def _compressor() -> zstandard.ZstdCompressor:
    return zstandard.ZstdCompressor(level=ZSTD_LEVEL)


def compress_payload(data: bytes) -> bytes:
    """zstd frame of the page bytes (decompress with zstandard.decompress)."""
    return _compressor().compress(data)


def page_summary(
    context: PageContext,
    size: int,
    charset: str | None = None,
    page: dict[str, str] | None = None,
) -> str:
    """raw_record of an HTML record: a compact JSON locator, never the page itself; `page`:
    what was extracted from a page without main text (its quarantine row keeps it)."""
    summary: dict[str, Any] = {k: v for k, v in asdict(context).items() if v is not None}
    summary["payload_bytes"] = size
    if charset is not None:
        summary["charset"] = charset
    if page:
        summary["page"] = page
    return json.dumps(summary, ensure_ascii=False, sort_keys=True)


def declared_language(tree: HtmlElement) -> str | None:
    """The page's declared language ("ar", "zh-CN", "en_US", ...), if any."""
    for xpath in _LANG_XPATH:
        for value in tree.xpath(xpath):
            text = str(value).strip()
            if text:
                return text.replace("_", "-")[:35]
    return None


_SCRIPTS: Final = (  # scripts that name one language; the clean stage's lingua set lacks them
    ("ja", re.compile(r"[\u3040-\u30ff]")),  # kana: Japanese even when Han dominates
    ("ko", re.compile(r"[\uac00-\ud7af]")),
    ("th", re.compile(r"[\u0e00-\u0e7f]")),
    ("zh", re.compile(r"[\u4e00-\u9fff]")),
)


def script_language(text: str) -> str | None:
    """ja/ko/th/zh when a fifth of the first 2,000 characters are in that script."""
    sample = text[:2000]
    for code, pattern in _SCRIPTS:
        if len(pattern.findall(sample)) >= max(1, len(sample) // (20 if code == "ja" else 5)):
            return code
    return None


def parse_html(html: str) -> HtmlElement | None:
    """trafilatura.utils.load_html of a decoded page, parsed from its UTF-8 bytes (load_html's
    own fallback): the same tree on all 411 shared pages, in half the time (libxml2 parses
    UTF-8 bytes faster than lxml hands it a str)."""
    beginning = html[:50].lower()
    tree = fromstring_bytes(repair_faulty_html(html, beginning))
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None  # not HTML at all (load_html's test)
    return tree


def _strip_for_text(tree: HtmlElement) -> None:
    """Drop, in place, the subtrees trafilatura's text extraction discards anyway."""
    for element in list(tree.iter(*_TEXT_DISCARDED)):
        if element.getparent() is not None:
            element.drop_tree()  # keeps the tail text


def html_extractor(name: str | None = None) -> str:
    """The main-text extractor: `name`, else NEWS_HTML_EXTRACTOR, else the default."""
    chosen = (name if name is not None else os.environ.get(EXTRACTOR_ENV) or "").strip().lower()
    chosen = chosen or DEFAULT_EXTRACTOR
    if chosen not in EXTRACTORS:
        raise ValueError(
            f"{EXTRACTOR_ENV}={chosen!r} is not a known HTML extractor: use one of "
            f"{', '.join(EXTRACTORS)} (default {DEFAULT_EXTRACTOR})"
        )
    return chosen


def _main_text(tree: HtmlElement, url: str | None) -> str | None:
    """trafilatura's main text (fast path, then the fallback cascade when it finds nothing)."""
    document = trafilatura.bare_extraction(tree, url=url, **_EXTRACT_OPTIONS)
    if isinstance(document, Document) and (document.text or "").strip():
        return (document.text or "").strip()
    # Nothing found: only then pay for the readability/jusText fallback cascade, and keep its
    # text only when it is more than a menu (a nav-only page stays empty_extraction).
    options = {**_EXTRACT_OPTIONS, "fast": False, "favor_precision": False}
    fallback = trafilatura.bare_extraction(tree, url=url, **options)
    if isinstance(fallback, Document) and len((fallback.text or "").strip()) >= MIN_FALLBACK:
        return (fallback.text or "").strip()
    return None


def _resiliparse_text(html: str) -> str | None:
    """resiliparse's main-content text: the article a reader reads, so without comments, post
    meta (byline, "Posted in"), image alt texts and list bullets (html_warc.md has the F1)."""
    text = extract_plain_text(HTMLTree.parse(html), **_RESILIPARSE_OPTIONS)
    return text.strip() or None


def _extract(
    html: str, context: PageContext, extractor: str
) -> tuple[dict[str, str | None], str | None]:
    """(fields, language declared by the page)."""
    tree = parse_html(html)
    if tree is None:
        return dict.fromkeys(RAW_FIELDS), None
    language = declared_language(tree)
    # Metadata on the whole page (categories and bylines can sit in nav/aside/footer).
    meta = page_metadata(tree, context.target_uri)
    # Date evidence on the untouched tree, with the crawled URL (html_dates has the rules).
    date_evidence = gather_date_evidence(tree, html, context.target_uri, meta.url, language)
    if extractor == RESILIPARSE:
        body = _resiliparse_text(html)
    else:
        # Main text on a tree without the parts trafilatura discards: same text, less XPath.
        _strip_for_text(tree)
        body = _main_text(tree, context.target_uri)
    published = choose_published_day(date_evidence, body)
    fields: dict[str, str | None] = dict.fromkeys(RAW_FIELDS)
    extra: dict[str, Any] = {}
    # Kept for a page without main text too: its quarantine row records them (extract_page).
    fields["body"] = body
    fields["title"] = (meta.title or "").strip() or None
    fields["authors"] = meta.author or None
    fields["source"] = meta.sitename or None
    fields["url"] = meta.url or None
    fields["published_at_raw"] = published.day
    extra = {
        "description": meta.description,
        "hostname": meta.hostname,
        "categories": meta.categories or None,
        "tags": meta.tags or None,
        "date_evidence": published.evidence,
    }
    fields["language"] = language or script_language(fields["body"] or "")
    fields["extra"] = json.dumps({k: v for k, v in extra.items() if v}, ensure_ascii=False)
    return fields, language


def page_without_text(fields: dict[str, str | None]) -> dict[str, str]:
    """The fields of a page without main text, for its empty_extraction quarantine row."""
    page = {k: v for k, v in fields.items() if v and k not in ("body", "extra")}
    evidence = json.loads(fields.get("extra") or "{}").get("date_evidence")
    return {**page, "date_evidence": evidence} if evidence else page


def extract_page(payload: bytes, context: PageContext, extractor: str | None = None) -> RawRecord:
    """An accepted record with the page's fields, or a rejected one (empty_extraction).
    `extractor`: a name from EXTRACTORS; None reads NEWS_HTML_EXTRACTOR (html_extractor)."""
    extractor = html_extractor(extractor)
    html, charset = decode_html(payload, context.content_type)
    fields, _ = _extract(html, context, extractor)
    if fields["url"] is None:
        fields["url"] = context.target_uri
    fields["published_at_source"] = PUBLISHED_AT_SOURCE if fields["published_at_raw"] else None
    if fields["body"] is None:
        # No article, but its date and metadata are kept in the quarantine row (raw_record).
        summary = page_summary(context, len(payload), charset, page_without_text(fields))
        detail = f"no main text extracted from {len(payload):,} bytes of HTML ({charset})"
        record = rejected(context.locator, summary, EMPTY_EXTRACTION, detail)
    else:
        summary = page_summary(context, len(payload), charset)
        extra = json.loads(fields["extra"] or "{}")
        extra.update({k: v for k, v in asdict(context).items() if v is not None and k != "locator"})
        extra["charset"] = charset
        fields["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True)
        record = accepted(context.locator, summary, fields)
        record.raw_payload = compress_payload(payload)
    record.extractor_version = EXTRACTOR_VERSIONS[extractor]
    return record


def quiet_extractor_logs() -> None:
    """trafilatura and htmldate log every page without a date or text at WARNING/ERROR."""
    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
