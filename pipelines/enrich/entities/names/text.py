"""Tokens with character offsets, sentence splitting and Arabic normalization."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from pipelines.arabic import INVISIBLE, LETTER_FOLDS, MARKS, PERSIAN_FOLDS, TATWEEL

# Arabic marks, tatweel and invisible joiners deleted, spelling variants folded
# (pipelines/arabic.py): one `str.translate` normalizes a word (a regex pass cost more).
_LETTER_MAP = str.maketrans(
    {**dict.fromkeys(MARKS + TATWEEL + INVISIBLE, ""), **LETTER_FOLDS, **PERSIAN_FOLDS}
)
# A token: a run of letters/digits (with Arabic marks and tatweel inside), or one other symbol.
_TOKEN = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c]+|[^\w\s]")
_SENTENCE_END = frozenset({".", "!", "?", "؟", "\n", "؛"})
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# Proclitics: conjunction (w, f), then preposition (b, l, k), then the article. `لل` is l + al.
_ARTICLE_PREFIX = re.compile("^(?:[وف]?(?:[بك]?ال|لل))")
_CONJUNCTIONS, _PREPOSITIONS = "وف", "بلك"
_CLITIC_PREFIX = re.compile(f"^(?:[{_CONJUNCTIONS}][{_PREPOSITIONS}]?|[{_PREPOSITIONS}])")
# The proclitic sequences `_CLITIC_PREFIX` matches (`و`, `وب`, ..., `ك`).
PROCLITICS = (
    *(conj + prep for conj in _CONJUNCTIONS for prep in ("", *_PREPOSITIONS)),
    *_PREPOSITIONS,
)
MIN_STEM = 3


class Token(NamedTuple):
    """One token of a text and where it sits: text[start:end] == token.text (a tuple: cheap)."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Word and punctuation tokens with character offsets into `text`."""
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


# A sentence: text up to and including a sentence-ending mark, or up to a line break. The marks
# are one-character tokens and a line break is space, so no token straddles two sentences.
_SENTENCE = re.compile(r"[^\n.!?؟؛]+[.!?؟؛]?|[.!?؟؛]")


def split_sentences(text: str) -> tuple[list[list[str]], list[tuple[int, int]]]:
    """The words of each sentence (split after . ! ? ؟ ؛ and at line breaks), and where each
    sentence sits in `text`; `sentence_tokens` gives a sentence's offsets when they are needed
    (most sentences name nothing, and offsets cost more than the words)."""
    words: list[list[str]] = []
    bounds: list[tuple[int, int]] = []
    find = _TOKEN.findall
    for match in _SENTENCE.finditer(text):
        start, end = match.span()
        found = find(text, start, end)
        if found:
            words.append(found)
            bounds.append((start, end))
    return words, bounds


def token_starts(text: str, start: int, words: list[str]) -> list[int]:
    """Where each of a sentence's words (`split_sentences`: the sentence begins at `start` in
    `text`) starts in `text`. Only white space lies between two tokens and no token holds
    any, so each word is the next occurrence of itself: a `str.find` per word costs less than
    tokenizing the sentence again."""
    starts: list[int] = []
    find, at = text.find, start
    for word in words:
        at = find(word, at)
        starts.append(at)
        at += len(word)
    return starts


def is_arabic(word: str) -> bool:
    """Whether the word holds an Arabic letter."""
    return _ARABIC_LETTER.search(word) is not None


# Per-word caches are bounded: they are most of a map worker's own memory (docs/benchmarks.md).
_NORMALIZED_LIMIT = 65_536


@lru_cache(maxsize=_NORMALIZED_LIMIT)
def normalize_word(word: str) -> str:
    """Arabic orthographic normalization (no diacritics or tatweel; one alef, ya, ha); lowercase."""
    return word.translate(_LETTER_MAP).lower()


@lru_cache(maxsize=_NORMALIZED_LIMIT)
def strip_article(word: str) -> str:
    """A normalized word without a leading article (with its conjunction/preposition)."""
    match = _ARTICLE_PREFIX.match(word)
    if match and len(word) - match.end() >= 2:
        return word[match.end() :]
    return word


def strip_clitics(word: str, known: frozenset[str]) -> str:
    """A normalized word without article or proclitics.

    The article (with `و`, `ف`, `ب`, `ك` before it, or `لل`) always goes. A bare proclitic
    (`و`, `ف`, `ب`, `ل`, `ك`) goes only when the rest is a `known` word and the whole is not:
    `وروسيا` -> `روسيا`, but `بوتين` and `فرنسا` stay whole.
    """
    stripped = strip_article(word)
    if stripped != word or word in known:
        return stripped
    match = _CLITIC_PREFIX.match(word)
    if match is None:
        return word
    for end in range(match.end(), 0, -1):
        rest = word[end:]
        if len(rest) >= MIN_STEM and rest in known:
            return rest
    return word


_FORMS: dict[int, dict[str, str]] = {}  # hash of the known-word set -> word -> form
_INNER_FORMS: dict[str, str] = {}
_FORMS_LIMIT = 131_072


def _cached_form(word: str, cache: dict[str, str], form: Callable[[str], str]) -> str:
    found = cache.get(word)
    if found is None:
        if len(cache) >= _FORMS_LIMIT:
            cache.clear()
        found = cache[word] = form(word)
    return found


