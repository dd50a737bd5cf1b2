"""The faster parse, byline, category and tag searches give trafilatura's own results."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from lxml import etree
from trafilatura import xpaths
from trafilatura.metadata import extract_author as trafilatura_author
from trafilatura.metadata import extract_catstags as trafilatura_catstags
from trafilatura.utils import load_html

from pipelines.ingest.html_extract import parse_html
from pipelines.ingest.html_metadata import (
    AUTHOR_DISCARD_XPATHS,
    CATEGORIES_XPATHS,
    TAGS_XPATHS,
    extract_author,
    extract_catstags,
)

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
PAGE_SETS = ("article_extraction_benchmark", "trafilatura_eval", "newspaper4k_html")


def _real_html(limit: int) -> list[str]:
    """Decoded pages from every shared HTML set, `limit` from each (a few are no HTML)."""
    if not DATA.exists():
        pytest.skip(f"real dataset {DATA} is not here (only in the team's workspace and CI)")
    pages = []
    for name in PAGE_SETS:
        for path in sorted((DATA / name).rglob("*.html.gz"))[:limit]:
            pages.append(gzip.decompress(path.read_bytes()).decode("utf-8", "replace"))
    return pages


def _tree(html: str) -> etree._Element:
    tree = load_html(html)
    assert tree is not None
    return tree


def _real_trees(limit: int) -> list[etree._Element]:
    return [tree for tree in map(load_html, _real_html(limit)) if tree is not None]


def _page(body: str) -> etree._Element:
    return _tree(f"<html><head><title>t</title></head><body>{body}</body></html>")


def test_parse_html_builds_load_htmls_tree() -> None:
    for html in _real_html(15):
        ours, reference = parse_html(html), load_html(html)
        assert (ours is None) == (reference is None)
        if ours is not None and reference is not None:
            assert etree.tostring(ours) == etree.tostring(reference)


def test_parse_html_keeps_a_legacy_charset_page_decoded_and_refuses_non_html() -> None:
    html = (
        "<html><head><meta charset='windows-1256'><title>خبر</title></head>"
        "<body><p>قال الرئيس في الرياض</p></body></html>"
    )
    tree = parse_html(html)
    assert tree is not None and tree.findtext(".//p") == "قال الرئيس في الرياض"
    assert parse_html("just some words, no markup") is None
    assert load_html("just some words, no markup") is None


def test_rewritten_xpaths_select_what_trafilaturas_select() -> None:
    pairs = [
        *zip(xpaths.AUTHOR_DISCARD_XPATHS, AUTHOR_DISCARD_XPATHS, strict=True),
        *zip(xpaths.CATEGORIES_XPATHS, CATEGORIES_XPATHS, strict=True),
        *zip(xpaths.TAGS_XPATHS, TAGS_XPATHS, strict=True),
    ]
    for tree in _real_trees(15):
        for theirs, ours in pairs:
            assert ours(tree) == theirs(tree)


def test_byline_categories_and_tags_are_trafilaturas_on_real_pages() -> None:
    found = 0
    for tree in _real_trees(20):
        author = extract_author(tree)
        assert author == trafilatura_author(tree)
        found += author is not None
        for kind in ("category", "tag"):
            assert extract_catstags(kind, tree) == trafilatura_catstags(kind, tree)
    assert found > 15  # the search is exercised, not only its empty case


@pytest.mark.parametrize(
    "body",
    [
        # a byline inside the comments is pruned; the article's own is found
        "<div class='comments'><span class='author'>Reader Name</span></div>"
        "<p class='byline'>By Mariam Haddad</p>",
        # the time inside a byline is pruned, its tail kept and joined to the text before it
        "<div class='author'>By Jo<time>3 May</time>hn Smith</div>",
        # a specific match (class author-name) wins over an earlier generic one
        "<span class='author'>Desk Team Leads</span><a class='author-name'>Ana Lima</a>",
        # only the last-resort XPath matches; a too long candidate is skipped
        "<em class='writer'>" + "x" * 130 + "</em><em class='writer'>Tom Berg</em>",
        # a candidate in a sidebar, nothing else
        "<aside><div class='sidebar'><span class='author'>Other Writer</span></div></aside>",
        # a <rel> child is trafilatura's own path
        "<span><rel>me</rel>Sam Cole</span>",
        # an <author> element, no attributes
        "<author>Lea Roth</author>",
    ],
)
def test_byline_search_on_crafted_pages(body: str) -> None:
    tree = _page(body)
    assert extract_author(tree) == trafilatura_author(tree)


def test_categories_without_a_category_link_fall_back_to_the_section_meta() -> None:
    tree = _tree(
        "<html><head><meta property='article:section' content='Economy'></head><body>"
        "<div class='post-meta'><a href='/news/1'>Home</a></div></body></html>"
    )
    assert extract_catstags("category", tree) == ["Economy"]
    assert extract_catstags("category", tree) == trafilatura_catstags("category", tree)
    linked = _page("<div class='post-meta'><a href='/category/sport/'>Sport</a></div>")
    assert extract_catstags("category", linked) == ["Sport"]
