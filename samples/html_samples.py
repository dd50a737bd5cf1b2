"""Sample crawled pages for ``samples/landing/html/`` (used by make_samples.py).

A WARC archive (gzip per record, hand-written records: no clock, no random ids) and a zip of
HTML pages, one of them Arabic in Windows-1256 with no charset declaration. All texts are
original, written for this project; hosts are ``.example``.
"""

from __future__ import annotations

import gzip
import io
import zipfile
from typing import Any

WARC_PATH = "html/crawl_2025-05-03.warc.gz"
ZIP_PATH = "html/pages_2025-05-04.zip"
ZIP_DATE = (2025, 5, 4, 6, 0, 0)

EN_PARAS = [
    "The eastern province's new desalination research centre opened its laboratories to "
    "students on Saturday, offering forty places in its first training programme.",
    "Engineers at the centre will test membranes that need less pressure and therefore less "
    "electricity, the director told reporters during a tour of the building.",
    "The first results are expected before the end of the year and will be shared with the "
    "operators of the region's coastal plants.",
]
FR_PARAS = [
    "Le marché aux dattes de Qassim a ouvert sa saison samedi avec plus de deux cents "
    "producteurs venus de toute la région.",
    "Les organisateurs attendent près de cent mille visiteurs pendant les trois semaines de la "
    "foire, soit davantage que l'an dernier.",
    "Une zone réservée aux petits exploitants permet cette année de vendre directement aux "
    "familles, sans intermédiaire.",
]
AR_PARAS = [
    "افتتحت أمانة منطقة تبوك اليوم الأحد حديقة عامة جديدة على مساحة ثلاثين ألف متر مربع في "
    "الحي الشمالي من المدينة.",
    "وتضم الحديقة مسارات للمشي وملاعب للأطفال ومساحات خضراء زرعت فيها أشجار محلية تتحمل "
    "الجفاف وتقلل استهلاك المياه.",
    "وأوضحت الأمانة أن الحديقة ستفتح أبوابها يوميًا من الرابعة عصرًا حتى منتصف الليل.",
]
AR_CP1256_PARAS = [
    "أعلنت جامعة الملك فيصل في الأحساء بدء التسجيل في برنامج صيفي لتعليم البرمجة لطلاب المرحلة "
    "الثانوية بمشاركة خمسمئة طالب وطالبة.",
    "ويستمر البرنامج ستة أسابيع ويشمل مشاريع تطبيقية في تحليل البيانات وتطوير تطبيقات الهاتف.",
    "وقالت الجامعة إن المقاعد ستوزع على المدارس بحسب عدد الطلاب في كل محافظة.",
]
EN2_PARAS = [
    "Abha's summer festival will run for six weeks this year, with concerts, a craft market "
    "and evening walks in the old town, the organisers said on Sunday.",
    "Hotels in the mountain city reported that most rooms for the opening weekend were already "
    "booked, helped by cooler weather than on the coast.",
    "A shuttle bus will link the festival grounds with the airport every thirty minutes.",
]


def page(title: str, paras: list[str], *, lang: str, url: str, date: str, site: str,
         charset: str | None = "utf-8") -> str:  # fmt: skip
    """An article page with navigation, a cookie banner and a footer around the text."""
    meta = f'<meta charset="{charset}">' if charset else ""
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}"><head>{meta}<title>{title} - {site}</title>'
        f'<link rel="canonical" href="{url}"><meta property="og:site_name" content="{site}">'
        f'<meta property="article:published_time" content="{date}"></head><body>'
        '<nav><a href="/">Home</a> <a href="/local">Local</a> <a href="/sport">Sport</a></nav>'
        f"<article><h1>{title}</h1>{body}</article>"
        '<div id="cookie-banner">We use cookies to improve your experience. '
        "<button>Accept all</button></div><footer>Contact | Privacy | Terms</footer>"
        "</body></html>\n"
    )


