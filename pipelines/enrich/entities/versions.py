"""What an article's entities depend on, so a change re-enriches only the articles it affects.

Mentions carry `model_version` (per language: the CRF model, lexicon, gazetteer and crosswalk;
languages without a tagger: the gazetteer alone). The extraction code is versioned beside it by a
digest of this package's source files and the person/organisation crosswalk: a new rule or name
table changes the output as surely as a new model. An article's enrichment is current when both
versions and its text are those recorded in `core.entity_enrichments`.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from pipelines.enrich.entities.names.gazetteer import GAZETTEER_FILE, MODELS_DIR

PACKAGE_DIR = Path(__file__).resolve().parent
TAGGER_LANGUAGES = ("ar", "en", "fr")
LEXICON_FILE = MODELS_DIR / "lexicon.json"
CROSSWALK_FILE = MODELS_DIR / "crosswalk.tsv.gz"


def language_lexicon_file(language: str, models_dir: Path = MODELS_DIR) -> Path:
    """The word lists a Latin-script model (English, French) was trained with, beside it."""
    return models_dir / f"{language}.lexicon.json"


def digest(*paths: Path) -> str:
    """First 10 hex digits of the SHA-256 of the files' bytes, in the given order."""
    found = hashlib.sha256()
    for path in paths:
        found.update(path.read_bytes())
    return found.hexdigest()[:10]


@cache
def tagger_version(language: str, models_dir: Path = MODELS_DIR) -> str | None:
    """`crf-<language>-<digest of model, lexicon, gazetteer, crosswalk>`, or None without a
    model; read once per process, like the model `tagger.load_tagger` loads."""
    model = models_dir / f"{language}.crfsuite"
    if not model.exists():
        return None
    files = [model, models_dir / LEXICON_FILE.name, models_dir / GAZETTEER_FILE.name]
    own_lexicon = language_lexicon_file(language, models_dir)  # Latin-script models' word lists
    files += [own_lexicon] if own_lexicon.exists() else []
    crosswalk = models_dir / CROSSWALK_FILE.name  # its multi-word names are a CRF feature
    files += [crosswalk] if crosswalk.exists() else []
    return f"crf-{language}-{digest(*files)}"


@cache
def gazetteer_version() -> str:
    """The model version of mentions in languages without a tagger: the gazetteer, and the
    lexicon whose stoplist and known words the matcher reads."""
    return f"gazetteer-{digest(GAZETTEER_FILE, LEXICON_FILE)}"


# The subpackage only `make model` runs: editing it changes no mention.
BUILD_PACKAGE = "build"


def extraction_sources() -> list[Path]:
    """The package's modules but the build-only ones, sorted by path."""
    return sorted(
        path
        for path in PACKAGE_DIR.rglob("*.py")
        if path.relative_to(PACKAGE_DIR).parts[0] != BUILD_PACKAGE
    )


@cache
def code_version() -> str:
    """Digest of the extraction code (`extraction_sources`) and of the name table every
    language links persons and organisations through, when present (paths relative to the
    package and contents, in order)."""
    found = hashlib.sha256()
    files = extraction_sources()
    if CROSSWALK_FILE.exists():
        files.append(CROSSWALK_FILE)
    for path in files:
        found.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return found.hexdigest()[:10]


def current_versions() -> dict[str, object]:
    """Bound parameters naming the versions an up-to-date enrichment has: model versions by
    tagger language, the version for every other language, and the code version."""
    languages = [lang for lang in TAGGER_LANGUAGES if tagger_version(lang) is not None]
    return {
        "tagger_languages": languages,
        "tagger_versions": [tagger_version(lang) for lang in languages],
        "default_version": gazetteer_version(),
        "code_version": code_version(),
    }


def enrichment_version() -> str:
    """One string for all of it (Dagster's `code_version` of the entity asset, so the UI marks
    partitions enriched with another model or code as stale)."""
    models = [version for lang in TAGGER_LANGUAGES if (version := tagger_version(lang))]
    return "+".join([*models, gazetteer_version(), f"code-{code_version()}"])
