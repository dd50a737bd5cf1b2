"""Undo artefacts of how a text was serialized: Python-list reprs, escapes, HTML entities."""

from __future__ import annotations

import html
import re

# A list element as left by str(list): `['text', '` / `"text", "` / `'text']`.
_LEADING_LIST_OPENER_RE = re.compile(r"""^\s*\[\s*[uUbB]?(?P<quote>['"])""")
_TRAILING_LIST_CLOSER_RE = re.compile(
    r"""(?P<quote>['"])\s*(?:\]\s*,?|,\s*(?:\]|[uUbB]?['"])?)\s*$"""
)
_REPR_ESCAPE_RE = re.compile(r"""\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|x[0-9a-fA-F]{2}|[nrt'"\\])""")
_LITERAL_NEWLINE = "\\n"
_UNICODE_ESCAPE_RE = re.compile(r"\\u[0-9a-fA-F]{4}")
_HTML_ENTITY_RE = re.compile(r"&(?:[a-zA-Z][a-zA-Z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6});")
_SIMPLE_ESCAPES = {"n": "\n", "r": "\n", "t": "\t", "'": "'", '"': '"', "\\": "\\"}


def looks_like_unescaped_repr(text: str) -> bool:
    """True only when escapes clearly replace real characters (no real newline at all)."""
    if "\n" in text:
        return False
    return text.count(_LITERAL_NEWLINE) >= 2 or len(_UNICODE_ESCAPE_RE.findall(text)) >= 3


def _decode_escape(match: re.Match[str]) -> str:
    escape = match.group(1)
    if escape in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[escape]
    return chr(int(escape[1:], 16))


def decode_repr_escapes(text: str) -> str:
    decoded = _REPR_ESCAPE_RE.sub(_decode_escape, text)
    try:  # JSON-style surrogate pairs (\ud83d\ude00) become one character
        return decoded.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeError:
        return decoded.encode("utf-8", "replace").decode("utf-8")


def unescape_html_entities(text: str) -> str:
    return html.unescape(text) if _HTML_ENTITY_RE.search(text) else text


def strip_list_wrappers(text: str) -> str:
    """Remove the quotes, commas and brackets a Python list repr leaves around an element."""
    trailing = _TRAILING_LIST_CLOSER_RE.search(text)
    trailing_quote = trailing.group("quote") if trailing else None
    if trailing:
        text = text[: trailing.start()]
    leading = _LEADING_LIST_OPENER_RE.match(text)
    if leading:
        text = text[leading.end() :]
    elif trailing_quote and text.lstrip().startswith(trailing_quote):
        text = text.lstrip()[1:]
    return text


def strip_serialization_artefacts(text: str) -> tuple[str, bool]:
    """Return the text without serialization artefacts and whether any were found."""
    cleaned = decode_repr_escapes(text) if looks_like_unescaped_repr(text) else text
    cleaned = strip_list_wrappers(unescape_html_entities(cleaned))
    return cleaned, cleaned != text
