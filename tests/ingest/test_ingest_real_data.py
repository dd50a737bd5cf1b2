"""SaudiNewsNet: two zipped JSON arrays of real crawler output."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from pipelines.ingest import discover_dumps, open_dump

SAUDINEWSNET = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "saudinewsnet"


def test_saudinewsnet_zips_read_completely() -> None:
    if not SAUDINEWSNET.exists():
        pytest.skip(
            f"real dataset {SAUDINEWSNET} is not here (only in the team's workspace and CI)"
        )
    days = ["2015-07-22.zip/2015-07-22.json", "2015-07-23.zip/2015-07-23.json"]
    found = {s.dump_file: s for s in discover_dumps(SAUDINEWSNET)}
    assert set(days) <= set(found)  # the folder grew to 16 days; these two are enough here
    assert all(s.refusal is None for s in found.values())
    sources = [found[day] for day in days]
    for source in sources:
        with zipfile.ZipFile(source.path) as zf:
            assert source.member is not None
            expected = json.loads(zf.read(source.member))
        reader = open_dump(source)
        assert (reader.format, reader.compression, reader.encoding) == (
            "json_array",
            "none",
            "utf-8",
        )
        records = [r for batch in reader.batches(1000) for r in batch]
        assert len(records) == len(expected)
        assert [r.reject_reason for r in records if r.reject_reason] == []
        assert [r.record_index for r in records] == list(range(len(expected)))
        for record, article in zip(records, expected, strict=True):
            assert record.fields is not None
            assert record.fields["body"] == (
                article["content"] if article["content"].strip() else None
            )
            assert record.fields["source"] == article["source"]
            assert record.fields["url"] == article["url"]
            assert record.fields["published_at_raw"] == article["date_extracted"]
            assert record.fields["extra"] == "{}"
            assert json.loads(record.raw_record) == article
