"""One sense per document: a name the tagger found once is the same name where it missed it.

News articles repeat names, and the CRF, which sees one sentence at a time, finds some
occurrences and misses others (a foreign surname after `وكان` but not after `وقال`). After
tagging, every untagged occurrence of a found name in the same document gets the same type;
a person's surname alone (`بوتين` after `فلاديمير بوتين`) counts as the person.
"""

from __future__ import annotations

from collections.abc import Callable

from pipelines.enrich.entities.corpus import spans
from pipelines.enrich.entities.text import normalize_word, strip_article

# Last words of person names that are common words too: never propagated alone.
NOT_SURNAMES = frozenset({"الله", "دين", "رحمن", "بن", "ابن", "ابو", "ال", "عبد"})
MIN_SURNAME_LETTERS = 3


def _names(
    sentences: list[list[str]], tags: list[list[str]], key: Callable[[str], str]
) -> dict[tuple[str, ...], str]:
    names: dict[tuple[str, ...], str] = {}
    for words, sentence_tags in zip(sentences, tags, strict=True):
        for start, end, kind in sorted(spans(sentence_tags)):
            names.setdefault(tuple(key(w) for w in words[start:end]), kind)
    for words, sentence_tags in zip(sentences, tags, strict=True):
        for start, end, kind in sorted(spans(sentence_tags)):
            last = key(words[end - 1])
            is_name = strip_article(normalize_word(words[end - 1])) not in NOT_SURNAMES
            if kind == "PERS" and end - start >= 2 and len(last) >= MIN_SURNAME_LETTERS and is_name:
                names.setdefault((last,), kind)
    return names


def propagate_names(
    sentences: list[list[str]], tags: list[list[str]], key: Callable[[str], str]
) -> list[list[str]]:
    """IOB2 tags with every untagged occurrence of a document's names tagged like the name;
    `key` maps a word to its spelling-insensitive form (normalized, proclitics stripped)."""
    names = _names(sentences, tags, key)
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, kind in sorted(names.items(), key=lambda item: (-len(item[0]), item[0])):
        by_first.setdefault(name[0], []).append((name, kind))  # longest names first
    result: list[list[str]] = []
    for words, sentence_tags in zip(sentences, tags, strict=True):
        new_tags = list(sentence_tags)
        keys = [key(word) for word in words]
        for i, first in enumerate(keys):
            for name, kind in by_first.get(first, ()):
                size = len(name)
                if tuple(keys[i : i + size]) != name:
                    continue
                after = new_tags[i + size] if i + size < len(words) else "O"
                if all(t == "O" for t in new_tags[i : i + size]) and not after.startswith("I-"):
                    new_tags[i : i + size] = [f"B-{kind}"] + [f"I-{kind}"] * (size - 1)
                break
        result.append(new_tags)
    return result
