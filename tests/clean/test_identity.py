"""Canonical URLs, content hashes and article ids: exact expected values."""

from __future__ import annotations

import hashlib

import pytest

from pipelines.clean.identity import canonical_url, content_hash, is_valid_url, make_article_id

ARABIC_PATH = "/home/article/411641/الفقر-أحد-أسباب"
ARABIC_PATH_ENCODED = (
    "/home/article/411641/%D8%A7%D9%84%D9%81%D9%82%D8%B1-%D8%A3%D8%AD%D8%AF-"
    "%D8%A3%D8%B3%D8%A8%D8%A7%D8%A8"
)

CANONICAL_CASES = [
    # (input, expected canonical)
    ("https://example.com/news/1?utm_source=x&utm_medium=y", "https://example.com/news/1"),
    ("https://example.com/news/1?fbclid=abc&gclid=d&ref=tw&_ga=1", "https://example.com/news/1"),
    ("https://example.com/news/1?id=5&utm_campaign=z", "https://example.com/news/1?id=5"),
    ("https://example.com/news/1#comments", "https://example.com/news/1"),
    ("https://example.com/news/1/", "https://example.com/news/1"),
    ("https://example.com/", "https://example.com/"),
    ("https://example.com", "https://example.com/"),
    ("HTTPS://EXAMPLE.COM/News/1", "https://example.com/News/1"),
    ("https://www.example.com/news/1", "https://example.com/news/1"),
    ("http://example.com/news/1", "https://example.com/news/1"),
    ("http://example.com:80/a", "https://example.com/a"),
    ("https://example.com:443/a", "https://example.com/a"),
    ("https://example.com:8443/a", "https://example.com:8443/a"),
    ("https://example.com/a?b=2&a=1&c=", "https://example.com/a?a=1&b=2&c="),
    ("https://example.com/a/./b/../c", "https://example.com/a/c"),
    ("https://user:secret@example.com/a", "https://example.com/a"),
    ("https://bücher.de/a", "https://xn--bcher-kva.de/a"),
    ("https://example.com/%7euser/caf%c3%a9", "https://example.com/~user/caf%C3%A9"),
    ("  https://example.com/a  ", "https://example.com/a"),
    (f"http://aawsat.com{ARABIC_PATH}", f"https://aawsat.com{ARABIC_PATH_ENCODED}"),
]


@pytest.mark.parametrize(("url", "expected"), CANONICAL_CASES)
def test_canonical_url(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


def test_percent_encoded_arabic_path_equals_decoded_path() -> None:
    decoded = canonical_url(f"http://www.aawsat.com{ARABIC_PATH}")
    lower_hex = canonical_url(f"https://aawsat.com{ARABIC_PATH_ENCODED.lower()}/?utm_source=rss")
    assert decoded is not None
    assert decoded == lower_hex == canonical_url(f"https://aawsat.com{ARABIC_PATH_ENCODED}")


INVALID_URLS = [
    None,
    "",
    "not a url",
    "ftp://example.com/file",
    "mailto:someone@example.com",
    "//example.com/no-scheme",
    "example.com/no-scheme",
    "http:///no-host",
    "http://exa mple.com/",
    "http://example.com:99999/",
    "http://-bad-.com/",
    "http://a..b/",
]


@pytest.mark.parametrize("url", INVALID_URLS)
def test_invalid_urls_have_no_canonical_form(url: str | None) -> None:
    assert canonical_url(url) is None
    if url is not None:
        assert not is_valid_url(url)


@pytest.mark.parametrize(
    "url", ["https://example.com", "http://news.example.co.uk/a?b=1", "http://[::1]:8080/x"]
)
def test_valid_urls(url: str) -> None:
    assert is_valid_url(url)


def test_content_hash_ignores_case_width_and_whitespace() -> None:
    reference = content_hash("Hello World. مرحبا")
    assert content_hash("  hello\n\n\tWORLD.\u00a0مرحبا ") == reference
    assert content_hash("Ｈｅｌｌｏ World. مرحبا") == reference  # full-width letters, NFKC
    assert content_hash("Hello World! مرحبا") != reference
    assert reference == hashlib.sha256("hello world. مرحبا".encode()).hexdigest()


def test_article_id_from_canonical_url() -> None:
    canonical = "https://example.com/news/1"
    expected = "u_" + hashlib.sha256(canonical.encode()).hexdigest()[:20]
    assert make_article_id(canonical, content_hash("body")) == expected
    assert len(expected) == 22


def test_article_id_falls_back_to_content_hash() -> None:
    body_hash = content_hash("some body")
    assert make_article_id(None, body_hash) == "c_" + body_hash[:20]
    assert make_article_id("", body_hash) == "c_" + body_hash[:20]


def test_article_id_is_stable_across_url_spellings() -> None:
    spellings = [
        "http://www.Example.com/news/1/?utm_source=a#top",
        "https://example.com/news/1",
        "https://example.com:443/news/1?fbclid=xyz",
    ]
    ids = {make_article_id(canonical_url(url), content_hash("x")) for url in spellings}
    assert ids == {"u_" + hashlib.sha256(b"https://example.com/news/1").hexdigest()[:20]}
