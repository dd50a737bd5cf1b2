"""HTML pages as dumps: single files, gzipped files, zip bundles; charset detection."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from pipelines.ingest import DumpSource, RawRecord, discover_dumps, open_dump
from pipelines.ingest.html_sniff import decode_html, is_warc, looks_like_html
from tests.ingest.html_fixtures import article_html

ARABIC = (
    "أعلنت هيئة الموانئ اليوم السبت افتتاح محطة حاويات جديدة في ميناء الدمام، "
    "ما يرفع الطاقة الاستيعابية ويقلص زمن انتظار السفن في المرسى. "
)


def test_sniffing() -> None:
    assert looks_like_html(b"\xef\xbb\xbf\n<!-- c -->\n<!DOCTYPE HTML>")
    assert looks_like_html(b"<html lang=ar>") and looks_like_html(b"  <head><meta charset=x>")
    assert not looks_like_html(b'{"html": "<html>"}') and not looks_like_html(b"Title\n<p>")
    assert is_warc(b"WARC/1.1\r\n") == "warc" and is_warc(b"filedesc://x.arc") == "arc"
    assert is_warc(b"<html>") is None


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (ARABIC * 3, "cp1256"),
        (ARABIC * 3, "iso8859-6"),
        ("東京都は三日、新しい港湾施設の運用を開始したと発表した。" * 4, "cp932"),
        ("上海港务局周六宣布新的集装箱码头正式投入使用，船舶等待时间大幅缩短。" * 4, "gb18030"),
    ],
)
def test_undeclared_legacy_charsets_are_detected(text: str, codec: str) -> None:
    data = article_html("t", text, charset_meta=None).encode(codec)
    decoded, used = decode_html(data)
    assert used == codec
    assert text in decoded


def test_wrong_declaration_is_overridden() -> None:
    page = article_html("t", ARABIC * 3, charset_meta="iso-8859-1").encode("cp1256")
    decoded, used = decode_html(page)
    assert used == "cp1256" and ARABIC in decoded
    utf8_declared_latin = article_html("t", ARABIC * 3, charset_meta="windows-1252").encode()
    assert decode_html(utf8_declared_latin)[1] == "utf-8"
    assert decode_html(b"<p>caf\xe9 cr\xe8me</p>", "text/html; charset=ISO-8859-1")[1] == "cp1252"


@pytest.mark.parametrize("compression", ["none", "gzip", "zip"])
def test_single_page_is_one_record(
    make_dump: Callable[..., DumpSource],
    read_all: Callable[..., list[RawRecord]],
    compression: str,
) -> None:
    source = make_dump("page.html", article_html().encode(), compression)
    assert open_dump(source).format == "html"
    [record] = read_all(source)
    assert record.fields is not None
    assert (record.record_locator, record.fields["title"]) == ("file", "Harbour terminal opens")
    assert record.fields["published_at_raw"] == "2025-05-03"


def test_page_without_main_text_is_rejected(
    make_dump: Callable[..., DumpSource], read_all: Callable[..., list[RawRecord]]
) -> None:
    source = make_dump("empty.html", b"<html><head><title>x</title></head><body></body></html>")
    [record] = read_all(source)
    assert record.reject_reason == "empty_extraction" and record.extractor_version


def test_zip_of_pages_is_one_dump_with_a_record_per_member(
    landing: Path, read_all: Callable[..., list[RawRecord]]
) -> None:
    archive = landing / "pages.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("b/ar.html", article_html("محطة", ARABIC * 3, charset_meta=None, lang="ar")
                    .encode("cp1256"))  # fmt: skip
        zf.writestr("a/en.htm", article_html().encode())
        zf.writestr("a/logo.png", b"\x89PNG\r\n\x1a\n")
        zf.writestr(".hidden.html", b"<html></html>")
    [source] = discover_dumps(landing)
    assert (source.dump_file, source.member) == ("pages.zip", None)
    reader = open_dump(source)
    assert (reader.format, reader.compression) == ("html", "zip")
    got = read_all(source)
    assert [r.record_locator for r in got] == ["member:b/ar.html", "member:a/en.htm",
                                               "member:a/logo.png"]  # fmt: skip
    assert got[0].fields is not None and ARABIC.strip() in (got[0].fields["body"] or "")
    assert got[0].fields["language"] == "ar"
    assert '"charset": "cp1256"' in (got[0].fields["extra"] or "")
    assert got[2].reject_reason == "not_html"


def test_zip_mixing_pages_and_other_dumps_stays_per_member(landing: Path) -> None:
    with zipfile.ZipFile(landing / "mixed.zip", "w") as zf:
        zf.writestr("page.html", article_html())
        zf.writestr("rows.jsonl", '{"title": "x", "body": "y"}\n')
    assert [s.dump_file for s in discover_dumps(landing)] == [
        "mixed.zip/page.html",
        "mixed.zip/rows.jsonl",
    ]


def test_script_language_fills_in_only_unambiguous_scripts() -> None:
    from pipelines.ingest.html_extract import script_language

    assert script_language("上海港务局周六宣布新的集装箱码头正式投入使用。") == "zh"
    assert script_language("東京都は三日、新しい港湾施設の運用を開始した。") == "ja"
    assert script_language("กรุงเทพมหานครเปิดท่าเรือใหม่") == "th"
    assert script_language("The port opened a terminal.") is None
    assert script_language(ARABIC) is None  # Arabic is left to the clean stage's detector


def test_metadata_reads_the_whole_page_and_text_equals_trafilatura_on_it() -> None:
    """Metadata sees the parts dropped before the text extraction (entry footer, JSON-LD); the
    main text is the one trafilatura extracts from the untouched page."""
    import trafilatura

    from pipelines.ingest.html_extract import PageContext, extract_page

    published = '<meta property="article:published_time" content="2025-05-03T08:00:00+03:00">'
    json_ld = (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "datePublished": "2025-04-30T10:00:00Z"}</script>'
    )
    entry_footer = (
        '<footer class="entry-meta">Posted in <a rel="category tag" '
        'href="https://port-news.example/category/harbours/">Harbours</a></footer>'
    )
    html = (
        article_html()
        .replace(published, json_ld)
        .replace("</article>", f"{entry_footer}<script>var noise = 1;</script></article>")
        .replace("<nav>", "<aside><p>Most read: ferry strike ends</p></aside><nav>")
    )
    url = "https://port-news.example/x"
    record = extract_page(html.encode(), PageContext("file", url))
    assert record.fields is not None
    assert record.fields["published_at_raw"] == "2025-04-30"  # JSON-LD, not the canonical URL
    assert '"categories": ["Harbours"]' in (record.fields["extra"] or "")
    reference = trafilatura.bare_extraction(
        html, url=url, fast=True, favor_precision=True, include_comments=False
    )
    assert isinstance(reference, trafilatura.settings.Document)
    assert record.fields["body"] == (reference.text or "").strip()
    assert "ferry strike" not in record.fields["body"] and "Posted in" not in record.fields["body"]
