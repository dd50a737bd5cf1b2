"""Publication day of an HTML page: htmldate, overruled only by what the page itself states.

Evidence, best first (the figures behind each rule: docs/notes/html_warc.md, "Publication
dates of HTML pages"):

1. `declared`: the publication date the page declares for machines (schema.org JSON-LD
   `datePublished`, Open Graph `article:published_time`, microdata `itemprop=datePublished`),
   when its calendar day is certain: a time with the publisher's own offset, or a UTC time
   between 08:00 and 14:59 (the same day from UTC-8 to UTC+9). A UTC time near midnight, a
   time without zone or a bare day may be the server's UTC day, not the publisher's.
2. `dateline`: a complete date opening one of the first lines of the main text.
3. `label`: the one date the page shows after a publication label ("Published on",
   "Veröffentlicht am", "Publié le", ...); pages with several different labelled dates (lists
   of other articles) are skipped.
4. `htmldate`: the library with the crawled URL, original date preferred, extensive search
   (for every page rules 1 and 3 leave undecided: it also changes some dates the fast path
   finds, for the better on the pages measured, at ~1 ms a page).
5. `declared_utc`: the declared date whose UTC day was uncertain, when htmldate found nothing.
6. `canonical`: htmldate's quick search with the canonical URL (trafilatura's own call).

So a page gets a date whenever htmldate finds one (never below the library). Every day is
within the contract's bounds (schemas/contract.py), which validation would otherwise enforce by
quarantining the whole record.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Final

import htmldate
from lxml.html import HtmlElement

from pipelines.clean.dates import parse_published_at
from schemas.contract import published_at_bounds

DECLARED, DATELINE, LABEL, HTMLDATE = "declared", "dateline", "label", "htmldate"
DECLARED_UTC, CANONICAL = "declared_utc", "canonical"
# UTC hours whose calendar day is the same from UTC-8 (US Pacific) to UTC+9 (Japan)
_SAFE_UTC_HOURS: Final = range(8, 15)
_DATELINE_LINES: Final = 3
_MAX_LABELLED: Final = 20  # labelled dates looked at per page

_ISO_DAY = re.compile(
    r"^\s*(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"(?:[T ](?P<hour>\d{1,2}):\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?P<zone>Z|[+-]\d{2}:?\d{2})?)?"
)
_META_PUBLISHED: Final = (
    "//meta[@property='article:published_time' or @property='og:article:published_time'"
    " or @name='article:published_time' or @property='og:published_time']/@content"
)
_ITEMPROP_PUBLISHED: Final = "//*[@itemprop='datePublished']"
# A complete date: 16.08.2019, 2019-08-16, 16. August 2019, 16 août 2019, August 16, 2019
_DATE = (
    r"(?P<date>\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?\s+(?:de\s+)?\d{4}"
    r"|[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4})"
)
_DATELINE = re.compile(rf"^\W{{0,3}}{_DATE}(?!\d)")
# Labels are looked for in the page's UTF-8 bytes, ASCII-lowercased (bytes.lower and bytes.find
# cost ~0.1 ms on a 170 KB page where str.lower alone costs 0.6 ms and a regex scan 6 ms), by
# one scan per stem that several labels share: the English ones on every page, the others on
# pages that declare their language (or declare none).
_LABEL_STEMS: Final = {
    "publi": ("published", "publiziert", "publié", "publicado", "gepubliceerd"),
    "posted": ("posted",),
    "pubbli": ("pubblicato",),
    "ffentlicht": ("veröffentlicht",),
    "erschienen": ("erschienen",),
    "نشر": ("تاريخ النشر", "نشر"),
}
_STEMS_OF_LANGUAGE: Final = {"it": ("pubbli",), "de": ("ffentlicht", "erschienen"), "ar": ("نشر",)}
_ENGLISH_STEMS: Final = ("publi", "posted")  # "publi" also covers de/fr/es/pt/nl labels
# stem -> (label, byte offset of the stem in the label), longest label first
_LABELS: Final = {
    stem.encode(): tuple(
        (label.encode(), label.encode().index(stem.encode()))
        for label in sorted(labels, key=len, reverse=True)
    )
    for stem, labels in _LABEL_STEMS.items()
}
_SPACE = rb"(?:\s|\xc2\xa0)"  # with the UTF-8 no-break space
_LETTERS = rb"[A-Za-z\x80-\xff]{3,24}"  # a month name, UTF-8 letters included
_DATE_BYTES = (
    rb"(?P<date>\d{1,2}\.\s?\d{1,2}\.\s?\d{4}|\d{4}-\d{2}-\d{2}"
    rb"|\d{1,2}\.?" + _SPACE + rb"+(?:de\s+)?" + _LETTERS + rb"\.?" + _SPACE + rb"+(?:de\s+)?\d{4}"
    rb"|" + _LETTERS + rb"\.?" + _SPACE + rb"+\d{1,2}(?:st|nd|rd|th)?,?" + _SPACE + rb"+\d{4})"
)
# after a label: an optional preposition and colon, up to four tags, then the date
_AFTER_LABEL = re.compile(
    rb"(?:"
    + _SPACE
    + rb"+(?:am|on|le|el|il|op|"
    + "في|بتاريخ".encode()
    + rb"))?"
    + (_SPACE + rb"*:?" + _SPACE + rb"*(?:<[^<>]{0,300}>" + _SPACE + rb"*){0,4}")
    + _DATE_BYTES
)


@dataclass(frozen=True)
class DateEvidence:
    """What the page's tree says, gathered before the main-text extraction prunes it."""

    declared: str | None  # YYYY-MM-DD as written
    declared_certain: bool  # the written day is the publisher's day (see rule 1)
    label: str | None
    library: str | None  # htmldate with the crawled URL
    canonical: str | None  # htmldate's quick search with the canonical URL


