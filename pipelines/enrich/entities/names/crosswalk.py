"""Well-known persons and organisations named in Arabic or English: one id whatever the language.

A small table built by `make model` (`crosswalk_build.py`, from ArWikiCats' MIT English → Arabic
Wikipedia tables) maps the exact name keys (`name_key`) of each person or organisation, in both
scripts, to one id: `per:<English name key>` / `org:<English name key>`, the id an English
mention of that exact name gets anyway. Only whole names link: `بوتين` alone never does (it
joins `فلاديمير بوتين` in the same article through `merge_person_aliases`).
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from pipelines.enrich.entities.names.text import name_key
from pipelines.enrich.entities.versions import CROSSWALK_FILE

FORMAT = "# news-warehouse crosswalk v1"


@dataclass(frozen=True, slots=True)
class KnownName:
    """A person or organisation with names in both languages."""

    entity_id: str  # per:<English name key> / org:<English name key>
    entity_type: str  # PER or ORG
    name: str  # English display name
    name_ar: str  # Arabic display name


CrossTable = dict[tuple[str, str], KnownName]  # (entity type, name key) -> the one entity


def write_crosswalk(
    path: Path, names: Iterable[KnownName], keys: Iterable[tuple[str, str, str]], source: str
) -> None:
    """Write the table: entities, then (type, key, entity id) rows, sorted; gzip without a
    timestamp or file name, so the same input gives the same bytes."""
    lines = [f"{FORMAT}: {source}"]
    lines += [
        "\t".join(("E", n.entity_id, n.entity_type, n.name, n.name_ar))
        for n in sorted(names, key=lambda n: n.entity_id)
    ]
    lines += ["\t".join(("K", *row)) for row in sorted(keys)]
    with path.open("wb") as raw, gzip.GzipFile("", "wb", fileobj=raw, mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))


def read_crosswalk(path: Path) -> CrossTable:
    """The table in `path`; empty when the file is absent (no linking, ids as before)."""
    if not path.exists():
        return {}
    names: dict[str, KnownName] = {}
    table: CrossTable = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        header = handle.readline()
        if not header.startswith(FORMAT):
            raise ValueError(f"{path}: not a crosswalk file ({header[:40]!r})")
        for line in handle:
            row = line.rstrip("\n").split("\t")
            if row[0] == "E":
                names[row[1]] = KnownName(row[1], row[2], row[3], row[4])
            else:
                table[row[1], row[2]] = names[row[3]]
    return table


@cache
def load_crosswalk() -> CrossTable:
    """The committed table, read once per process."""
    return read_crosswalk(CROSSWALK_FILE)


def known_name(entity_type: str, key: str) -> KnownName | None:
    """The well-known person or organisation whose whole name has this key, if any."""
    return load_crosswalk().get((entity_type, key))


@lru_cache(maxsize=4096)
def alias_words(entity_id: str, name_ar: str | None) -> frozenset[str]:
    """Words a part of the entity's name may be: those of its key and of its Arabic name, so
    `بوتين` finds `per:vladimir putin` (`فلاديمير بوتين`) in the same article."""
    words = entity_id.split(":", 1)[1].split()
    if name_ar:
        words += name_key(name_ar.split()).split()
    return frozenset(words)
