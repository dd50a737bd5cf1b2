"""A page's metadata: trafilatura.extract_metadata's fields, at a third of its cost.

Same steps as trafilatura's (its licence and date are left out: no field keeps the licence and
html_dates finds the date), with the byline, category and tag XPaths rewritten without EXSLT
`re:test`: lxml calls back into Python's `re` for every element such a test looks at, 2-3 ms
a page for the byline search alone. Every pattern there is an alternation of literals, so
`contains()`/`starts-with()` say the same in XPath 1.0, evaluated in C. The rewritten lists
select the same elements as trafilatura's (tests/ingest/test_html_metadata.py compares them on
real pages), for the trafilatura version pinned in pyproject.toml.
"""

from __future__ import annotations

import contextlib
import re
from copy import deepcopy
from typing import Final

from courlan import extract_domain
from lxml.etree import Element, XPath
from lxml.html import HtmlElement
from trafilatura.baseline import block_text
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import (
    META_URL,
    examine_meta,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)
from trafilatura.metadata import extract_author as trafilatura_author
from trafilatura.settings import Document
from trafilatura.utils import line_processing, trim


def _any(function: str, attribute: str, *literals: str) -> str:
    """XPath: `function(attribute, literal)` for any of the literals."""
    return " or ".join(f"{function}({attribute}, '{literal}')" for literal in literals)


# trafilatura.xpaths.AUTHOR_XPATHS as three tests of one element, made in one walk of the page
# (three XPath walks cost 1.5 ms each); a <rel> child (its `rel='me'`) is left to trafilatura.
_SPECIFIC_TAGS: Final = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_GENERIC_TAGS: Final = frozenset({"a", "div", "h3", "h4", "p", "span"})
_SPECIFIC_CLASSES: Final = ("author-name", "authorname", "AuthorName", "authorName")
_GENERIC_CLASSES: Final = (
    "author",
    "channel-name",
    "zuozhe",
    "bianji",
    "xiaobian",
    "submitted-by",
    "posted-by",
    "journalist-name",
)
_GENERIC_IDS: Final = ("author", "zuozhe", "bianji", "xiaobian")
_ANY_CLASSES: Final = ("Author", "author", "screenname", "writer", "Byline", "byline")


def _byline_candidates(tree: HtmlElement) -> tuple[list[HtmlElement], ...]:
    """The elements each of trafilatura's three byline XPaths selects, in document order."""
    specific: list[HtmlElement] = []
    generic: list[HtmlElement] = []
    anywhere: list[HtmlElement] = []
    for element in tree.iter(Element):
        if not element.attrib:
            if element.tag == "author":
                specific.append(element)
            continue
        tag, get = element.tag, element.get
        classes, ids, itemprop = get("class") or "", get("id") or "", get("itemprop") or ""
        if tag == "author" or (
            tag in _SPECIFIC_TAGS
            and (
                "author" in (get("rel"), ids, classes)
                or itemprop == "author name"
                or get("data-testid") in ("AuthorCard", "AuthorURL")
                or any(name in classes for name in _SPECIFIC_CLASSES)
            )
        ):
            specific.append(element)
        if tag in _GENERIC_TAGS and (
            classes in ("byline", "username", "byl", "BBL")
            or "author" in itemprop
            or any(name in ids for name in _GENERIC_IDS)
            or any(name in classes for name in _GENERIC_CLASSES)
        ):
            generic.append(element)
        if (
            "Byline" in (get("data-component") or "")
            or "author" in itemprop
            or "Author" in ids
            or "author" in ids
            or any(name in classes for name in _ANY_CLASSES)
        ):
            anywhere.append(element)
    return specific, generic, anywhere


