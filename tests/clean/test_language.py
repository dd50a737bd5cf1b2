"""detect_language: Arabic, English, French, mixed text, short text."""

from __future__ import annotations

import pytest

from pipelines.clean import SUPPORTED_LANGUAGES, detect_language

LANGUAGE_CASES = [
    ("قال وزير الخارجية إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة.", "ar"),
    ("The foreign minister said negotiations would resume in the capital next week.", "en"),
    ("Le ministre a déclaré que les négociations reprendraient la semaine prochaine.", "fr"),
    ("Der Minister sagte, die Verhandlungen würden nächste Woche fortgesetzt.", "de"),
    ("Министр заявил, что переговоры возобновятся на следующей неделе.", "ru"),
    # Arabic article quoting English names and a stray English phrase
    (
        "أعلنت شركة Apple عن نتائجها المالية للربع الثاني، وقال الرئيس التنفيذي Tim Cook "
        "إن المبيعات ارتفعت بشكل ملحوظ in the second quarter مقارنة بالعام الماضي.",
        "ar",
    ),
    ("Korea الشمالية", None),
    ("OK", None),
    ("12345 67890 !!! ...", None),
    ("", None),
]


@pytest.mark.parametrize(("text", "expected"), LANGUAGE_CASES)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_supported_languages_are_lowercase_iso_639_1() -> None:
    assert SUPPORTED_LANGUAGES[:2] == ("ar", "en")
    assert all(len(code) == 2 and code.islower() for code in SUPPORTED_LANGUAGES)


def test_unsupported_script_is_none() -> None:
    assert detect_language("这是一个用于测试语言检测的中文句子，它应该返回空值。") is None
