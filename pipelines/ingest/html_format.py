"""HTML pages as dumps: one page per file, or a zip of pages as ONE dump (one record a member).

A zip is an "HTML bundle" when at least one member is named like a page (.html, .htm,
.xhtml, optionally .gz) and no member is named like another dump format: it is then one
dump (one partition) instead of one dump per member, so a zip of 10,000 crawled pages does
not become 10,000 partitions. Members that are not pages (images, CSS, ...) are rejected
records (not_html), never skipped silently. A folder of HTML files stays one dump per file.
"""

from __future__ import annotations

import gzip
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Final

from pipelines.ingest.formats import NON_PAGE_SUFFIXES, PAGE_SUFFIXES
from pipelines.ingest.html_extract import PageContext
from pipelines.ingest.html_parallel import Item, extract_stream
from pipelines.ingest.html_sniff import looks_like_html
from pipelines.ingest.records import RawRecord, rejected
from pipelines.ingest.streams import GZIP_MAGIC, STREAM_ERRORS
from pipelines.reject_reasons import FILE_TOO_LARGE, NOT_HTML, UNREADABLE_FILE

MAX_PAGE_BYTES: Final = 20 * 1024 * 1024


def _base_name(name: str) -> str:
    lower = name.lower()
    return lower[:-3] if lower.endswith(".gz") else lower


def is_page_name(name: str) -> bool:
    return _base_name(name).endswith(PAGE_SUFFIXES)


def _hidden(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return name.startswith("__MACOSX/") or any(p.startswith((".", "_")) for p in parts)


def bundle_members(archive: zipfile.ZipFile) -> list[zipfile.ZipInfo]:
    """The members read as records of a bundle: files, not hidden, in archive order."""
    return [i for i in archive.infolist() if not i.is_dir() and not _hidden(i.filename)]


def is_html_bundle(path: Path) -> bool:
    """A valid zip holding pages and no other kind of dump."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = [info.filename for info in bundle_members(archive)]
    except (OSError, zipfile.BadZipFile):
        return False
    has_page = any(is_page_name(n) for n in names)
    return has_page and not any(_base_name(n).endswith(NON_PAGE_SUFFIXES) for n in names)


def _page_bytes(data: bytes) -> bytes:
    return gzip.decompress(data) if data.startswith(GZIP_MAGIC) else data


def page_item(locator: str, data: bytes, name: str) -> Item:
    """The page to extract, or a rejected record when the bytes are no HTML page."""
    if len(data) > MAX_PAGE_BYTES:
        return rejected(locator, name, FILE_TOO_LARGE, f"page over {MAX_PAGE_BYTES} bytes")
    if not looks_like_html(data[:4096]) and not is_page_name(name):
        return rejected(locator, name, NOT_HTML, f"{name}: not an HTML page by name or content")
    return data, PageContext(locator=locator)


def bundle_items(path: Path) -> Iterator[Item]:
    with zipfile.ZipFile(path) as archive:
        for info in bundle_members(archive):
            locator = f"member:{info.filename}"
            if info.file_size > MAX_PAGE_BYTES * 4:
                yield rejected(locator, info.filename, FILE_TOO_LARGE, "member too large")
                continue
            try:
                with archive.open(info) as member:
                    data = _page_bytes(member.read())
            except (*STREAM_ERRORS, gzip.BadGzipFile) as exc:
                yield rejected(locator, info.filename, UNREADABLE_FILE, f"unreadable member: {exc}")
                continue
            yield page_item(locator, data, info.filename)


def read_html_bundle(path: Path, workers: int | None = None) -> Iterator[RawRecord]:
    """Every member of a zip of pages, one record each."""
    yield from extract_stream(bundle_items(path), workers)


def read_html_file(stream: IO[bytes], name: str) -> Iterator[RawRecord]:
    """A (decompressed) single page: one record."""
    data = stream.read(MAX_PAGE_BYTES + 1)
    if not data:
        return  # an empty file holds no page
    yield from extract_stream([page_item("file", data, name)], workers=1)
