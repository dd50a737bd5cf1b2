"""Names of world regions in English and French: places, never organisations or persons.

The gazetteer has countries, cities and continents but no regions, so the tagger has no cue
that `Maghreb` or `Europe de l'Est` is a place and sometimes types them ORG. The names are
CLDR's macro-regions (UN M.49 codes such as `015` Northern Africa, `151` Eastern Europe, from
babel, BSD-3-Clause code, Unicode licence data) and the project's list of regions CLDR does not
name (below), in both languages.
"""

from __future__ import annotations

from functools import cache

from pipelines.enrich.entities.names.text import name_key, tokenize

# Regions that cross or split countries and that news names as places; English | French.
OTHER_REGIONS = """
Maghreb|Maghreb
Mashriq|Machrek
Sahel|Sahel
Sahara|Sahara
Balkans|Balkans
Western Balkans|Balkans occidentaux
Middle East|Moyen-Orient
Near East|Proche-Orient
Far East|Extrême-Orient
Levant|Levant
Caucasus|Caucase
South Caucasus|Caucase du Sud
Scandinavia|Scandinavie
Baltic states|pays baltes
Persian Gulf|golfe Persique
Arabian Peninsula|péninsule Arabique
Horn of Africa|Corne de l'Afrique
Great Lakes region|région des Grands Lacs
Indochina|Indochine
Asia-Pacific|Asie-Pacifique
Eurasia|Eurasie
Mesopotamia|Mésopotamie
Patagonia|Patagonie
Siberia|Sibérie
Arctic|Arctique
Kashmir|Cachemire
Kurdistan|Kurdistan
Darfur|Darfour
Sinai|Sinaï
"""
# UN M.49 macro-regions CLDR names (continents and sub-regions).
CLDR_REGION_CODES = ("002", "015", "011", "014", "017", "018", "202", "019", "419", "021", "029",
                     "013", "005", "142", "143", "030", "034", "035", "145", "150", "151", "154",
                     "039", "155", "009", "053", "054", "057", "061")  # fmt: skip


@cache
def region_keys() -> frozenset[str]:
    """Name keys (`names.text.name_key`) of every region name in English and French."""
    from babel import Locale

    names = [name for line in OTHER_REGIONS.split("\n") if line for name in line.split("|")]
    for language in ("en", "fr"):
        territories = Locale(language).territories
        names += [territories[code] for code in CLDR_REGION_CODES if code in territories]
    return frozenset(name_key([t.text for t in tokenize(name)]) for name in names)


def as_regions(words: list[str], spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The spans with those that name a region typed LOC (`du Maghreb`: ORG → LOC)."""
    regions = region_keys()
    return [
        (start, end, "LOC" if kind != "LOC" and name_key(words[start:end]) in regions else kind)
        for start, end, kind in spans
    ]
