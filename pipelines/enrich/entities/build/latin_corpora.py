"""English and French NER corpora of `../shared/data`, with their tag sets mapped to the
tagger's PERS / ORG / LOC / MISC (build and evaluation only).

| corpus | licence | its types → ours |
|---|---|---|
| UNER English EWT (`dev.iob2`; test held out) | CC BY-SA 4.0 | PER→PERS, ORG, LOC, OTH→MISC |
| wikigold (`wikigold.conll.txt`, IOB1) | CC BY 4.0 | PER→PERS, ORG, LOC, MISC |
| Broad Twitter Corpus (`a.conll` … `h.conll`) | CC BY 4.0 | PER→PERS, ORG, LOC (no MISC) |
| WNUT-17 (train, dev, test) | CC BY 4.0 | person→PERS, location→LOC, corporation and group→ORG, |
| | | product and creative-work→MISC |
| Europeana Newspapers FR (`enp_FR.bnf.bio`, IOB1) | CC0 1.0 | PER→PERS, ORG, LOC |

WNUT's `group` (bands, teams, parties) is an organisation as CoNLL and the pipeline count them.
"""

from __future__ import annotations

from pathlib import Path

from pipelines.enrich.entities.build.corpus import Sentence, read_dataset

WIKIGOLD_TYPES = {"PER": "PERS", "ORG": "ORG", "LOC": "LOC", "MISC": "MISC"}
BTC_TYPES = {"PER": "PERS", "ORG": "ORG", "LOC": "LOC"}
WNUT_TYPES = {
    "person": "PERS",
    "location": "LOC",
    "corporation": "ORG",
    "group": "ORG",
    "product": "MISC",
    "creative-work": "MISC",
}
EUROPEANA_TYPES = {"PER": "PERS", "ORG": "ORG", "LOC": "LOC"}
ENGLISH_CORPORA = ("uner", "wikigold", "btc", "wnut17")
BTC_SECTIONS = ("a", "b", "e", "f", "g", "h")
WNUT_FILES = ("wnut17train.conll", "emerging.dev.conll", "emerging.test.annotated")
_SENTENCE_END = frozenset({".", "!", "?"})


def iob1_to_iob2(tags: list[str]) -> list[str]:
    """IOB1 (`I-` everywhere, `B-` only between two adjacent names of one type) → IOB2."""
    result: list[str] = []
    previous = "O"
    for tag in tags:
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        result.append(tag)
        previous = tag
    return result


def read_wikigold(path: Path) -> list[list[Sentence]]:
    """wikigold's articles (split at `-DOCSTART-`), each a list of sentences."""
    documents: list[list[Sentence]] = [[]]
    for words, tags in read_columns(path, WIKIGOLD_TYPES):
        if words[0] == "-DOCSTART-":
            if documents[-1]:
                documents.append([])
            words, tags = words[1:], tags[1:]
        if words:
            documents[-1].append((words, tags))
    return [d for d in documents if d]


def read_english(name: str, root: Path) -> list[Sentence]:
    """One English corpus (`ENGLISH_CORPORA`) of the shared data folder `root`, all its parts."""
    if name == "uner":
        folder = root / "uner_english_ewt"
        return read_dataset("uner", folder / "dev.iob2")  # test.iob2 stays held out
    folder = root / "english_ner"
    if name == "wikigold":
        return [s for doc in read_wikigold(folder / "wikigold" / "wikigold.conll.txt") for s in doc]
    if name == "btc":
        return [
            sentence
            for section in BTC_SECTIONS
            for sentence in read_columns(
                folder / "broad_twitter_corpus" / f"{section}.conll", BTC_TYPES
            )
        ]
    if name == "wnut17":
        return [
            sentence
            for file in WNUT_FILES
            for sentence in read_columns(folder / "wnut17" / file, WNUT_TYPES)
        ]
    raise ValueError(f"unknown English corpus {name!r}")


def read_europeana(path: Path) -> list[Sentence]:
    """The French Europeana corpus (IOB1, no breaks) in order, split into sentences after `.`,
    `!`, `?` outside names; tags IOB2 over PERS, ORG, LOC. (Its `.md` lists page line ranges
    for the first 40% of lines only, so no page split is used.)"""
    return _sentences(path.read_text(encoding="utf-8").splitlines())


def _sentences(lines: list[str]) -> list[Sentence]:
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in lines:
        columns = line.split(" ")
        if len(columns) < 2 or not columns[0]:
            continue
        tag = columns[-1]
        kind = tag[2:]
        words.append(" ".join(columns[:-1]))
        tags.append(f"{tag[:2]}{EUROPEANA_TYPES[kind]}" if kind in EUROPEANA_TYPES else "O")
        if words[-1] in _SENTENCE_END and tags[-1] == "O":
            sentences.append((words, iob1_to_iob2(tags)))
            words, tags = [], []
    if words:
        sentences.append((words, iob1_to_iob2(tags)))
    return sentences


def europeana_split(path: Path, held_out: float = 0.1) -> tuple[list[Sentence], list[Sentence]]:
    """(training, held-out) sentences: the held-out slice is the corpus's end, from the first
    sentence where its last `held_out` share of tokens begins (the last pages of Le Siècle and
    Gil Blas, 1870s–1900s, by the `.md` listing order)."""
    sentences = read_europeana(path)
    limit = sum(len(words) for words, _ in sentences) * (1 - held_out)
    seen = 0
    for cut, (words, _) in enumerate(sentences):
        if seen >= limit:
            return sentences[:cut], sentences[cut:]
        seen += len(words)
    return sentences, []


def read_columns(path: Path, types: dict[str, str]) -> list[Sentence]:
    """`token<TAB or space>TAG` lines, blank (or whitespace-only) lines between sentences; tags
    mapped by `types` (others: O), IOB1 turned into IOB2."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        columns = line.split("\t") if "\t" in line else line.split(" ")
        if not line.strip() or len(columns) < 2:
            if words:
                sentences.append((words, iob1_to_iob2(tags)))
                words, tags = [], []
            continue
        tag, kind = columns[-1].strip(), columns[-1].strip()[2:]
        words.append(columns[0])
        tags.append(f"{tag[:2]}{types[kind]}" if kind in types else "O")
    return sentences