@dataclass(frozen=True)
class PageDate:
    day: str | None  # YYYY-MM-DD
    evidence: str | None  # which rule gave it (module docstring)


def _in_bounds(day: date) -> bool:
    earliest, latest = published_at_bounds()
    return earliest.date() <= day <= latest.date()


def _day(year: int, month: int, day: int) -> str | None:
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    return value.isoformat() if _in_bounds(value) else None


def declared_day(value: str) -> tuple[str | None, bool]:
    """(the day as written, whether it is the publisher's own day) of an ISO date-time."""
    match = _ISO_DAY.match(value)
    if match is None:
        return None, False
    day = _day(int(match["year"]), int(match["month"]), int(match["day"]))
    if match["hour"] is None or match["zone"] is None:
        return day, False  # a bare day or zoneless time may be the server's UTC day (forbes.com)
    is_utc = match["zone"].replace(":", "") in ("Z", "+0000", "-0000")
    return day, not is_utc or int(match["hour"]) in _SAFE_UTC_HOURS


def _json_ld_published(tree: HtmlElement) -> list[str]:
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            if isinstance(node.get("datePublished"), str):
                found.append(node["datePublished"])
            for value in node.values():
                if isinstance(value, (list, dict)):
                    walk(value)

    for script in tree.xpath("//script[@type='application/ld+json']/text()"):
        try:
            walk(json.loads(script))
        except ValueError:  # trafilatura and htmldate tolerate broken JSON-LD too
            continue
    return found


def declared_published(tree: HtmlElement, html: str) -> tuple[str | None, bool]:
    """The first parseable declared publication date: JSON-LD, Open Graph, microdata (each
    looked for only when its name is in the page: the XPaths walk the whole tree)."""
    candidates: list[str] = []
    if "datePublished" in html and "ld+json" in html:
        candidates += _json_ld_published(tree)
    if "published_time" in html:
        candidates += [str(value) for value in tree.xpath(_META_PUBLISHED)]
    if 'itemprop="datePublished"' in html or "itemprop='datePublished'" in html:
        for element in tree.xpath(_ITEMPROP_PUBLISHED):
            candidates += [element.get("content") or "", element.get("datetime") or ""]
    for value in candidates:
        day, certain = declared_day(value)
        if day is not None:
            return day, certain
    return None, False


def _text_day(text: str) -> str | None:
    parsed = parse_published_at(text)
    return _day(parsed.year, parsed.month, parsed.day) if isinstance(parsed, datetime) else None


