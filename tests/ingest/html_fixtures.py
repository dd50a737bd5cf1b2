"""Hand-written HTML pages and WARC records for the html/warc reader tests."""

from __future__ import annotations

import gzip

PARAGRAPH = (
    "The harbour authority opened a new container terminal on Saturday, adding space for "
    "two large vessels and cutting waiting times for ships that call at the port. "
)


def article_html(
    title: str = "Harbour terminal opens",
    body: str = PARAGRAPH * 4,
    *,
    lang: str = "en",
    published: str = "2025-05-03T08:00:00+03:00",
    canonical: str = "https://port-news.example/2025/05/03/terminal",
    charset_meta: str | None = "utf-8",
) -> str:
    meta = f'<meta charset="{charset_meta}">' if charset_meta else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head>{meta}<title>{title} | Port News</title>'
        f'<link rel="canonical" href="{canonical}">'
        '<meta property="og:site_name" content="Port News">'
        '<meta name="author" content="Mariam Haddad">'
        f'<meta property="article:published_time" content="{published}">'
        '<meta name="description" content="A new terminal."></head><body>'
        "<nav><a href='/'>Home</a> | <a href='/world'>World</a> | <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1><p>{body}</p><p>{PARAGRAPH}</p></article>"
        "<div class='cookie-consent'>We use cookies to improve your experience. Accept all</div>"
        "<footer>(c) Port News. All rights reserved.</footer></body></html>"
    )


def warc_record(
    record_type: str,
    uri: str | None,
    block: bytes,
    *,
    record_id: str,
    content_type: str = "application/http; msgtype=response",
    date: str = "2025-05-03T09:00:00Z",
) -> bytes:
    headers = [
        "WARC/1.0",
        f"WARC-Type: {record_type}",
        f"WARC-Record-ID: <urn:uuid:{record_id}>",
        f"WARC-Date: {date}",
    ]
    if uri:
        headers.append(f"WARC-Target-URI: {uri}")
    headers += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def http_response(status: str, content_type: str | None, payload: bytes, **extra: str) -> bytes:
    lines = [f"HTTP/1.1 {status}"]
    if content_type:
        lines.append(f"Content-Type: {content_type}")
    lines += [f"{k.replace('_', '-')}: {v}" for k, v in extra.items()]
    lines.append(f"Content-Length: {len(payload)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


def gzip_records(records: list[bytes]) -> bytes:
    """Each record its own gzip member, as crawlers write .warc.gz."""
    return b"".join(gzip.compress(r, mtime=0) for r in records)


def sample_warc_records() -> list[bytes]:
    """warcinfo, request, 2 HTML responses, a redirect, robots.txt, an image, a 404."""
    page = article_html().encode()
    page2 = article_html(
        "Second story", canonical="https://port-news.example/2", published="2025-05-01"
    ).encode()
    uri = "https://port-news.example/2025/05/03/terminal?utm_source=x"
    return [
        warc_record("warcinfo", None, b"software: test\r\n", record_id="1",
                    content_type="application/warc-fields"),
        warc_record("request", uri, b"GET / HTTP/1.1\r\nHost: port-news.example\r\n\r\n",
                    record_id="2", content_type="application/http; msgtype=request"),
        warc_record("response", uri,
                    http_response("200 OK", "text/html; charset=utf-8", page), record_id="3"),
        warc_record("response", "http://port-news.example/old",
                    http_response("301 Moved Permanently", "text/html", b"",
                                  Location="https://port-news.example/new"), record_id="4"),
        warc_record("response", "https://port-news.example/robots.txt",
                    http_response("200 OK", "text/plain", b"User-agent: *\nDisallow:\n"),
                    record_id="5"),
        warc_record("response", "https://port-news.example/logo.png",
                    http_response("200 OK", "image/png", b"\x89PNG\r\n\x1a\n0000"), record_id="6"),
        warc_record("response", "https://port-news.example/missing",
                    http_response("404 Not Found", "text/html", b"<html>gone</html>"),
                    record_id="7"),
        warc_record("response", "https://port-news.example/2",
                    http_response("200 OK", None, page2), record_id="8"),
    ]  # fmt: skip
