"""English words for nationalities, languages, scripts and religions (`American`, `Portuguese`,
`Cyrillic`, `Catholic`): the words CoNLL-style corpora tag MISC (build only).

Languages and scripts are CLDR's English names (babel, BSD-3-Clause code, Unicode licence data)
of one word with a nationality-like ending; demonyms are derived from CLDR's one-word territory
names by the regular endings (`Australia` → `Australian`, `Belgium` → `Belgian`, `Mexico` →
`Mexican`); the irregular ones and religions are listed here. Forms that a rule derives but
English never uses are harmless: they never occur. Plurals are added (`Americans`).
"""

from __future__ import annotations

from babel import Locale

# Language and script names that read as a nationality or people (`Dutch`, `Thai`, `Arabic`).
_LANGUAGE_ENDINGS = ("ish", "ese", "an", "ic", "ch", "ek", "ai", "i")
_IRREGULAR = (
    "american british english scottish welsh irish swiss dutch danish swedish finnish polish "
    "turkish greek french german spanish portuguese thai filipino israeli pakistani iraqi saudi "
    "kuwaiti yemeni omani qatari emirati bangladeshi afghan kurdish arab european asian african "
    "latin soviet roman byzantine ottoman anglo aboriginal jew jewish christian muslim moslem "
    "islamic catholic protestant buddhist hindu sikh orthodox anglican lutheran methodist "
    "baptist mormon sunni shia shiite"
)


def _demonyms(name: str) -> set[str]:
    """Regular English demonyms of a one-word territory name."""
    if name.endswith("ia"):
        return {name + "n"}
    if name.endswith("ium"):
        return {name[:-3] + "ian"}
    if name.endswith(("a", "o")):
        return {name + "n", name[:-1] + "an"}
    if name.endswith("y"):
        return {name[:-1] + "ian"}
    if name.endswith("e"):
        return {name + "an", name[:-1] + "ian"}
    return {name + "ian", name + "an", name + "i"}


def nationality_words(excluded: frozenset[str]) -> list[str]:
    """Lower-case words (and their plurals) for nationalities, languages, scripts and religions
    of four letters or more; `excluded` words (place names, words of known persons' names:
    `Modi` is a script and a prime minister) are left out."""
    locale = Locale("en")
    words = set(_IRREGULAR.split())
    for name in [*locale.languages.values(), *locale.scripts.values()]:
        if name.isalpha() and name.lower().endswith(_LANGUAGE_ENDINGS):
            words.add(name.lower())
    for code, name in locale.territories.items():
        if code.isalpha() and name.isalpha():
            words.update(_demonyms(name.lower()))
    plurals = {w + "s" for w in words if not w.endswith(("sh", "ch", "ese", "s", "i"))}
    return sorted(w for w in words | plurals if len(w) >= 4 and w not in excluded)
