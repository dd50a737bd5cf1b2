"""Cross-validation of the Arabic CRF on ANERcorp *train* only (never the test split).

.venv/bin/python eval/ner_cv.py ../shared/data/anercorp/train.txt \
    --uner ../shared/data/uner_english_ewt/dev.iob2

Train is cut into 5 contiguous folds; folds 2 and 5 (`--folds 1 4`, 0-based) are held out in
turn (fold 5 is the end of train, next to where test begins), each model is trained on the
other four (lexicon from those four + UNER dev, as `make model` does), and strict micro F1 is
reported over both held-out folds together. Folds run one after the other (one training at a
time); deterministic. `--outside-shifts 0 -0.5 -1` scores each fold model again with the `O`
label's bias shifted (`shift_outside`), one output line per shift, without retraining.
`--predictions FILE` keeps the held-out tags for `eval/ner_errors.py` (error analysis).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from pipelines.enrich.entities.build.corpus import Scores, cv_split, read_dataset, score
from pipelines.enrich.entities.build.train import (
    CRF_PARAMS,
    LANGUAGE_PARAMS,
    build_lexicon,
    external_lexicon,
    text_clusters,
    train_model,
)
from pipelines.enrich.entities.names.gazetteer import GAZETTEER_FILE, load_gazetteer
from pipelines.enrich.entities.tagging.decoder import CompiledCRF
from pipelines.enrich.entities.tagging.tagger import Tagger, build_extractor

BIAS_FEATURE = "b"  # the attribute every token has: its weights are per-label biases


def shift_outside(decoder: CompiledCRF, shift: float) -> CompiledCRF:
    """The decoder with `shift` added to the `O` label's bias weight, in place (before any
    word's scores are cached): a negative shift trades precision for recall."""
    if shift and "O" in decoder.labels and BIAS_FEATURE in decoder.features:
        row = decoder.features[BIAS_FEATURE]
        decoder.blocks[row, 0, decoder.labels.index("O")] += shift
    return decoder


def main() -> int:
    parser = argparse.ArgumentParser(description="CV of the Arabic CRF on ANERcorp train")
    parser.add_argument("path", type=Path, help="ANERcorp train.txt")
    parser.add_argument("--uner", type=Path, required=True, help="UNER English dev.iob2")
    parser.add_argument("--parts", type=int, default=5)
    parser.add_argument("--folds", type=int, nargs="*", default=[1, 4])
    parser.add_argument("--params", default="{}", help="CRF parameters (JSON) over the defaults")
    parser.add_argument("--label", default="", help="name of the run in the output line")
    parser.add_argument(
        "--stem-groups", nargs="*", help="Arabic stem feature groups (default: the shipped ones)"
    )
    parser.add_argument(
        "--clusters", action="store_true", help="word clusters of each fold's training text"
    )
    parser.add_argument("--save", type=Path, help="write the span counts (JSON) to combine runs")
    parser.add_argument("--outside-shifts", type=float, nargs="*", default=[0.0])
    parser.add_argument(
        "--identity-dropout", type=float, default=0.0, help="train_model's dropout rate"
    )
    parser.add_argument("--dropout-max-count", type=int, help="only words seen this often")
    parser.add_argument(
        "--predictions", type=Path, help="write held-out words, gold and predicted tags (JSONL)"
    )
    args = parser.parse_args()
    params = {**CRF_PARAMS, **LANGUAGE_PARAMS.get("ar", {}), **json.loads(args.params)}
    sentences = read_dataset("anercorp", args.path)
    english = read_dataset("uner", args.uner)
    external = external_lexicon(verbose=False)
    totals = {shift: Scores(Counter(), Counter(), Counter()) for shift in args.outside_shifts}
    notes: dict[float, list[str]] = {shift: [] for shift in args.outside_shifts}
    started = time.perf_counter()
    predictions = args.predictions.open("w", encoding="utf-8") if args.predictions else None
    for fold in args.folds:
        train, held = cv_split(sentences, fold, args.parts)
        lexicon = {**build_lexicon(train + english), **external}
        if args.stem_groups is not None:
            lexicon["stem_groups"] = args.stem_groups
        if args.clusters:
            lexicon.update(text_clusters(lexicon, [words for words, _ in train + english]))
        fold_started = time.perf_counter()
        with tempfile.TemporaryDirectory() as folder:
            model = Path(folder) / "ar.crfsuite"
            dropout = (args.identity_dropout, args.dropout_max_count)
            train_model(train, lexicon, params, model, dropout)
            crf = pycrfsuite.Tagger()
            crf.open(str(model))
            attributes = len(crf.info().attributes)
            seconds = time.perf_counter() - fold_started
            for shift, total in totals.items():
                extractor = build_extractor(lexicon, load_gazetteer(GAZETTEER_FILE))
                decoder = shift_outside(CompiledCRF.from_tagger(crf, extractor), shift)
                tagger = Tagger("ar", "cv", extractor, decoder)
                predicted = [tags for tags, _ in tagger.tag_many([words for words, _ in held])]
                result = score([tags for _, tags in held], predicted)
                for (words, gold), tags in zip(held, predicted, strict=True):
                    if predictions is None:
                        break
                    row = {"fold": fold, "shift": shift, "words": words, "gold": gold}
                    predictions.write(json.dumps({**row, "predicted": tags}) + "\n")
                total.tp.update(result.tp)
                total.predicted.update(result.predicted)
                total.gold.update(result.gold)
                note = f"fold{fold}={result.prf()[2]:.4f} ({seconds:.0f} s, {attributes:,} attr)"
                notes[shift].append(note)
    if predictions is not None:
        predictions.close()
    if args.save:
        counts = {
            str(shift): [dict(t.tp), dict(t.predicted), dict(t.gold)] for shift, t in totals.items()
        }
        args.save.write_text(json.dumps(counts), encoding="utf-8")
    for shift, total in totals.items():
        precision, recall, f1 = total.prf()
        kinds = " ".join(f"{kind}={total.prf(kind)[2]:.3f}" for kind in sorted(total.gold))
        print(
            f"{args.label} shift={shift:g}: F1={f1:.4f} P={precision:.3f} R={recall:.3f} {kinds} | "
            f"{' '.join(notes[shift])} | {time.perf_counter() - started:.0f} s params={args.params}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