def _cached_forms(words: list[str], cache: dict[str, str], form: Callable[[str], str]) -> list[str]:
    found = list(map(cache.get, words))  # all hits in C; misses one by one
    if None in found:
        pairs = zip(found, words, strict=True)
        return [hit if hit is not None else _cached_form(word, cache, form) for hit, word in pairs]
    return found  # type: ignore[return-value]  # no None here


def _token_form(word: str, known: frozenset[str]) -> str:
    normalized = normalize_word(word)
    return strip_clitics(normalized, known) if is_arabic(normalized) else normalized


def _first_form(word: str, plain: str, more: frozenset[str]) -> str:
    """The form with a larger known-word set `more`: `plain` unless a proclitic letter begins it."""
    normalized = normalize_word(word)
    if _CLITIC_PREFIX.match(normalized) and is_arabic(normalized):
        return strip_clitics(normalized, more)
    return plain


def _inner_form(word: str) -> str:
    return strip_article(normalize_word(word))


def token_forms(words: list[str], known: frozenset[str]) -> list[str]:
    """The forms of a sentence's words (normalized; Arabic without article or proclitics), as
    gazetteer and known names are keyed; cached per word type (a frozenset caches its hash)."""
    return _cached_forms(
        words, _FORMS.setdefault(hash(known), {}), lambda word: _token_form(word, known)
    )


def token_form(word: str, known: frozenset[str]) -> str:
    """One word's `token_forms` form, from the same cache."""
    return _cached_form(word, _FORMS.setdefault(hash(known), {}), lambda w: _token_form(w, known))


def extended_forms(words: list[str], known: frozenset[str], more: frozenset[str]) -> list[str]:
    """`token_forms` with a larger known-word set `more` (`known` and other words)."""

    def form(word: str) -> str:
        return _first_form(word, token_form(word, known), more)

    return _cached_forms(words, _FORMS.setdefault(hash(more), {}), form)


def inner_forms(words: list[str]) -> list[str]:
    """The forms of a sentence's words as a later word of a name (normalized, article dropped:
    `name_key`), cached per word type."""
    return _cached_forms(words, _INNER_FORMS, _inner_form)


def name_forms(
    words: list[str], known: frozenset[str], more: frozenset[str]
) -> tuple[list[str], list[str], list[str]]:
    """`token_forms(words, known)`, `extended_forms(words, known, more)` and
    `inner_forms(words)` of new words, without cache look-ups (each word is normalized once);
    cached for those functions."""
    plain, first = _FORMS.setdefault(hash(known), {}), _FORMS.setdefault(hash(more), {})
    for cache in (plain, first, _INNER_FORMS):
        if len(cache) + len(words) > _FORMS_LIMIT:
            cache.clear()
    forms: list[str] = []
    firsts: list[str] = []
    inners: list[str] = []
    for word in words:
        normalized = normalize_word(word)
        if is_arabic(normalized):
            form = strip_clitics(normalized, known)
            firsts.append(
                strip_clitics(normalized, more) if _CLITIC_PREFIX.match(normalized) else form
            )
        else:
            form = normalized
            firsts.append(form)
        forms.append(form)
        inners.append(strip_article(normalized))
    plain.update(zip(words, forms, strict=True))
    first.update(zip(words, firsts, strict=True))
    _INNER_FORMS.update(zip(words, inners, strict=True))
    return forms, firsts, inners


def normalized_words(text: str) -> frozenset[str]:
    """The normalized forms of a space-separated word list (rule vocabularies written as text)."""
    return frozenset(normalize_word(word) for word in text.split())


def name_key(words: list[str], known: frozenset[str] = frozenset()) -> str:
    """A spelling-insensitive key for a multi-word name: normalized, articles dropped.

    Only the first word may carry a conjunction or preposition (`ولحزب` -> `حزب` when `حزب` is
    known); inner words lose only their article, so `والأمم المتحدة` and `الامم المتحده` agree.
    """
    keys: list[str] = []
    for word in words:
        normalized = normalize_word(word)
        if not normalized or not normalized[0].isalnum():
            continue
        keys.append(strip_clitics(normalized, known) if not keys else strip_article(normalized))
    return " ".join(keys)


# A proclitic before the article, with at least 3 letters after `ال` (`وكالة` is no `و+ك+الة`).
_ARTICLE_AHEAD = re.compile("^[وف]?[بك]?(?=ال..)|^[وف](?=لل.)")


def clitic_length(word: str, known: frozenset[str]) -> int:
    """How many leading characters of a raw word are a bare proclitic (`و`, `ل`, `وب`, ...).

    The article stays (`والأمم` -> 1: `الأمم` remains); `لل` (l + al) is kept whole.
    """
    normalized = normalize_word(word)
    ahead = _ARTICLE_AHEAD.match(normalized)
    if ahead is not None:
        letters = ahead.end()
    elif normalized.startswith("لل"):
        letters = 0
    else:
        letters = len(normalized) - len(strip_clitics(normalized, known))
    if letters == 0 or letters >= len(normalized):
        return 0
    consumed = 0
    for index, char in enumerate(word):
        if normalize_word(char):
            consumed += 1
        if consumed == letters:
            end = index + 1
            while end < len(word) and not normalize_word(word[end]):
                end += 1  # a diacritic on the proclitic belongs to it
            return end
    return 0
