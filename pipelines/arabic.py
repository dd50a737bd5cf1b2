"""Arabic spelling variants and digits: the one table every stage folds Arabic text with.

What each user folds, and why the uses differ:
- every user: the alef forms, alef maqsura and ta marbuta (`LETTER_FOLDS`), the spellings
  Arabic news writes one word in;
- entities (names/text.py) also the Persian ya and kaf (`PERSIAN_FOLDS`), all marks
  (`MARKS`), tatweel and the invisible joiners: its gazetteer keys, lexicon and CRF features
  were built with exactly these, so a change here means `make model`;
- dedup (shingles.py) also the hamza seats (`HAMZA_SEAT_FOLDS`: `رئيس` = `رييس`) and every
  script's decimal digits: it matches near-duplicates only, where more recall costs nothing;
- dates (patterns, vocabulary, candidates) the short vowels only (`HARAKAT`), as its
  vocabulary is written;
- sources.py (outlet names): marks and tatweel only; names keep their letters.
Digits: `ASCII_DIGITS` (Arabic-Indic and Persian to ASCII) for dates and publication dates.
"""

from __future__ import annotations

ALEF = "ا"
ALEF_FORMS = "أإآٱ"  # hamza above, hamza below, madda, wasla
LETTER_FOLDS = {**dict.fromkeys(ALEF_FORMS, ALEF), "ى": "ي", "ة": "ه"}
HAMZA_SEAT_FOLDS = {"ئ": "ي", "ؤ": "و"}
PERSIAN_FOLDS = {"ی": "ي", "ک": "ك"}
HARAKAT = "".join(map(chr, range(0x064B, 0x0653)))  # tanween, short vowels, shadda, sukun
# Harakat and the other combining marks: Quranic annotation signs, dagger alef, small letters.
MARKS = "".join(
    map(chr, [*range(0x0610, 0x061B), *range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)])
)
TATWEEL = "\u0640"
INVISIBLE = "\u200c\u200e\u200f"  # zero-width non-joiner, left-to-right and right-to-left marks
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
ASCII_DIGITS = str.maketrans(ARABIC_INDIC_DIGITS + PERSIAN_DIGITS, "0123456789" * 2)


def spellings_of(letter: str) -> str:
    """The letter and every letter `LETTER_FOLDS` folds into it (`ا` -> `اأإآٱ`)."""
    return letter + "".join(variant for variant, folded in LETTER_FOLDS.items() if folded == letter)
