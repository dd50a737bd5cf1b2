"""Find the dump behind a partition key without scanning the whole landing folder."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from pipelines.ingest.landing import (
    classify,
    file_source,
    hash_stream,
    member_refusal,
    refused_source,
    unescape_key,
)
from pipelines.ingest.records import DumpSource


def source_for_key(landing: Path, dump_file: str) -> DumpSource:
    """The DumpSource for a key: a file path, or `archive.zip/member` for a zip member.

    The key is walked one name at a time under landing ("", "." and ".." are no names), so a
    key never reaches outside it; links are judged as discover_dumps judges them.
    """
    landing = Path(landing)
    parts = unescape_key(dump_file).split("/")
    path = landing
    for cut, part in enumerate(parts, 1):
        if part in ("", ".", ".."):
            raise FileNotFoundError(f"{dump_file!r} is not a path under the landing folder")
        path = path / part
        if not os.path.lexists(path):
            raise FileNotFoundError(f"{path} does not exist")
        if cut == len(parts):
            return file_source(dump_file, *classify(landing, path))
        if os.path.isdir(path) and not os.path.islink(path):
            continue
        real, refusal = classify(landing, path)
        if refusal is not None:
            return refused_source(dump_file, path, None, refusal)
        return _member_source(dump_file, real, "/".join(parts[cut:]))
    raise FileNotFoundError(f"{dump_file!r} names no file")


def _member_source(dump_file: str, archive: Path, member: str) -> DumpSource:
    if not (archive.suffix.lower() == ".zip" and zipfile.is_zipfile(archive)):
        raise FileNotFoundError(f"{archive} is not a zip archive")
    refusal = member_refusal(member)
    if refusal is not None:
        return refused_source(dump_file, archive, member, refusal)
    with zipfile.ZipFile(archive) as zf:
        try:
            member_stream = zf.open(member)
        except KeyError as error:
            raise FileNotFoundError(f"no member {member!r} in {archive}") from error
        with member_stream:
            digest, size = hash_stream(member_stream)
    return DumpSource(dump_file=dump_file, path=archive, member=member, sha256=digest, bytes=size)
