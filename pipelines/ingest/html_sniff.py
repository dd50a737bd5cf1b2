"""Recognise HTML pages and WARC/ARC archives from their first bytes; decode HTML bytes.

Charset order for a page: byte order mark, strict UTF-8, the declared charset (HTTP header,
then ``<meta charset>`` / ``http-equiv``) when it decodes cleanly and is plausible, then
detection (Arabic code pages by letter share, then charset-normalizer). A declaration is
"wrong" when it does not decode the bytes, or when a Western single-byte charset turns most
high bytes into accented Latin letters (typical of undeclared Arabic/Cyrillic pages).
"""

from __future__ import annotations

import codecs
import re
from typing import Final

import charset_normalizer

WARC_MAGIC: Final = b"WARC/1."
ARC_MAGIC: Final = b"filedesc://"
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    rb"<(?:!doctype\s+html|html[\s>]|head[\s>]|meta\s|title[\s>]|body[\s>])",
    re.I | re.S,
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]+)", re.I)
_LETTER = re.compile(r"[^\W\d_]")
_ARABIC = re.compile(r"[\u0621-\u064a]")
_TAG = re.compile(rb"<(?:script|style)\b.*?</(?:script|style)\s*>|<[^>]*>", re.I | re.S)
# WHATWG: labels browsers read as a superset encoding.
_SUPERSETS: Final = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "tis-620": "cp874",
    "iso8859-11": "cp874",
}
_WESTERN: Final = frozenset({"cp1252", "iso8859-15", "cp1250", "iso8859-2"})
_ARABIC_PAGES: Final = ("cp1256", "iso8859-6")


def is_warc(head: bytes) -> str | None:
    """'warc' or 'arc' when the (decompressed) head starts an archive, else None."""
    start = head.lstrip(b"\r\n")
    if start.startswith(WARC_MAGIC):
        return "warc"
    if start.startswith(ARC_MAGIC):
        return "arc"
    return None


def looks_like_html(head: bytes) -> bool:
    """A doctype or an html/head/body/meta/title tag first (comments and BOM allowed)."""
    probe = head[:4096]
    if probe[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        probe = probe.decode("utf-16", errors="ignore").encode("utf-8")
    return _HTML_START.match(probe) is not None


def normalize_charset(label: str | None) -> str | None:
    """Python codec name for a charset label (superset where browsers use one), or None."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return _SUPERSETS.get(name, name)


def charset_from_header(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header."""
    match = _HEADER_CHARSET.search(content_type or "")
    return normalize_charset(match.group(1)) if match else None


def charset_from_meta(data: bytes) -> str | None:
    """The charset a page declares in its first 8 KB."""
    match = _META_CHARSET.search(data[:8192])
    return normalize_charset(match.group(1).decode("ascii")) if match else None


def _decodes(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _implausible(text: str, encoding: str) -> bool:
    """A Western single-byte reading where most non-ASCII letters are accented mojibake."""
    if encoding not in _WESTERN:
        return False
    high = [c for c in text if c > "\x7f"]
    letters = len(_LETTER.findall(text))
    return len(high) > 50 and letters > 0 and len(high) / letters > 0.3


def _arabic_share(text: str) -> float:
    letters = len(_LETTER.findall(text))
    return len(_ARABIC.findall(text)) / letters if letters else 0.0


def detect_charset(data: bytes) -> str:
    """Guess the charset of undeclared (or wrongly declared) page bytes."""
    visible = _TAG.sub(b" ", data[:262144])
    scored = []
    for encoding in _ARABIC_PAGES:
        text = _decodes(visible, encoding)
        if text is not None:
            scored.append((_arabic_share(text), encoding))
    if scored and max(scored)[0] >= 0.3:
        return max(scored)[1]
    best = charset_normalizer.from_bytes(visible[:65536] or data[:65536]).best()
    if best is None:
        return "cp1252"
    return normalize_charset(best.encoding) or "cp1252"


def decode_html(data: bytes, http_charset: str | None = None) -> tuple[str, str]:
    """(text, charset used). Never raises: undecodable bytes become U+FFFD."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    text = _decodes(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    for declared in (charset_from_header(http_charset), charset_from_meta(data)):
        if declared is None or declared == "utf-8":
            continue
        text = _decodes(data, declared)
        if text is not None and not _implausible(text, declared):
            return text, declared
    guess = detect_charset(data)
    return data.decode(guess, errors="replace"), guess
