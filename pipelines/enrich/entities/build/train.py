"""Train the CRF taggers deterministically and write models/ (`make model`).

    python -m pipelines.enrich.entities.build.train --anercorp ../shared/data/anercorp/train.txt \
        --uner ../shared/data/uner_english_ewt/dev.iob2 --out pipelines/enrich/entities/models/
"""

from __future__ import annotations

import argparse
import json
import time
import zlib
from collections import Counter
from pathlib import Path
from typing import Any

import pycrfsuite

from pipelines.enrich.entities.build.clusters import learn_clusters, saudinewsnet_texts, tokenized
from pipelines.enrich.entities.build.corpus import Sentence, read_dataset, to_bilou
from pipelines.enrich.entities.build.crosswalk_build import build_crosswalk
from pipelines.enrich.entities.build.gazetteer_build import build_gazetteer
from pipelines.enrich.entities.build.word_evidence import (
    MissingData,
    default_person_names,
    package_file,
    twice_zipf,
    word_affinities,
)
from pipelines.enrich.entities.names.crosswalk import load_crosswalk
from pipelines.enrich.entities.names.gazetteer import GAZETTEER_FILE, Gazetteer, load_gazetteer
from pipelines.enrich.entities.names.text import normalize_word, strip_article
from pipelines.enrich.entities.tagging.tagger import build_extractor
from pipelines.enrich.entities.versions import CROSSWALK_FILE, LEXICON_FILE

CRF_PARAMS: dict[str, Any] = {
    "c1": 0.03,
    "c2": 0.02,
    "max_iterations": 300,
    "feature.possible_transitions": True,
}
# Per-language overrides of CRF_PARAMS: weights for attribute–label pairs never seen together
# helped Arabic in train CV (`eval/ner_cv.py`, docs/history/entities.md).
LANGUAGE_PARAMS: dict[str, dict[str, Any]] = {"ar": {"feature.possible_states": True}}
MIN_KNOWN_COUNT = 2
# A word seen this often in training and almost never inside an entity is no place name alone.
STOPLIST_MIN_COUNT, STOPLIST_MAX_ENTITY_SHARE = 5, 0.1
MIN_ZIPF = 3.0
IDENTITY_FEATURES = ("w=", "s=")
WIKI_CLUBS = ("Clubs_key", "clubs_teams_leagues")


def _is_clitic_form(word: str, count: int, seen: Counter[str]) -> bool:
    """`وحزب` is `و` + `حزب` when `حزب` is more frequent than `وحزب`."""
    for size in (1, 2):
        prefix, rest = word[:size], word[size:]
        if all(c in "وفبلك" for c in prefix) and len(rest) >= 3 and seen[rest] > count:
            return True
    return False


def build_lexicon(sentences: list[Sentence]) -> dict[str, Any]:
    """Known words (for proclitic stripping) and a stoplist of common non-entity words."""
    seen: Counter[str] = Counter()
    in_entity: Counter[str] = Counter()
    for words, tags in sentences:
        for word, tag in zip(words, tags, strict=True):
            key = strip_article(normalize_word(word))
            seen[key] += 1
            in_entity[key] += tag != "O"
    known = sorted(
        w
        for w, n in seen.items()
        if n >= MIN_KNOWN_COUNT and len(w) >= 3 and not _is_clitic_form(w, n, seen)
    )
    stoplist = sorted(
        w
        for w, n in seen.items()
        if n >= STOPLIST_MIN_COUNT and in_entity[w] <= STOPLIST_MAX_ENTITY_SHARE * n
    )
    return {"known": known, "stoplist": stoplist}


def person_name_words(path: Path) -> list[str]:
    """Normalized words of person names (arabnamer's CC-BY-4.0 English→Arabic name pairs)."""
    pairs: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    words = {strip_article(normalize_word(w)) for name in pairs.values() for w in name.split()}
    words |= {normalize_word(w) for name in pairs for w in name.split()}
    return sorted(w for w in words if len(w) >= 3)


def country_words(gazetteer: Gazetteer) -> frozenset[str]:
    """One-word country names: never person-name words (`روسيا` in `ورئيس روسيا فلاديمير
    بوتين` is the country, though name lists hold it as a given name)."""
    return frozenset(
        key
        for key, places in gazetteer.by_key.items()
        if " " not in key and any(p.entity_id.startswith("iso:") for p in places)
    )


