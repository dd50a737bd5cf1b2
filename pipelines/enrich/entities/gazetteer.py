"""The place gazetteer at run time: a small file built by `make model`, loaded once per process."""

from __future__ import annotations

import gzip
from dataclasses import astuple, dataclass, field
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
    # (key, entity_id) -> whether the Arabic names behind the key begin with the article:
    # "a" always, "n" never (absent: both, or no Arabic name).
    articles: dict[tuple[str, str], str] = field(default_factory=dict)

    def candidates(self, key: str) -> tuple[Place, ...]:
        """Places named `key`, best first, trying the key without spaces too (`بيونغ يانغ`)."""
        return self.by_key.get(key) or self.by_compact_key.get(key.replace(" ", "")) or ()

    def lookup(self, key: str) -> Place | None:
        """The best place named `key`."""
        found = self.candidates(key)
        return found[0] if found else None

    def article_agrees(self, key: str, place: Place, has_article: bool) -> bool:
        """Whether an Arabic surface with (or without) the article can name `place` by `key`:
        `رياض` is a first name, the city is `الرياض`; `البخاري` is no spelling of `بخارى`."""
        found = self.articles.get((key, place.entity_id)) or self.articles.get(
            (key.replace(" ", ""), place.entity_id)
        )
        return found is None or (found == "a") == has_article


KeyRow = tuple[str, str, int, str]  # key, entity_id, quality, article flag ("a", "n" or "")


def write_gazetteer(path: Path, places: list[Place], keys: list[KeyRow]) -> None:
    """Write places and (key, entity_id, quality, article) rows, sorted (reproducible file)."""
    lines = ["P\t" + "\t".join("" if v is None else str(v) for v in astuple(p)) for p in places]
    lines += ["K\t" + "\t".join(map(str, row)) for row in sorted(keys)]
    with gzip.GzipFile(path, "wb", mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))


@cache
def load_gazetteer(path: Path = GAZETTEER_FILE) -> Gazetteer:
    """Read the gazetteer file once per process (about 0.3 s)."""
    places: dict[str, Place] = {}
    candidates: dict[str, list[tuple[int, int, str]]] = {}
    articles: dict[tuple[str, str], str] = {}
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
                key, entity_id, quality, article = (*fields[1:], "")[:4]
                if article:
                    articles[key, entity_id] = article
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
    return Gazetteer(by_key, by_compact_key, vocabulary, articles)
