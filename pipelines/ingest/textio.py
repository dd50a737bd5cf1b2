"""Decoding helpers: per-line decoding and text re-encoding for byte-level parsers."""

from __future__ import annotations

import codecs
import io
from collections.abc import Callable, Iterator
from typing import IO, Any, Final, NamedTuple

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


class Line(NamedTuple):
    number: int  # 1-based
    text: str  # line end included; for a line over the cap, only its first characters
    error: str | None  # decode error
    too_long: int = 0  # size of a line over the cap (bytes, or characters for UTF-16/32)


_KEEP_OF_LONG: Final = 4096  # characters of an over-long line kept for its quarantine row


def _skip_rest(read: Callable[[int], Any], ends: tuple[Any, ...]) -> int:
    """Consume the rest of a line in bounded chunks; returns how much was skipped."""
    skipped = 0
    while True:
        chunk = read(1 << 20)
        skipped += len(chunk)
        if not chunk or chunk.endswith(ends):
            return skipped


def iter_lines(stream: io.BufferedReader, encoding: str, max_line: int = 0) -> Iterator[Line]:
    """Each line with its number and decode error; lines over max_line (0: no cap) are
    streamed past, never held whole: Line.too_long gives their size.

    ASCII-compatible encodings are split on bytes and decoded per line, so one undecodable
    line does not stop the rest (its bad bytes come back as surrogate escapes). UTF-16/32 is
    decoded with "surrogatepass": an unpaired surrogate marks only its own line as bad.
    """
    limit = max_line + 1 if max_line > 0 else -1
    if is_ascii_compatible(encoding):
        codec = line_codec(encoding)
        skip_bom(stream, encoding)
        lineno = 0
        while data := stream.readline(limit):
            lineno += 1
            if limit > 0 and len(data) == limit and not data.endswith(b"\n"):
                size = len(data) + _skip_rest(stream.readline, (b"\n",))
                head = data[:_KEEP_OF_LONG].decode(codec, errors="replace")
                yield Line(lineno, head, None, size)
                continue
            text, error = decode_line(data, codec)
            yield Line(lineno, text, error)
        return
    errors = "surrogatepass" if encoding.startswith(("utf-16", "utf-32")) else "strict"
    wrapper = text_stream(stream, encoding, errors)
    lineno = 0
    while text := wrapper.readline(limit):
        lineno += 1
        if limit > 0 and len(text) == limit and not text.endswith(("\n", "\r")):
            size = len(text) + _skip_rest(wrapper.readline, ("\n", "\r"))
            yield Line(lineno, text[:_KEEP_OF_LONG], None, size)
            continue
        bad = LONE_SURROGATE.search(text)
        error = None if bad is None else f"unpaired surrogate in {encoding} data"
        yield Line(lineno, text, error)


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
