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

_LETTER_RE = re.compile(r"[^\W\d_]")
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
    return LanguageDetectorBuilder.from_iso_codes_639_1(*iso_codes).build()


def _classify_with_lingua(text: str) -> str | None:
    language = _detector().detect_language_of(text)
    return None if language is None else str(language.iso_code_639_1.name.lower())


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's dominant language, or None when too short or unknown.

    Only the words of the text's main script are classified, so an Arabic article quoting
    English names stays Arabic. Text in another script (Chinese, Hebrew...) gives None.
    """
    prefix = text[:CLASSIFIED_PREFIX_CHARS]
    letter_count = len(_LETTER_RE.findall(prefix))
    if letter_count < MIN_LETTERS:
        return None
    words_by_script = {
        "arabic": _ARABIC_SCRIPT_WORD_RE.findall(prefix),
        "latin": _LATIN_SCRIPT_WORD_RE.findall(prefix),
        "cyrillic": _CYRILLIC_SCRIPT_WORD_RE.findall(prefix),
    }
    letters_by_script = {script: sum(map(len, words)) for script, words in words_by_script.items()}
    script = max(letters_by_script, key=lambda name: letters_by_script[name])
    if letters_by_script[script] * 2 < letter_count:
        return None  # mostly a script none of the supported languages uses
    main_script_text = " ".join(words_by_script[script])
    if script == "cyrillic":
        return "ru"  # the only supported Cyrillic language
    if script == "arabic" and not _PERSIAN_ONLY_LETTERS_RE.search(main_script_text):
        return "ar"  # ar and fa are the only supported Arabic-script languages
    return _classify_with_lingua(main_script_text)
