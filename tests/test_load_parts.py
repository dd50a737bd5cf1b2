"""A dump larger than a merge batch streams in parts: same tables, crash and failure windows."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipelines import cli
from pipelines.staging import runner
from tests.test_load_parallel import contents, counting
from tests.test_pipeline import ARTICLE, write_jsonl

BIG = "big.jsonl"


def story(number: int, **changes: str) -> dict[str, str]:
    """A distinct article (its own URL and words) unless `changes` say otherwise."""
    words = " ".join(f"word{number}x{k}" for k in range(80))
    return (
        dict(
            ARTICLE,
            title=f"Story {number} of the council",
            maintext=f"The council met on Monday about matter {number}. {words}.",
            url=f"https://news.example.com/story/{number}",
        )
        | changes
    )


def big_dump(version: int = 1) -> list[object]:
    """14 records over 7 chunks of 2: the same URL, an exact copy and a near copy in later parts
    than the first sighting, a broken line and an empty body."""
    records: list[object] = [story(n) for n in range(10)]
    records[4] = story(40, url=story(1)["url"])  # same URL as record 1, another text
    records += [
        story(2),  # exact copy of record 2, two parts later
        "{broken",
        story(3, maintext=str(story(3)["maintext"]).replace("x79.", "y79."), url="https://x.org/3"),
        story(11, maintext=" "),
    ]
    if version == 2:
        records = [*records[3:], story(20)]
    return records


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    folder = tmp_path / "landing"
    write_jsonl(folder / BIG, big_dump())
    write_jsonl(folder / "small.jsonl", [story(2), story(30)])
    return folder


@pytest.fixture
def in_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 2 records and merges of 2: the big dump commits in 7 parts."""
    monkeypatch.setenv("NEWS_MAP_CHUNK_RECORDS", "2")
    monkeypatch.setenv("NEWS_MERGE_BATCH_RECORDS", "2")


def whole(landing: Path, warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, list]:
    with monkeypatch.context() as patch:
        patch.setenv("NEWS_MERGE_BATCH_RECORDS", "1000")
        assert cli.run(landing, warehouse) == 0
    return contents(warehouse)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_dump_merged_in_parts_equals_one_transaction_and_reloads(
    landing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: str
) -> None:
    monkeypatch.setenv("NEWS_WORKERS", workers)
    expected = whole(landing, tmp_path / "whole.duckdb", monkeypatch)
    articles, clusters = len(expected["core.articles"]), len(expected["core.clusters"])
    assert (articles, clusters) == (11, 10)  # 16 records: broken, empty, same URL, exact, near
    monkeypatch.setenv("NEWS_MAP_CHUNK_RECORDS", "2")
    monkeypatch.setenv("NEWS_MERGE_BATCH_RECORDS", "2")
    warehouse = tmp_path / "parts.duckdb"
    assert cli.run(landing, warehouse) == 0
    assert contents(warehouse) == expected
    # A new version of the big dump replaces the old one part by part (the versions seen stay).
    write_jsonl(landing / BIG, big_dump(version=2))
    assert cli.run(landing, warehouse) == 0
    reloaded = contents(warehouse)
    expected = whole(landing, tmp_path / "whole2.duckdb", monkeypatch)
    assert len(reloaded.pop("ops.dump_versions")) == len(expected.pop("ops.dump_versions")) + 1
    assert reloaded == expected


def test_a_map_failure_after_parts_were_merged_takes_them_out(
    landing: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    in_parts: None,
) -> None:
    original = runner.map_chunk

    def failing(task: runner.ChunkTask) -> runner.ChunkResult:
        if task.dump_file == BIG and task.chunk_index == 5:
            raise RuntimeError("worker died")
        return original(task)

    warehouse = tmp_path / "w.duckdb"
    monkeypatch.setattr(runner, "map_chunk", failing)
    assert cli.run(landing, warehouse) == 1
    assert "already merged were taken out again" in capsys.readouterr().err
    con = duckdb.connect(str(warehouse), read_only=True)
    assert con.execute("SELECT dump_file FROM ops.dump_files").fetchall() == [("small.jsonl",)]
    for table in ("raw.records", "staging.cleaned_records", "core.article_sightings"):
        query = f"SELECT count(*) FROM {table} WHERE dump_file = $d"
        assert con.execute(query, {"d": BIG}).fetchone() == (0,), table
    con.close()
    assert cli.status(warehouse) == 0  # nothing of the big dump left, the rest reconciles
    monkeypatch.setattr(runner, "map_chunk", original)
    assert cli.run(landing, warehouse) == 0
    assert contents(warehouse) == whole(landing, tmp_path / "whole.duckdb", monkeypatch)


def test_a_crash_between_parts_shows_in_status_and_the_next_run_redoes_the_dump(
    landing: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    in_parts: None,
) -> None:
    expected = whole(landing, tmp_path / "whole.duckdb", monkeypatch)
    with monkeypatch.context() as patch:
        calls = counting(patch, None)
        assert cli.run(landing, tmp_path / "count.duckdb") == 0
    total = calls[0]
    for crash_at in (total // 3, total // 2):
        warehouse = tmp_path / f"crash-{crash_at}.duckdb"
        with monkeypatch.context() as patch:
            counting(patch, crash_at)
            assert cli.run(landing, warehouse) == 1
        capsys.readouterr()
        assert cli.status(warehouse) == 1
        assert f"{BIG} PARTLY LOADED" in " ".join(capsys.readouterr().out.split())
        assert cli.run(landing, warehouse) == 0  # no --force: the unrecorded dump is redone
        assert contents(warehouse) == expected, f"after a crash at merge call {crash_at}"


def test_a_merge_over_its_memory_limit_is_rolled_back_and_redone_with_more(
    landing: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    monkeypatch.setenv("NEWS_WORKERS", "1")
    expected = whole(landing, tmp_path / "whole.duckdb", monkeypatch)
    capsys.readouterr()
    monkeypatch.setenv("NEWS_MERGE_MEMORY_LIMIT", "2MB")  # too little for any merge
    warehouse = tmp_path / "tight.duckdb"
    assert cli.run(landing, warehouse) == 0
    assert "ran out of DuckDB memory" in capsys.readouterr().out
    assert contents(warehouse) == expected
