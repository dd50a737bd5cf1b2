"""Word evidence that a place name is also a common word, read at gazetteer build time only:
ANERcorp train counts (CC BY-SA; never the test split) and wordfreq 3.1.1's Arabic frequency
list (data CC BY-SA 4.0; read as data, wordfreq's own dependencies are not needed)."""

from __future__ import annotations

import gzip
import importlib.util
import math
from pathlib import Path

from pipelines.enrich.entities.corpus import read_dataset
from pipelines.enrich.entities.text import is_arabic, normalize_word, strip_article

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


def word_zipf(path: Path, single_keys: set[str]) -> dict[str, tuple[float, float]]:
    """One-word Arabic key -> Zipf frequency of the word without and with the article, summed
    over the spellings that normalize alike, from a wordfreq cBpack file (list index n after
    the header = -n centibels; Zipf = log10 of frequency per billion words)."""
    import msgpack  # build time only

    with gzip.open(path, "rb") as handle:
        buckets = msgpack.load(handle, raw=False)[1:]
    wanted = {k for k in single_keys if is_arabic(k)}
    wanted_forms = wanted | {"ال" + k for k in wanted}
    freq: dict[str, float] = {}
    for centibels, words in enumerate(buckets):
        for word in words:
            normalized = normalize_word(word)
            if normalized in wanted_forms:
                freq[normalized] = freq.get(normalized, 0.0) + 10 ** (-centibels / 100)

    def zipf(word: str) -> float:
        return round(math.log10(freq[word]) + 9, 2) if word in freq else 0.0

    found = {key: (zipf(key), zipf("ال" + key)) for key in sorted(wanted)}
    return {key: value for key, value in found.items() if value != (0.0, 0.0)}
