"""One HTML page -> one RawRecord: main text and metadata (trafilatura), date (htmldate).

extract_page() is a pure function of the page bytes and its context, so it can run in a
worker process (see html_parallel). The page bytes are kept zstd-compressed on the record
(raw_payload) so extraction can be re-run when the extractor improves; raw_record holds a
short JSON locator, not the page.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass
from functools import cache
from typing import Any, Final

import htmldate
import trafilatura
import zstandard
from lxml.html import HtmlElement
from trafilatura import extract_metadata
from trafilatura.settings import Document
from trafilatura.utils import load_html

from pipelines.ingest.html_sniff import decode_html
from pipelines.ingest.records import RAW_FIELDS, RawRecord, accepted, rejected

EXTRACTOR_VERSION: Final = f"trafilatura {trafilatura.__version__}; htmldate {htmldate.__version__}"
PUBLISHED_AT_SOURCE: Final = "html"
ZSTD_LEVEL: Final = 3  # 0.4 ms for 4.7x on a 170 KB page; level 9: 2 ms for 5.1x
MIN_FALLBACK: Final = 200  # characters the fallback extraction must find to count

# reject_reason values of the html and warc formats
NOT_HTML: Final = "not_html"  # a payload that is not an HTML page (image, PDF, robots.txt, ...)
WARC_NON_RESPONSE: Final = "warc_non_response"  # warcinfo, request, metadata, revisit, ...
HTTP_REDIRECT: Final = "http_redirect"  # 3xx response
HTTP_ERROR: Final = "http_error"  # 4xx/5xx (or unparseable) response status
EMPTY_EXTRACTION: Final = "empty_extraction"  # HTML, but no main text could be extracted
HTML_REJECT_REASONS: Final = (
    NOT_HTML,
    WARC_NON_RESPONSE,
    HTTP_REDIRECT,
    HTTP_ERROR,
    EMPTY_EXTRACTION,
)
_LANG_XPATH: Final = (
    "/html/@lang",
    "/html/@xml:lang",
    "//meta[@http-equiv='content-language' or @http-equiv='Content-Language']/@content",
    "//meta[@property='og:locale']/@content",
)

# Extraction settings chosen on article_extraction_benchmark (see docs/notes/html_warc.md):
# fast (no readability/jusText fallback) scores as well as the full cascade, 1.5x faster.
_EXTRACT_OPTIONS: Final[dict[str, Any]] = {
    "fast": True,
    "favor_precision": True,
    "include_comments": False,
    "include_tables": True,
    "with_metadata": False,  # extract_metadata runs once, on the whole page (see _extract)
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


def page_summary(context: PageContext, size: int, charset: str | None = None) -> str:
    """raw_record of an HTML record: a compact JSON locator, never the page itself."""
    summary = {k: v for k, v in asdict(context).items() if v is not None}
    summary["payload_bytes"] = size
    if charset is not None:
        summary["charset"] = charset
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


def _date_params(extensive: bool = True) -> dict[str, Any]:
    # original (publication) date over last-modified; extensive search of the page text.
    return {"original_date": True, "extensive_search": extensive}


def _strip_for_text(tree: HtmlElement) -> None:
    """Drop, in place, the subtrees trafilatura's text extraction discards anyway."""
    for element in list(tree.iter(*_TEXT_DISCARDED)):
        if element.getparent() is not None:
            element.drop_tree()  # keeps the tail text


def _main_text(tree: HtmlElement, url: str | None) -> Document | None:
    """trafilatura's main text (fast path, then the fallback cascade when it finds nothing)."""
    document = trafilatura.bare_extraction(tree, url=url, **_EXTRACT_OPTIONS)
    if isinstance(document, Document) and (document.text or "").strip():
        return document
    # Nothing found: only then pay for the readability/jusText fallback cascade, and keep its
    # text only when it is more than a menu (a nav-only page stays empty_extraction).
    options = {**_EXTRACT_OPTIONS, "fast": False, "favor_precision": False}
    fallback = trafilatura.bare_extraction(tree, url=url, **options)
    if isinstance(fallback, Document) and len((fallback.text or "").strip()) >= MIN_FALLBACK:
        return fallback
    return None


def _extract(html: str, context: PageContext) -> tuple[dict[str, str | None], str | None]:
    """(fields, language declared by the page)."""
    tree = load_html(html)
    if tree is None:
        return dict.fromkeys(RAW_FIELDS), None
    language = declared_language(tree)
    # htmldate on the untouched tree with the crawled URL: 0.915 exact-day accuracy on
    # trafilatura_eval against 0.895 for trafilatura's own call (which uses the canonical URL).
    published = htmldate.find_date(tree, url=context.target_uri, **_date_params())
    # Metadata on the whole page (categories and bylines can sit in nav/aside/footer); its
    # (non-extensive) date is only the fallback of ours above.
    meta = extract_metadata(tree, context.target_uri, _date_params(extensive=False), True, None)
    # Main text on a tree without the parts trafilatura discards: same text, less XPath work.
    _strip_for_text(tree)
    document = _main_text(tree, context.target_uri)
    fields: dict[str, str | None] = dict.fromkeys(RAW_FIELDS)
    extra: dict[str, Any] = {}
    if document is not None:
        fields["body"] = (document.text or "").strip() or None
        fields["title"] = (meta.title or "").strip() or None
        fields["authors"] = meta.author or None
        fields["source"] = meta.sitename or None
        fields["url"] = meta.url or None
        fields["published_at_raw"] = published or meta.date or None
        extra = {
            "description": meta.description,
            "hostname": meta.hostname,
            "categories": meta.categories or None,
            "tags": meta.tags or None,
        }
    fields["language"] = language or script_language(fields["body"] or "")
    fields["extra"] = json.dumps({k: v for k, v in extra.items() if v}, ensure_ascii=False)
    return fields, language


def extract_page(payload: bytes, context: PageContext) -> RawRecord:
    """An accepted record with the page's fields, or a rejected one (empty_extraction)."""
    html, charset = decode_html(payload, context.content_type)
    summary = page_summary(context, len(payload), charset)
    fields, _ = _extract(html, context)
    if fields["body"] is None:
        detail = f"no main text extracted from {len(payload):,} bytes of HTML ({charset})"
        record = rejected(context.locator, summary, EMPTY_EXTRACTION, detail)
    else:
        if fields["url"] is None:
            fields["url"] = context.target_uri
        fields["published_at_source"] = PUBLISHED_AT_SOURCE if fields["published_at_raw"] else None
        extra = json.loads(fields["extra"] or "{}")
        extra.update({k: v for k, v in asdict(context).items() if v is not None and k != "locator"})
        extra["charset"] = charset
        fields["extra"] = json.dumps(extra, ensure_ascii=False, sort_keys=True)
        record = accepted(context.locator, summary, fields)
        record.raw_payload = compress_payload(payload)
    record.extractor_version = EXTRACTOR_VERSION
    return record


def quiet_extractor_logs() -> None:
    """trafilatura and htmldate log every page without a date or text at WARNING/ERROR."""
    for name in ("trafilatura", "htmldate"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
