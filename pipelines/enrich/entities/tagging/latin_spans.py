"""Span rules of the Latin-script taggers that trim a tagged name to what the corpora tag and
the crosswalk keys: no trailing possessive (`Ford’s` → `Ford`), no leading title (`President
Donald Trump` → `Donald Trump`). `latin_features.tidy_latin_spans` runs them."""

from __future__ import annotations

from collections.abc import Callable

_APOSTROPHES = frozenset({"'", "’"})
# Titles and offices before a person's name, outside the name as the corpora tag it (`President
# Donald Trump` → `Donald Trump`); `King`, `Pope`, `Saint`, `Sir` and the like are left in.
PERSON_TITLES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "president", "minister", "senator", "governor", "mayor",
    "judge", "general", "colonel", "captain", "chancellor", "secretary", "spokesman",
    "spokeswoman", "ceo", "chairman", "director", "coach", "professor", "prof",
    "m", "mme", "mlle", "monsieur", "madame", "président", "présidente", "ministre", "sénateur",
    "député", "maire", "général", "capitaine", "docteur", "maître", "professeur", "secrétaire",
    "directeur",
})  # fmt: skip


def without_titles(
    words: list[str], spans: list[tuple[int, int, str]], is_known: Callable[[list[str]], bool]
) -> list[tuple[int, int, str]]:
    """Person spans without leading titles (`PERSON_TITLES`, with their full stop: `M.
    Macron`) when a capitalised name follows, unless the whole span is a known name."""
    result: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        first = start
        while kind == "PERS" and first < end - 1 and words[first].lower() in PERSON_TITLES:
            first += 2 if words[first + 1] == "." else 1
        if first >= end or not words[first][:1].isupper() or is_known(words[start:end]):
            first = start
        result.append((first, end, kind))
    return result


def without_possessives(
    words: list[str], spans: list[tuple[int, int, str]], is_known: Callable[[list[str]], bool]
) -> list[tuple[int, int, str]]:
    """Spans without a trailing apostrophe or possessive `'s` (`Ford’s` → `Ford`: the stage's
    tokens `Ford` `’` `s`), unless the whole span is a known name and the rest is not
    (`McDonald's`; `is_known` reads no punctuation, so `Ford ’` is known as `Ford` is)."""
    result: list[tuple[int, int, str]] = []
    for start, end, kind in spans:
        last = end
        if last - start > 2 and words[last - 1].lower() == "s" and words[last - 2] in _APOSTROPHES:
            last -= 2
        elif last - start > 1 and words[last - 1] in _APOSTROPHES:
            last -= 1
        if last != end and is_known(words[start:end]) and not is_known(words[start:last]):
            last = end
        result.append((start, last, kind))
    return result