def wiki_name_words(*paths: Path) -> list[str]:
    """Normalized words (article dropped) of the Arabic names in ArWikiCats (MIT) English →
    Arabic tables: 3,117 well-known people (many foreign names in Arabic script), sports clubs."""
    words: set[str] = set()
    for path in paths:
        names: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
        for name in names.values():
            if isinstance(name, str):
                words.update(strip_article(normalize_word(w)) for w in name.split())
    return sorted(w for w in words if len(w) >= 3)


def word_frequencies(path: Path) -> dict[str, int]:
    """Normalized Arabic word → twice its Zipf frequency, rounded down (6 to 14), for words of
    Zipf ≥ 3 in wordfreq's `large_ar` list (Apache-2.0 code, CC BY-SA 4.0 data)."""
    return twice_zipf(path, normalize_word, MIN_ZIPF)


def external_lexicon(person_names: Path | None = None, *, verbose: bool = True) -> dict[str, Any]:
    """Name lists and word frequencies read from installed packages (build time only)."""
    lexicon: dict[str, Any] = {}
    countries = country_words(load_gazetteer(GAZETTEER_FILE))
    names = person_names or default_person_names()
    if names is not None:
        lexicon["person_words"] = [w for w in person_name_words(names) if w not in countries]
        if verbose:
            print(f"person name words: {len(lexicon['person_words']):,} from {names}")
    people = package_file("ArWikiCats", "jsons/people/peoples.json")
    clubs = [package_file("ArWikiCats", f"jsons/sports/{name}.json") for name in WIKI_CLUBS]
    if people is not None and None not in clubs:
        lexicon["wiki_person_words"] = [w for w in wiki_name_words(people) if w not in countries]
        lexicon["wiki_org_words"] = wiki_name_words(*(path for path in clubs if path))
        if verbose:
            print(f"ArWikiCats name words: {len(lexicon['wiki_person_words']):,} people, "
                  f"{len(lexicon['wiki_org_words']):,} clubs")  # fmt: skip
    frequencies = package_file("wordfreq", "data/large_ar.msgpack.gz")
    if frequencies is not None:
        lexicon["frequency"] = word_frequencies(frequencies)
        lexicon["affinity"] = word_affinities(frequencies, MIN_ZIPF)
        if verbose:
            print(f"word frequencies: {len(lexicon['frequency']):,} from {frequencies}")
    return lexicon


