"""Name forms for the gazetteer build: city keys, spacing variants, bilingual word alignment."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from pipelines.enrich.entities.names.text import is_arabic, name_key, normalize_word, strip_article


def city_keys(name: str) -> set[str]:
    """Name keys of a city; a key that is 3 letters only after dropping an `ال` the name
    began with (`السان` -> `سان`) is left out: such keys collide with common words."""
    keys = set()
    for variant in spacing_variants(name):
        key = name_key(variant.split())
        if len(key) > 3 or not normalize_word(variant).startswith("ال"):
            keys.add(key)
    return keys


def spacing_variants(name: str) -> set[str]:
    """The name and, for Arabic names, the same name with one inner space removed, or added
    after a transliterated `ng` syllable (`نغ`) inside a word: `بيونغ يانغ` / `بيونغيانغ`."""
    variants = {name}
    if not is_arabic(name):
        return variants
    words = name.split()
    for i in range(len(words) - 1):
        variants.add(" ".join([*words[:i], words[i] + words[i + 1], *words[i + 2 :]]))
    for i in range(3, len(name) - 1):
        if name[i - 1 : i + 1] == "نغ" and name[i + 1] != " ":
            variants.add(name[: i + 1] + " " + name[i + 1 :])
    return variants


def aligned_words(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Arabic→English word pairs aligned across bilingual names (`كوريا` ↔ `korea`).

    A pair counts when the words co-occur in at least two names of different places and
    nearly always together: enough to read partly translated names such as `Korea الشمالية`.
    """
    together: Counter[tuple[str, str]] = Counter()
    arabic_count: Counter[str] = Counter()
    english_count: Counter[str] = Counter()
    for arabic, english in pairs:
        ar_words, en_words = set(name_key(arabic.split()).split()), set(english.lower().split())
        arabic_count.update(ar_words)
        english_count.update(en_words)
        together.update((a, e) for a in ar_words for e in en_words)
    return {
        a: e
        for (a, e), count in sorted(together.items())
        if count >= 2 and 2 * count >= arabic_count[a] + english_count[e] - 1
    }


def has_article(name: str) -> bool:
    """Whether a name's first word carries the Arabic article (`الرياض`, not `بخارى`)."""
    first = normalize_word(name.split()[0]) if name.split() else ""
    return first.startswith("ال") and strip_article(first) != first
