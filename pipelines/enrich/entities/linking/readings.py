"""Other readings of a linked country name: its capital, a club, a region, a prayer time, an
adjective.

A country's Arabic name is often something else: `مدينة عمان` and `العاصمة الأردنية عمان` are
Amman (written like Oman), `بالعاصمة الجزائر` is Algiers, `سبق- تونس:` (a dateline) is Tunis;
`موناكو الفرنسي` is the French club (clubs and persons named like a place: `longer_names.py`);
`المغرب العربي` is the Maghreb, `صلاة المغرب` the sunset prayer; `جنديا تركيا` "a Turkish
soldier" (the accusative of the demonym `تركي` is spelled like the country). These rules use
Arabic grammar and the gazetteer's candidates, never lists of place names.
"""

from __future__ import annotations

from pipelines.enrich.entities.linking.context import Verdict, demonym_country, demonyms, form
from pipelines.enrich.entities.linking.longer_names import named_club, named_person
from pipelines.enrich.entities.linking.reasons import Reason
from pipelines.enrich.entities.names.gazetteer import Gazetteer, Place
from pipelines.enrich.entities.names.text import normalize_word
from pipelines.enrich.entities.names.text import normalized_words as _words
from pipelines.enrich.entities.tagging.tagger import load_lexicon

# Nouns in apposition before a city: `مدينة عمان`, `العاصمة الجزائر` (the definite `العاصمة`
# only: `عاصمة الجزائر` is "Algeria's capital", the country).
CITY_NOUN, CAPITAL_NOUN = "مدينه", "عاصمه"
DASHES = frozenset("-–—")
# Prayers named by their time: `صلاة المغرب`, `أذان المغرب`, `بين المغرب والعشاء`.
PRAYER_WORDS = _words("صلاة أذان فرض إقامة")
EVENING_PRAYER = "عشاء"
# Masculine adjectives that make a country's name a region: `المغرب العربي` (the Maghreb),
# `بلاد المغرب الإسلامي`, `المغرب الكبير`.
REGION_ADJECTIVES = _words("العربي الإسلامي الكبير")
# Feminine directions after a country or continent name another place (`من أيرلندا الشمالية`,
# `في أوروبا الشرقية`, `في آسيا الوسطى`) unless the gazetteer has the longer name (`كوريا
# الشمالية` is linked whole before this rule runs); only after a preposition: after a noun in
# construct the adjective describes the noun (`حدود إسرائيل الشمالية`: Israel's northern border).
REGION_DIRECTIONS = _words("الشمالية الجنوبية الشرقية الغربية الوسطى")
REGION_PREPOSITIONS = _words("في من الي عبر داخل خارج نحو")
# Indefinite accusatives as frequent as adverbs (`أيضا` 12, `حاليا` 10, `رسميا` 9) are no noun
# a demonym describes (`جنديا` 7, `مسؤولا` 8).
ACCUSATIVE_NOUN_MAX_BUCKET = 8


def _stem(word: str, vocabulary: frozenset[str]) -> str:
    """A word's form, also without a `و`/`ف`/`ب`/`ل` before a word of `vocabulary`."""
    found = form(word)
    if found[:1] in "وفبل" and found[1:] in vocabulary:
        return found[1:]
    return found


def _definite(word: str) -> bool:
    normalized = normalize_word(word).lstrip("وف")
    return normalized.startswith(("ال", "بال", "لل", "كال"))


def _city_cue(words: list[str], start: int, gazetteer: Gazetteer) -> tuple[bool, str | None]:
    """Whether a city noun stands before the name (`مدينة`, the definite `العاصمة`, maybe with
    a feminine demonym between: `العاصمة الأردنية`), and that demonym's country."""
    at, country = start - 1, None
    if at >= 0:
        code, feminine = demonym_country(words[at], gazetteer)
        if code and feminine and _definite(words[at]):
            at, country = at - 1, code
    if at < 0:
        return False, None
    cue = _stem(words[at], frozenset({CITY_NOUN, CAPITAL_NOUN}))
    if cue == CITY_NOUN or (cue == CAPITAL_NOUN and _definite(words[at])):
        return True, country
    return False, None


