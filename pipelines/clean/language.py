"""Language identification with lingua, restricted to the languages the warehouse expects."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

SUPPORTED_LANGUAGES: tuple[str, ...] = ("ar", "en", "fr", "de", "es", "tr", "ru", "fa")

# Long enough for a stable answer; classifying whole articles costs time for nothing.
CLASSIFIED_PREFIX_CHARS = 1000
MIN_LETTERS = 20

_NON_LETTER_RE = re.compile(r"[\W\d_]+")
_ARABIC_SCRIPT_WORD_RE = re.compile(
    r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]+"
)
_LATIN_SCRIPT_WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f]+")
_CYRILLIC_SCRIPT_WORD_RE = re.compile(r"[\u0400-\u04ff]+")
# Letters Persian writes and Arabic does not (پ چ ژ گ ک ی ۀ): without them Arabic script is Arabic.
_PERSIAN_ONLY_LETTERS_RE = re.compile("[\u067e\u0686\u0698\u06af\u06a9\u06cc\u06c0]")


@cache
def _detector() -> LanguageDetector:
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    iso_codes = [getattr(IsoCode639_1, code.upper()) for code in SUPPORTED_LANGUAGES]
    # Low-accuracy mode (trigrams only) is several times faster and loses accuracy only on
    # texts shorter than about 120 characters; article prefixes are longer.
    return LanguageDetectorBuilder.from_iso_codes_639_1(*iso_codes).with_low_accuracy_mode().build()


def _code(language: object | None) -> str | None:
    return None if language is None else str(language.iso_code_639_1.name.lower())  # type: ignore[attr-defined]


def _classify_with_lingua(text: str) -> str | None:
    return _code(_detector().detect_language_of(text))


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's dominant language, or None when too short or unknown.

    Only the words of the text's main script are classified, so an Arabic article quoting
    English names stays Arabic. Text in another script (Chinese, Hebrew...) gives None.
    """
    decided, main_script_text = _decide_by_script(text)
    return decided if main_script_text is None else _classify_with_lingua(main_script_text)


def detect_languages(texts: list[str]) -> list[str | None]:
    """detect_language for many texts; the lingua calls run in parallel threads (Rust)."""
    results: list[str | None] = []
    pending: dict[int, str] = {}
    for index, text in enumerate(texts):
        decided, main_script_text = _decide_by_script(text)
        results.append(decided)
        if main_script_text is not None:
            pending[index] = main_script_text
    if pending:
        found = _detector().detect_languages_in_parallel_of(list(pending.values()))
        for index, language in zip(pending, found, strict=True):
            results[index] = _code(language)
    return results


def _decide_by_script(text: str) -> tuple[str | None, str | None]:
    """(language, None) when the script decides it; (None, words) when lingua must classify."""
    prefix = text[:CLASSIFIED_PREFIX_CHARS]
    letter_count = len(_NON_LETTER_RE.sub("", prefix))
    if letter_count < MIN_LETTERS:
        return None, None
    words_by_script = {
        "arabic": _ARABIC_SCRIPT_WORD_RE.findall(prefix),
        "latin": _LATIN_SCRIPT_WORD_RE.findall(prefix),
        "cyrillic": _CYRILLIC_SCRIPT_WORD_RE.findall(prefix),
    }
    letters_by_script = {script: sum(map(len, words)) for script, words in words_by_script.items()}
    script = max(letters_by_script, key=lambda name: letters_by_script[name])
    if letters_by_script[script] * 2 < letter_count:
        return None, None  # mostly a script none of the supported languages uses
    main_script_text = " ".join(words_by_script[script])
    if script == "cyrillic":
        return "ru", None  # the only supported Cyrillic language
    if script == "arabic" and not _PERSIAN_ONLY_LETTERS_RE.search(main_script_text):
        return "ar", None  # ar and fa are the only supported Arabic-script languages
    return None, main_script_text
