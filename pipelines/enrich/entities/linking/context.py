"""Context cues for a linked place name: a club, an event, a person, or the place itself.

A city name is often not the city: `برشلونة نجح` (the club), `دوري ابطال آسيا` (an event),
`الشاعر بيرم التونسي` (a person). These rules look at the words around a linked mention and
either keep it, retype its span (`ORG` club or institution, `MISC` event, `PERS` person), or
drop it. They use Arabic grammar and vocabulary only, never lists of place names.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from pipelines.enrich.entities.linking.reasons import Reason
from pipelines.enrich.entities.names.gazetteer import Gazetteer, Place
from pipelines.enrich.entities.names.text import normalize_word, strip_article
from pipelines.enrich.entities.names.text import normalized_words as _words


def _codes(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words (normalized, without article) of which a few make a text about sport; one of them
# makes a sentence about sport.
SPORTS_WORDS = _words(
    "نادي اندي اندية مباراه مباريات دوري لاعب لاعبا لاعبين لاعبو مدرب ملعب منتخب هداف مهاجم"
)
SPORTS_ARTICLE_MIN = 3
# Heads that open the name of an event (MISC) or an institution (ORG) with a place inside it.
NAME_HEADS = dict.fromkeys(_words("منتدي مهرجان دوري كاس بطوله معرض مؤتمر ملتقي جائزه قمه"), "MISC")
NAME_HEADS |= dict.fromkeys(_words("ليالي"), "MISC")  # festival nights: `ليالي دبي`
NAME_HEADS |= dict.fromkeys(_words("عيد"), "MISC")  # a city's festival: `عيد الرياض`
NAME_HEADS |= dict.fromkeys(_words("جامعه نادي مطار ملعب استاد جريده صحيفه مجله قناه"), "ORG")
# Venues and broadcasters named after their place: `فندق بكة أراك`, `مكتبة الإسكندرية`.
NAME_HEADS |= dict.fromkeys(_words("فندق منتجع مكتبه متحف مستشفي اذاعه تلفزيون مسرح"), "ORG")
# Companies, banks and colleges: `شركة غاز قطر`, `بنك الكويت الوطني`, `كلية لندن للطب`.
NAME_HEADS |= dict.fromkeys(_words("شركه بنك مصرف كليه معهد اكاديميه"), "ORG")
# Indices, named after their exchange or company (`مؤشر مونستر للتوظيف`, `مؤشر سوق دبي`); the
# number after one is its value, not part of the name.
INDEX_HEADS = _words("مؤشر")
NAME_HEADS |= dict.fromkeys(INDEX_HEADS, "MISC")
QUOTES = frozenset("\"«»“”'")
HEAD_WINDOW = 3  # a head at most this many words before the place
# Words a head may not reach across: prepositions and conjunctions start another phrase.
PHRASE_BREAKS = _words("في من الي علي عن مع بين عند لدي حتي منذ و او ثم")
# Definite titles that stand before a person's name (`الشاعر بيرم`, `اللاعب براندون`).
PERSON_TITLES = _words(
    "رئيس امير ملك شيخ امام شاعر لاعب مدرب دكتور كاتب فنان مهاجم مدافع حارس سيد استاذ مهندس "
    "نجم ممثل مخرج روائي صحفي وزير سفير قائد زعيم داعيه مطرب اديب باحث زميل ملكه اميره شيخه "
    "سيده دكتوره فنانه كاتبه شاعره"
)
# Words before a place that say it is where something happens: `في جدة`, `مدينة جدة`.
LOCATIVES = _words("في مدينه منطقه محافظه ولايه عاصمه بلده")
# Masculine words in `ي` after a city that are no nisba adjective of it (`الرمادي الشمالي`:
# a district).
NOT_NISBA = _words(
    "الذي الماضي الحالي الجاري التالي الثاني الاتي الشمالي الجنوبي الشرقي الغربي الاوسط"
)
# Countries of the Arab League, where most cities an Arabic text names lie.
ARAB_COUNTRIES = _codes("SA AE KW QA BH OM YE IQ SY JO LB PS EG SD LY TN DZ MA MR SO DJ KM")
MILLION_RANK = 40  # gazetteer rank of a city of 1,000,000 people (100 - 10·log10)
# Demonyms that do not follow from the country's Arabic name.
IRREGULAR_DEMONYMS = {
    "بريطاني": "GB", "انجليزي": "GB", "انكليزي": "GB", "اسكتلندي": "GB", "امريكي": "US",
    "اميركي": "US", "سعودي": "SA", "اماراتي": "AE", "فلسطيني": "PS",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a linked place mention is after its context: `kind` None drops the mention;
    `reason`: the rule that dropped it or left it unlinked."""

    start: int
    end: int
    kind: str | None
    place: Place | None
    reason: Reason | None = None


