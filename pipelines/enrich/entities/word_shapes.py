"""Word shapes around a one-word place name that make it a common noun or an adverb."""

from __future__ import annotations

from pipelines.enrich.entities.text import normalize_word


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
