"""Where a date expression may start: a few words before a word every expression contains.

Running the language pattern at every character costs ~5 ms per article. Instead the words of
the text are intersected (in C) with every surface form of the language's core words (months,
weekdays, units, "yesterday", ...), and the pattern is only tried at the starts of the few words
before each core word or number found.
"""

from __future__ import annotations

import re
from functools import cache

from pipelines.arabic import ALEF, spellings_of
from pipelines.enrich.dates.vocabulary import CORE_WORDS

_ARABIC_CLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "لل")
_ALEF_FORMS = tuple(spellings_of(ALEF))
# How many words a date expression may have before its first core word or number:
# "منذ ثلاثة أيام", "the day before yesterday", "il y a trois jours".
WORDS_BEFORE = {"ar": 2, "en": 3, "fr": 4}
_WORD_RE = re.compile(r"\w+")
_NUMBER_RE = re.compile(r"\d+")
_NUMBER_LENGTHS = (1, 2, 4)  # day numbers and years: other numbers are never the core of a date
_CLITIC_LETTERS = frozenset("وفبل")


def _spellings(word: str) -> set[str]:
    """Spelling variants of a folded Arabic word: alef with/without hamza, ta marbuta, ya."""
    variants = {""}
    for char in word:
        if char == "ا":
            options: tuple[str, ...] = _ALEF_FORMS
        elif char in ("ه", "ي"):
            options = tuple(spellings_of(char))
        else:
            options = (char,)
        variants = {variant + option for variant in variants for option in options}
    return variants


@cache
def _core_forms(language: str) -> frozenset[str]:
    """Every surface form of the core words as `\\w+` finds them in raw text."""
    core = CORE_WORDS[language]
    if language == "ar":
        spelled = {variant for word in core for variant in _spellings(word)}
        return frozenset(spelled | {c + word for c in _ARABIC_CLITICS for word in spelled})
    words = {part for word in core for part in re.findall(r"\w+", word)} - {"hui"}
    return frozenset(words | {w.capitalize() for w in words} | {w.upper() for w in words})


def _word_start(text: str, position: int) -> int:
    """Start of the whitespace-delimited word holding `position`."""
    return max(text.rfind(" ", 0, position), text.rfind("\n", 0, position)) + 1


def _words_before(text: str, start: int, count: int) -> list[int]:
    starts = []
    for _ in range(count):
        end = start - 1
        while end >= 0 and text[end].isspace():
            end -= 1
        if end < 0:
            break
        start = _word_start(text, end)
        starts.append(start)
    return starts


def _occurrences(text: str, word: str) -> list[int]:
    """Starts of `word` where it is a whole word of `text`."""
    found, position = [], text.find(word)
    while position >= 0:
        end = position + len(word)
        if (position == 0 or not text[position - 1].isalnum()) and (
            end == len(text) or not text[end].isalnum()
        ):
            found.append(position)
        position = text.find(word, end)
    return found


def candidate_starts(text: str, language: str) -> list[int]:
    """Sorted character positions at which to try the pattern of `language`."""
    if language not in CORE_WORDS:
        return []
    present = _core_forms(language).intersection(_WORD_RE.findall(text))
    before = WORDS_BEFORE[language]
    # A number needs at most one word before it ("عام 2019", "the 28th"); units cover "3 days".
    cores = [(position, before) for word in present for position in _occurrences(text, word)]
    cores += [
        (match.start(), 1)
        for match in _NUMBER_RE.finditer(text)
        if match.end() - match.start() in _NUMBER_LENGTHS
    ]
    positions: set[int] = set()
    for core, words_before in cores:
        token_start = _word_start(text, core)
        for start in (core, token_start, *_words_before(text, token_start, words_before)):
            positions.add(start)
            if language == "ar" and text[start] in _CLITIC_LETTERS:
                positions.update((start + 1, start + 2))  # after attached و / ب / ل
            for back in (1, 2):  # "(1948)", "( 1948 )"
                if start >= back and text[start - back] == "(":
                    positions.add(start - back)
    return sorted(positions)
