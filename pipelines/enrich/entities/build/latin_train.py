"""Train the English and French CRF taggers (`make model`), and choose their settings by
cross-corpus validation (`eval/ner_latin.py`).

    python -m pipelines.enrich.entities.build.latin_train --shared ../shared/data \
        --out pipelines/enrich/entities/models/

English trains on UNER EWT dev (its test split stays held out for `eval/ner_eval.py`), wikigold
but its last 14 articles (held out: `eval/ner_latin.py --shipped` scores them), and all of the
Broad Twitter Corpus and WNUT-17; French on all of the Europeana Newspapers corpus
(`latin_corpora`).
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pycrfsuite

from pipelines.enrich.entities.build.clusters import learn_clusters
from pipelines.enrich.entities.build.corpus import Scores, Sentence, score, to_bilou
from pipelines.enrich.entities.build.latin_corpora import (
    ENGLISH_CORPORA,
    read_english,
    read_europeana,
    runtime_tokens,
    training_sentences,
    wikigold_split,
)
from pipelines.enrich.entities.build.nationalities import nationality_words
from pipelines.enrich.entities.build.word_evidence import MissingData, package_file, twice_zipf
from pipelines.enrich.entities.names.crosswalk import load_crosswalk
from pipelines.enrich.entities.names.gazetteer import GAZETTEER_FILE, MODELS_DIR, load_gazetteer
from pipelines.enrich.entities.names.text import tokenize
from pipelines.enrich.entities.tagging.document import to_iob2
from pipelines.enrich.entities.tagging.latin_features import LatinFeatureExtractor, latin_extractor
from pipelines.enrich.entities.versions import language_lexicon_file

# French (and, before, English) settings, chosen by leave-one-corpus-out validation over the
# four English corpora with earlier features.
LATIN_PARAMS: dict[str, Any] = {
    "c1": 0.1,
    "c2": 0.01,
    "max_iterations": 150,
    "feature.possible_transitions": True,
}
# English: stronger regularisation won every leave-one-corpus-out fold (eval/ner_latin_cv.py).
ENGLISH_PARAMS: dict[str, Any] = {**LATIN_PARAMS, "c1": 0.3, "c2": 0.05}
# Words at least this frequent (Zipf) are kept in the lexicon; rarer ones read as rare (0).
MIN_ZIPF = 2.5
# Words of known names this frequent (Zipf ≥ 5: `the`, `of`, `de`) say nothing about names.
NAME_WORD_MAX_BUCKET = 9
EUROPEANA = "french_ner/europeana_newspapers_fr/enp_FR.bnf.bio"


def latin_frequencies(language: str) -> dict[str, int]:
    """Lower-case word → twice its Zipf frequency, rounded down, for words of Zipf ≥ `MIN_ZIPF`
    in wordfreq's `large_<language>` list (Apache-2.0 code, CC BY-SA 4.0 data)."""
    path = package_file("wordfreq", f"data/large_{language}.msgpack.gz")
    if path is None:
        raise MissingData("wordfreq is not installed (make model installs wordfreq==3.1.1)")
    return twice_zipf(path, str.lower, MIN_ZIPF)


def latin_lexicon(language: str, texts: Sequence[list[str]] = ()) -> dict[str, Any]:
    """Word frequencies, the Latin-script words of the crosswalk's persons and organisations
    that are not common words, English nationality words (`nationalities`) and the clusters of
    the lower-cased words of `texts` (the training corpora's sentences, tags unused)."""
    frequency = latin_frequencies(language)
    words: dict[str, set[str]] = {"PER": set(), "ORG": set()}
    for kind, key in load_crosswalk():
        if key.isascii() or not any("\u0600" <= c <= "\u06ff" for c in key):
            words[kind].update(
                t.text.lower() for t in tokenize(key) if t.text.isalpha() and len(t.text) >= 2
            )
    common = {w for w, bucket in frequency.items() if bucket >= NAME_WORD_MAX_BUCKET}
    misc: list[str] = []
    if language == "en":
        misc = nationality_words(frozenset(load_gazetteer(GAZETTEER_FILE).by_key) | words["PER"])
    clusters = learn_clusters([[w.lower() for w in words] for words in texts]) if texts else {}
    return {
        "frequency": frequency,
        "person_words": sorted(words["PER"] - common),
        "organisation_words": sorted(words["ORG"] - common),
        "misc_words": misc,
        "cluster_words": sorted(clusters),
        "cluster_ids": [clusters[w] for w in sorted(clusters)],
    }