def form(word: str) -> str:
    """A word normalized and without its article."""
    return strip_article(normalize_word(word))


def has_bare_proclitic(word: str, key_word: str) -> bool:
    """`بجدة`, `لنجران`: the word is the place's name behind a `و`/`ف`/`ب`/`ل`/`ك` (no article)."""
    normalized = normalize_word(word)
    return (
        not normalized.startswith(("ال", "لل"))
        and normalized != key_word
        and (normalized.endswith(key_word) and len(normalized) - len(key_word) <= 2)
    )


def sports_words(forms: Iterable[str]) -> int:
    """How many sports words there are among word forms (normalized, without proclitics)."""
    return sum(map(SPORTS_WORDS.__contains__, forms))


@cache
def demonyms(gazetteer: Gazetteer) -> dict[str, str]:
    """Masculine nisba adjective -> ISO country (`اسباني` -> ES), from one-word Arabic country
    names (`إسبانيا`, `اليمن`, `البرتغال`) and a few irregular ones."""
    found: dict[str, str] = {}
    for places in gazetteer.by_key.values():
        place = places[0]
        if place.rank != 1 or not place.country_code or not place.name_ar:
            continue
        words = place.name_ar.split()
        if len(words) == 1:
            stem = form(words[0]).removesuffix("ا").removesuffix("ه")
            found.setdefault(stem if stem.endswith("ي") else stem + "ي", place.country_code)
    return found | IRREGULAR_DEMONYMS


def demonym_country(word: str, gazetteer: Gazetteer) -> tuple[str | None, bool]:
    """The country of a nisba adjective and whether it is feminine (`الإسبانية` -> ES, True)."""
    stem = form(word)
    feminine = stem.endswith("يه")
    return demonyms(gazetteer).get(stem[:-1] if feminine else stem), feminine


def _core(word: str) -> str:
    """The form of a word, also without a `و`/`ف`/`ب`/`ل` before a cue word (`بمدينة`)."""
    found = form(word)
    if found[:1] in "وفبل" and found[1:] in CUE_WORDS:
        return found[1:]
    return found


def well_known(place: Place) -> bool:
    """A city that may stand behind a bare proclitic (`بجدة`, `لحلب`): in the Arab world, or
    of a million people; elsewhere `ب` + a town is more often a word (`باراك` is no ب + Arak)."""
    return place.country_code in ARAB_COUNTRIES or place.rank <= MILLION_RANK


def _is_masculine_nisba(word: str) -> bool:
    normalized = normalize_word(word)
    return (
        normalized.startswith("ال")
        and normalized.endswith("ي")
        and len(normalized) >= 5
        and normalized not in NOT_NISBA
    )


def _after_title(words: list[str], forms: list[str], start: int) -> bool:
    """A definite title right before the word, maybe with a nisba between: `الشاعر بيرم`,
    `الرئيس الأميركي باراك`."""
    at = start - 1
    if at >= 1 and _is_masculine_nisba(words[at]):
        at -= 1
    return at >= 0 and forms[at] in PERSON_TITLES and normalize_word(words[at]).startswith("ال")


