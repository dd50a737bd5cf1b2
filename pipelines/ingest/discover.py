"""Find the dumps under a landing directory."""

from __future__ import annotations

import hashlib
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO, Final

from pipelines.ingest.html_format import is_html_bundle
from pipelines.ingest.records import DumpSource

_HASH_CHUNK: Final = 1 << 20


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


def _keep_member(info: zipfile.ZipInfo) -> bool:
    if info.is_dir() or info.filename.startswith("__MACOSX/"):
        return False
    return not any(is_hidden(part) for part in PurePosixPath(info.filename).parts)


def _zip_sources(path: Path, key: str) -> list[DumpSource]:
    sources = []
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            if not _keep_member(info):
                continue
            try:
                with zf.open(info) as member:
                    digest, size = hash_stream(member)
            except (OSError, EOFError, zipfile.BadZipFile, NotImplementedError, RuntimeError):
                # Still listed so the reader reports the member as unreadable.
                digest, size = "", info.file_size
            sources.append(DumpSource(f"{key}/{info.filename}", path, info.filename, digest, size))
    return sources


def discover_dumps(landing: Path) -> list[DumpSource]:
    """Every dump under landing (recursive), sorted by dump_file.

    Files and directories whose name starts with "." or "_" are skipped. A .zip archive is
    expanded into one DumpSource per file member (directories, "__MACOSX/" and hidden members
    are skipped); a file named .zip that is not a valid archive is listed as itself so that
    reading it reports it as unreadable. A zip of HTML pages (html_format.is_html_bundle) is
    one dump with one record per member.
    """
    sources: list[DumpSource] = []
    for key, path in _landing_files(Path(landing)):
        if not path.is_file():
            continue
        is_zip = path.name.lower().endswith(".zip") and zipfile.is_zipfile(path)
        if is_zip and not is_html_bundle(path):  # a zip of HTML pages is one dump
            sources.extend(_zip_sources(path, key))
            continue
        with path.open("rb") as handle:
            digest, size = hash_stream(handle)
        sources.append(DumpSource(key, path, None, digest, size))
    return sorted(sources, key=lambda s: s.dump_file)


def _landing_files(landing: Path) -> Iterator[tuple[str, Path]]:
    """(relative POSIX key, path) of every file under landing, hidden files and dirs skipped."""
    for root, dirs, files in os.walk(landing):
        dirs[:] = [d for d in dirs if not is_hidden(d)]
        for name in files:
            if not is_hidden(name):
                path = Path(root) / name
                yield path.relative_to(landing).as_posix(), path


def landing_fingerprint(landing: Path) -> dict[str, list[int]]:
    """relative path -> [size, mtime_ns] of every file discover_dumps would look at.

    Cheap (no reading): the sensor re-hashes the landing folder only when this changes.
    """
    fingerprint: dict[str, list[int]] = {}
    for key, path in _landing_files(landing):
        try:
            stat = path.stat()
        except OSError:
            continue
        fingerprint[key] = [stat.st_size, stat.st_mtime_ns]
    return fingerprint
