"""Byte streams for a dump: file or zip member, transparently decompressed."""

from __future__ import annotations

import bz2
import gzip
import io
import zipfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import IO, Final, Protocol, cast

import zstandard

from pipelines.ingest.landing import open_regular
from pipelines.ingest.records import DumpSource

GZIP_MAGIC: Final = b"\x1f\x8b"
ZSTD_MAGIC: Final = b"\x28\xb5\x2f\xfd"
BZ2_MAGIC: Final = b"BZh"
ZIP_MAGIC: Final = b"PK\x03\x04"
CHUNK: Final = 1 << 16

# Errors a broken archive or compressed stream can raise while being read.
STREAM_ERRORS: Final = (
    OSError,
    EOFError,
    zipfile.BadZipFile,
    zstandard.ZstdError,
    KeyError,
    NotImplementedError,
    RuntimeError,
)


class Readable(Protocol):
    def read(self, size: int = -1, /) -> bytes: ...


def sniff_compression(head: bytes) -> str:
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(ZSTD_MAGIC):
        return "zstd"
    if head.startswith(BZ2_MAGIC) and len(head) >= 4 and head[3:4].isdigit():
        return "bz2"
    return "none"


class CountingReader(io.RawIOBase):
    """Counts decompressed bytes handed out, so failures can be located as "byte:N"."""

    def __init__(self, inner: Readable) -> None:
        self._inner = inner
        self.pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._inner.read(len(buffer))
        n = len(data)
        memoryview(buffer).cast("B")[:n] = data
        self.pos += n
        return n


class _ZstdFrameWalker:
    """Follows zstd frame/block headers in the compressed bytes to tell whether the stream
    ended on a frame boundary (zstandard's stream_reader silently accepts a truncated frame)."""

    def __init__(self, inner: Readable) -> None:
        self._inner = inner
        self._field = bytearray()  # header bytes collected so far
        self._want = 4  # size of the header field being collected
        self._state = "magic"
        self._skip = 0  # body bytes still to pass
        self._checksum = 0
        self.eof = False

    def read(self, size: int = -1, /) -> bytes:
        data = self._inner.read(size)
        if not data:
            self.eof = True
        view, pos = memoryview(data), 0
        while pos < len(view):
            if self._skip:
                step = min(self._skip, len(view) - pos)
                self._skip -= step
                pos += step
                continue
            take = min(self._want - len(self._field), len(view) - pos)
            self._field += view[pos : pos + take]
            pos += take
            if len(self._field) == self._want:
                self._advance(bytes(self._field))
        return data

    @property
    def complete(self) -> bool:
        return self._state == "magic" and not self._field and not self._skip

    def _expect(self, state: str, size: int) -> None:
        self._state, self._want, self._field = state, size, bytearray()

    def _advance(self, field: bytes) -> None:
        if self._state == "magic":
            if field[0] & 0xF0 == 0x50 and field[1:] == b"\x2a\x4d\x18":
                self._expect("skippable", 4)
            else:
                self._expect("descriptor", 1)
        elif self._state == "skippable":
            self._skip = int.from_bytes(field, "little")
            self._expect("magic", 4)
        elif self._state == "descriptor":
            desc = field[0]
            single = bool(desc & 0x20)
            fcs = (1 if single else 0, 2, 4, 8)[desc >> 6]
            rest = (0 if single else 1) + (0, 1, 2, 4)[desc & 3] + fcs
            self._checksum = 4 if desc & 0x04 else 0
            self._skip = rest
            self._expect("block", 3)
        elif self._state == "block":
            header = int.from_bytes(field, "little")
            block_type, block_size = (header >> 1) & 3, header >> 3
            self._skip = 1 if block_type == 1 else block_size
            if header & 1:  # last block of the frame
                self._skip += self._checksum
                self._expect("magic", 4)
            else:
                self._expect("block", 3)


class ZstdReader(io.RawIOBase):
    """zstandard's streaming reader (bounded output) that raises on a truncated frame."""

    def __init__(self, inner: Readable) -> None:
        self._walker = _ZstdFrameWalker(inner)
        self._reader = zstandard.ZstdDecompressor().stream_reader(
            cast(IO[bytes], self._walker), read_across_frames=True, closefd=False
        )

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        data = self._reader.read(len(buffer))
        if not data and self._walker.eof and not self._walker.complete:
            raise zstandard.ZstdError("truncated zstd stream: incomplete frame at the end")
        memoryview(buffer).cast("B")[: len(data)] = data
        return len(data)


def _read_head(stream: IO[bytes], size: int) -> bytes:
    peek = getattr(stream, "peek", None)
    if peek is not None:
        return bytes(peek(size)[:size])
    raise TypeError("stream is not peekable")


@contextmanager
def open_raw(source: DumpSource) -> Iterator[IO[bytes]]:
    """The dump's stored bytes: the file itself or the (zip-decompressed) member."""
    with ExitStack() as stack:
        handle = stack.enter_context(open_regular(source.path))
        if source.member is None:
            yield handle
        else:
            zf = stack.enter_context(zipfile.ZipFile(handle))
            yield stack.enter_context(zf.open(source.member))


class DecodedStream:
    """A buffered, decompressed byte stream plus its byte counter."""

    def __init__(self, buffered: io.BufferedReader, counter: CountingReader, compression: str):
        self.buffered = buffered
        self.counter = counter
        self.compression = compression


@contextmanager
def open_decompressed(source: DumpSource) -> Iterator[DecodedStream]:
    with ExitStack() as stack:
        raw = stack.enter_context(open_raw(source))
        compression = sniff_compression(_read_head(raw, 4))
        inner: Readable
        if compression == "gzip":
            inner = stack.enter_context(gzip.GzipFile(fileobj=raw, mode="rb"))
        elif compression == "bz2":
            inner = stack.enter_context(bz2.BZ2File(raw, mode="rb"))
        elif compression == "zstd":
            inner = stack.enter_context(ZstdReader(raw))
        else:
            inner = raw
        counter = CountingReader(inner)
        buffered = cast(io.BufferedReader, io.BufferedReader(counter, CHUNK))
        yield DecodedStream(buffered, counter, compression)


def read_head(stream: IO[bytes], size: int) -> tuple[bytes, BaseException | None]:
    """Read up to size bytes, keeping what was read before a stream error."""
    parts: list[bytes] = []
    got = 0
    try:
        while got < size:
            chunk = stream.read(min(CHUNK, size - got))
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
    except STREAM_ERRORS as exc:
        return b"".join(parts), exc
    return b"".join(parts), None