def write_lexicon(path: Path, lexicon: dict[str, Any]) -> None:
    """Write a lexicon as `lexicon.json` is committed (sorted keys: a reproducible file)."""
    path.write_text(
        json.dumps(lexicon, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8"
    )


def text_clusters(lexicon: dict[str, Any], sentences: list[list[str]]) -> dict[str, list[str]]:
    """Word clusters (`clusters.learn_clusters`) of the stems of unlabelled sentences, as the
    lexicon stores them (`cluster_words`, `cluster_ids`)."""
    extractor = build_extractor(lexicon, load_gazetteer(GAZETTEER_FILE))
    clusters = learn_clusters([extractor.cluster_key(w) for w in s] for s in sentences)
    words = sorted(clusters)
    return {"cluster_words": words, "cluster_ids": [clusters[word] for word in words]}


def identity_dropouts(
    sentences: list[Sentence], rate: float, max_count: int | None = None
) -> list[set[int]]:
    """Per sentence, the token positions whose identity features training leaves out: a share
    `rate` of the tokens (by a hash of sentence, position and word: deterministic), only of
    words seen at most `max_count` times when it is given."""
    counts = Counter(normalize_word(word) for words, _ in sentences for word in words)
    return [
        {
            j
            for j, word in enumerate(words)
            if (max_count is None or counts[normalize_word(word)] <= max_count)
            and zlib.crc32(f"{i}:{j}:{word}".encode()) % 1000 < rate * 1000
        }
        for i, (words, _) in enumerate(sentences)
    ]


def without_identity(features: list[list[str]], dropped: set[int]) -> list[list[str]]:
    """The token features with the word's own identity (`w=`, `s=`) left out at the positions
    `dropped`: the model learns to tag such tokens as it will meet unseen names."""
    return [
        [f for f in feats if f[:2] not in IDENTITY_FEATURES] if j in dropped else feats
        for j, feats in enumerate(features)
    ]


def train_model(
    sentences: list[Sentence],
    lexicon: dict[str, Any],
    params: dict[str, Any],
    out: Path,
    dropout: tuple[float, int | None] = (0.0, None),
) -> None:
    """Fit one CRF on the sentences and save it to `out` (`dropout`: rate and word count
    limit of `identity_dropouts`)."""
    extractor = build_extractor(lexicon, load_gazetteer(GAZETTEER_FILE))
    trainer = pycrfsuite.Trainer(verbose=False)
    dropped = identity_dropouts(sentences, *dropout) if dropout[0] else []
    for i, (words, tags) in enumerate(sentences):
        features = extractor.sentence_features(words)
        if dropped and dropped[i]:
            features = without_identity(features, dropped[i])
        trainer.append(features, to_bilou(tags))
    trainer.set_params(params)
    trainer.train(str(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--anercorp", type=Path, required=True, help="ANERcorp train.txt")
    parser.add_argument("--uner", type=Path, required=True, help="Universal NER English dev.iob2")
    parser.add_argument("--out", type=Path, default=LEXICON_FILE.parent)
    parser.add_argument(
        "--unlabelled", type=Path, nargs="*", default=[], help="SaudiNewsNet day zips for clusters"
    )
    parser.add_argument("--person-names", type=Path, help="arabnamer dict_FINAL.json")
    parser.add_argument(
        "--text-clusters", action="store_true", help="clusters of the labelled corpora's own text"
    )
    parser.add_argument("--clusters-from", type=Path, help="reuse the clusters of a lexicon.json")
    parser.add_argument("--c1", type=float, default=CRF_PARAMS["c1"])
    parser.add_argument("--c2", type=float, default=CRF_PARAMS["c2"])
    # English and French: `latin_train` (its own features and corpora)
    parser.add_argument("--languages", nargs="*", default=["ar"])
    parser.add_argument("--skip-gazetteer", action="store_true", help="keep the gazetteer file")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    if not args.skip_gazetteer:
        print(f"gazetteer: {build_gazetteer(GAZETTEER_FILE, anercorp=args.anercorp):,} name keys")
        load_gazetteer.cache_clear()
    arabic = read_dataset("anercorp", args.anercorp)
    english = read_dataset("uner", args.uner)
    lexicon = {**build_lexicon(arabic + english), **external_lexicon(args.person_names)}
    if args.clusters_from:
        previous = json.loads(args.clusters_from.read_text(encoding="utf-8"))
        lexicon["cluster_words"] = previous["cluster_words"]
        lexicon["cluster_ids"] = previous["cluster_ids"]
    if args.text_clusters:
        lexicon.update(text_clusters(lexicon, [words for words, _ in arabic + english]))
        print(f"clusters: {len(lexicon['cluster_words']):,} words of the training text")
    if args.unlabelled:
        extractor = build_extractor(lexicon, load_gazetteer(GAZETTEER_FILE))
        texts = (text for path in args.unlabelled for text in saudinewsnet_texts(path))
        unlabelled = [*tokenized(texts), *(words for words, _ in arabic + english)]
        clusters = learn_clusters([extractor.cluster_key(w) for w in s] for s in unlabelled)
        lexicon["cluster_words"] = sorted(clusters)
        lexicon["cluster_ids"] = [clusters[word] for word in lexicon["cluster_words"]]
        print(f"clusters: {len(clusters):,} words from {len(unlabelled):,} unlabelled texts")
    write_lexicon(args.out / LEXICON_FILE.name, lexicon)
    # The crosswalk's multi-word names are a CRF feature (it reads the frequencies just written).
    try:
        entities, keys = build_crosswalk(CROSSWALK_FILE)
    except MissingData as error:
        parser.error(str(error))
    load_crosswalk.cache_clear()
    print(f"crosswalk: {entities:,} persons and organisations, {keys:,} name keys")
    params = {**CRF_PARAMS, "c1": args.c1, "c2": args.c2}
    for language, sentences in (("ar", arabic), ("en", english)):
        if language not in args.languages:
            continue
        language_params = {**params, **LANGUAGE_PARAMS.get(language, {})}
        train_model(sentences, lexicon, language_params, args.out / f"{language}.crfsuite")
        size = (args.out / f"{language}.crfsuite").stat().st_size
        print(f"{language}: {len(sentences):,} sentences, model {size / 1e6:.2f} MB")
    print(f"trained in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
