"""Clean one article: artefacts, invisible characters, header (title/date lines), boilerplate."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from pipelines.clean.artefacts import strip_serialization_artefacts
from pipelines.clean.boilerplate import remove_boilerplate
from pipelines.text.dates import looks_like_date_line, parse_published_at
from pipelines.text.normalization import (
    loose_key,
    normalize_text,
    normalize_whitespace,
    remove_invisible_chars,
)

REPEATED_TITLE = "repeated_title"
DATE_LINE = "date_line"
SERIALIZATION_ARTEFACT = "serialization_artefact"
ZERO_WIDTH = "zero_width"
CONTROL_CHARS = "control_chars"

# Title and date lines sit at the top: never look further than this many non-empty lines.
_HEADER_LINES_TO_SCAN = 6
# A longer first line is a paragraph, not a title.
_MAX_TITLE_CHARS = 300


@dataclass(frozen=True)
class CleanedArticle:
    title: str | None
    body: str
    published_at: datetime | None
    published_at_raw: str | None
    removed: tuple[str, ...]
    date_line: str | None = None  # a date line found at the top of the text, if any


@dataclass(frozen=True)
class _Header:
    remaining_lines: list[str]
    date_line: str | None
    removed: tuple[str, ...]


def _prepare_body(raw_body: str) -> tuple[str, list[str]]:
    removed: list[str] = []
    first_pass = remove_invisible_chars(raw_body)
    text, had_artefacts = strip_serialization_artefacts(first_pass.text)
    # Decoded escapes and HTML entities can bring in new invisible characters.
    second_pass = remove_invisible_chars(unicodedata.normalize("NFC", text))
    if had_artefacts:
        removed.append(SERIALIZATION_ARTEFACT)
    if first_pass.had_zero_width or second_pass.had_zero_width:
        removed.append(ZERO_WIDTH)
    if first_pass.had_control_chars or second_pass.had_control_chars:
        removed.append(CONTROL_CHARS)
    return normalize_whitespace(second_pass.text), removed


def _normalize_title(title: str | None) -> str | None:
    if title is None:
        return None
    single_line = " ".join(normalize_text(title).split("\n"))
    return " ".join(single_line.split()) or None


def _strip_header(lines: list[str], title: str | None) -> _Header:
    """Drop leading lines that repeat the title or hold only a date; keep the first date."""
    title_key = loose_key(title) if title else ""
    removed: list[str] = []
    date_line: str | None = None
    index = 0
    scanned = 0
    while index < len(lines) and scanned < _HEADER_LINES_TO_SCAN:
        line = lines[index]
        if line:
            scanned += 1
            if title_key and len(line) <= _MAX_TITLE_CHARS and loose_key(line) == title_key:
                removed.append(REPEATED_TITLE)
            elif looks_like_date_line(line):
                date_line = date_line or line
                removed.append(DATE_LINE)
            else:
                break
        index += 1
    return _Header(lines[index:], date_line, tuple(removed))


def _take_title_line(lines: list[str]) -> tuple[str | None, list[str]]:
    non_empty = [index for index, line in enumerate(lines) if line]
    if len(non_empty) < 2 or len(lines[non_empty[0]]) > _MAX_TITLE_CHARS:
        return None, lines
    first = non_empty[0]
    return _normalize_title(lines[first]), lines[first + 1 :]


def clean_article(
    *,
    title: str | None,
    body: str | None,
    published_at_raw: str | None,
    is_plain_text: bool,
) -> CleanedArticle:
    """Clean one article; plain-text articles also yield their title and date from the text."""
    text, removed = _prepare_body(body or "")
    lines = text.split("\n")
    if is_plain_text:
        given_title = _normalize_title(title)
        leading = _strip_header(lines, given_title)  # a date line may come before the title
        if given_title is None:
            title, lines = _take_title_line(leading.remaining_lines)
        else:
            title, lines = given_title, leading.remaining_lines
        header = _strip_header(lines, title)
        date_line = leading.date_line or header.date_line
        removed.extend(leading.removed + header.removed)
        published_at_raw = date_line or published_at_raw
    else:
        title = _normalize_title(title)
        header = _strip_header(lines, title)
        removed.extend(header.removed)
        date_line = header.date_line
        published_at_raw = published_at_raw or date_line

    cleaned_body, boilerplate_reasons = remove_boilerplate("\n".join(header.remaining_lines))
    removed.extend(boilerplate_reasons)
    return CleanedArticle(
        title=title,
        body=cleaned_body,
        published_at=parse_published_at(published_at_raw),
        published_at_raw=published_at_raw,
        removed=tuple(dict.fromkeys(removed)),
        date_line=date_line,
    )