def _follows_a_letter(data: bytes, start: int) -> bool:
    """Whether the character before `start` in UTF-8 `data` is a letter ("datePublished")."""
    begin = start - 1
    while begin > 0 and start - begin < 4 and 0x80 <= data[begin] < 0xC0:
        begin -= 1  # back to the first byte of a multi-byte character
    return begin >= 0 and data[begin:start].decode("utf-8", "ignore").isalpha()


def _stems(language: str | None) -> tuple[str, ...]:
    code = (language or "").split("-")[0].strip().lower()
    if not code:
        return tuple(_LABEL_STEMS)
    return _ENGLISH_STEMS + _STEMS_OF_LANGUAGE.get(code, ())


def _label_ends(lowered: bytes, language: str | None) -> Iterator[int]:
    """The end of every publication label in the ASCII-lowercased page bytes."""
    for stem in (name.encode() for name in _stems(language)):
        hit = lowered.find(stem)
        while hit >= 0:
            for label, offset in _LABELS[stem]:
                start = hit - offset
                if start >= 0 and lowered.startswith(label, start):
                    if not _follows_a_letter(lowered, start):
                        yield start + len(label)
                    break
            hit = lowered.find(stem, hit + len(stem))


def labelled_day(html: str, language: str | None = None) -> str | None:
    """The one date shown after a publication label; None when none or several differ.
    `language`: the page's declared language (None: look for the labels of every language)."""
    data = html.encode("utf-8", "ignore")
    days: set[str] = set()
    looked = 0
    for end in _label_ends(data.lower(), language):  # ASCII letters only: offsets stay the same
        match = _AFTER_LABEL.match(data, end)
        if match is None:
            continue
        looked += 1
        if (day := _text_day(match["date"].decode("utf-8", "ignore"))) is not None:
            days.add(day)
        if looked >= _MAX_LABELLED:
            break
    return days.pop() if len(days) == 1 else None


def dateline_day(body: str | None) -> str | None:
    """A complete date opening one of the first lines of the main text ("29.11.2022 – ...")."""
    lines = [line for line in (body or "").split("\n") if line.strip()][:_DATELINE_LINES]
    for line in lines:
        match = _DATELINE.match(line)
        if match is not None and (day := _text_day(match["date"])) is not None:
            return day
    return None


def _htmldate(tree: HtmlElement, url: str | None, extensive: bool) -> str | None:
    # original (publication) date over last-modified
    found = htmldate.find_date(tree, url=url, original_date=True, extensive_search=extensive)
    return found if isinstance(found, str) else None


def gather_date_evidence(
    tree: HtmlElement,
    html: str,
    url: str | None,
    canonical_url: str | None,
    language: str | None = None,
) -> DateEvidence:
    """Everything but the dateline, on the untouched tree (htmldate reads scripts and
    footers that the main-text extraction drops)."""
    declared, certain = declared_published(tree, html)
    if declared and certain:  # rule 1 decides: nothing else is needed
        return DateEvidence(declared, certain, None, None, None)
    label = labelled_day(html, language)
    if label is not None:  # rule 3 outranks the library: only a dateline can overrule it
        return DateEvidence(declared, certain, label, None, None)
    library = _htmldate(tree, url, extensive=True)
    canonical = None
    if library is None and canonical_url and canonical_url != url:
        canonical = _htmldate(tree, canonical_url, extensive=False)
    return DateEvidence(declared, certain, label, library, canonical)


def choose_published_day(evidence: DateEvidence, body: str | None) -> PageDate:
    """The best-supported day, in the order of the module docstring."""
    if evidence.declared and evidence.declared_certain:
        return PageDate(evidence.declared, DECLARED)
    if dateline := dateline_day(body):
        return PageDate(dateline, DATELINE)
    ranked = (
        (evidence.label, LABEL),
        (evidence.library, HTMLDATE),
        (evidence.declared, DECLARED_UTC),
        (evidence.canonical, CANONICAL),
    )
    for day, rule in ranked:
        if day:
            return PageDate(day, rule)
    return PageDate(None, None)