def _best_city(cities: list[Place], countries: tuple[str | None, ...]) -> Place | None:
    """The city of the first country in `countries` that has one, else the largest."""
    for country in countries:
        inside = [city for city in cities if country and city.country_code == country]
        if inside:
            return min(inside, key=lambda p: p.rank)
    return min(cities, key=lambda p: p.rank) if cities else None


def capital(words: list[str], verdict: Verdict, key: str, gazetteer: Gazetteer) -> Verdict | None:
    """A country name after a city noun (`مدينة عمان`, `بالعاصمة الجزائر`) or in a dateline
    (`سبق- تونس:`) is the city of that name (Amman, Algiers, Tunis); with none in the
    gazetteer, after a city noun, it stays an unlinked place. None: not such a case."""
    place, start = verdict.place, verdict.start
    if place is None or place.rank != 1:
        return None
    noun, country = _city_cue(words, start, gazetteer)
    dateline = start > 0 and words[start - 1] in DASHES
    if not noun and not dateline:
        return None
    cities = [p for p in gazetteer.candidates(key) if p.rank >= 2]
    city = _best_city(cities, (country, place.country_code))
    if city is not None:
        return Verdict(start, verdict.end, verdict.kind, city)
    return Verdict(start, verdict.end, "LOC", None, Reason.CITY_NOT_FOUND) if noun else None


def _countries_named(words: list[str], skip: range, gazetteer: Gazetteer) -> set[str]:
    """Countries a sentence names by a one-word name (`الأردن`, `بالأردن`) or a demonym."""
    named: set[str] = set()
    for i, word in enumerate(words):
        if i in skip or not word[:1].isalpha():
            continue
        found = gazetteer.lookup(form(word))
        code = found.country_code if found is not None and found.rank == 1 else None
        code = code or demonym_country(word, gazetteer)[0]
        if code:
            named.add(code)
    return named


def foreign_namesake(words: list[str], verdict: Verdict, key: str, gazetteer: Gazetteer
                     ) -> Verdict | None:  # fmt: skip
    """A country name that is also a city's elsewhere (`عمان`: Oman, and Amman in Jordan) is
    that city when the sentence names the city's country but not the name's own (`السفير
    العراقي في عمان ... مع الأردن`); not in a list (`وعمان والأردن`: two countries)."""
    place, start, end = verdict.place, verdict.start, verdict.end
    if place is None or normalize_word(words[start]).startswith(("و", "ف")):
        return None
    cities = [
        p for p in gazetteer.candidates(key) if p.rank >= 2 and p.country_code != place.country_code
    ]
    if not cities or (end < len(words) and normalize_word(words[end]).startswith("و")):
        return None
    named = _countries_named(words, range(start, end), gazetteer)
    if place.country_code in named:
        return None
    city = next((c for c in cities if c.country_code in named), None)
    return None if city is None else Verdict(start, end, verdict.kind, city)


def prayer_time(words: list[str], start: int, end: int) -> bool:
    """`صلاة المغرب`, `لصلاة المغرب`, `بين المغرب والعشاء`: the sunset prayer, no country."""
    if start > 0 and _stem(words[start - 1], PRAYER_WORDS) in PRAYER_WORDS:
        return True
    return end < len(words) and _stem(words[end], frozenset({EVENING_PRAYER})) == EVENING_PRAYER