def _name_head(forms: list[str], start: int) -> tuple[int, str] | None:
    """The event or institution head a few words before the place, if nothing breaks between."""
    for i in range(start - 1, max(-1, start - 1 - HEAD_WINDOW), -1):
        if forms[i] in NAME_HEADS:
            return i, NAME_HEADS[forms[i]]
        if forms[i] in QUOTES:
            continue  # `مهرجان "جدة 36"`
        if forms[i] in PHRASE_BREAKS or forms[i] in LOCATIVES or not forms[i][:1].isalnum():
            return None
    return None


def _name_end(words: list[str], end: int, numbered: bool = True) -> int:
    """The end of a name after its place: nisba adjectives and a number (`مهرجان ينبع 36`,
    `منتدى الرياض الاقتصادي`, `مهرجان جدة التاريخية`)."""
    while end < len(words) and (_is_adjective(words[end]) or (numbered and words[end].isdigit())):
        end += 1
    return end


def _is_adjective(word: str) -> bool:
    normalized = normalize_word(word)
    return normalized.startswith("ال") and normalized.endswith(("ي", "يه")) and len(normalized) >= 5


def read_phrase(
    words: list[str], tags: list[str], link: Verdict, key: str, sports: tuple[bool, bool],
    gazetteer: Gazetteer, person_words: frozenset[str],
) -> Verdict:  # fmt: skip
    """Pass 1 (`phrase.*`): the mention a linked place span [start, end) of a sentence really
    is in its phrase; `sports`: whether the text, and the sentence, are about sport."""
    sports_text, sports_sentence = sports
    start, end, place = link.start, link.end, link.place
    if place is None:
        return link
    low = max(0, start - HEAD_WINDOW)
    forms = [""] * low + [_core(word) for word in words[low:start]]
    single = end - start == 1
    word = normalize_word(words[start])
    # `بمكة المكرمة`: a proclitic on the name's first word (the place, not a name's part)
    behind_proclitic = has_bare_proclitic(words[start], key.split()[0] if key else "")
    bare = single and behind_proclitic
    head = None if behind_proclitic else _name_head(forms, start)
    if head is not None:
        numbered = forms[head[0]] not in INDEX_HEADS
        return Verdict(head[0], _name_end(words, end, numbered), head[1], None, Reason.NAME_HEAD)
    if place.rank < 2:
        return link
    before = forms[start - 1] if start > 0 else ""
    after = words[end] if end < len(words) else ""
    locative = before in LOCATIVES or (word.startswith(("ب", "وب", "فب")) and word != key)
    if bare and (word in person_words or (word[:1] in "بلك" and not well_known(place))):
        # `باراك`, `بلاتر`: ب + a city
        return Verdict(start, end, "PERS", None, Reason.PROCLITIC_PERSON)
    next_person = tags[end : end + 1] in (["B-PERS"], ["I-PERS"]) and not after.startswith("و")
    if single and _after_title(words, forms, start):
        return Verdict(start, end, "PERS", None, Reason.AFTER_TITLE)
    beside_person = next_person or (start > 0 and tags[start - 1].endswith("PERS"))
    if single and not locative and beside_person:
        return Verdict(start, end, "PERS", None, Reason.BESIDE_PERSON)
    if _is_masculine_nisba(after):
        country, _ = demonym_country(after, gazetteer)
        is_club = country is not None or sports_text
        if is_club:
            return Verdict(start, end + 1, "ORG", None, Reason.NISBA_CLUB)
        return Verdict(start, end, None, None, Reason.NISBA_ADJECTIVE)
    if (
        single and (sports_text or sports_sentence) and not locative and after != ":"
    ):  # `سبق- جدة:` is a dateline
        _, feminine = demonym_country(after, gazetteer) if after else (None, False)
        if not feminine:  # `برشلونة الإسبانية` is the city
            # a club: `برشلونة نجح`, `لعب نجران`
            return Verdict(start, end, "ORG", None, Reason.SPORTS_CLUB)
    return link


CUE_WORDS = LOCATIVES | NAME_HEADS.keys() | PERSON_TITLES
