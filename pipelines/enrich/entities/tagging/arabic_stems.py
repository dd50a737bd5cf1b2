"""Arabic affix features of a word's stem: a light stemmer's suffixes, the stem's consonant
template, and the name lists that hold the stem once more affixes are off.

The stem given here is already normalized with the article and known proclitics stripped
(`token_form`); these features look further: `لبوتين` → `بوتين` (a proclitic on a word the
training text never showed), `مدينتها` → `مدين` + `ته`, `السوريين` → `سوري` → `سوريا` (a nisba of a
place). Every feature depends on the word alone (the decoder caches them per word).
"""

from __future__ import annotations

from collections.abc import Callable

# Normalized text folds ta marbuta into `ه` and alef maqsura into `ي`, so `ه` ends both
# feminine nouns and the pronoun `his`: the stemmer reads it as a suffix either way.
PRONOUN_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ني", "ه", "ك", "ي")
INFLECTION_SUFFIXES = ("تين", "تان", "ات", "ون", "ين", "ان", "يه", "ت", "ه", "ي")
PROCLITIC_LETTERS = "وفبلكس"
NISBA_ENDINGS = ("يتين", "يتان", "يون", "يين", "يان", "يات", "يه", "ي")
MIN_STEM = 3
LONG_VOWELS = frozenset("اوي")
TEMPLATE_LIMIT = 10
ALL_GROUPS = frozenset({"suffix", "template", "lists", "near"})
# The groups the shipped model was trained with (`FeatureExtractor.stem_groups`): none, until
# a model trained with them beats it in train CV (`eval/ner_cv.py --stem-groups`).
GROUPS: frozenset[str] = frozenset()


def light_stem(stem: str) -> tuple[str, str]:
    """The stem without one pronoun suffix and then one inflection suffix, and what went
    (`مدينتها` → `مدين`, `ته`); at least MIN_STEM letters stay."""
    removed = ""
    for suffixes in (PRONOUN_SUFFIXES, INFLECTION_SUFFIXES):
        for suffix in suffixes:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_STEM:
                stem, removed = stem[: -len(suffix)], suffix + removed
                break
    return stem, removed


def template(stem: str) -> str:
    """The stem's shape: long vowels kept, other letters `C` (`جوتشولك` → `CوCCوCC`); foreign
    names are rich in long vowels, Arabic nouns follow a few patterns."""
    return "".join(c if c in LONG_VOWELS else "C" for c in stem[:TEMPLATE_LIMIT])


def nisba_roots(stem: str) -> list[str]:
    """Words a nisba adjective may come from: `سوريين` → `سور`, `سورا`, `سوريا`, `سوريه`
    (`مصري` ← `مصر`, `فرنسي` ← `فرنسا`, `سوري` ← `سوريا`, `سعودي` ← `سعوديه`)."""
    for ending in NISBA_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= MIN_STEM - 1:
            root = stem[: -len(ending)]
            return [root, root + "ا", root + "يا", root + "يه"]
    return []


def stem_features(
    stem: str, lists: Callable[[str], list[str]], groups: frozenset[str]
) -> list[str]:
    """Features of a normalized Arabic stem; `lists(word)` names the name lists holding a word
    (`gaz:LOC`, `pn`, ...), empty when none does."""
    feats: list[str] = []
    if "template" in groups:
        feats.append("tp=" + template(stem))
    light, suffix = light_stem(stem)
    if "suffix" in groups and suffix:
        feats += ["ls=" + light, "sf=" + suffix]
    if "lists" not in groups:
        return feats
    if not lists(stem):
        if suffix:
            feats += ["lg=" + name for name in lists(light)]
        if stem[:1] in PROCLITIC_LETTERS:
            for size in (1, 2):
                rest = stem[size:]
                if len(rest) < MIN_STEM or stem[size - 1] not in PROCLITIC_LETTERS:
                    break
                found = lists(rest)
                if found:
                    feats += ["lp=" + name for name in found]
                    break
    for root in nisba_roots(stem):
        found = [name for name in lists(root) if name.startswith("gaz:")]
        if found:
            feats += ["nb=" + name for name in found]
            break
    return feats
