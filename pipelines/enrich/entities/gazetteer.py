"""The place gazetteer at run time: a small file built by `make model`, loaded once per process."""

from __future__ import annotations

import gzip
from dataclasses import astuple, dataclass
from functools import cache
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parent / "models"
GAZETTEER_FILE = MODELS_DIR / "gazetteer.tsv.gz"


@dataclass(frozen=True, slots=True)
class Place:
    """A linkable name: country (ISO 3166), city or continent (GeoNames), CLDR body (UN, EU)."""

    entity_id: str
    entity_type: str  # GPE: country or city; LOC: continent; ORG: UN, EU
    name: str
    name_ar: str | None
    country_code: str | None
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    rank: int  # lower wins among namesakes: 0 continent, 1 country, >= 2 city (by population)


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: one per process
class Gazetteer:
    """Normalized name key → candidate places, best first; `vocabulary` = every key word."""

    by_key: dict[str, tuple[Place, ...]]
    by_compact_key: dict[str, tuple[Place, ...]]
    vocabulary: frozenset[str]

    def lookup(self, key: str) -> Place | None:
        """The best place named `key`, trying the key without spaces too (`بيونغ يانغ`)."""
        found = self.by_key.get(key) or self.by_compact_key.get(key.replace(" ", ""))
        return found[0] if found else None


def write_gazetteer(path: Path, places: list[Place], keys: list[tuple[str, str, int]]) -> None:
    """Write places and (key, entity_id, quality) rows, sorted, so the file is reproducible."""
    lines = ["P\t" + "\t".join("" if v is None else str(v) for v in astuple(p)) for p in places]
    lines += [f"K\t{key}\t{entity_id}\t{quality}" for key, entity_id, quality in sorted(keys)]
    with gzip.GzipFile(path, "wb", mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))


@cache
def load_gazetteer(path: Path = GAZETTEER_FILE) -> Gazetteer:
    """Read the gazetteer file once per process (about 0.3 s)."""
    places: dict[str, Place] = {}
    candidates: dict[str, list[tuple[int, int, str]]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "P":
                entity_id, entity_type, name, name_ar, cc, gid, lat, lon, place_rank = fields[1:]
                places[entity_id] = Place(
                    entity_id, entity_type, name, name_ar or None, cc or None,
                    int(gid) if gid else None, float(lat) if lat else None,
                    float(lon) if lon else None, int(place_rank),
                )  # fmt: skip
            else:
                key, entity_id, quality = fields[1:]
                found_rank = places[entity_id].rank
                candidates.setdefault(key, []).append((int(quality), found_rank, entity_id))
    by_key = {
        key: tuple(places[entity_id] for _, _, entity_id in sorted(found))
        for key, found in candidates.items()
    }
    compact: dict[str, list[tuple[int, int, str]]] = {}
    for key, found in candidates.items():
        compact.setdefault(key.replace(" ", ""), []).extend(found)
    by_compact_key = {
        key: tuple(places[entity_id] for _, _, entity_id in sorted(set(found)))
        for key, found in compact.items()
    }
    vocabulary = frozenset(word for key in by_key for word in key.split())
    return Gazetteer(by_key, by_compact_key, vocabulary)
