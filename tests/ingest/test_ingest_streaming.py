"""Memory stays flat with dump size; batches respect batch_size."""

from __future__ import annotations

import json
import os
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from pipelines.ingest import DumpSource, open_dump

MakeDump = Callable[..., DumpSource]

LINE = '{"title": "t%d", "text": "body of the article %d", "url": "http://x/%d"}\n'


def jsonl_dump(landing: Path, lines: int) -> DumpSource:
    path = landing / f"big_{lines}.jsonl"
    with path.open("w") as handle:
        handle.writelines(LINE % (i, i, i) for i in range(lines))
    return DumpSource(path.name, path, None, "", path.stat().st_size)


def traced_peak(source: DumpSource, batch_size: int) -> tuple[int, int, int]:
    """(records, largest batch, tracemalloc peak in bytes) while reading the dump."""
    count = largest = 0
    tracemalloc.start()
    try:
        for batch in open_dump(source).batches(batch_size):
            count += len(batch)
            largest = max(largest, len(batch))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return count, largest, peak


def rss_bytes() -> int | None:
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        return None


def test_jsonl_200k_lines_in_bounded_batches(landing: Path) -> None:
    source = jsonl_dump(landing, 200_000)
    # tracemalloc would slow 200k records down ~5x: resident memory is sampled instead.
    start = rss_bytes()
    growth = count = 0
    for batch in open_dump(source).batches(1000):
        assert len(batch) <= 1000
        assert batch[0].record_index == count
        count += len(batch)
        now = rss_bytes()
        if start is not None and now is not None:
            growth = max(growth, now - start)
    assert count == 200_000
    assert growth < source.bytes / 4, f"RSS grew {growth} bytes for a {source.bytes} byte dump"


def test_jsonl_tracemalloc_peak_does_not_grow_with_size(landing: Path) -> None:
    small, large = jsonl_dump(landing, 5_000), jsonl_dump(landing, 25_000)
    small_count, small_largest, small_peak = traced_peak(small, 1000)
    large_count, large_largest, large_peak = traced_peak(large, 1000)
    assert (small_count, large_count, small_largest, large_largest) == (5_000, 25_000, 1000, 1000)
    assert large_peak < small_peak * 1.3 + 262_144, (small_peak, large_peak)


def test_json_array_and_text_list_peaks_are_flat(make_dump: MakeDump) -> None:
    peaks = []
    for n in (3_000, 15_000):
        articles = [{"title": f"t{i}", "content": "نص " * 20} for i in range(n)]
        data = json.dumps(articles, ensure_ascii=False).encode()
        count, largest, peak = traced_peak(make_dump(f"a{n}.json", data, "gzip"), 500)
        assert (count, largest) == (n, 500)
        peaks.append(peak)
    assert peaks[1] < peaks[0] * 1.3 + 262_144, peaks

    peaks = []
    for n in (3_000, 15_000):
        texts = [f'article {i} it\'s "quoted"\n' + "x" * 100 for i in range(n)]
        count, largest, peak = traced_peak(
            make_dump(f"l{n}.txt", repr(texts).encode(), "zstd"), 500
        )
        assert (count, largest) == (n, 500)
        peaks.append(peak)
    assert peaks[1] < peaks[0] * 1.3 + 262_144, peaks
