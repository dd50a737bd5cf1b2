"""Find the dump behind a partition key without scanning the whole landing folder."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path, PurePosixPath

from pipelines.ingest.records import DumpSource

CHUNK_BYTES = 1 << 20


def source_for_key(landing: Path, dump_file: str) -> DumpSource:
    """The DumpSource for a key: a file path, or `archive.zip/member` for a zip member."""
    path = landing / dump_file
    if path.is_file():
        with path.open("rb") as handle:
            digest, size = _sha256(handle)
        return DumpSource(dump_file=dump_file, path=path, member=None, sha256=digest, bytes=size)
    parts = PurePosixPath(dump_file).parts
    for cut in range(1, len(parts)):
        archive = landing.joinpath(*parts[:cut])
        if archive.is_file() and archive.suffix.lower() == ".zip":
            member = "/".join(parts[cut:])
            with zipfile.ZipFile(archive) as zf:
                try:
                    handle = zf.open(member)
                except KeyError as error:
                    raise FileNotFoundError(f"no member {member!r} in {archive}") from error
                with handle:
                    digest, size = _sha256(handle)
            return DumpSource(
                dump_file=dump_file, path=archive, member=member, sha256=digest, bytes=size
            )
    raise FileNotFoundError(f"{path} does not exist")


def _sha256(handle: object) -> tuple[str, int]:
    hasher = hashlib.sha256()
    size = 0
    read = handle.read  # type: ignore[attr-defined]
    while chunk := read(CHUNK_BYTES):
        hasher.update(chunk)
        size += len(chunk)
    return hasher.hexdigest(), size
