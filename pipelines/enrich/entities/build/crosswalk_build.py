"""Build the person/organisation crosswalk (`make model`; alone:
`python -m pipelines.enrich.entities.build.crosswalk_build`) from ArWikiCats 0.2.3 (MIT): English →
Arabic Wikipedia titles read as data (installed `--no-deps`, never imported); more Arabic
spellings of person names from arabnamer 0.1.3's CC-BY-4.0 name dictionary; and the project's
own hand-written list of well-known organisations (`data/organisations.tsv`: Hamas, NATO, OPEC,
news agencies, companies, ... which the tables lack), authoritative where they disagree.

People: `jsons/people/peoples.json`. Organisations: every English → Arabic title pair in its
tables whose Arabic name begins with an organisation word (`نادي`, `حزب`, `جامعة`, ...). Each
gets the id `per:` / `org:` + the name key of its English title; the keys of its Arabic and
English names (and a few spelling variants) point at it. A key that two entities share, that
names a place of the gazetteer, or a person key of very common words only (`محمد علي`) is left
out; so are one-word person keys. French names of listed organisations
(`data/organisations_fr.tsv`) join their entity, and an organisation the gazetteer has
(`cldr:UN`) keeps the gazetteer's id (`crosswalk_extend`)."""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path

from pipelines.enrich.entities.build.word_evidence import (
    MissingData,
    default_person_names,
    package_file,
)
from pipelines.enrich.entities.names.crosswalk import CROSSWALK_FILE, KnownName, write_crosswalk
from pipelines.enrich.entities.names.gazetteer import GAZETTEER_FILE, load_gazetteer
from pipelines.enrich.entities.names.text import (
    is_arabic,
    name_key,
    normalize_word,
    strip_article,
    tokenize,
)
from pipelines.enrich.entities.versions import LEXICON_FILE

SOURCE = (
    "the project's list of well-known organisations (English, Arabic, French); ArWikiCats 0.2.3 "
    "(MIT), English -> Arabic Wikipedia titles; spellings from arabnamer's Arabic name "
    "dictionary (Yousef, E.), CC-BY-4.0"
)
# The project's own hand-written list: `English name<TAB>Arabic name|variant|...`.
ORGANISATIONS_FILE = Path(__file__).resolve().parent / "data" / "organisations.tsv"
PEOPLE = "people/peoples.json"
# First word of an Arabic organisation name (club, party, university, company, ...).
ORG_HEADS = frozenset(
    {
        "نادي",
        "حزب",
        "منظمة",
        "شركة",
        "جامعة",
        "حركة",
        "اتحاد",
        "الاتحاد",
        "مجلس",
        "بنك",
        "البنك",
        "مصرف",
        "هيئة",
        "وكالة",
        "مؤسسة",
        "معهد",
        "كلية",
        "أكاديمية",
        "الأكاديمية",
        "تنظيم",
        "جمعية",
        "الخطوط",
        "خطوط",
        "جبهة",
        "المنظمة",
        "صحيفة",
        "قناة",
    }
)
# A federation in Arabic (`الاتحاد السعودي` is Ittihad FC in ArWikiCats, and the Saudi football
# federation in the news): its Arabic names link only if the English name says so too.
FEDERATION_HEADS = frozenset({"اتحاد", "الاتحاد"})
FEDERATION_WORDS = frozenset({"union", "federation", "association", "confederation"})
# Words at least this frequent (lexicon `frequency`: twice the Zipf, so Zipf >= 5) are common
# given names or words: a person key made only of them (`محمد علي`, `عبد الله`) is no one person.
COMMON_BUCKET = 10
# A table organisation with a one-word English title whose Arabic name is an organisation word
# and frequent words only (`faculty` = `هيئة تدريس`, `airline` = `خطوط جوية`) is a generic
# term, not a name: words at least this frequent (Zipf >= 4) count as generic.
GENERIC_BUCKET = 8
# Words of an English club name that are not its name (`al-hilal fc` is `al hilal`).
CLUB_AFFIXES = frozenset({"fc", "afc", "sc", "cf", "ac", "cd", "ud", "club", "football", "f", "c"})
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
Entry = tuple[str, str, str, bool]  # entity type, English title, Arabic title, disambiguated


def english_key(name: str) -> str:
    """The name key of an English name, tokenized as texts are (`kim jong-un` → `kim jong un`)."""
    return name_key([token.text for token in tokenize(name)])


