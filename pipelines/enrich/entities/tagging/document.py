"""One sense per document: a name the tagger found once is the same name where it missed it.

News articles repeat names, and the CRF, which sees one sentence at a time, finds some
occurrences and misses others (a foreign surname after `وكان` but not after `وقال`). After
tagging, every untagged occurrence of a found name in the same document gets the same type;
a person's surname alone (`بوتين` after `فلاديمير بوتين`) counts as the person. For English,
`vote_types` first gives each name one type across the document.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from itertools import compress

from pipelines.enrich.entities.names.text import normalize_word, strip_article

# Last words of person names that are common words too: never propagated alone.
NOT_SURNAMES = frozenset({"الله", "دين", "رحمن", "بن", "ابن", "ابو", "ال", "عبد"})
MIN_SURNAME_LETTERS = 3
Span = tuple[int, int, str]


def to_iob2(tags: list[str]) -> list[str]:
    """BILOU (or IOB2) → IOB2."""
    return [
        "B-" + tag[2:] if tag[:2] == "U-" else "I-" + tag[2:] if tag[:2] == "L-" else tag
        for tag in tags
    ]


def tag_spans(tags: list[str]) -> list[Span]:
    """Entity spans of an IOB2 sequence, in order (as `corpus.spans`; fast when all are O)."""
    if tags.count("O") == len(tags):
        return []
    found: list[Span] = []
    start, kind = -1, ""
    for i, tag in enumerate(tags):
        if tag == "O":
            if kind:
                found.append((start, i, kind))
                kind = ""
            continue
        prefix, tag_kind = tag[0], tag[2:]
        if kind and (prefix != "I" or tag_kind != kind):
            found.append((start, i, kind))
            kind = ""
        if prefix == "B" or (prefix == "I" and not kind):
            start, kind = i, tag_kind
    if kind:
        found.append((start, len(tags), kind))
    return found


def _names(
    sentences: list[list[str]], keys: list[list[str]], spans: list[list[Span]]
) -> dict[tuple[str, ...], str]:
    names: dict[tuple[str, ...], str] = {}
    surnames: list[tuple[str, str]] = []
    for words, forms, sentence_spans in zip(sentences, keys, spans, strict=True):
        for start, end, kind in sentence_spans:
            names.setdefault(tuple(forms[start:end]), kind)
            last = forms[end - 1]
            is_name = strip_article(normalize_word(words[end - 1])) not in NOT_SURNAMES
            if kind == "PERS" and end - start >= 2 and len(last) >= MIN_SURNAME_LETTERS and is_name:
                surnames.append((last, kind))
    for last, kind in surnames:
        names.setdefault((last,), kind)
    return names


def propagate_names(
    sentences: list[list[str]], tags: list[list[str]], key: Callable[[str], str],
    keys: list[list[str]] | None = None, spans: list[list[Span]] | None = None,
) -> list[list[str]]:  # fmt: skip
    """IOB2 tags with every untagged occurrence of a document's names tagged like the name;
    `key` maps a word to its spelling-insensitive form (normalized, proclitics stripped);
    `keys` may give those forms already, `spans` the tags' `tag_spans`. Unchanged sentences
    keep their tag lists."""
    if keys is None:
        keys = [[key(word) for word in words] for words in sentences]
    if spans is None:
        spans = [tag_spans(sentence_tags) for sentence_tags in tags]
    names = _names(sentences, keys, spans)
    if not names:
        return tags
    by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for name, kind in sorted(names.items(), key=lambda item: (-len(item[0]), item[0])):
        by_first.setdefault(name[0], []).append((name, kind))  # longest names first
    result: list[list[str]] = []
    for sentence_keys, sentence_tags in zip(keys, tags, strict=True):
        if by_first.keys().isdisjoint(sentence_keys):
            result.append(sentence_tags)
            continue
        new_tags = list(sentence_tags)
        for i in compress(range(len(sentence_keys)), map(by_first.__contains__, sentence_keys)):
            if new_tags[i] != "O":
                continue  # a tagged word (most found names' own): no name is tagged over it
            for name, kind in by_first[sentence_keys[i]]:
                size = len(name)
                if tuple(sentence_keys[i : i + size]) != name:
                    continue
                after = new_tags[i + size] if i + size < len(new_tags) else "O"
                if all(t == "O" for t in new_tags[i : i + size]) and not after.startswith("I-"):
                    new_tags[i : i + size] = [f"B-{kind}"] + [f"I-{kind}"] * (size - 1)
                break
        result.append(new_tags)
    return result


def vote_types(
    keys: list[list[str]], tags: list[list[str]],
    other_name: Callable[[str], bool] = lambda _: False,
) -> list[list[str]]:  # fmt: skip
    """IOB2 tags with each of a document's names typed alike wherever the tagger found it: the
    type most of its tagged occurrences have (the first seen on a tie), and a person's surname
    alone (`Citrone` after `Carlo Citrone`) a person unless `other_name(surname)` (the stage:
    a crosswalk organisation, `Ford` after `Henry Ford`). `keys`: the words' spelling-insensitive
    forms. Unchanged sentences keep their tag lists."""
    spans = [tag_spans(sentence_tags) if sentence_tags.count("O") < len(sentence_tags) else []
             for sentence_tags in tags]  # fmt: skip
    counts: dict[tuple[str, ...], Counter[str]] = {}
    for forms, sentence_spans in zip(keys, spans, strict=True):
        for start, end, kind in sentence_spans:
            name = tuple(forms[start:end])
            found = counts.get(name)
            if found is None:
                counts[name] = Counter((kind,))
            else:
                found[kind] += 1
    chosen = {name: kinds.most_common(1)[0][0] for name, kinds in counts.items() if len(kinds) > 1}
    for name, kinds in counts.items():
        if len(name) >= 2 and len(name[-1]) >= MIN_SURNAME_LETTERS and "PERS" in kinds:
            surname = name[-1:]
            alone = counts.get(surname)
            retype = alone and set(alone) != {"PERS"} and chosen.get(name, "PERS") == "PERS"
            if retype and not other_name(surname[0]):
                chosen[surname] = "PERS"
    if not chosen:
        return tags
    result: list[list[str]] = []
    for forms, sentence_tags, sentence_spans in zip(keys, tags, spans, strict=True):
        new_tags = sentence_tags
        for start, end, kind in sentence_spans:
            best = chosen.get(tuple(forms[start:end]), kind)
            if best != kind:
                if new_tags is sentence_tags:
                    new_tags = list(sentence_tags)
                new_tags[start:end] = [f"B-{best}"] + [f"I-{best}"] * (end - start - 1)
        result.append(new_tags)
    return result
