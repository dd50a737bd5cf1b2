"""One Arabic folding table (pipelines/arabic.py), applied by each stage as its matching needs."""

from __future__ import annotations

from datetime import date

from pipelines import arabic
from pipelines.clean.date_vocabulary import ASCII_DIGITS_TABLE
from pipelines.dedup.shingles import normalize_for_matching
from pipelines.enrich.dates.mentions import find_date_mentions
from pipelines.enrich.entities.names.text import normalize_word
from pipelines.sources import fold_name


def test_every_stage_folds_the_alef_forms_maqsura_and_ta_marbuta() -> None:
    for variant, folded in arabic.LETTER_FOLDS.items():
        assert normalize_word(f"ب{variant}ب") == f"ب{folded}ب"
        assert normalize_for_matching(f"ب{variant}ب") == f"ب{folded}ب"


def test_dedup_alone_folds_hamza_seats_and_entities_alone_persian_letters() -> None:
    assert normalize_for_matching("رئيس مؤتمر") == "رييس موتمر"
    assert normalize_word("رئيس") == "رئيس"  # the models' keys keep the seat
    assert normalize_word("کیف") == "كيف"
    assert normalize_for_matching("کیف") == "کیف"


def test_marks_and_tatweel_go_everywhere_and_names_keep_their_letters() -> None:
    assert normalize_word("مُحَمّـد") == "محمد" == normalize_for_matching("مُحَمّـد")
    assert fold_name("الـرِّيَاض") == "الرياض"


def test_digits_fold_to_ascii_and_dates_read_them() -> None:
    assert "٢٠٢٥ ۱۴".translate(arabic.ASCII_DIGITS) == "2025 14"
    assert "١،٢".translate(ASCII_DIGITS_TABLE) == "1,2"
    found = find_date_mentions("وصل يوم ٢٨ أبريل ٢٠٢٥ الى جدة", "ar", date(2025, 4, 29))
    assert [(m.resolved_start, m.granularity) for m in found] == [(date(2025, 4, 28), "day")]


def test_a_date_word_with_alef_wasla_is_the_same_word() -> None:
    plain = find_date_mentions("في 5 ابريل 2025", "ar", None)
    wasla = find_date_mentions("في 5 ٱبريل 2025", "ar", None)
    assert [m.resolved_start for m in wasla] == [m.resolved_start for m in plain] != []