def _record(kind: str, number: int, uri: str | None, block: bytes, content_type: str) -> bytes:
    headers = ["WARC/1.0", f"WARC-Type: {kind}",
               f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{number:012d}>",
               "WARC-Date: 2025-05-03T09:00:00Z"]  # fmt: skip
    if uri:
        headers.append(f"WARC-Target-URI: {uri}")
    headers += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def _http(status: str, headers: dict[str, str], payload: bytes) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers.items())]
    lines.append(f"Content-Length: {len(payload)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


def _gzip(data: bytes) -> bytes:
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(data)
    return buf.getvalue()


def build_warc() -> bytes:
    """warcinfo, request, 3 HTML responses (en, fr, ar), a redirect, robots.txt, an image."""
    en_url = "https://gulf-daily.example/science/2025/05/03/desalination-centre"
    fr_url = "https://le-quotidien.example.fr/regions/2025/05/03/marche-aux-dattes"
    ar_url = "https://almadina-example.sa/local/2025/05/04/tabuk-park"
    html = {"Content-Type": "text/html; charset=utf-8"}
    records = [
        _record("warcinfo", 1, None, b"software: news-warehouse samples\r\nformat: WARC/1.0\r\n",
                "application/warc-fields"),
        _record("request", 2, en_url, b"GET /science/2025/05/03/desalination-centre HTTP/1.1\r\n"
                b"Host: gulf-daily.example\r\n\r\n", "application/http; msgtype=request"),
        _record("response", 3, en_url, _http("200 OK", html, page(
            "Desalination research centre opens", EN_PARAS, lang="en", url=en_url,
            date="2025-05-03T07:30:00+03:00", site="Gulf Daily").encode()),
            "application/http; msgtype=response"),
        _record("response", 4, fr_url, _http("200 OK", html, page(
            "Ouverture du marché aux dattes de Qassim", FR_PARAS, lang="fr", url=fr_url,
            date="2025-05-03", site="Le Quotidien").encode()),
            "application/http; msgtype=response"),
        _record("response", 5, "http://gulf-daily.example/old-science",
                _http("301 Moved Permanently", {"Location": en_url}, b""),
                "application/http; msgtype=response"),
        _record("response", 6, "https://gulf-daily.example/robots.txt",
                _http("200 OK", {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /a\n"),
                "application/http; msgtype=response"),
        _record("response", 7, "https://gulf-daily.example/logo.png",
                _http("200 OK", {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n" + bytes(24)),
                "application/http; msgtype=response"),
        _record("response", 8, ar_url, _http("200 OK", html, page(
            "افتتاح حديقة عامة جديدة في تبوك", AR_PARAS, lang="ar", url=ar_url,
            date="2025-05-04T10:00:00+03:00", site="المدينة").encode()),
            "application/http; msgtype=response"),
    ]  # fmt: skip
    return b"".join(_gzip(r) for r in records)


def build_zip() -> bytes:
    """Three pages: Arabic cp1256 without a charset declaration, English, and a nav-only page."""
    ar_url = "https://alwatan-example.sa/education/2025/05/04/coding-summer-school"
    en_url = "https://desert-tribune.example/travel/2025/05/04/abha-summer-festival"
    members = {
        "pages/ahsa_coding_school.html": page(
            "برنامج صيفي لتعليم البرمجة في الأحساء", AR_CP1256_PARAS, lang="ar", url=ar_url,
            date="2025-05-04", site="الوطن", charset=None).encode("cp1256"),
        "pages/abha_festival.html": page(
            "Abha summer festival to run six weeks", EN2_PARAS, lang="en", url=en_url,
            date="2025-05-04T09:15:00+03:00", site="Desert Tribune").encode(),
        "pages/section_index.html": (
            b'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Local</title>'
            b'</head><body><nav><a href="/">Home</a> <a href="/local">Local</a></nav>'
            b"<ul><li><a href='/a'>More</a></li></ul></body></html>\n"),
    }  # fmt: skip
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return buf.getvalue()


def html_outcomes() -> dict[str, dict[str, Any]]:
    """Contract entries for the two HTML dumps (merged into expected_outcomes.json)."""
    return {
        WARC_PATH: {
            "records": 8,
            "valid": 3,
            "quarantined": {"warc_non_response": 2, "http_redirect": 1, "not_html": 2},
            "valid_languages": {"en": 1, "fr": 1, "ar": 1},
        },
        ZIP_PATH: {
            "records": 3,
            "valid": 2,
            "quarantined": {"empty_extraction": 1},
            "valid_languages": {"ar": 1, "en": 1},
        },
    }


def build_html() -> dict[str, bytes]:
    return {WARC_PATH: build_warc(), ZIP_PATH: build_zip()}
