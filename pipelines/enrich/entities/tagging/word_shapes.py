"""Word shapes around a one-word place name that make it a common noun or an adverb."""

from __future__ import annotations

from pipelines.enrich.entities.names.text import normalize_word
from pipelines.enrich.entities.tagging.tagger import stoplist


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Definite words after a place that are no genitive of it: times (`في بغداد اليوم`).
DEFINITE_TIMES = _words(
    "اليوم الاسبوع الشهر العام الليله الصباح المساء الجمعه السبت الاحد الاثنين الثلاثاء "
    "الاربعاء الخميس الماضي المقبل الحالي الجاري الذي التي المتحدث"
)
TANWEEN_FATH = "\u064b"


def definite_genitive(words: list[str], tags: list[str], end: int) -> bool:
    """A definite noun the tagger left O right after the word: the word is a noun in construct
    (`في مشهد العمليات`, "in the scene of the operations"), not a place. Adjectives in `ي`/`ية`
    (`حلب الشمالي`) and times (`بغداد اليوم`) are no genitive."""
    if end >= len(words) or tags[end] != "O":
        return False
    following = normalize_word(words[end])
    return (
        following.startswith("ال")
        and len(following) >= 5
        and not following.endswith(("ي", "يه"))
        and following not in DEFINITE_TIMES
    )


def masculine_participle(words: list[str], tags: list[str], end: int) -> bool:
    """A definite masculine participle after a one-word city (`الرباط المتصالب`, the cruciate
    ligament): cities are feminine in Arabic, so it describes a common noun."""
    if end >= len(words) or tags[end] != "O":
        return False
    following = normalize_word(words[end])
    return (
        following.startswith("المت")  # forms V/VI: `المتصالب`, `المتقاطع`
        and len(following) >= 7
        and not following.endswith(("ه", "ات", "ون", "ين", "ي"))
        and following not in DEFINITE_TIMES
    )


def adverb_shape(word: str) -> str:
    """`sure` for an indefinite accusative with tanween fath (`دومًا`, `سويًّا`), `maybe` for a
    four-letter word ending in alef (`دوما`, `سويا`, `أيضا`; but also `صبيا`), else ``."""
    if TANWEEN_FATH in word:
        return "sure"
    normalized = normalize_word(word)
    return "maybe" if len(normalized) == 4 and normalized.endswith("ا") else ""


# Indefinite words after a place that do not describe a noun, besides the lexicon's stoplist
# (`مما`, `حيث`, `يوم`): times (`وصل إلى مشهد أمس`).
INDEFINITE_NON_MODIFIERS = _words("امس غدا صباح مساء ليله خلال")


def indefinite_modifier(words: list[str], tags: list[str], end: int) -> bool:
    """An indefinite Arabic word the tagger left O right after a bare noun-like place name: an
    adjective or a verb describing the noun (`في مشهد جميل`, `في مشهد إيماني`, `في مشهد يتكرر`,
    `في مشهد لا ينتظرون`), not the city. A conjunction or preposition on the word (`و`, `ف`,
    `ب`, `ل`: `إلى مشهد بغرض السياحة`), a time or a function word (`في سيول مما`) starts
    something else."""
    if end >= len(words) or tags[end] != "O":
        return False
    following = normalize_word(words[end])
    return (
        following.isalpha()
        and not following.startswith("ال")
        and (following == "لا" or following[:1] not in "وفبلك")
        and following not in INDEFINITE_NON_MODIFIERS
        and (following == "لا" or following not in stoplist())
    )
