"""Strict span F1 of the English and French CRF taggers, trained here on all but the evaluated
data: English by leave-one-corpus-out over UNER EWT, wikigold, the Broad Twitter Corpus and
WNUT-17; French on the first 90% of Europeana Newspapers FR, scored on the last 10%.

    .venv/bin/python eval/ner_latin.py ../shared/data [--languages en fr] \
        [--c1 C1 --c2 C2 --iterations 150] [--shipped]

`--shipped` also scores the committed English model (`models/en.crfsuite`, trained on all four
corpora but wikigold's last 14 articles) on those held-out articles, sentence by sentence, with
the stage's document rules (names typed alike, then propagated), and with its span rules too
(as the stage runs). Takes about
12 CPU-minutes (four English CRFs, one French); run it under `nice`.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from pipelines.enrich.entities.build.corpus import Scores, Sentence, score
from pipelines.enrich.entities.build.latin_corpora import (
    WIKIGOLD,
    europeana_split,
    read_wikigold,
    runtime_tokens,
    wikigold_split,
)
from pipelines.enrich.entities.build.latin_train import (
    ENGLISH_PARAMS,
    EUROPEANA,
    LATIN_PARAMS,
    cross_corpus,
    english_corpora,
    evaluate,
    latin_extractor,
    latin_lexicon,
    train_latin,
)
from pipelines.enrich.entities.names.gazetteer import GAZETTEER_FILE, load_gazetteer
from pipelines.enrich.entities.names.text import normalize_word
from pipelines.enrich.entities.tagging.document import propagate_names, to_iob2, vote_types
from pipelines.enrich.entities.tagging.latin_features import LatinFeatureExtractor

THREE = frozenset({"PERS", "ORG", "LOC"})


def line(name: str, scores: Scores) -> str:
    p, r, f = scores.prf()
    kinds = "  ".join(f"{k} {scores.prf(k)[2]:.3f}" for k in ("PERS", "ORG", "LOC", "MISC")
                      if scores.gold[k])  # fmt: skip
    return f"{name:<28} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   {kinds}"


def document_rules(words: list[list[str]], tags: list[list[str]]) -> list[list[str]]:
    """A document's tags after the stage's document step for English: each name
    typed alike (`document.vote_types`), then one sense per document (`propagate_names`)."""
    keys = [[normalize_word(word) for word in sentence] for sentence in words]
    from pipelines.enrich.entities.extract import _is_organisation

    return propagate_names(words, vote_types(keys, tags, _is_organisation), normalize_word, keys)


def with_documents(
    model: Path, extractor: LatinFeatureExtractor, documents: list[list[Sentence]]
) -> tuple[Scores, Scores]:
    """Scores after the stage's document step (`document_rules`), and with its span rules too
    (`as_stage`: as the stage runs)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    gold: list[list[str]] = []
    predicted: list[list[str]] = []
    for document in documents:
        words = [w for w, _ in document]
        tags = [to_iob2(tagger.tag(extractor.sentence_features(w))) for w in words]
        predicted += document_rules(words, tags)
        gold += [t for _, t in document]
    sentences = [words for document in documents for words, _ in document]
    staged = [as_stage(w, t) for w, t in zip(sentences, predicted, strict=True)]
    return score(gold, predicted), score(gold, staged)


def english(shared: Path, params: dict[str, object]) -> None:
    corpora = english_corpora(shared)
    texts = [words for part in corpora.values() for words, _ in part]
    extractor = latin_extractor(latin_lexicon("en", texts), load_gazetteer(GAZETTEER_FILE))
    with tempfile.TemporaryDirectory() as folder:
        results = cross_corpus(corpora, extractor, params, Path(folder))
        for name, scores in results.items():
            print(line(f"en held out {name}", scores))
        mean = sum(s.prf()[2] for s in results.values()) / len(results)
        print(f"en cross-corpus mean F1 (4 types): {mean:.3f}")
        model = Path(folder) / "without-wikigold.crfsuite"
        wikigold = corpora["wikigold"]
        print(line("wikigold PER/ORG/LOC", evaluate(model, extractor, wikigold, THREE)))
        documents = [runtime_tokens(document) for document in read_wikigold(shared / WIKIGOLD)]
        documented, staged = with_documents(model, extractor, documents)
        print(line("wikigold + document rules", documented))
        print(line("wikigold as the stage runs", staged))


