"""Span rules the CRF misses: Arabic organisation names opened by a head noun (`حزب العمال`),
and one-word organisation names that are no Arabic word (`داعش`, `رويترز`)."""

from __future__ import annotations

import re

from pipelines.enrich.entities.names.text import normalize_word, strip_article, strip_clitics

# Normalized head nouns that open an organisation name when definite words follow them: those
# for which the rule was right at least as often as wrong on the ANERcorp *train* split (حزب 85/23,
# بنك 21/10, جامعه 21/10, منظمه 20/12; مجلس 61/113, وزاره 0/42, لجنه 0/34 were left out).
ORG_HEADS = frozenset({"حزب", "منظمه", "بنك", "جامعه"})
_HEAD_ENDINGS = tuple(sorted(ORG_HEADS))
# The heads as they may be written (ta marbuta or ha), to skip sentences without any quickly.
_RAW_HEADS = re.compile("حزب|منظم[ةه]|بنك|جامع[ةه]")
MAX_ORG_WORDS = 6


def has_organisation_heads(text: str) -> bool:
    """Whether a text may hold a head noun of `organisation_spans`: it matches inside one word,
    so a text without any has no sentence with one (most texts: one scan, not one a sentence)."""
    return _RAW_HEADS.search(text) is not None


def organisation_spans(words: list[str]) -> list[tuple[int, int, str]]:
    """ORG spans: a head noun (with or without article or proclitic) and the definite words
    after it, e.g. `لحزب العمال الكوري`, `اللجنة العسكرية المركزية`."""
    found: list[tuple[int, int, str]] = []
    if not _RAW_HEADS.search(" ".join(words)):
        return found  # most sentences: one regex scan instead of a look at every word
    i = 0
    while i < len(words):
        normalized = normalize_word(words[i])
        end = i + 1
        if normalized.endswith(_HEAD_ENDINGS) and strip_clitics(normalized, ORG_HEADS) in ORG_HEADS:
            while end < len(words) and end - i < MAX_ORG_WORDS:
                normalized = normalize_word(words[end])
                if not normalized.startswith("ال") or strip_article(normalized) == normalized:
                    break
                end += 1
        if end - i >= 2:
            found.append((i, end, "ORG"))
            i = end
        else:
            i += 1
    return found


def standalone_organisations(
    keys: list[str], affinity: dict[str, list[str]], max_article_affinity: int = -3
) -> frozenset[str]:
    """The one-word organisation name keys (`keys`: the crosswalk's) that are no common word:
    rarer than Zipf 3 with and without the article, or far more often written without it
    (`داعش`, `رويترز`, `أرامكو`; not `حماس` "enthusiasm", `الناتو`, `فيسبوك`)."""
    return frozenset(
        key
        for key in keys
        if " " not in key and (key not in affinity or int(affinity[key][0]) <= max_article_affinity)
    )


def known_organisation_spans(forms: list[str], names: frozenset[str]) -> list[tuple[int, int, str]]:
    """ORG spans of the words whose form is such a name (or one behind a proclitic)."""
    return [(i, i + 1, "ORG") for i, found in enumerate(forms) if found in names]