def english_keys(name: str, entity_type: str) -> set[str]:
    """Keys of an English name: as written, without accents (`erdoğan` → `erdogan`), without
    `al`/`el`, and for organisations without club affixes (`al-hilal fc` → `al hilal`)."""
    words = english_key(name).split()
    variants = [words, [w for w in words if w not in ("al", "el")]]
    if entity_type == "ORG":
        trimmed = list(words)
        while trimmed and trimmed[-1] in CLUB_AFFIXES:
            trimmed.pop()
        while trimmed and trimmed[0] in CLUB_AFFIXES:
            trimmed.pop(0)
        variants.append(trimmed)
    keys = {" ".join(v) for v in variants if len(v) >= 2 or (v == words and entity_type == "ORG")}
    return keys | {_ascii(k) for k in keys}


def arabic_keys(name: str, entity_type: str) -> set[str]:
    """Keys of an Arabic name: as written, with `عبد ال...` spaced and joined, and for clubs
    without `نادي` / `لكرة القدم` when two words or more remain."""
    variants = {name, name.replace("عبد ال", "عبدال"), name.replace("عبدال", "عبد ال")}
    words = name.split()
    if entity_type == "ORG" and words[0] == "نادي":
        rest = words[1:-2] if words[-2:] == ["لكرة", "القدم"] else words[1:]
        if len(rest) >= 2 and rest[0] not in ORG_HEADS:  # `الاتحاد السعودي`: the federation
            variants.add(" ".join(rest))
    keys = {name_key(v.split()) for v in variants}
    return {k for k in keys if entity_type == "ORG" or " " in k}


def respelled(english: str, arabic: str, spellings: Mapping[str, str]) -> set[str]:
    """Other Arabic spellings of a person's name from arabnamer's English → Arabic name words
    (CC-BY-4.0), when the names align word by word and a spelling starts with the same letter:
    `kim jong un` / `كم جونغ أون` → `كيم جونغ أون` (each word alone, then all of them)."""
    english_words, arabic_words = english_key(english).split(), arabic.split()
    if len(english_words) != len(arabic_words) or len(arabic_words) < 2:
        return set()
    chosen = list(arabic_words)
    variants: set[str] = set()
    for i, (word, written) in enumerate(zip(english_words, arabic_words, strict=True)):
        other = spellings.get(word, "")
        if " " not in other and is_arabic(other) and _initial(other) == _initial(written):
            chosen[i] = other
            variants.add(" ".join([*arabic_words[:i], other, *arabic_words[i + 1 :]]))
    return (variants | {" ".join(chosen)}) - {arabic} if variants else set()


def _initial(word: str) -> str:
    return strip_article(normalize_word(word))[:1]


