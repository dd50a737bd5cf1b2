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
Nationalities, languages and religions (`French`, `Americans`, `Catholic`) are MISC in
wikigold (CoNLL's convention) but untagged in the other three: there, a capitalised word of the
lexicon's `misc_words` tagged O becomes MISC (`with_nationalities`), for training only (scores
keep each corpus's own gold). Every corpus's tokens are re-split as the stage tokenizes text
(`runtime_tokens`: `L'` `ONU`, `U.S.` → `U . S .`), so the model sees at run time what it was
trained on.
"""

from __future__ import annotations

from pathlib import Path

from pipelines.enrich.entities.build.corpus import Sentence, read_dataset
from pipelines.enrich.entities.names.text import tokenize
from pipelines.enrich.entities.tagging.document import tag_spans as spans_of

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
# The corpora that leave nationalities, languages and religions untagged (`with_nationalities`).
NO_NATIONALITY_MISC = frozenset({"uner", "btc", "wnut17"})
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
    """wikigold's articles (split at `-DOCSTART-`), each a list of sentences (corpus tokens)."""
    documents: list[list[Sentence]] = [[]]
    for words, tags in read_columns(path, WIKIGOLD_TYPES):
        if words[0] == "-DOCSTART-":
            if documents[-1]:
                documents.append([])
            words, tags = words[1:], tags[1:]
        if words:
            documents[-1].append((words, tags))
    return [d for d in documents if d]


def runtime_tokens(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences with each corpus token split as the stage's tokenizer splits text (`L'` →
    `L` `'`); a name's tag goes to its first piece, `I-` to the others."""
    result: list[Sentence] = []
    for words, tags in sentences:
        new_words: list[str] = []
        new_tags: list[str] = []
        for word, tag in zip(words, tags, strict=True):
            pieces = [t.text for t in tokenize(word)] or [word]
            new_words += pieces
            inside = "O" if tag == "O" else "I-" + tag[2:]
            new_tags += [tag] + [inside] * (len(pieces) - 1)
        result.append((new_words, new_tags))
    return result


def with_nationalities(sentences: list[Sentence], misc_words: frozenset[str]) -> list[Sentence]:
    """The sentences with every capitalised word of `misc_words` (lower-case) tagged O made a
    MISC name of its own (`American`, `Catholics`)."""
    result: list[Sentence] = []
    for words, tags in sentences:
        tags = [
            "B-MISC" if tag == "O" and word[:1].isupper() and word.lower() in misc_words else tag
            for word, tag in zip(words, tags, strict=True)
        ]
        result.append((words, tags))
    return result


# Tokens that make the next word a user handle or hashtag (the stage's tokens: `@` `user`).
_HANDLE_MARKS = frozenset({"@", "#"})


def without_handles(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences with user handles and hashtags untagged: a span that begins with `@` or
    `#` or right after one (`@ justinbieber`, `#` `Obama`). BTC tags most handles as persons,
    WNUT-17 leaves them untagged, news has none."""
    result: list[Sentence] = []
    for sentence in sentences:
        words, tags = sentence
        if _HANDLE_MARKS.isdisjoint(words):
            result.append(sentence)
            continue
        tags = list(tags)
        for start, end, _ in spans_of(tags):
            if words[start] in _HANDLE_MARKS or (start and words[start - 1] in _HANDLE_MARKS):
                tags[start:end] = ["O"] * (end - start)
        result.append((words, tags))
    return result


def training_sentences(
    name: str, sentences: list[Sentence], misc_words: frozenset[str]
) -> list[Sentence]:
    """One corpus's sentences as the English model trains on them: nationalities MISC where the
    corpus leaves them untagged (`with_nationalities`), handles and hashtags untagged
    (`without_handles`). Scores keep each corpus's own gold."""
    if name in NO_NATIONALITY_MISC:
        sentences = with_nationalities(sentences, misc_words)
    return without_handles(sentences)


WIKIGOLD = "english_ner/wikigold/wikigold.conll.txt"
# The shipped English model leaves out wikigold's last articles, its held-out slice.
WIKIGOLD_HELD_OUT = 0.1


def wikigold_split(root: Path) -> tuple[list[Sentence], list[list[Sentence]]]:
    """(training sentences, held-out articles) of wikigold, in the stage's tokens: the held-out
    slice is its last `WIKIGOLD_HELD_OUT` share of articles (14 of 145)."""
    documents = [runtime_tokens(document) for document in read_wikigold(root / WIKIGOLD)]
    cut = len(documents) - round(len(documents) * WIKIGOLD_HELD_OUT)
    return [s for document in documents[:cut] for s in document], documents[cut:]


def read_english(name: str, root: Path) -> list[Sentence]:
    """One English corpus (`ENGLISH_CORPORA`) of the shared data folder `root`, all its parts,
    in the stage's tokens."""
    return runtime_tokens(_read_english(name, root))


def _read_english(name: str, root: Path) -> list[Sentence]:
    if name == "uner":
        folder = root / "uner_english_ewt"
        return read_dataset("uner", folder / "dev.iob2")  # test.iob2 stays held out
    folder = root / "english_ner"
    if name == "wikigold":
        return [s for doc in read_wikigold(root / WIKIGOLD) for s in doc]
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
    for the first 40% of lines only, so no page split is used.) Corpus tokens: `runtime_tokens`
    re-splits them for training and scoring."""
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
