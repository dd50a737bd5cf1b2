"""The crosswalk across scripts (`make model`): French names of the project's listed
organisations (`data/organisations_fr.tsv`: `ONU`, `Organisation des Nations unies` key to the
entity of `United Nations`), and one id for an organisation the gazetteer has too: the
gazetteer links `United Nations`, `الأمم المتحدة` and `Nations unies` to `cldr:UN`, so the
crosswalk's `منظمة الأمم المتحدة` and `ONU` get `cldr:UN` rather than `org:united nations`."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from pipelines.enrich.entities.build.crosswalk_build import english_key, english_keys
from pipelines.enrich.entities.names.crosswalk import KnownName
from pipelines.enrich.entities.names.gazetteer import Gazetteer

FRENCH_ORGANISATIONS_FILE = Path(__file__).resolve().parent / "data" / "organisations_fr.tsv"


def french_names(path: Path = FRENCH_ORGANISATIONS_FILE) -> list[tuple[str, str]]:
    """(English name as in `organisations.tsv`, French name) pairs of the list."""
    pairs: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            english, french = line.split("\t")
            pairs += [(english, name.strip()) for name in french.split("|") if name.strip()]
    return pairs


def french_rows(
    pairs: list[tuple[str, str]], entity_ids: Collection[str],
    taken: Collection[tuple[str, str]], place_keys: Collection[str],
) -> list[tuple[str, str, str]]:  # fmt: skip
    """(ORG, key, id) rows for the French names whose English name has an entity; keys some
    entity or place already has are left to it, and a key two entities' French names share
    is dropped."""
    claims: dict[str, set[str]] = {}
    for english, french in pairs:
        entity_id = f"org:{english_key(english)}"
        if entity_id not in entity_ids:
            continue
        for key in english_keys(french, "ORG"):
            if key and ("ORG", key) not in taken and key not in place_keys:
                claims.setdefault(key, set()).add(entity_id)
    return sorted(("ORG", key, ids.pop()) for key, ids in claims.items() if len(ids) == 1)


def gazetteer_ids(
    names: list[KnownName], rows: list[tuple[str, str, str]], gazetteer: Gazetteer
) -> tuple[list[KnownName], list[tuple[str, str, str]]]:
    """Entities and rows with the gazetteer's id for each organisation whose English name key
    is the key of exactly one gazetteer organisation (`united nations` → `cldr:UN`)."""
    renamed: dict[str, str] = {}
    for name in names:
        places = gazetteer.by_key.get(name.entity_id.split(":", 1)[1], ())
        found = {p.entity_id for p in places if p.entity_type == "ORG"}
        if name.entity_type == "ORG" and len(found) == 1:
            renamed[name.entity_id] = found.pop()
    new_names = [
        KnownName(renamed.get(n.entity_id, n.entity_id), n.entity_type, n.name, n.name_ar)
        for n in names
    ]
    return new_names, [(kind, key, renamed.get(i, i)) for kind, key, i in rows]