def display(name: str) -> str:
    """An English title (ArWikiCats keys are lower case) with capitals: `al-hilal fc` →
    `Al-Hilal FC`, `kim jong-un` → `Kim Jong-Un`."""
    words = [w.upper() if w in CLUB_AFFIXES - {"club", "football"} else w for w in name.split()]
    return " ".join("-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in words)


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _pairs(tree: object) -> Iterator[tuple[str, str]]:
    if isinstance(tree, dict):
        for key, value in tree.items():
            if isinstance(value, str) and isinstance(key, str):
                yield key, value
            else:
                yield from _pairs(value)


def listed_organisations(path: Path) -> list[Entry]:
    """Organisations of the project's list, one entry per Arabic variant; they share the id of
    their English name, and the first variant is the Arabic display name."""
    entries: list[Entry] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            english, arabic = line.split("\t")
            entries += [("ORG", english, name.strip(), False) for name in arabic.split("|")]
    return entries


def wiki_entries(root: Path) -> list[Entry]:
    """People and organisations of the ArWikiCats `jsons` folder, sorted."""
    entries: set[Entry] = set()
    for english, arabic in _pairs(json.loads((root / PEOPLE).read_text(encoding="utf-8"))):
        entries.add(("PER", english, arabic, "(" in english or "(" in arabic))
    for path in sorted(root.rglob("*.json")):
        for english, arabic in _pairs(json.loads(path.read_text(encoding="utf-8"))):
            if arabic.split() and arabic.split()[0] in ORG_HEADS:
                entries.add(("ORG", english, arabic, "(" in english or "(" in arabic))
    return sorted(entries)


def crosswalk_rows(
    entries: list[Entry], place_keys: frozenset[str], common: frozenset[str] = frozenset(),
    spellings: Mapping[str, str] | None = None, listed: frozenset[str] = frozenset(),
    generic: frozenset[str] = frozenset(),
) -> tuple[list[KnownName], list[tuple[str, str, str]]]:  # fmt: skip
    """Entities and their (type, key, id) rows. A key goes to the one entity with a primary
    title (no `(...)` disambiguator) claiming it: `سكوت ووكر` is only `scott walker (singer)`
    in the tables, so it stays unlinked; keys of places, of two primary titles, and person keys
    of `common` words only are dropped, and so are table organisations with a one-word English
    title whose Arabic name is an organisation word plus `generic` words only. Entries whose
    English name is `listed` (the project's list) keep an Arabic federation name
    (`الاتحاد الدولي لكرة القدم`)."""
    names: dict[str, KnownName] = {}
    claims: dict[tuple[str, str], dict[str, bool]] = defaultdict(dict)
    for entity_type, english, arabic, disambiguated in entries:
        base_en, base_ar = _PARENTHESIS.sub("", english), _PARENTHESIS.sub("", arabic).strip()
        id_key = english_key(english)
        if not base_ar or (entity_type == "PER" and " " not in id_key):
            continue
        if entity_type == "ORG" and english not in listed and " " not in id_key:
            words = base_ar.split()
            rest = words[1:] if words[0] in ORG_HEADS else words
            if all(strip_article(normalize_word(w)) in generic for w in rest):
                continue
        entity_id = f"{entity_type.lower()}:{id_key}"
        shown = display(base_en) if base_en.islower() else base_en  # the list writes its own
        names.setdefault(entity_id, KnownName(entity_id, entity_type, shown, base_ar))
        keys = english_keys(base_en, entity_type)
        federation = base_ar.split()[0] in FEDERATION_HEADS  # the project's list says what it is
        if english in listed or not federation or FEDERATION_WORDS & set(id_key.split()):
            keys |= arabic_keys(base_ar, entity_type)
        if entity_type == "PER" and spellings:
            for other in respelled(base_en, base_ar, spellings):
                keys |= arabic_keys(other, entity_type)
        for key in keys:
            too_common = entity_type == "PER" and set(key.split()) <= common
            if key and key not in place_keys and not too_common:
                old = claims[entity_type, key].get(entity_id, True)
                claims[entity_type, key][entity_id] = old and disambiguated
    rows: list[tuple[str, str, str]] = []
    for (entity_type, key), ids in claims.items():
        primary = [i for i, disambiguated in ids.items() if not disambiguated]
        if len(primary) == 1:
            rows.append((entity_type, key, primary[0]))
    used = {entity_id for _, _, entity_id in rows}
    return [n for i, n in names.items() if i in used], rows


def build_crosswalk(
    path: Path,
    root: Path | None = None,
    spellings: Path | None = None,
    organisations: Path = ORGANISATIONS_FILE,
) -> tuple[int, int]:
    """Write the crosswalk from the project's organisation list, ArWikiCats' tables (`root`,
    default: the installed package) and arabnamer's name dictionary (`spellings`, likewise);
    returns (entities, keys). Raises MissingData when either package is not installed."""
    root = root or package_file("ArWikiCats", "jsons")
    if root is None or not (root / PEOPLE).exists():
        raise MissingData("ArWikiCats is not installed (make model installs arwikicats==0.2.3)")
    lexicon = json.loads(LEXICON_FILE.read_text(encoding="utf-8"))
    common = frozenset(w for w, bucket in lexicon["frequency"].items() if bucket >= COMMON_BUCKET)
    generic = frozenset(w for w, bucket in lexicon["frequency"].items() if bucket >= GENERIC_BUCKET)
    places = frozenset(load_gazetteer(GAZETTEER_FILE).by_key)
    spellings = spellings or default_person_names()
    if spellings is None:
        raise MissingData("arabnamer is not installed (make model installs arabnamer==0.1.3)")
    listed = listed_organisations(organisations)
    # The list is authoritative: a table organisation with one of its Arabic names would make
    # the key ambiguous and unlinked.
    claimed = {name_key(arabic.split()) for _, _, arabic, _ in listed}
    wiki = [e for e in wiki_entries(root) if e[0] != "ORG" or name_key(e[2].split()) not in claimed]
    entries = listed + wiki  # the list's display names first
    names, rows = crosswalk_rows(
        entries, places, common, json.loads(spellings.read_text(encoding="utf-8")),
        frozenset(english for _, english, _, _ in listed), generic,
    )  # fmt: skip
    # French names of listed organisations, then the gazetteer's id where it has the organisation
    from pipelines.enrich.entities.build.crosswalk_extend import (  # it imports this module
        french_names,
        french_rows,
        gazetteer_ids,
    )

    taken = {(kind, key) for kind, key, _ in rows}
    rows += french_rows(french_names(), {n.entity_id for n in names}, taken, places)
    names, rows = gazetteer_ids(names, rows, load_gazetteer(GAZETTEER_FILE))
    write_crosswalk(path, names, rows, SOURCE)
    return len(names), len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arwikicats", type=Path, help="ArWikiCats' jsons folder")
    parser.add_argument("--out", type=Path, default=CROSSWALK_FILE)
    args = parser.parse_args(argv)
    try:
        entities, keys = build_crosswalk(args.out, args.arwikicats)
    except MissingData as error:
        parser.error(str(error))
    print(f"crosswalk: {entities:,} persons and organisations, {keys:,} name keys")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
