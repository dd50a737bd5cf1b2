"""The landing boundary: what a path under the landing folder may be read as, and dump keys.

Nothing outside the landing folder is ever opened: a symlink whose target resolves outside it,
a hard link shared with a file outside it, a fifo or device, an unreadable file and a zip member
with an absolute or ".." name each become a refused DumpSource (one quarantine row with its
reason) whose sha256 is derived from the refusal, not from any content.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Final

from pipelines.ingest.records import DumpSource
from pipelines.reject_reasons import (
    NOT_REGULAR_FILE,
    OUTSIDE_LANDING,
    UNREADABLE_FILE,
    UNSAFE_ARCHIVE_MEMBER,
)

_HASH_CHUNK: Final = 1 << 20
_ESCAPE: Final = re.compile(r"\\x([0-9a-f]{2})")
Refusal = tuple[str, str]


def is_hidden(name: str) -> bool:
    return name.startswith((".", "_"))


def hash_stream(stream: IO[bytes]) -> tuple[str, int]:
    """(hex sha256, size) of everything left in the stream."""
    digest = hashlib.sha256()
    size = 0
    while chunk := stream.read(_HASH_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    return digest.hexdigest(), size


def escape_key(name: str) -> str:
    """A partition key for a file or member name: valid UTF-8, no control characters, no "...".

    Undecodable file-name bytes (surrogate escapes), control characters and backslashes become
    \\xNN, so unescape_key() gives the exact name back; ordinary names are unchanged.
    """
    out = []
    for char in name:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's surrogate escape of byte code - 0xDC00
            out.append(f"\\x{code - 0xDC00:02x}")
        elif code < 0x20 or code == 0x7F or char == "\\":
            out.append(f"\\x{code:02x}")
        else:
            out.append(char)
    key = "".join(out)
    while "..." in key:  # Dagster refuses "..." in partition keys
        key = key.replace("...", "..\\x2e", 1)
    return key


def unescape_key(key: str) -> str:
    def one(match: re.Match[str]) -> str:
        code = int(match.group(1), 16)
        return chr(code) if code < 0x80 else chr(0xDC00 + code)

    return _ESCAPE.sub(one, key)


def refused_source(dump_file: str, path: Path, member: str | None, refusal: Refusal) -> DumpSource:
    digest = hashlib.sha256("\0".join(refusal).encode("utf-8", "surrogateescape")).hexdigest()
    return DumpSource(dump_file, path, member, digest, 0, refusal=refusal)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


_KINDS: Final = (
    (stat.S_ISDIR, "a directory (not followed)"),
    (stat.S_ISFIFO, "a fifo"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def inode_counts(landing: Path) -> dict[tuple[int, int], int]:
    """(st_dev, st_ino) -> names under landing, for regular files with more than one link."""
    counts: dict[tuple[int, int], int] = {}
    for root, _dirs, files in os.walk(landing):
        for name in files:
            try:
                st = os.lstat(os.path.join(root, name))
            except OSError:
                continue
            if stat.S_ISREG(st.st_mode) and st.st_nlink > 1:
                ident = (st.st_dev, st.st_ino)
                counts[ident] = counts.get(ident, 0) + 1
    return counts


def classify(
    landing: Path, path: Path, links: dict[tuple[int, int], int] | None = None
) -> tuple[Path, Refusal | None]:
    """(the path to read, refusal or None) for a file or symlink under landing.

    links: inode_counts(landing) when already known (discover); computed on demand otherwise.
    """
    root = os.path.realpath(landing)
    try:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            target = os.readlink(path)
            real = os.path.realpath(path)
            if not _inside(real, root):
                return path, (OUTSIDE_LANDING, f"symlink to {target!r}: outside the landing folder")
            try:
                st = os.stat(real)
            except OSError as exc:
                return path, (UNREADABLE_FILE, f"symlink to {target!r}: {exc.strerror}")
            if not stat.S_ISREG(st.st_mode):
                return path, (NOT_REGULAR_FILE, f"symlink to {target!r}: {_kind(st.st_mode)}")
            path = Path(real)
    except OSError as exc:
        return path, (UNREADABLE_FILE, f"{type(exc).__name__}: {exc.strerror}")
    if not stat.S_ISREG(st.st_mode):
        return path, (NOT_REGULAR_FILE, _kind(st.st_mode))
    if st.st_nlink > 1:
        known = (links if links is not None else inode_counts(landing)).get(
            (st.st_dev, st.st_ino), 0
        )
        if known < st.st_nlink:
            detail = f"hard link: {st.st_nlink} names, {known} in the landing folder"
            return path, (OUTSIDE_LANDING, detail)
    return path, None


def open_regular(path: Path) -> IO[bytes]:
    """Open a regular file for reading; never follows a symlink swapped in, never blocks."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path.name}: not a regular file")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def file_source(dump_file: str, path: Path, refusal: Refusal | None) -> DumpSource:
    """The DumpSource of a landing file (hashed), refused when it cannot be read."""
    if refusal is not None:
        return refused_source(dump_file, path, None, refusal)
    try:
        with open_regular(path) as handle:
            digest, size = hash_stream(handle)
    except OSError as exc:
        detail = f"{type(exc).__name__}: {exc.strerror or exc}"
        return refused_source(dump_file, path, None, (UNREADABLE_FILE, detail))
    return DumpSource(dump_file, path, None, digest, size)


def member_refusal(name: str) -> Refusal | None:
    """An archive member whose name would land outside the folder it is extracted to."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name) or ".." in parts:
        return UNSAFE_ARCHIVE_MEMBER, f"member name {name!r} is absolute or climbs out with '..'"
    return None


def walk_landing(landing: Path) -> Iterator[tuple[str, Path]]:
    """(dump key, path) of every file or symlinked directory under landing; hidden names
    are skipped. Keys are relative POSIX paths, escaped by escape_key()."""
    for root, dirs, files in os.walk(landing):
        dirs[:] = [d for d in dirs if not is_hidden(d)]
        linked = [d for d in dirs if os.path.islink(os.path.join(root, d))]
        for name in [*files, *linked]:
            if not is_hidden(name):
                path = Path(root) / name
                yield escape_key(path.relative_to(landing).as_posix()), path
