"""Unicode and whitespace normalization shared by every cleaning step."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

ZERO_WIDTH_CHARS = (
    "\u200b\u200c\u200d\u200e\u200f"  # zero-width space/non-joiner/joiner, LRM, RLM
    "\u2060\ufeff\u180e"  # word joiner, BOM, Mongolian vowel separator
    "\u061c"  # Arabic letter mark
    "\u202a\u202b\u202c\u202d\u202e"  # bidi embeddings and overrides
    "\u2066\u2067\u2068\u2069"  # bidi isolates
)
_LINE_BREAKS = "\u2028\u2029\x85\x0b\x0c"
_CONTROL_CHARS = "".join(
    chr(code)
    for code in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]
    if chr(code) not in "\n\t\r" + _LINE_BREAKS
)
_SPACE_SEPARATORS = "".join(
    chr(code) for code in range(0x80, 0x3001) if unicodedata.category(chr(code)) == "Zs"
)

_ZERO_WIDTH_RE = re.compile(f"[{ZERO_WIDTH_CHARS}]")
_CONTROL_RE = re.compile(f"[{re.escape(_CONTROL_CHARS)}]")
_DELETE_INVISIBLE = str.maketrans("", "", ZERO_WIDTH_CHARS + _CONTROL_CHARS)
_SPACE_SEPARATOR_RE = re.compile(f"[{_SPACE_SEPARATORS}]")
_LINE_BREAK_RE = re.compile(f"\r\n?|[{_LINE_BREAKS}]")
_SPACE_RUN_RE = re.compile(r"  +")
_BLANK_LINE_RUN_RE = re.compile(r"\n{3,}")


@dataclass(frozen=True)
class InvisibleCharsRemoval:
    text: str
    had_zero_width: bool
    had_control_chars: bool


def remove_invisible_chars(text: str) -> InvisibleCharsRemoval:
    """Drop zero-width, BOM, bidi-control and C0/C1 control characters (keeps \\n and \\t)."""
    had_zero_width = _ZERO_WIDTH_RE.search(text) is not None
    had_control_chars = _CONTROL_RE.search(text) is not None
    if had_zero_width or had_control_chars:
        text = text.translate(_DELETE_INVISIBLE)
    return InvisibleCharsRemoval(text, had_zero_width, had_control_chars)


def normalize_whitespace(text: str) -> str:
    """Unify line breaks and spaces, strip every line, keep at most one blank line in a row."""
    # Substring checks first: most texts need none of the rewrites, and `in` is much faster.
    if "\r" in text or any(char in text for char in _LINE_BREAKS):
        text = _LINE_BREAK_RE.sub("\n", text)
    text = _SPACE_SEPARATOR_RE.sub(" ", text.replace("\t", " ") if "\t" in text else text)
    if "  " in text:
        text = _SPACE_RUN_RE.sub(" ", text)
    text = "\n".join(line.strip(" ") for line in text.split("\n"))
    if "\n\n\n" in text:
        text = _BLANK_LINE_RUN_RE.sub("\n\n", text)
    return text.strip()


def normalize_text(text: str) -> str:
    """NFC, invisible-character removal, whitespace normalization and strip."""
    without_invisible = remove_invisible_chars(unicodedata.normalize("NFC", text)).text
    return normalize_whitespace(without_invisible)


def loose_key(text: str) -> str:
    """Comparison key that ignores case, whitespace and punctuation (letters, marks, digits)."""
    return "".join(char for char in text.casefold() if unicodedata.category(char)[0] in "LMN")
