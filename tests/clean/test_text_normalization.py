"""Unicode, whitespace and serialization-artefact cleaning: exact inputs and outputs."""

from __future__ import annotations

import unicodedata

import pytest

from pipelines.clean import clean_article, normalize_text

NORMALIZE_CASES = [
    # (input, expected)
    ("cafe\u0301", "café"),  # decomposed é -> composed
    ("caf\u00e9", "café"),
    ("zero\u200bwidth\u200c\u200d\u2060\ufeff", "zerowidth"),
    ("\ufeffBOM at start", "BOM at start"),
    ("\u202bمرحبا\u202c \u2066world\u2069", "مرحبا world"),
    ("a\u200eb\u200fc\u061cd", "abcd"),
    ("ctrl\x00\x07\x1b\x7f\x85chars", "ctrl\nchars"),
    ("windows\r\nlines\rold mac", "windows\nlines\nold mac"),
    ("many    spaces\t\tand tabs", "many spaces and tabs"),
    ("non\u00a0breaking\u2009thin\u3000ideographic", "non breaking thin ideographic"),
    ("trailing   \nspaces  \n", "trailing\nspaces"),
    ("para one\n\n\n\n\npara two", "para one\n\npara two"),
    ("  \n\n  padded  \n\n  ", "padded"),
    ("كـــبير", "كـــبير"),  # tatweel is content
    ("", ""),
]


@pytest.mark.parametrize(("raw", "expected"), NORMALIZE_CASES)
def test_normalize_text(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


def test_normalize_text_output_is_nfc() -> None:
    text = normalize_text("e\u0301te\u0301 \u0627\u0653")
    assert unicodedata.is_normalized("NFC", text)
    assert text == "été \u0622"


ARTEFACT_CASES = [
    # (raw body, expected body)
    ("['first element body', '", "first element body"),
    ('["first element body", "', "first element body"),
    ("'middle element body', '", "middle element body"),
    ("last element body']", "last element body"),
    ("[u'python 2 element']", "python 2 element"),
    ('He said "no".', 'He said "no".'),  # a real closing quote stays
    ('"A quote opens the article," he said.', '"A quote opens the article," he said.'),
    ("line one\\nline two\\nline three", "line one\nline two\nline three"),
    ("\\u0645\\u0631\\u062d\\u0628\\u0627 world", "مرحبا world"),
    ("a real newline\nand a literal \\n stays", "a real newline\nand a literal \\n stays"),
    ("one \\n only", "one \\n only"),
    ("Tom &amp; Jerry&nbsp;show &quot;live&quot; &#1605;", 'Tom & Jerry show "live" م'),
    ("AT&T stays", "AT&T stays"),
]


@pytest.mark.parametrize(("raw", "expected"), ARTEFACT_CASES)
def test_serialization_artefacts_are_stripped(raw: str, expected: str) -> None:
    cleaned = clean_article(title=None, body=raw, published_at_raw=None, is_plain_text=False)
    assert cleaned.body == expected
    assert ("serialization_artefact" in cleaned.removed) == (raw != expected)


def test_invisible_and_control_characters_are_reported() -> None:
    cleaned = clean_article(
        title=None, body="a\u200bb\x07c", published_at_raw=None, is_plain_text=False
    )
    assert cleaned.body == "abc"
    assert cleaned.removed == ("zero_width", "control_chars")


def test_entity_decoded_zero_width_is_removed_too() -> None:
    cleaned = clean_article(
        title=None, body="a&#8203;b &amp; c", published_at_raw=None, is_plain_text=False
    )
    assert cleaned.body == "ab & c"
    assert cleaned.removed == ("serialization_artefact", "zero_width")
