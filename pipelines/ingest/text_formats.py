"""Plain-text articles and serialized lists of article strings."""

from __future__ import annotations

import ast
import json
import warnings
from collections.abc import Iterator
from typing import Final

from pipelines.ingest.mapping import text_fields
from pipelines.ingest.records import MAX_RAW_CHARS, RawRecord, accepted, rejected
from pipelines.ingest.streams import DecodedStream
from pipelines.ingest.textio import line_codec, text_stream
from pipelines.reject_reasons import BAD_ENCODING, FILE_TOO_LARGE, UNPARSEABLE_LITERAL

MAX_TEXT_BYTES: Final = 20 * 1024 * 1024
_CHUNK_CHARS: Final = 1 << 16
_QUOTES: Final = "'\""
_PREFIX_CHARS: Final = "uUbBrR"
_SPACE: Final = " \t\r\n\f\v\ufeff"


def read_text(stream: DecodedStream, encoding: str) -> Iterator[RawRecord]:
    """The whole file is one article. Artefacts such as a trailing "', '" are kept."""
    data = stream.buffered.read(MAX_TEXT_BYTES + 1)
    if not data:
        return  # an empty file holds no article
    if len(data) > MAX_TEXT_BYTES:
        raw = data[: MAX_RAW_CHARS * 4].decode(line_codec(encoding), errors="replace")
        detail = f"text dump is larger than {MAX_TEXT_BYTES} bytes"
        yield rejected("file", raw, FILE_TOO_LARGE, detail)
        return
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raw = data.decode(encoding, errors="replace")
        detail = f"byte {exc.start}: {exc.reason} for {encoding}"
        yield rejected("file", raw, BAD_ENCODING, detail)
        return
    yield accepted("file", text, text_fields(text))


def decode_literal(literal: str) -> str:
    """Decode one Python-repr or JSON string literal; raises ValueError when impossible."""
    if literal.startswith('"'):
        try:
            value = json.loads(literal, strict=False)
        except ValueError:
            pass
        else:
            if isinstance(value, str):
                return value
    attempts = [literal]
    if "\n" in literal or "\r" in literal:
        # Lenient: raw line breaks inside a literal (not valid Python) are read as escapes.
        attempts.append(literal.replace("\r", "\\r").replace("\n", "\\n"))
    for attempt in attempts:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # invalid escape sequences
                value = ast.literal_eval(attempt)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            continue
        if isinstance(value, bytes):
            value = value.decode("utf-8", errors="replace")
        if isinstance(value, str):
            return value
    raise ValueError("not a valid string literal")


class _Scanner:
    """Chunked character buffer over a text stream."""

    def __init__(self, stream: DecodedStream, encoding: str) -> None:
        self._text = text_stream(stream.buffered, encoding)
        self.buf = ""
        self.pos = 0
        self.eof = False

    def more(self) -> bool:
        chunk = self._text.read(_CHUNK_CHARS)
        if not chunk:
            self.eof = True
            return False
        self.buf += chunk
        return True

    def compact(self) -> None:
        self.buf, self.pos = self.buf[self.pos :], 0

    def peek(self) -> str:
        """Next non-space char ("" at the end); pos is moved onto it."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _SPACE:
                self.pos += 1
            if self.pos < len(self.buf) or not self.more():
                return self.buf[self.pos : self.pos + 1]

    def find_closing(self, quote: str, start: int) -> int:
        """Index of the quote closing a literal whose body starts at start, or -1 at EOF."""
        search = start
        while True:
            end = self.buf.find(quote, search)
            if end < 0:
                search = max(start, len(self.buf) - 1)
                if not self.more():
                    return -1
                continue
            backslashes = 0
            while end - 1 - backslashes >= start and self.buf[end - 1 - backslashes] == "\\":
                backslashes += 1
            if backslashes % 2 == 0:
                return end
            search = end + 1

    def take_until_separator(self) -> str:
        """Text up to (not including) the next ',' or ']'."""
        start = self.pos
        while True:
            found = (self.buf.find(",", self.pos), self.buf.find("]", self.pos))
            cut = [i for i in found if i >= 0]
            if cut:
                self.pos = min(cut)
                return self.buf[start : self.pos]
            self.pos = len(self.buf)
            if not self.more():
                return self.buf[start:]


def read_text_list(stream: DecodedStream, encoding: str) -> Iterator[RawRecord]:
    """Stream the elements of "['article', "article", ...]", one record per element."""
    scan = _Scanner(stream, encoding)
    if scan.peek() != "[":
        return
    scan.pos += 1
    index = 0
    while True:
        scan.compact()
        char = scan.peek()
        if char == ",":
            scan.pos += 1
            continue
        if char == "":
            return  # a list cut off after a complete element: nothing is lost
        if char == "]":
            scan.pos += 1
            trailing = scan.take_until_separator().strip() if scan.peek() else ""
            if trailing or scan.peek():
                raw = trailing or scan.buf[scan.pos : scan.pos + MAX_RAW_CHARS]
                detail = f"element {index}: unexpected data after the closing bracket"
                yield rejected(f"index:{index}", raw, UNPARSEABLE_LITERAL, detail)
            return
        locator = f"index:{index}"
        start = scan.pos
        while scan.pos < len(scan.buf) and scan.buf[scan.pos] in _PREFIX_CHARS:
            scan.pos += 1
            if scan.pos >= len(scan.buf):
                scan.more()
        quote = scan.buf[scan.pos : scan.pos + 1]
        if quote not in _QUOTES or not quote:
            scan.pos = start
            junk = scan.take_until_separator()
            detail = f"element {index}: not a string literal: {junk.strip()[:80]!r}"
            yield rejected(locator, junk.strip(), UNPARSEABLE_LITERAL, detail)
            index += 1
            continue
        end = scan.find_closing(quote, scan.pos + 1)
        if end < 0:
            raw = scan.buf[start:]
            detail = f"element {index}: unterminated string literal at the end of the file"
            yield rejected(locator, raw, UNPARSEABLE_LITERAL, detail)
            return
        literal = scan.buf[start : end + 1]
        scan.pos = end + 1
        index += 1
        try:
            text = decode_literal(literal)
        except ValueError as exc:
            detail = f"element {index - 1}: cannot decode string literal: {exc}"
            yield rejected(locator, literal, UNPARSEABLE_LITERAL, detail)
            continue
        yield accepted(locator, text, text_fields(text))
