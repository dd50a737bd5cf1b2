"""Find the dumps under a landing directory."""

from __future__ import annotations

import zipfile
from pathlib import Path, PurePosixPath

from pipelines.ingest.html_format import is_html_bundle
from pipelines.ingest.landing import (
    classify,
    escape_key,
    file_source,
    hash_stream,
    inode_counts,
    is_hidden,
    member_refusal,
    refused_source,
    walk_landing,
)
from pipelines.ingest.records import DumpSource
from pipelines.reject_reasons import UNREADABLE_FILE

__all__ = ["discover_dumps", "hash_stream", "is_hidden", "landing_fingerprint"]


def _keep_member(info: zipfile.ZipInfo) -> bool:
    if info.is_dir() or info.filename.startswith("__MACOSX/"):
        return False
    return not any(is_hidden(part) for part in PurePosixPath(info.filename).parts)


def member_key(archive_key: str, member: str) -> str:
    return f"{archive_key}/{escape_key(member)}"


def zip_sources(path: Path, key: str) -> list[DumpSource]:
    """One DumpSource per file member; unsafe names are refused, broken members listed anyway."""
    sources = []
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            refusal = member_refusal(info.filename)
            if refusal is None and not _keep_member(info):
                continue
            dump_file = member_key(key, info.filename)
            if refusal is not None:
                sources.append(refused_source(dump_file, path, info.filename, refusal))
                continue
            try:
                with zf.open(info) as member:
                    digest, size = hash_stream(member)
            except (OSError, EOFError, zipfile.BadZipFile, NotImplementedError, RuntimeError):
                # Still listed so the reader reports the member as unreadable.
                digest, size = "", info.file_size
            sources.append(DumpSource(dump_file, path, info.filename, digest, size))
    return sources


def discover_dumps(landing: Path) -> list[DumpSource]:
    """Every dump under landing (recursive), sorted by dump_file.

    Files and directories whose name starts with "." or "_" are skipped. A .zip archive is
    expanded into one DumpSource per file member (directories, "__MACOSX/" and hidden members
    are skipped); a file named .zip that is not a valid archive is listed as itself so that
    reading it reports it as unreadable. A zip of HTML pages (html_format.is_html_bundle) is
    one dump with one record per member. Links leading outside landing, non-regular and
    unreadable files are listed as refused sources (landing.classify); nothing here raises
    for one bad file.
    """
    landing = Path(landing)
    links = inode_counts(landing)
    sources: list[DumpSource] = []
    for key, path in walk_landing(landing):
        real, refusal = classify(landing, path, links)
        if refusal is None and real.name.lower().endswith(".zip"):
            try:
                if zipfile.is_zipfile(real) and not is_html_bundle(real):
                    sources.extend(zip_sources(real, key))
                    continue
            except (OSError, zipfile.BadZipFile, EOFError) as exc:
                detail = f"{type(exc).__name__}: {exc}"
                sources.append(refused_source(key, real, None, (UNREADABLE_FILE, detail)))
                continue
        sources.append(file_source(key, real, refusal))
    return sorted(sources, key=lambda s: s.dump_file)


def landing_fingerprint(landing: Path) -> dict[str, list[int]]:
    """relative path -> [size, mtime_ns] of every file discover_dumps would look at.

    Cheap (no reading): the sensor re-hashes the landing folder only when this changes.
    """
    fingerprint: dict[str, list[int]] = {}
    for key, path in walk_landing(landing):
        try:
            stat = path.lstat()
        except OSError:
            continue
        fingerprint[key] = [stat.st_size, stat.st_mtime_ns]
    return fingerprint
