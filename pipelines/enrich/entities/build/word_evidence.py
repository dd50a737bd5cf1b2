"""Word evidence read at build time only (`make model`): ANERcorp train counts (CC BY-SA;
never the test split) and wordfreq 3.1.1's Arabic frequency list (data CC BY-SA 4.0; read as
data, wordfreq's own dependencies are not needed), for the gazetteer's common-word rules and
the tagger's article and pronoun affinities."""

from __future__ import annotations

import gzip
import importlib.util
import math
from collections.abc import Callable
from pathlib import Path

from pipelines.enrich.entities.build.corpus import read_dataset
from pipelines.enrich.entities.names.text import is_arabic, normalize_word, strip_article

WORDFREQ_FILE = "data/large_ar.msgpack.gz"  # inside the wordfreq package


def word_counts(path: Path, single_keys: set[str]) -> dict[str, tuple[int, int]]:
    """One-word key -> (tokens of that form in a labelled corpus, tokens tagged O): the form is
    the word normalized without article, or without a bare proclitic when the rest is a key."""
    counts: dict[str, tuple[int, int]] = {}
    for words, tags in read_dataset("anercorp", path):
        for word, tag in zip(words, tags, strict=True):
            found = strip_article(normalize_word(word))
            if found not in single_keys and found[:1] in "وفبلك":
                found = next((found[n:] for n in (1, 2) if found[n:] in single_keys), found)
            if found in single_keys:
                total, outside = counts.get(found, (0, 0))
                counts[found] = (total + 1, outside + (tag == "O"))
    return counts


class MissingData(RuntimeError):
    """A word-evidence source the gazetteer build needs is not there."""


def package_file(package: str, relative: str) -> Path | None:
    """A data file inside an installed package, located without importing the package."""
    spec = importlib.util.find_spec(package)
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / relative
        if path.exists():
            return path
    return None


def default_person_names() -> Path | None:
    """arabnamer's name dictionary (the package itself needs xgboost: not imported)."""
    return package_file("arabnamer", "data/dict_FINAL.json")


def wordfreq_path() -> Path:
    """wordfreq's Arabic frequency file, found without importing wordfreq (its dependencies
    are not installed: only its data is used)."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise MissingData("wordfreq is not installed: uv pip install --no-deps 'wordfreq==3.1.1'")
    path = Path(next(iter(spec.submodule_search_locations))) / WORDFREQ_FILE
    if not path.exists():
        raise MissingData(f"no {WORDFREQ_FILE} in the wordfreq package at {path.parent.parent}")
    return path


def wordfreq_buckets(path: Path) -> list[list[str]]:
    """The words of a wordfreq cBpack file by frequency: list index n = -n centibels (Zipf
    9 - n / 100)."""
    import msgpack  # build time only

    with gzip.open(path, "rb") as handle:
        buckets: list[list[str]] = msgpack.load(handle, raw=False)[1:]  # after the header
    return buckets


def twice_zipf(path: Path, fold: Callable[[str], str], min_zipf: float) -> dict[str, int]:
    """Folded word -> twice its Zipf frequency, rounded down (its most frequent spelling's), for
    the words of Zipf ≥ `min_zipf` in a wordfreq cBpack file; sorted by word."""
    result: dict[str, int] = {}
    for centibels, words in enumerate(wordfreq_buckets(path)):
        zipf = 9 - centibels / 100
        if zipf < min_zipf:
            break
        for word in words:
            result.setdefault(fold(word), int(zipf * 2))
    return dict(sorted(result.items()))


def normalized_frequencies(path: Path) -> dict[str, float]:
    """Normalized Arabic word -> its frequency per word, summed over the spellings that
    normalize alike, from a wordfreq cBpack file."""
    freq: dict[str, float] = {}
    for centibels, words in enumerate(wordfreq_buckets(path)):
        for word in words:
            normalized = normalize_word(word)
            if is_arabic(normalized):
                freq[normalized] = freq.get(normalized, 0.0) + 10 ** (-centibels / 100)
    return freq


def _zipf(freq: dict[str, float], word: str) -> float:
    """Zipf frequency (log10 of frequency per billion words); 0 for a word not in the list."""
    found = freq.get(word)
    return math.log10(found) + 9 if found else 0.0


def word_zipf(path: Path, single_keys: set[str]) -> dict[str, tuple[float, float]]:
    """One-word Arabic key -> Zipf frequency of the word without and with the article."""
    freq = normalized_frequencies(path)
    wanted = sorted(k for k in single_keys if is_arabic(k))
    found = {k: (round(_zipf(freq, k), 2), round(_zipf(freq, "ال" + k), 2)) for k in wanted}
    return {key: value for key, value in found.items() if value != (0.0, 0.0)}


def word_affinities(path: Path, min_zipf: float) -> dict[str, str]:
    """Bare normalized Arabic word -> how much more (+) or less (-) often it is written with the
    article, and with a possessive pronoun (`ه`, `ها`, `هم`), than bare: two differences of Zipf
    frequency, rounded and clipped to -4 … 2 (`"-3 -4"`). Names take neither (`بوتين`), verbs
    take pronouns but not the article, common nouns take both. Words with a form of Zipf ≥
    `min_zipf` only."""
    freq = normalized_frequencies(path)

    def difference(form: float, bare: float) -> int:
        return max(-4, min(2, round(form - bare)))

    result: dict[str, str] = {}
    for word in sorted(freq):
        if word.startswith("ال") or len(word) < 2:
            continue
        bare, definite = _zipf(freq, word), _zipf(freq, "ال" + word)
        if max(bare, definite) < min_zipf:
            continue
        base = word[:-1] + "ت" if word.endswith("ه") else word  # ta marbuta before a pronoun
        pronoun = max(_zipf(freq, base + suffix) for suffix in ("ه", "ها", "هم"))
        result[word] = f"{difference(definite, bare)} {difference(pronoun, bare)}"
    return result
