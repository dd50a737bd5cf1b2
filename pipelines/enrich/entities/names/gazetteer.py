"""The place gazetteer at run time: a small file built by `make model`, loaded once per process."""

from __future__ import annotations

import gzip
from dataclasses import astuple, dataclass, field
from functools import cache
from pathlib import Path

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
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
    # one-word key -> (tokens of that form in ANERcorp train, how many of them were tagged O):
    # evidence that a place name is also a common word (`بورصة` is mostly the stock exchange).
    word_counts: dict[str, tuple[int, int]] = field(default_factory=dict)
    # one-word Arabic key -> Zipf frequency (wordfreq) of the word without and with the article:
    # how common the place's name is as an ordinary word (`مشهد` "scene", `أقصر` "shortest").
    word_zipf: dict[str, tuple[float, float]] = field(default_factory=dict)

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

    def common_word(self, key: str) -> bool:
        """A one-word name seen at least COMMON_MIN_COUNT times in labelled training text and
        mostly outside any entity there: the word usually is no name."""
        total, outside = self.word_counts.get(key, (0, 0))
        return total >= COMMON_MIN_COUNT and outside >= COMMON_MIN_SHARE * total

    def frequent_word(self, key: str, with_article: bool) -> str:
        """How the surface (`key`, with or without the article) is a frequent Arabic word:
        `noun` for a bare word whose definite form is about as frequent (`مشهد`/`المشهد`:
        names do not take the article, nouns do); `word` for Zipf at least FREQUENT_ZIPF and
        the word tagged as a name fewer than NAME_EVIDENCE times in ANERcorp train (`أقصر`
        "shortest", `البسيط` "the simple", `أراك` "I see you"); else ``."""
        bare, definite = self.word_zipf.get(key, (0.0, 0.0))
        if not with_article and definite >= ALTERNATION_ZIPF and definite >= bare - 0.3:
            return "noun"
        total, outside = self.word_counts.get(key, (0, 0))
        own = definite if with_article else bare
        return "word" if own >= FREQUENT_ZIPF and total - outside < NAME_EVIDENCE else ""


KeyRow = tuple[str, str, int, str]  # key, entity_id, quality, article flag ("a", "n" or "")
COMMON_MIN_COUNT, COMMON_MIN_SHARE = 5, 0.7
# Zipf 4 = once per 100,000 words; from there on about half the ANERcorp train tokens of
# gazetteer words are no names (0.52 for Zipf 4-4.5, 0.32 for 3.5-4): docs/history/entities.md.
FREQUENT_ZIPF, NAME_EVIDENCE, ALTERNATION_ZIPF = 4.0, 2, 3.5


def write_gazetteer(
    path: Path, places: list[Place], keys: list[KeyRow],
    word_counts: dict[str, tuple[int, int]] | None = None,
    word_zipf: dict[str, tuple[float, float]] | None = None,
) -> None:  # fmt: skip
    """Write places, (key, entity_id, quality, article) rows, word counts and Zipf
    frequencies, sorted (reproducible file)."""
    lines = ["P\t" + "\t".join("" if v is None else str(v) for v in astuple(p)) for p in places]
    lines += ["K\t" + "\t".join(map(str, row)) for row in sorted(keys)]
    counts = sorted((word_counts or {}).items())
    lines += [f"W\t{key}\t{total}\t{outside}" for key, (total, outside) in counts]
    zipfs = sorted((word_zipf or {}).items())
    lines += [f"Z\t{key}\t{bare:.2f}\t{definite:.2f}" for key, (bare, definite) in zipfs]
    with gzip.GzipFile(path, "wb", mtime=0) as handle:
        handle.write(("\n".join(lines) + "\n").encode("utf-8"))


@cache
def load_gazetteer(path: Path = GAZETTEER_FILE) -> Gazetteer:
    """Read the gazetteer file once per process (about 0.3 s)."""
    places: dict[str, Place] = {}
    candidates: dict[str, list[tuple[int, int, str]]] = {}
    articles: dict[tuple[str, str], str] = {}
    word_counts: dict[str, tuple[int, int]] = {}
    word_zipf: dict[str, tuple[float, float]] = {}
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
            elif fields[0] == "W":
                word_counts[fields[1]] = (int(fields[2]), int(fields[3]))
            elif fields[0] == "Z":
                word_zipf[fields[1]] = (float(fields[2]), float(fields[3]))
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
    return Gazetteer(by_key, by_compact_key, vocabulary, articles, word_counts, word_zipf)