def region(words: list[str], verdict: Verdict) -> Verdict | None:
    """A country followed by `العربي`/`الإسلامي`/`الكبير` (masculine, as a region's name:
    `المغرب العربي` is the Maghreb), or a country or continent after a preposition and followed
    by a feminine direction (`من أيرلندا الشمالية`), is another place: an unlinked place over
    both words."""
    end, place = verdict.end, verdict.place
    if end >= len(words) or place is None:
        return None
    following, start = normalize_word(words[end]), verdict.start
    if following in REGION_ADJECTIVES and place.rank == 1:
        return Verdict(start, end + 1, "LOC", None, Reason.REGION)
    before = normalize_word(words[start - 1]) if start > 0 else ""
    after_preposition = before in REGION_PREPOSITIONS or (
        before[:1] in ("و", "ف") and before[1:] in REGION_PREPOSITIONS  # `وفي`
    )
    if following in REGION_DIRECTIONS and after_preposition:
        return Verdict(start, end + 1, "LOC", None, Reason.REGION)
    return None


def foreign_club(words: list[str], verdict: Verdict, gazetteer: Gazetteer) -> Verdict | None:
    """A country followed by the masculine demonym of another country is a club:
    `موناكو الفرنسي` (the French club), an `ORG` over both words."""
    place, end = verdict.place, verdict.end
    if place is None or end >= len(words) or not normalize_word(words[end]).startswith("ال"):
        return None  # `من الأرجنتين والأورغواي` is a list
    if gazetteer.lookup(form(words[end])) is not None:
        return None  # `الأورغواي` is a country, though it ends like a demonym
    code, feminine = demonym_country(words[end], gazetteer)
    if code and not feminine and code != place.country_code:
        return Verdict(verdict.start, end + 1, "ORG", None, Reason.FOREIGN_CLUB)
    return None


def demonym_accusative(
    words: list[str], tags: list[str], verdict: Verdict, key: str, gazetteer: Gazetteer
) -> bool:
    """`جنديا تركيا`, `مسؤولا ليبيا`: after an indefinite accusative noun (ending in alef; not a
    pronoun's `ها`, a verb's `وا`, a plural in `ايا`, or a frequent adverb such as `أيضا`,
    `حاليا`), a bare country name that is
    its demonym + alef (`تركي` + `ا`) is the adjective "Turkish", not the country."""
    start, place = verdict.start, verdict.place
    if place is None or place.rank != 1 or start == 0 or verdict.end - start != 1:
        return False
    if normalize_word(words[start]) != key or not key.endswith("يا"):
        return False
    if demonyms(gazetteer).get(key[:-1]) != place.country_code:
        return False
    before = normalize_word(words[start - 1])
    frequency: dict[str, int] = load_lexicon()["frequency"]
    return (
        tags[start - 1] == "O"
        and len(before) >= 4
        and before.endswith("ا")
        and not before.endswith(("ها", "وا", "ايا"))  # `عليها`, `زاروا`, `رعايا`
        and not before.startswith("ال")
        and frequency.get(before, 0) <= ACCUSATIVE_NOUN_MAX_BUCKET
    )


def read_other_meanings(
    words: list[str], tags: list[str], verdict: Verdict, key: str, gazetteer: Gazetteer
) -> Verdict | None:
    """Pass 2 (`reading.*`): the mention a linked place is under these rules (kind None: no
    mention), or None when none applies."""
    start, end, place = verdict.start, verdict.end, verdict.place
    if place is not None and named_person(words, verdict, gazetteer):
        return Verdict(start, end, "PERS", None, Reason.NAMED_PERSON)
    if place is not None and place.rank <= 1 and (found := region(words, verdict)) is not None:
        return found
    if place is not None and place.rank == 1:
        if prayer_time(words, start, end):
            return Verdict(start, end, None, None, Reason.PRAYER_TIME)
        if demonym_accusative(words, tags, verdict, key, gazetteer):
            return Verdict(start, end, None, None, Reason.DEMONYM_ACCUSATIVE)
        found = foreign_club(words, verdict, gazetteer)
        if found is not None:
            return found
        found = capital(words, verdict, key, gazetteer) or foreign_namesake(
            words, verdict, key, gazetteer
        )
        if found is not None:
            return found
    return named_club(words, tags, verdict, key, gazetteer)