def train_latin(
    sentences: Sequence[Sentence], extractor: LatinFeatureExtractor, params: dict[str, Any],
    out: Path,
) -> None:  # fmt: skip
    """Fit one CRF on the sentences (BILOU labels) and save it to `out`."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for words, tags in sentences:
        trainer.append(extractor.sentence_features(words), to_bilou(tags))
    trainer.set_params(params)
    trainer.train(str(out))


def evaluate(
    model: Path, extractor: LatinFeatureExtractor, sentences: Sequence[Sentence],
    types: frozenset[str] | None = None,
) -> Scores:  # fmt: skip
    """Strict span scores of a model on gold sentences; `types`: only these types count (the
    others are dropped from gold and predictions alike)."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    predicted = [to_iob2(tagger.tag(extractor.sentence_features(w))) for w, _ in sentences]
    gold = [tags for _, tags in sentences]
    if types is not None:
        gold = [_only(tags, types) for tags in gold]
        predicted = [_only(tags, types) for tags in predicted]
    return score(gold, predicted)


def _only(tags: list[str], types: frozenset[str]) -> list[str]:
    return [t if t == "O" or t[2:] in types else "O" for t in tags]


def cross_corpus(
    corpora: dict[str, list[Sentence]], extractor: LatinFeatureExtractor,
    params: dict[str, Any], folder: Path,
) -> dict[str, Scores]:  # fmt: skip
    """Scores on each corpus of a model trained on all the others (saved in `folder` as
    `without-<corpus>.crfsuite`)."""
    results: dict[str, Scores] = {}
    for held_out, test in corpora.items():
        train = english_training(corpora, extractor.misc_words, without=held_out)
        model = folder / f"without-{held_out}.crfsuite"
        train_latin(train, extractor, params, model)
        results[held_out] = evaluate(model, extractor, test)
    return results


def english_corpora(shared: Path, shipped: bool = False) -> dict[str, list[Sentence]]:
    """The four English corpora; `shipped`: wikigold without its held-out slice."""
    corpora = {name: read_english(name, shared) for name in ENGLISH_CORPORA}
    if shipped:
        corpora["wikigold"] = wikigold_split(shared)[0]
    return corpora


def english_training(
    corpora: dict[str, list[Sentence]], misc_words: frozenset[str], without: str = ""
) -> list[Sentence]:
    """The training sentences of all corpora but `without`, their labels harmonised
    (`latin_corpora.training_sentences`)."""
    result: list[Sentence] = []
    for name, part in corpora.items():
        if name != without:
            result += training_sentences(name, part, misc_words)
    return result


def language_corpora(language: str, shared: Path) -> dict[str, list[Sentence]]:
    """The corpora the shipped model of `language` trains on: English, the four (wikigold
    without its held-out slice); French, Europeana on the stage's tokens."""
    if language == "en":
        return english_corpora(shared, shipped=True)
    return {"europeana": runtime_tokens(read_europeana(shared / EUROPEANA))}


def corpus_texts(corpora: dict[str, list[Sentence]]) -> list[list[str]]:
    """The corpora's sentences as words (tags unused): the text the word clusters learn from."""
    return [words for part in corpora.values() for words, _ in part]


def write_lexicon(language: str, out: Path, texts: Sequence[list[str]]) -> dict[str, Any]:
    """Write the language's word lists beside its model; returns them."""
    lexicon = latin_lexicon(language, texts)
    language_lexicon_file(language, out).write_text(
        json.dumps(lexicon, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )
    return lexicon


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=MODELS_DIR)
    parser.add_argument("--languages", nargs="*", default=["en", "fr"])
    args = parser.parse_args(argv)
    started = time.perf_counter()
    gazetteer = load_gazetteer(GAZETTEER_FILE)
    for language in args.languages:
        corpora = language_corpora(language, args.shared)
        try:
            lexicon = write_lexicon(language, args.out, corpus_texts(corpora))
        except MissingData as error:
            parser.error(str(error))
        extractor = latin_extractor(lexicon, gazetteer)
        if language == "en":
            sentences = english_training(corpora, extractor.misc_words)
        else:
            sentences = corpora["europeana"]
        model = args.out / f"{language}.crfsuite"
        params = ENGLISH_PARAMS if language == "en" else LATIN_PARAMS
        train_latin(sentences, extractor, params, model)
        size = model.stat().st_size / 1e6
        print(f"{language}: {len(sentences):,} sentences, model {size:.2f} MB")
    print(f"trained in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
