"""Text encoding detection for dump samples."""

from __future__ import annotations

import codecs
import re
from typing import Final

import charset_normalizer

UTF8_BOM: Final = codecs.BOM_UTF8
_ARABIC = re.compile(r"[\u0621-\u064a]")
_LETTER = re.compile(r"[^\W\d_]")


def _utf16_without_bom(sample: bytes) -> str | None:
    """ASCII-heavy UTF-16 has a NUL in every other byte."""
    probe = sample[:4096]
    if len(probe) < 4:
        return None
    even = probe[0::2].count(0) / len(probe[0::2])
    odd = probe[1::2].count(0) / max(1, len(probe[1::2]))
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _is_utf8(sample: bytes, complete: bool) -> bool:
    # The incremental decoder tolerates a multibyte char cut at the sample end.
    try:
        codecs.getincrementaldecoder("utf-8")("strict").decode(sample, final=complete)
    except UnicodeDecodeError:
        return False
    return True


def _mostly_utf8(sample: bytes) -> bool:
    """Valid multibyte UTF-8 with a few corrupt bytes: keep UTF-8, reject only the bad records."""
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for char in text if char > "\x7f") - bad
    return good >= 20 * max(bad, 1)


def _western(sample: bytes) -> bool:
    """Mostly ASCII with sparse Latin-1 accented letters: Windows-1252.

    charset-normalizer tends to pick cp1250/cp1257 for such short Western samples.
    """
    try:
        text = sample.decode("cp1252")
    except UnicodeDecodeError:
        return False
    accented = [char for char in text if char > "\x7f"]
    letters = len(_LETTER.findall(text))
    if not accented or letters == 0 or len(accented) / letters > 0.3:
        return False
    return all("\u00c0" <= char <= "\u00ff" and char not in "\u00d7\u00f7" for char in accented)


def _mostly_arabic(text: str) -> bool:
    letters = len(_LETTER.findall(text))
    return letters > 0 and len(_ARABIC.findall(text)) / letters >= 0.3


def detect_encoding(sample: bytes, complete: bool = False) -> str:
    """Guess the encoding of a text sample (the head of a dump).

    complete: the sample is the whole content (no cut multibyte char at its end).
    """
    if sample.startswith(UTF8_BOM):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in sample[:4096]:
        guess = _utf16_without_bom(sample)
        if guess is not None:
            return guess
    if _is_utf8(sample, complete) or _mostly_utf8(sample):
        return "utf-8"
    if _mostly_arabic(sample.decode("cp1256", errors="replace")):
        return "cp1256"
    if sample.lstrip()[:1] in (b"{", b"["):
        # JSON is UTF-8 by its RFC; invalid bytes in a non-Arabic JSON dump are corrupt records.
        return "utf-8"
    if _western(sample):
        return "cp1252"
    best = charset_normalizer.from_bytes(sample[:65536]).best()
    if best is None:
        return "cp1256"
    name = codecs.lookup(best.encoding).name
    if name.startswith(("utf-16", "utf-32")) or _mostly_arabic(str(best)):
        return "cp1256"
    return name


def is_ascii_compatible(encoding: str) -> bool:
    """True when bytes can be split on b"\\n" before decoding."""
    try:
        return "\n{,".encode(encoding) == b"\n{," and not encoding.startswith(("utf-16", "utf-32"))
    except LookupError:
        return False


def decode_line(data: bytes, encoding: str) -> tuple[str, str | None]:
    """(text, error). On error, undecodable bytes are kept as surrogate escapes."""
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as exc:
        return data.decode(encoding, errors="surrogateescape"), str(exc)


LONE_SURROGATE = re.compile(r"[\ud800-\udfff]")


def replace_escapes(text: str) -> str:
    """Show undecodable bytes (surrogate escapes, unpaired UTF-16 surrogates) as U+FFFD."""
    return LONE_SURROGATE.sub("\ufffd", text)
