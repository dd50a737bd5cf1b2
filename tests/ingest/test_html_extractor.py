"""NEWS_HTML_EXTRACTOR: trafilatura or resiliparse main text, same metadata, validated name."""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from trafilatura import extract_metadata
from trafilatura.utils import load_html

from pipelines.ingest import DumpSource, RawRecord
from pipelines.ingest.html_extract import (
    EXTRACTOR_ENV,
    EXTRACTOR_VERSIONS,
    EXTRACTORS,
    PageContext,
    extract_page,
    html_extractor,
    page_metadata,
)
from pipelines.ingest.html_parallel import extract_stream
from tests.ingest.html_fixtures import PARAGRAPH, article_html, gzip_records, sample_warc_records

BENCHMARK = (
    Path(__file__).resolve().parents[2].parent / "shared" / "data" / "article_extraction_benchmark"
)
META_FIELDS = ("title", "authors", "source", "url", "published_at_raw", "language")


def test_extractor_name_from_argument_environment_or_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(EXTRACTOR_ENV, raising=False)
    assert html_extractor() in EXTRACTORS
    monkeypatch.setenv(EXTRACTOR_ENV, " Resiliparse ")
    assert html_extractor() == "resiliparse"
    assert html_extractor("trafilatura") == "trafilatura"  # an explicit name wins


def test_unknown_extractor_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match=r"NEWS_HTML_EXTRACTOR='readability'.*trafilatura"):
        html_extractor("readability")
    monkeypatch.setenv(EXTRACTOR_ENV, "boilerpipe")
    with pytest.raises(ValueError, match="not a known HTML extractor"):
        extract_page(article_html().encode(), PageContext("file"))
    with pytest.raises(ValueError, match="boilerpipe"):  # before any page is read
        next(extract_stream(iter([])))


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_own_page_main_text_and_metadata(extractor: str) -> None:
    url = "https://port-news.example/2025/05/03/terminal"
    record = extract_page(article_html().encode(), PageContext("file", url), extractor)
    assert record.fields is not None
    body = record.fields["body"] or ""
    assert PARAGRAPH.strip() in body
    assert "World" not in body and "All rights reserved" not in body  # nav, footer
    assert record.extractor_version == EXTRACTOR_VERSIONS[extractor]
    assert extractor in record.extractor_version
    assert {field: record.fields[field] for field in META_FIELDS} == {
        "title": "Harbour terminal opens",
        "authors": "Mariam Haddad",
        "source": "Port News",
        "url": url,
        "published_at_raw": "2025-05-03",
        "language": "en",
    }


def test_warc_dump_records_say_which_extractor_made_them(
    make_dump: Callable[..., DumpSource],
    read_all: Callable[[DumpSource], list[RawRecord]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(EXTRACTOR_ENV, "resiliparse")
    got = read_all(make_dump("crawl.warc.gz", gzip_records(sample_warc_records())))
    pages = [r for r in got if r.fields is not None]
    assert pages and {r.extractor_version for r in pages} == {EXTRACTOR_VERSIONS["resiliparse"]}


def _tokens(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.lower()))


def _real_pages(count: int) -> list[tuple[str, bytes, str]]:
    if not BENCHMARK.exists():
        pytest.skip(f"real dataset {BENCHMARK} is not here (only in the team's workspace and CI)")
    gold = json.loads((BENCHMARK / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        (item["url"], gzip.decompress((BENCHMARK / "html" / f"{key}.html.gz").read_bytes()), body)
        for key, item in sorted(gold.items())[:count]
        for body in [item["articleBody"]]
    ]


@pytest.mark.parametrize("extractor", EXTRACTORS)
def test_real_pages_main_text_offline(extractor: str) -> None:
    """Offline on real news pages: the body covers the gold article, metadata is the same
    whichever extractor made the text."""
    for url, page, gold in _real_pages(6):
        record = extract_page(page, PageContext("file", url), extractor)
        reference = extract_page(page, PageContext("file", url), "trafilatura")
        assert record.fields is not None and reference.fields is not None
        got, want = _tokens(record.fields["body"] or ""), _tokens(gold)
        common = sum((got & want).values())
        assert common / sum(want.values()) > 0.8, url  # recall
        assert common / sum(got.values()) > 0.5, url  # precision
        for field in META_FIELDS[:-1]:
            assert record.fields[field] == reference.fields[field], (url, field)


def test_page_metadata_is_trafilaturas_without_licence_and_date() -> None:
    """Every metadata field of trafilatura.extract_metadata but the two it skips (guards the
    copy of its steps against a trafilatura upgrade)."""
    for url, page, _ in _real_pages(6):
        tree, reference_tree = load_html(page), load_html(page)
        assert tree is not None and reference_tree is not None
        ours = page_metadata(tree, url).as_dict()
        reference = extract_metadata(reference_tree, url).as_dict()
        for key in ("license", "date", "filedate", "body", "commentsbody"):  # no trees
            ours.pop(key), reference.pop(key)
        assert ours == reference, url
