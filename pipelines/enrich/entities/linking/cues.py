"""Whether a linked place name really is the place: what stands around it, and how sure the
tagger is.

Many Arabic place names are also common words: `بورصة شنغهاي` (the Shanghai stock exchange,
not Bursa), `ليظل دوما` ("always", not Douma), `العمل سويا` ("together"), `سبيل ربك` ("your
Lord"), `باليمن والبركات` ("with good fortune"). The rules here use Arabic grammar (a noun in
construct before a place, an adverb's accusative alef, coordination with a common noun), the
ANERcorp *train* counts stored in the gazetteer (`Gazetteer.common_word`) and the tagger's
marginal, never lists of place names. They also keep a state (`ولاية جورجيا`) from linking to
the country and a place inside a short quoted name (`"إطعام الرياض"`) from linking at all.
"""

from __future__ import annotations

from pipelines.enrich.entities.linking.context import (
    LOCATIVES,
    PHRASE_BREAKS,
    QUOTES,
    Verdict,
    form,
    well_known,
)
from pipelines.enrich.entities.linking.reasons import Reason
from pipelines.enrich.entities.names.gazetteer import Gazetteer
from pipelines.enrich.entities.names.text import normalize_word
from pipelines.enrich.entities.tagging.word_shapes import (
    TANWEEN_FATH,
    adverb_shape,
    definite_genitive,
    indefinite_modifier,
    masculine_participle,
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Heads of sub-national units: `ولاية جورجيا` is the US state, not the country; `ولاية نيويورك`
# the state, not the city. (`مقاطعة` is also "boycott": `مقاطعة إسرائيل` is the country.)
SUBNATIONAL = _words("ولايه اقليم")
# Words before a name that make it a place: prepositions of place and direction.
PREPOSITIONS = _words("في من الي نحو عبر داخل خارج قرب شمال جنوب شرق غرب وسط")
PLACE_CUES = LOCATIVES | PREPOSITIONS | SUBNATIONAL
DASHES = frozenset("-–—")
# Without a cue, a name that is mostly a common word in training needs this marginal; a city
# name of an adverb's shape without tanween (`دوما`, `سويا`) needs ADVERB_SURE.
SURE, ADVERB_SURE = 0.9, 0.75
# A city name that is a frequent Arabic word (`Gazetteer.frequent_word`) needs a preposition or
# place noun before it (a bare `ب`/`ل` is not enough: `بربك` "by your Lord") or this marginal:
# the tagger was 0.84-0.98 sure of such words (`مشهد`, `أقصر`, `البسيط`) in the samples.
FREQUENT_SURE = 0.99
QUOTED_MAX_WORDS = 5


def _cue_form(word: str) -> str:
    """A word's form, also without a `و`/`ف`/`ب`/`ل` before a cue word (`بولاية`, `وفي`)."""
    found = form(word)
    if found[:1] in "وفبل" and found[1:] in PLACE_CUES:
        return found[1:]
    return found


def _proclitic(word: str, key: str) -> str:
    """What stands before the name in the word, without the article: `باليمن` -> `ب`."""
    normalized = normalize_word(word)
    if not normalized.endswith(key):
        return ""
    before = normalized[: len(normalized) - len(key)]
    if before.endswith("ال"):
        before = before[:-2]
    elif before.endswith("لل"):  # l + al
        before = before[:-1]
    return before.lstrip("وف")


def has_place_cue(words: list[str], start: int, end: int, key: str) -> bool:
    """A preposition or place noun before the name (`في`, `مدينة`, a `ب`/`ل` on the word), or a
    dateline (`سبق- جدة:`)."""
    if start > 0 and (_cue_form(words[start - 1]) in PLACE_CUES or words[start - 1] in DASHES):
        return True
    if end < len(words) and words[end] == ":":
        return True
    return _proclitic(words[start], key) in ("ب", "ل")


def has_article(word: str, key: str) -> bool:
    """The name in the word carries the article (`البسيط`, `وللرباط`), after any proclitic."""
    normalized = normalize_word(word)
    if not normalized.endswith(key):
        return False
    before = normalized[: len(normalized) - len(key)]
    return before.endswith(("ال", "لل"))


def after_subnational(words: list[str], start: int) -> bool:
    """The name follows (or its span starts with) `ولاية` / `إقليم`."""
    return _cue_form(words[start]) in SUBNATIONAL or (
        start > 0 and _cue_form(words[start - 1]) in SUBNATIONAL
    )


def _plain(word: str) -> bool:
    return word[:1].isalnum() and form(word) not in PHRASE_BREAKS


def quoted_name(
    words: list[str], tags: list[str], forms: list[str], start: int, end: int
) -> tuple[int, int] | None:
    """The words between quotation marks around a place and other words, when short, without
    a preposition, conjunction, proclitic or other place: a name (`"إطعام الرياض"`, a charity;
    not `"البحرين والسعودية"`, `«جنوب القاهرة»`, `"تهديدا للولايات المتحدة"`)."""
    if QUOTES.isdisjoint(words):
        return None  # most sentences: no need to look for the phrase's ends word by word
    opening = next((i for i in range(start - 1, -1, -1) if not _plain(words[i])), -1)
    closing = next((i for i in range(end, len(words)) if not _plain(words[i])), len(words))
    if opening < 0 or closing >= len(words):
        return None
    if words[opening] not in QUOTES or words[closing] not in QUOTES:
        return None
    inside = closing - opening - 1
    if inside > QUOTED_MAX_WORDS or inside == end - start or _proclitic_on(words, forms, start):
        return None
    for i in [*range(opening + 1, start), *range(end, closing)]:
        word = normalize_word(words[i])
        if tags[i] != "O" or word[:1] in "وف" or form(word) in PREPOSITIONS:
            return None
    return opening + 1, closing


def _proclitic_on(words: list[str], forms: list[str], at: int) -> bool:
    """The word carries a bare proclitic (`والكويت`, `بولاية`, `للولايات`); `forms` are the
    matcher's forms (proclitics stripped down to known words)."""
    normalized = normalize_word(words[at])
    if not normalized.endswith(forms[at]):
        return False
    before = normalized[: len(normalized) - len(forms[at])]
    return before not in ("", "ال")


def heads_construct(
    words: list[str], tags: list[str], forms: list[str], end: int, gazetteer: Gazetteer
) -> bool:
    """A one-word name right before another place (a new `LOC` span, or a gazetteer name) is a
    noun in construct with it, not a place: `بورصة شنغهاي` (the Shanghai exchange), `سيول جدة`
    (the floods of Jeddah)."""
    if end >= len(words) or not words[end][:1].isalnum():
        return False
    keys = [form(words[end])]
    if normalize_word(words[end])[:1] in "وف" or _proclitic_on(words, forms, end):
        return False  # `تونس والكويت` is a list (`وجدة` may be Oujda: any `و` counts)
    if gazetteer.common_word(keys[0]):
        return False  # `تونس والكويت` is a list; `دبي المدينة الأولى`
    adverb = TANWEEN_FATH in words[end] or normalize_word(words[end]).endswith("ا")
    if tags[end] == "B-LOC" and not (adverb and gazetteer.lookup(keys[0]) is None):
        return True  # (not `دمشق ضروريا`: the tagger's odd `LOC` on an adverb)
    if end + 1 < len(words):
        keys.append(keys[0] + " " + form(words[end + 1]))
    for key in keys:
        place = gazetteer.lookup(key)
        if place is None or len(key) < 3 or gazetteer.common_word(key):
            continue
        if tags[end] != "O" or place.rank <= 1:
            return True
    return False


def coordinated_with_common_noun(
    words: list[str], tags: list[str], start: int, end: int, gazetteer: Gazetteer
) -> bool:
    """`ب` + a definite name + `و` + a definite common noun: `باليمن والبركات` ("with good
    fortune and blessings"), also inside such a list (`بالخير واليمن والبركات`); places are
    listed with places."""
    if end >= len(words):
        return False
    first = normalize_word(words[start])
    if first.startswith("وال") and start > 0:  # the list's first item is a common noun
        if not _common_definite(words, tags, start - 1, ("بال", "وبال"), gazetteer):
            return False
    elif not first.startswith(("بال", "وبال")):
        return False
    return _common_definite(words, tags, end, ("وال",), gazetteer)


def _common_definite(
    words: list[str], tags: list[str], index: int, openings: tuple[str, ...], gazetteer: Gazetteer
) -> bool:
    """The word opens with one of `openings` (`وال`), is tagged O and names no place."""
    normalized = normalize_word(words[index])
    return (
        normalized.startswith(openings)
        and tags[index] == "O"
        and gazetteer.lookup(form(normalized)) is None  # `form` drops `وال`, `بال`
    )


def check_common_word(
    words: list[str], tags: list[str], forms: list[str], verdict: Verdict, key: str,
    confidence: float, gazetteer: Gazetteer,
) -> Verdict:  # fmt: skip
    """Pass 3 (`cue.*`): a linked place mention after these rules: kept, unlinked (`LOC`/`ORG`,
    place None) or dropped (kind None: a common word). `forms`: the matcher's token forms of
    the sentence."""
    start, end, place = verdict.start, verdict.end, verdict.place
    if place is None or verdict.kind is None:
        return verdict
    if after_subnational(words, start):
        return Verdict(start, end, "LOC", None, Reason.SUBNATIONAL)
    quoted = quoted_name(words, tags, forms, start, end)
    if quoted is not None:
        return Verdict(quoted[0], quoted[1], "ORG", None, Reason.QUOTED_NAME)
    if end - start != 1:
        return verdict
    if place.rank >= 2 and heads_construct(words, tags, forms, end, gazetteer):
        return Verdict(start, end, None, None, Reason.CONSTRUCT_HEAD)
    if coordinated_with_common_noun(words, tags, start, end, gazetteer):
        return Verdict(start, end, None, None, Reason.COMMON_NOUN_LIST)
    if place.rank >= 2 and masculine_participle(words, tags, end):
        return Verdict(start, end, None, None, Reason.MASCULINE_PARTICIPLE)
    frequent = gazetteer.frequent_word(key, has_article(words[start], key))
    if place.rank >= 2 and frequent:
        return _frequent(words, tags, verdict, key, confidence, frequent)
    if has_place_cue(words, start, end, key):
        return verdict
    shape = adverb_shape(words[start]) if place.rank >= 2 else ""
    if confidence < SURE and gazetteer.common_word(key):
        return Verdict(start, end, None, None, Reason.COMMON_WORD_UNSURE)
    if confidence < SURE and shape == "sure":
        return Verdict(start, end, None, None, Reason.ADVERB_SHAPE)
    if shape == "maybe" and confidence < ADVERB_SURE:
        return Verdict(start, end, None, None, Reason.ADVERB_SHAPE)
    return verdict


def _frequent(
    words: list[str], tags: list[str], verdict: Verdict, key: str, confidence: float, kind: str
) -> Verdict:
    """A city name that is a frequent word (`kind`: see `Gazetteer.frequent_word`). A noun
    (`مشهد`) is dropped before a definite genitive (`في مشهد العمليات`) or an indefinite
    adjective or verb (`في مشهد جميل`, `في مشهد يتكرر`). Kept after a
    preposition, place noun or dateline, in a list of places (`حماه وحلب`), after `بال`
    (`بالدمام`; a bare `ب` is no cue: `بربك`), or when the tagger is sure: SURE for a `word`
    city Arabic texts often name (Arab world or a million people), else FREQUENT_SURE."""
    start, end = verdict.start, verdict.end
    if kind == "noun" and (
        definite_genitive(words, tags, end) or indefinite_modifier(words, tags, end)
    ):
        return Verdict(start, end, None, None, Reason.FREQUENT_NOUN)
    before = _cue_form(words[start - 1]) if start > 0 else ""
    dateline = before in DASHES or (end < len(words) and words[end] == ":")
    listed = (start > 0 and tags[start - 1] != "O" and normalize_word(words[start])[:1] == "و") or (
        end < len(words) and tags[end] == "B-LOC" and normalize_word(words[end])[:1] == "و"
    )
    definite = normalize_word(words[start]).startswith(("بال", "وبال", "لل", "ولل"))
    if before in PLACE_CUES or dateline or listed or definite:
        return verdict
    known = kind == "word" and verdict.place is not None and well_known(verdict.place)
    sure = SURE if known else FREQUENT_SURE
    if confidence >= sure:
        return verdict
    return Verdict(start, end, None, None, Reason.FREQUENT_UNSURE)
