"""Find the dump behind a partition key without scanning the whole landing folder."""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from pipelines.ingest.discover import hash_stream
from pipelines.ingest.records import DumpSource


def source_for_key(landing: Path, dump_file: str) -> DumpSource:
    """The DumpSource for a key: a file path, or `archive.zip/member` for a zip member."""
    path = landing / dump_file
    if path.is_file():
        with path.open("rb") as handle:
            digest, size = hash_stream(handle)
        return DumpSource(dump_file=dump_file, path=path, member=None, sha256=digest, bytes=size)
    parts = PurePosixPath(dump_file).parts
    for cut in range(1, len(parts)):
        archive = landing.joinpath(*parts[:cut])
        if archive.is_file() and archive.suffix.lower() == ".zip":
            member = "/".join(parts[cut:])
            with zipfile.ZipFile(archive) as zf:
                try:
                    member_stream = zf.open(member)
                except KeyError as error:
                    raise FileNotFoundError(f"no member {member!r} in {archive}") from error
                with member_stream:
                    digest, size = hash_stream(member_stream)
            return DumpSource(
                dump_file=dump_file, path=archive, member=member, sha256=digest, bytes=size
            )
    raise FileNotFoundError(f"{path} does not exist")
