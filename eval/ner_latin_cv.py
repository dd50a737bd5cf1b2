"""Leave-one-corpus-out validation of the English CRF over a grid of settings: for each (c1, c2),
one model per corpus trained on the other three, its strict span scores on the corpus left out,
and the mean F1. Features are computed once and shared by every fold and setting. `--held-out`
runs some folds only (one process per fold where cores are free; the mean needs all four); the
wikigold fold also prints PER/ORG/LOC only, with the stage's document rules, and as the stage
runs (document and span rules).

    nice -n 10 .venv/bin/python eval/ner_latin_cv.py ../shared/data \
        [--settings 0.3,0.05 0.1,0.01] [--iterations 150] [--held-out wikigold]

Each model takes several CPU-minutes (four per setting); run it under `nice`.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ner_latin import THREE, line, with_documents

from pipelines.enrich.entities.build.corpus import Scores, score, to_bilou
from pipelines.enrich.entities.build.latin_corpora import (
    WIKIGOLD,
    read_wikigold,
    runtime_tokens,
    training_sentences,
)
from pipelines.enrich.entities.build.latin_train import (
    ENGLISH_PARAMS,
    english_corpora,
    evaluate,
    latin_extractor,
    latin_lexicon,
)
from pipelines.enrich.entities.names.gazetteer import GAZETTEER_FILE, load_gazetteer
from pipelines.enrich.entities.tagging.document import to_iob2
from pipelines.enrich.entities.tagging.latin_features import LatinFeatureExtractor

Prepared = list[tuple[pycrfsuite.ItemSequence, list[str], list[str]]]  # features, train, gold


def prepare(shared: Path) -> tuple[dict[str, Prepared], LatinFeatureExtractor]:
    """Per corpus: each sentence's features, its training labels (BILOU, harmonised:
    `latin_corpora.training_sentences`) and its own gold tags (IOB2); and the extractor."""
    corpora = english_corpora(shared)
    texts = [words for part in corpora.values() for words, _ in part]
    extractor = latin_extractor(latin_lexicon("en", texts), load_gazetteer(GAZETTEER_FILE))
    prepared: dict[str, Prepared] = {}
    for name, sentences in corpora.items():
        training = training_sentences(name, sentences, extractor.misc_words)
        prepared[name] = [
            (pycrfsuite.ItemSequence(extractor.sentence_features(words)), to_bilou(train), gold)
            for (words, gold), (_, train) in zip(sentences, training, strict=True)
        ]
    return prepared, extractor


def held_out_scores(prepared: dict[str, Prepared], held_out: str, params: dict[str, object],
                    model: Path) -> Scores:  # fmt: skip
    """Scores on `held_out` of a model trained on the other corpora (saved as `model`)."""
    trainer = pycrfsuite.Trainer(verbose=False)
    for name, part in prepared.items():
        if name != held_out:
            for features, labels, _ in part:
                trainer.append(features, labels)
    trainer.set_params(params)
    trainer.train(str(model))
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    test = prepared[held_out]
    predicted = [to_iob2(tagger.tag(features)) for features, _, _ in test]
    return score([gold for _, _, gold in test], predicted)


def wikigold_rows(shared: Path, model: Path, extractor: LatinFeatureExtractor) -> None:
    """The without-wikigold model on wikigold's PER/ORG/LOC, with the stage's document rules,
    and as the stage runs (document and span rules)."""
    wikigold = english_corpora(shared)["wikigold"]
    print(line("wikigold PER/ORG/LOC", evaluate(model, extractor, wikigold, THREE)))
    documents = [runtime_tokens(document) for document in read_wikigold(shared / WIKIGOLD)]
    documented, staged = with_documents(model, extractor, documents)
    print(line("wikigold + document rules", documented))
    print(line("wikigold as the stage runs", staged), flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path, help="the shared data folder (../shared/data)")
    parser.add_argument(
        "--settings",
        nargs="+",
        default=[f"{ENGLISH_PARAMS['c1']},{ENGLISH_PARAMS['c2']}"],
        help="c1,c2 pairs",
    )
    parser.add_argument("--iterations", type=int, default=ENGLISH_PARAMS["max_iterations"])
    parser.add_argument("--held-out", nargs="*", help="only these folds (default: all four)")
    args = parser.parse_args()
    started = time.process_time()
    prepared, extractor = prepare(args.shared)
    print(f"features of {sum(map(len, prepared.values())):,} sentences: "
          f"{time.process_time() - started:.0f} CPU s", flush=True)  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        for setting in args.settings:
            c1, c2 = (float(x) for x in setting.split(","))
            params = {**ENGLISH_PARAMS, "c1": c1, "c2": c2, "max_iterations": args.iterations}
            f1s: list[float] = []
            for name in args.held_out or list(prepared):
                model = Path(folder) / f"without-{name}.crfsuite"
                scores = held_out_scores(prepared, name, params, model)
                f1s.append(scores.prf()[2])
                print(line(f"c1 {c1} c2 {c2} {name}", scores), flush=True)
                if name == "wikigold":
                    wikigold_rows(args.shared, model, extractor)
            print(f"c1 {c1} c2 {c2}: mean F1 {sum(f1s) / len(f1s):.3f} over {len(f1s)} folds "
                  f"(CPU {time.process_time() - started:.0f} s)", flush=True)  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