def gazetteer_places(words: list[str]) -> list[str]:
    """IOB2 LOC tags of the places the stage finds without a tagger (before French had one):
    gazetteer hits it keeps untagged, but the stoplist's common words."""
    from pipelines.enrich.entities.extract import _known_words
    from pipelines.enrich.entities.linking.linker import keep_untagged
    from pipelines.enrich.entities.linking.matcher import find_places
    from pipelines.enrich.entities.tagging.tagger import stoplist

    tags = ["O"] * len(words)
    for match in find_places(words, load_gazetteer(), _known_words()):
        if match.key not in stoplist() and keep_untagged(words, match, False):
            tags[match.start : match.end] = ["B-LOC"] + ["I-LOC"] * (match.end - match.start - 1)
    return tags


def french(shared: Path, params: dict[str, object]) -> None:
    train, test = (runtime_tokens(part) for part in europeana_split(shared / EUROPEANA))
    texts = [words for words, _ in train + test]
    extractor = latin_extractor(latin_lexicon("fr", texts), load_gazetteer(GAZETTEER_FILE))
    gold = [tags for _, tags in test]
    before = score(gold, [gazetteer_places(words) for words, _ in test])
    print(line("fr before: gazetteer only", before))
    with tempfile.TemporaryDirectory() as folder:
        model = Path(folder) / "fr.crfsuite"
        train_latin(train, extractor, params, model)
        print(line("fr Europeana last 10%", evaluate(model, extractor, test)))


def shipped(shared: Path) -> None:
    """The committed English model on wikigold's held-out articles (not in its training)."""
    from pipelines.enrich.entities.tagging.tagger import load_tagger

    tagger = load_tagger("en")
    assert tagger is not None
    documents = wikigold_split(shared)[1]
    sentences = [s for document in documents for s in document]
    gold = [tags for _, tags in sentences]
    predicted = [tagger.tag(words)[0] for words, _ in sentences]
    print(line(f"shipped en, wikigold last {len(documents)}", score(gold, predicted)))
    propagated: list[list[str]] = []
    for document in documents:
        words = [w for w, _ in document]
        propagated += document_rules(words, [tagger.tag(w)[0] for w in words])
    print(line("  + document rules", score(gold, propagated)))
    staged = [as_stage(words, tags) for (words, _), tags in zip(sentences, propagated, strict=True)]
    print(line("  + the stage's span rules", score(gold, staged)))


def as_stage(words: list[str], tags: list[str]) -> list[str]:
    """IOB2 tags of the spans the stage keeps (`latin_features.tidy_latin_spans`)."""
    from pipelines.enrich.entities.extract import _is_known_name
    from pipelines.enrich.entities.tagging.document import tag_spans
    from pipelines.enrich.entities.tagging.latin_features import tidy_latin_spans

    result = ["O"] * len(words)
    for start, end, kind in tidy_latin_spans(words, tag_spans(tags), "en", _is_known_name):
        result[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path, help="the shared data folder (../shared/data)")
    parser.add_argument("--languages", nargs="*", default=["en", "fr"])
    parser.add_argument("--c1", type=float, help="default: each language's own (latin_train)")
    parser.add_argument("--c2", type=float)
    parser.add_argument("--iterations", type=int, default=LATIN_PARAMS["max_iterations"])
    parser.add_argument("--shipped", action="store_true", help="also score the committed model")
    args = parser.parse_args()
    chosen = {"max_iterations": args.iterations}
    chosen |= {k: v for k, v in (("c1", args.c1), ("c2", args.c2)) if v is not None}
    started = time.process_time()
    if args.shipped:
        shipped(args.shared)
    if "en" in args.languages:
        english(args.shared, {**ENGLISH_PARAMS, **chosen})
        print(f"en params { ({**ENGLISH_PARAMS, **chosen}) }")
    if "fr" in args.languages:
        french(args.shared, {**LATIN_PARAMS, **chosen})
        print(f"fr params { ({**LATIN_PARAMS, **chosen}) }")
    print(f"CPU {time.process_time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
