"""The dump formats ingest reads and the file names each usually comes under: declared here once,
read by the reader's fallback, the HTML-bundle test, the raw-record model, the CLI's messages and
the docs (a test checks the docs' lists against it)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class DumpFormat:
    name: str  # the value of raw.records.dump_format and ops.dump_files.format
    suffixes: tuple[str, ...]  # content decides the format; a suffix only breaks ties
    description: str


DUMP_FORMATS: Final = (
    DumpFormat("jsonl", (".jsonl", ".ndjson"), "JSON Lines: one object a line"),
    DumpFormat("json_array", (".json",), "a JSON array, or an object holding one"),
    DumpFormat("csv", (".csv",), "comma-separated, with a header row"),
    DumpFormat("tsv", (".tsv", ".tab"), "tab-separated, with a header row"),
    DumpFormat("parquet", (".parquet",), "Parquet, read in record batches"),
    DumpFormat("text", (".txt",), "plain text, one article per file"),
    DumpFormat("text_list", (), "a serialized list of article strings (a .txt file)"),
    DumpFormat("html", (".html", ".htm", ".xhtml", ".shtml"), "an HTML page, or a zip of pages"),
    DumpFormat("warc", (".warc", ".arc"), "a WARC or ARC web archive"),
)
# Not text (an image, an executable, noise): read as one not_text quarantine row.
BINARY: Final = "binary"
FORMATS: Final = (*(f.name for f in DUMP_FORMATS), BINARY)
COMPRESSIONS: Final = ("none", "gzip", "zstd", "bz2")
ARCHIVE_SUFFIX: Final = ".zip"  # one dump per member, or one dump of HTML pages

FORMAT_BY_SUFFIX: Final = {suffix: f.name for f in DUMP_FORMATS for suffix in f.suffixes}
PAGE_SUFFIXES: Final = next(f.suffixes for f in DUMP_FORMATS if f.name == "html")
# A zip holding any of these is a zip of dumps, not one dump of HTML pages.
NON_PAGE_SUFFIXES: Final = (
    *(s for f in DUMP_FORMATS if f.name != "html" for s in f.suffixes),
    ARCHIVE_SUFFIX,
)


def dump_suffixes_text() -> str:
    """'.jsonl, .json, ... or .zip': the usual name of each format, for messages."""
    names = [f.suffixes[0] for f in DUMP_FORMATS if f.suffixes] + [ARCHIVE_SUFFIX]
    return f"{', '.join(names[:-1])} or {names[-1]}"