# trafilatura.xpaths.AUTHOR_DISCARD_XPATHS: what its byline search prunes first
_DISCARDED: Final = (
    "[self::a or self::div or self::section or self::span]["
    "@id='comments' or @class='comments' or @class='title' or @class='date' or "
    + _any("starts-with", "@id", "comments")
    + " or "
    + _any("contains", "@id", "commentlist", "comment-list", "ProductReviews")
    + " or "
    + _any("starts-with", "@class", "Comments", "comments")
    + " or "
    + _any(
        "contains",
        "@class",
        "commentlist",
        "comments-list",
        "sidebar",
        "is-hidden",
        "quote",
        "embedly-instagram",
        "article-share",
        "article-support",
        "print",
        "category",
        "meta-date",
        "meta-reviewer",
    )
    + " or contains(@data-component, 'Figure')]"
)
AUTHOR_DISCARD_XPATHS: Final = [XPath(".//*" + _DISCARDED), XPath("//time|//figure")]
# A byline candidate that the pruning would remove with its ancestor (or itself)
_IN_DISCARDED: Final = XPath(
    f"boolean(ancestor-or-self::*{_DISCARDED} | ancestor-or-self::time | ancestor-or-self::figure)"
)
CATEGORIES_XPATHS: Final = [
    XPath(
        "//div["
        + _any(
            "starts-with",
            "@class",
            "postinfo",
            "post-info",
            "postmeta",
            "post-meta",
            "meta",
            "entry-meta",
            "entry-info",
            "entry-utility",
        )
        + " or starts-with(@id, 'postpath')]//a[@href]"
    ),
    XPath(
        "//p[starts-with(@class, 'postmeta') or starts-with(@class, 'entry-categories') or"
        " @class='postinfo' or @id='filedunder']//a[@href]"
    ),
    XPath(
        "//footer[starts-with(@class, 'entry-meta') or starts-with(@class, 'entry-footer')]"
        "//a[@href]"
    ),
    XPath(
        "//*[self::li or self::span][@class='post-category' or @class='postcategory' or"
        " @class='entry-category' or contains(@class, 'cat-links')]//a[@href]"
    ),
    XPath("//header[@class='entry-header']//a[@href]"),
    XPath("//div[@class='row' or @class='tags']//a[@href]"),
]
TAGS_XPATHS: Final = [
    XPath("//div[@class='tags']//a[@href]"),
    XPath("//p[starts-with(@class, 'entry-tags')]//a[@href]"),
    XPath(
        "//div[@class='row' or @class='jp-relatedposts' or @class='entry-utility' or "
        + _any("starts-with", "@class", "tag", "postmeta", "meta")
        + "]//a[@href]"
    ),
    XPath(
        "//*[@class='entry-meta' or contains(@class, 'topics') or"
        " contains(@class, 'tags-links')]//a[@href]"
    ),
]
_AUTHOR_LENGTH: Final = 120  # trafilatura's len_limit for a byline
# A category or tag link's href (trafilatura's test); the XPaths above only find such links.
_CATSTAG_HREF: Final = {
    "category": (re.compile("/categor(?:y|ies|s)?/"), XPath("//a[contains(@href, '/categor')]")),
    "tag": (re.compile("/tag(?:y|ies|s)?/"), XPath("//a[contains(@href, '/tag')]")),
}


def extract_author(tree: HtmlElement) -> str | None:
    """trafilatura.metadata.extract_author without pruning a copy of the whole page first:
    its XPaths find the same candidates on the page itself, less those inside a pruned part,
    and only a candidate's own subtree is copied and pruned to read its text (trafilatura's
    extract_metainfo: the first text of 3 to 119 characters)."""
    if tree.find(".//rel") is not None:
        return trafilatura_author(tree)
    for candidates in _byline_candidates(tree):
        for element in candidates:
            if _IN_DISCARDED(element):
                continue
            subtree = prune_unwanted_nodes(deepcopy(element), AUTHOR_DISCARD_XPATHS)
            content = trim(" ".join(subtree.itertext()))
            if content and 2 < len(content) < _AUTHOR_LENGTH:
                return normalize_authors(None, content)
    return None


def extract_catstags(metatype: str, tree: HtmlElement) -> list[str]:
    """trafilatura.metadata.extract_catstags with the XPaths above, and none of them walked
    when the page has no link they could keep (one cheap walk instead of four to six)."""
    href, candidates = _CATSTAG_HREF[metatype]
    results: list[str] = []
    if any(href.search(link.get("href", "")) for link in candidates(tree)):
        for expression in CATEGORIES_XPATHS if metatype == "category" else TAGS_XPATHS:
            results.extend(block_text(e) for e in expression(tree) if href.search(e.get("href")))
            if results:
                break
    if metatype == "category" and not results:
        results.extend(
            element.attrib["content"]
            for element in tree.xpath(
                './/head//meta[@property="article:section" or contains(@name, "subject")][@content]'
            )
        )
    return [r for r in dict.fromkeys(line_processing(x) for x in results if x) if r]


def page_metadata(tree: HtmlElement, url: str | None) -> Document:
    """trafilatura.extract_metadata without the licence and the date, with the faster byline,
    category and tag searches above: the same fields."""
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None
    with contextlib.suppress(Exception):  # trafilatura's own guard: bugs in its JSON-LD code
        meta = extract_meta_json(tree, meta)
    meta.title = meta.title or extract_title(tree)
    meta.author = meta.author or extract_author(tree)
    meta.url = meta.url or extract_url(tree, url)
    if meta.url:
        meta.hostname = extract_domain(meta.url, fast=True)
    meta.sitename = meta.sitename or extract_sitename(tree)
    if meta.sitename:
        meta.sitename = meta.sitename.lstrip("@")
        if meta.sitename and "." not in meta.sitename and not meta.sitename[0].isupper():
            meta.sitename = meta.sitename.title()
    elif meta.url and (match := META_URL.match(meta.url)):
        meta.sitename = match[1]
    meta.categories = meta.categories or extract_catstags("category", tree)
    meta.tags = meta.tags or extract_catstags("tag", tree)
    meta.clean_and_trim()
    return meta
