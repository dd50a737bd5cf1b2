"""Check that `make model` rebuilds the committed models (`make model-check`, about 25 CPU-s).

    python -m pipelines.enrich.entities.build.reproduce --shared ../shared/data

Rebuilds the gazetteer, the crosswalk and the three word lists into a scratch folder, each from
the committed files it reads (as `make model` runs them), and compares their SHA-256 with the
committed ones; the CRFs take minutes to train, so only a full `make model` (then `git status`)
checks them. The installed versions of the build's inputs must be those pinned in
`requirements.txt` beside this file: other babel releases name places differently.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import tempfile
from pathlib import Path

from pipelines.enrich.entities.build.corpus import read_dataset
from pipelines.enrich.entities.build.crosswalk_build import build_crosswalk
from pipelines.enrich.entities.build.gazetteer_build import build_gazetteer
from pipelines.enrich.entities.build.latin_train import corpus_texts, language_corpora
from pipelines.enrich.entities.build.latin_train import write_lexicon as write_latin_lexicon
from pipelines.enrich.entities.build.train import build_lexicon, external_lexicon, write_lexicon
from pipelines.enrich.entities.names.gazetteer import MODELS_DIR

REQUIREMENTS_FILE = Path(__file__).with_name("requirements.txt")
# The committed files rebuilt here, in build order.
REBUILT = (
    "gazetteer.tsv.gz", "lexicon.json", "crosswalk.tsv.gz", "en.lexicon.json", "fr.lexicon.json"
)  # fmt: skip


def pinned_versions(path: Path = REQUIREMENTS_FILE) -> dict[str, str]:
    """Package → version of the `name==version` lines of a requirements file."""
    pins: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        requirement = line.split("#")[0].strip()
        if requirement:
            name, version = requirement.split("==")
            pins[name.strip()] = version.strip()
    return pins


def version_mismatches(pins: dict[str, str]) -> list[str]:
    """`name: installed X, pinned Y` (or `not installed`) for each pin the environment breaks."""
    found: list[str] = []
    for name, version in pins.items():
        try:
            installed = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name}: not installed, pinned {version}")
            continue
        if installed != version:
            found.append(f"{name}: installed {installed}, pinned {version}")
    return found


def rebuild(out: Path, shared: Path) -> None:
    """Write the files of `REBUILT` into `out` from the shared corpora and installed packages."""
    anercorp = shared / "anercorp/train.txt"
    build_gazetteer(out / "gazetteer.tsv.gz", anercorp=anercorp)
    sentences = read_dataset("anercorp", anercorp) + read_dataset(
        "uner", shared / "uner_english_ewt/dev.iob2"
    )
    write_lexicon(
        out / "lexicon.json", {**build_lexicon(sentences), **external_lexicon(verbose=False)}
    )
    build_crosswalk(out / "crosswalk.tsv.gz")
    for language in ("en", "fr"):
        write_latin_lexicon(language, out, corpus_texts(language_corpora(language, shared)))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def differing(out: Path, committed: Path = MODELS_DIR) -> list[str]:
    """The names of `REBUILT` whose rebuilt file in `out` differs from the committed one."""
    return [name for name in REBUILT if sha256(out / name) != sha256(committed / name)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, required=True, help="the shared data folder")
    args = parser.parse_args(argv)
    mismatches = version_mismatches(pinned_versions())
    for mismatch in mismatches:
        print(f"not the pinned build input: {mismatch} (make model-deps installs the pins)")
    with tempfile.TemporaryDirectory() as scratch:
        rebuild(Path(scratch), args.shared)
        different = differing(Path(scratch))
        for name in REBUILT:
            verdict = "DIFFERS" if name in different else "identical"
            print(f"{name}: {verdict} ({sha256(Path(scratch) / name)[:16]})")
    return 1 if mismatches or different else 0


if __name__ == "__main__":
    raise SystemExit(main())
