"""Why a record is quarantined: every `reject_reason`, the stage that gives it and what it means.

Declared here once: the readers, validation and cleaning use these names, RejectedRecordSchema
checks the stages, and the table in docs/warehouse_tables.md is generated from this list
(`.venv/bin/python -m pipelines.reject_reasons`; a test fails when it is stale). Pure: imported
by the ingest package, so it imports nothing of the pipeline.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Final, NamedTuple

STAGES: Final = ("ingest", "validate", "clean")


class RejectReason(NamedTuple):
    name: str
    stage: str
    meaning: str


# ingest: the file or record cannot be read
UNPARSEABLE_JSON: Final = "unparseable_json"
NOT_AN_OBJECT: Final = "not_an_object"
BAD_ENCODING: Final = "bad_encoding"
MALFORMED_ROW: Final = "malformed_row"
UNPARSEABLE_LITERAL: Final = "unparseable_literal"
FILE_TOO_LARGE: Final = "file_too_large"
UNREADABLE_FILE: Final = "unreadable_file"
OUTSIDE_LANDING: Final = "outside_landing"
NOT_REGULAR_FILE: Final = "not_regular_file"
UNSAFE_ARCHIVE_MEMBER: Final = "unsafe_archive_member"
NOT_TEXT: Final = "not_text"
RECORD_TOO_LARGE: Final = "record_too_large"
FIELD_TOO_LARGE: Final = "field_too_large"
NESTED_TOO_DEEP: Final = "nested_too_deep"
UNCLOSED_QUOTE: Final = "unclosed_quote"
TOO_MANY_RECORDS: Final = "too_many_records"
# ingest, html and warc dumps
WARC_NON_RESPONSE: Final = "warc_non_response"
HTTP_REDIRECT: Final = "http_redirect"
HTTP_ERROR: Final = "http_error"
NOT_HTML: Final = "not_html"
EMPTY_EXTRACTION: Final = "empty_extraction"
# validate: RawRecordSchema's checks and the contract's date bounds
MISSING_BODY: Final = "missing_body"
INVALID_URL: Final = "invalid_url"
TITLE_TOO_LONG: Final = "title_too_long"
INVALID_PUBLISHED_AT: Final = "invalid_published_at"
# clean
EMPTY_AFTER_CLEANING: Final = "empty_after_cleaning"

REJECT_REASONS: Final = (
    RejectReason(UNPARSEABLE_JSON, "ingest", "a JSON line or array element that does not parse"),
    RejectReason(NOT_AN_OBJECT, "ingest", "JSON that parses but is not an object"),
    RejectReason(BAD_ENCODING, "ingest", "bytes that do not decode in the dump's encoding"),
    RejectReason(MALFORMED_ROW, "ingest", "a CSV/TSV row the parser cannot read"),
    RejectReason(
        UNPARSEABLE_LITERAL,
        "ingest",
        "a text-list element that is no string literal, or data after the closing bracket",
    ),
    RejectReason(FILE_TOO_LARGE, "ingest", "a file, page or member over its size limit"),
    RejectReason(UNREADABLE_FILE, "ingest", "a file or member that cannot be opened or read"),
    RejectReason(
        OUTSIDE_LANDING, "ingest", "a link leading outside the landing folder (never opened)"
    ),
    RejectReason(NOT_REGULAR_FILE, "ingest", "a fifo, socket, device or symlinked directory"),
    RejectReason(UNSAFE_ARCHIVE_MEMBER, "ingest", "a zip member named absolute or with `..`"),
    RejectReason(NOT_TEXT, "ingest", "binary content (its detected type in the detail)"),
    RejectReason(RECORD_TOO_LARGE, "ingest", "a line or record over NEWS_MAX_RECORD_BYTES"),
    RejectReason(FIELD_TOO_LARGE, "ingest", "a field over NEWS_MAX_FIELD_BYTES"),
    RejectReason(NESTED_TOO_DEEP, "ingest", "a JSON record nested deeper than NEWS_MAX_JSON_DEPTH"),
    RejectReason(
        UNCLOSED_QUOTE,
        "ingest",
        "a CSV quoted field that swallowed later rows (those rows are read again)",
    ),
    RejectReason(TOO_MANY_RECORDS, "ingest", "records past NEWS_MAX_RECORDS_PER_DUMP"),
    RejectReason(
        WARC_NON_RESPONSE, "ingest", "a WARC warcinfo, request, metadata or revisit record"
    ),
    RejectReason(HTTP_REDIRECT, "ingest", "a 3xx response in a web archive"),
    RejectReason(HTTP_ERROR, "ingest", "a 4xx/5xx (or unparseable) response status"),
    RejectReason(NOT_HTML, "ingest", "a payload that is no HTML page (image, PDF, robots.txt)"),
    RejectReason(EMPTY_EXTRACTION, "ingest", "an HTML page with no main text to extract"),
    RejectReason(MISSING_BODY, "validate", "no article text: body missing or blank"),
    RejectReason(INVALID_URL, "validate", "a URL that is not an absolute http(s) URL"),
    RejectReason(TITLE_TOO_LONG, "validate", "a title longer than the contract allows"),
    RejectReason(
        INVALID_PUBLISHED_AT,
        "validate",
        "a date field too long to be a date, or read as a time outside the contract's bounds "
        "(`schemas/contract.py`, the bounds the gate applies)",
    ),
    RejectReason(
        EMPTY_AFTER_CLEANING, "clean", "nothing but boilerplate or artefacts left of the body"
    ),
)
REASON_NAMES: Final = frozenset(reason.name for reason in REJECT_REASONS)

DOC = Path(__file__).resolve().parent.parent / "docs" / "warehouse_tables.md"
_BEGIN, _END = "<!-- reject reasons: begin -->", "<!-- reject reasons: end -->"


def render_table() -> str:
    """The Markdown table of every reason, as docs/warehouse_tables.md shows it."""
    rows = [f"| `{r.name}` | {r.stage} | {r.meaning} |" for r in REJECT_REASONS]
    return "\n".join(["| reject_reason | stage | meaning |", "|---|---|---|", *rows])


def with_table(doc: str) -> str:
    """`doc` with the text between the reason markers replaced by the current table."""
    head, _, rest = doc.partition(_BEGIN)
    _, _, tail = rest.partition(_END)
    return f"{head}{_BEGIN}\n{render_table()}\n{_END}{tail}"


if __name__ == "__main__":  # rewrite the table in docs/warehouse_tables.md
    DOC.write_text(with_table(DOC.read_text(encoding="utf-8")), encoding="utf-8")
    sys.exit(0)
