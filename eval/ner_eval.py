"""Strict entity-level F1 (IOB2 spans) of the project's tagger on a gold NER corpus.

.venv/bin/python eval/ner_eval.py --dataset anercorp ../shared/data/anercorp/test.txt
.venv/bin/python eval/ner_eval.py --dataset wojood ../shared/data/wojood/val.txt
.venv/bin/python eval/ner_eval.py --dataset wojood-nested ../shared/data/wojood/val.txt
.venv/bin/python eval/ner_eval.py --dataset uner ../shared/data/uner_english_ewt/test.iob2

`wojood` reads the first (outermost) layer of Wojood's nested tags; `wojood-nested` every layer,
each span of a type that maps kept unless it lies inside a longer kept one (`outermost_spans`).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from pipelines.enrich.entities.build.corpus import read_dataset, score, spans
from pipelines.enrich.entities.names.gazetteer import MODELS_DIR
from pipelines.enrich.entities.tagging.document import propagate_names
from pipelines.enrich.entities.tagging.organisations import organisation_spans
from pipelines.enrich.entities.tagging.tagger import load_tagger

LANGUAGE = {"anercorp": "ar", "wojood": "ar", "wojood-nested": "ar", "uner": "en"}


def with_rules(words: list[str], tags: list[str]) -> list[str]:
    """Tags plus the ORG spans of the head-noun rule where the CRF found nothing."""
    result = list(tags)
    for start, end, kind in organisation_spans(words):
        if all(tag == "O" for tag in tags[start:end]):
            result[start:end] = [f"B-{kind}"] + [f"I-{kind}"] * (end - start - 1)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description="strict entity-level F1 of the CRF tagger")
    parser.add_argument("--dataset", choices=sorted(LANGUAGE), required=True)
    parser.add_argument("path", type=Path)
    parser.add_argument("--models", type=Path, default=MODELS_DIR, help="models directory")
    parser.add_argument(
        "--document-window",
        type=int,
        default=0,
        help="propagate names within windows of N consecutive sentences (pseudo-documents)",
    )
    parser.add_argument("--rules", action="store_true", help="add the Arabic ORG span rule")
    parser.add_argument("--train", type=Path, help="training file: also split recall seen/unseen")
    args = parser.parse_args()
    tagger = load_tagger(LANGUAGE[args.dataset], args.models)
    if tagger is None:
        raise SystemExit("no model: run `make model`")
    sentences = read_dataset(args.dataset, args.path)
    started = time.perf_counter()
    predicted = [tags for tags, _ in tagger.tag_many([words for words, _ in sentences])]
    if args.document_window:
        window = args.document_window
        predicted = [
            tags
            for start in range(0, len(sentences), window)
            for tags in propagate_names(
                [words for words, _ in sentences[start : start + window]],
                predicted[start : start + window],
                tagger.extractor.cluster_key,
            )
        ]
    if args.dataset.startswith("wojood"):  # Wojood has no type that ANERcorp's MISC maps to
        predicted = [[t if not t.endswith("-MISC") else "O" for t in tags] for tags in predicted]
        print("wojood: MISC predictions dropped (no Wojood type maps to MISC)")
    if args.rules:
        predicted = [
            with_rules(words, tags) for (words, _), tags in zip(sentences, predicted, strict=True)
        ]
    seconds = time.perf_counter() - started
    result = score([tags for _, tags in sentences], predicted)
    tokens = sum(len(words) for words, _ in sentences)
    print(f"{args.dataset} {args.path}: {len(sentences):,} sentences, {tokens:,} tokens")
    print(f"model {tagger.model_version}; {tokens / seconds:,.0f} tokens/s on one core")
    print(f"{'type':6} {'prec':>6} {'rec':>6} {'F1':>6} {'gold':>6}")
    for kind in sorted(result.gold | result.predicted):
        p, r, f = result.prf(kind)
        print(f"{kind:6} {p:6.3f} {r:6.3f} {f:6.3f} {result.gold[kind]:6d}")
    p, r, f = result.prf()
    print(f"{'micro':6} {p:6.3f} {r:6.3f} {f:6.3f} {sum(result.gold.values()):6d}")
    found, predicted_count = sum(result.tp.values()), sum(result.predicted.values())
    print(f"micro F1 {f:.4f}: {found:,} of {predicted_count:,} predicted spans right")
    if args.train:
        seen = {
            " ".join(words[s:e])
            for words, tags in read_dataset(args.dataset, args.train)
            for s, e, _ in spans(tags)
        }
        hits = {True: [0, 0], False: [0, 0]}
        for (words, gold), tags in zip(sentences, predicted, strict=True):
            found = spans(tags)
            for span in spans(gold):
                bucket = hits[" ".join(words[span[0] : span[1]]) in seen]
                bucket[0] += span in found
                bucket[1] += 1
        for is_seen, (tp, total) in hits.items():
            label = "seen" if is_seen else "unseen"
            print(f"recall on {label} entities: {tp / max(total, 1):.3f} ({total})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
