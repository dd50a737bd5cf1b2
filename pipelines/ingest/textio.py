"""Decoding helpers: per-line decoding and text re-encoding for byte-level parsers."""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterator
from typing import IO

from pipelines.ingest.encoding import LONE_SURROGATE, decode_line, is_ascii_compatible


def line_codec(encoding: str) -> str:
    """The codec for single lines (the BOM is handled once, at the start)."""
    return "utf-8" if encoding == "utf-8-sig" else encoding


def skip_bom(stream: io.BufferedReader, encoding: str) -> int:
    """Drop a UTF-8 BOM; returns the number of bytes skipped."""
    if encoding == "utf-8-sig" and stream.peek(3)[:3] == codecs.BOM_UTF8:
        stream.read(3)
        return 3
    return 0


def text_stream(
    stream: io.BufferedReader, encoding: str, errors: str = "strict"
) -> io.TextIOWrapper:
    """Streaming decoder; newline="" keeps line ends as they are (csv needs that)."""
    return io.TextIOWrapper(stream, encoding=encoding, errors=errors, newline="")


def iter_lines(stream: io.BufferedReader, encoding: str) -> Iterator[tuple[int, str, str | None]]:
    """(1-based line number, text, decode error) for each line, line end included.

    ASCII-compatible encodings are split on bytes and decoded per line, so one undecodable
    line does not stop the rest (its bad bytes come back as surrogate escapes). UTF-16/32 is
    decoded with "surrogatepass": an unpaired surrogate marks only its own line as bad.
    """
    if is_ascii_compatible(encoding):
        codec = line_codec(encoding)
        skip_bom(stream, encoding)
        for lineno, data in enumerate(stream, 1):
            text, error = decode_line(data, codec)
            yield lineno, text, error
        return
    errors = "surrogatepass" if encoding.startswith(("utf-16", "utf-32")) else "strict"
    for lineno, text in enumerate(text_stream(stream, encoding, errors), 1):
        bad = LONE_SURROGATE.search(text)
        error = None if bad is None else f"unpaired surrogate in {encoding} data"
        yield lineno, text, error


class ChunkReader(io.RawIOBase):
    """A raw byte stream fed by a function returning successive chunks (b"" at the end)."""

    def __init__(self, next_chunk: Callable[[], bytes]) -> None:
        self._next_chunk = next_chunk
        self._data = b""
        self._offset = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while self._offset >= len(self._data):
            self._data, self._offset = self._next_chunk(), 0
            if not self._data:
                return 0
        n = min(len(buffer), len(self._data) - self._offset)
        memoryview(buffer).cast("B")[:n] = self._data[self._offset : self._offset + n]
        self._offset += n
        return n


def utf8_stream(stream: io.BufferedReader, encoding: str) -> IO[bytes]:
    """The stream as UTF-8 bytes (what ijson wants), decoding strictly when needed."""
    if encoding in ("utf-8", "utf-8-sig"):
        skip_bom(stream, encoding)
        return stream
    text = text_stream(stream, encoding)

    def next_chunk() -> bytes:
        return text.read(1 << 15).encode("utf-8", errors="surrogatepass")

    return io.BufferedReader(ChunkReader(next_chunk), 1 << 16)
