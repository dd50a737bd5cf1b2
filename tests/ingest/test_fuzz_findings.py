"""Cases the fuzz suite (tests/hostile) found, kept as fixed regression tests."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable

import pytest

from pipelines.ingest import DumpSource, RawRecord, open_dump


def rec(i: int) -> str:
    return json.dumps({"title": f"T{i}", "maintext": f"Body {i}.", "url": f"https://x.org/{i}"})


VALID = ",\n".join(rec(i) for i in range(3))
CASES = {
    # (name, data): (format, accepted records)
    "wrapped_truncated_last": ('{"articles": [' + VALID + ',\n{"title": "cut', "json_array", 3),
    "array_starting_with_number": ("[42,\n" + VALID + "]", "json_array", 3),
    "array_starting_with_string": ('["text",\n' + VALID + "]", "json_array", 3),
    "one_line_wrapper": ('{"articles": [' + VALID.replace("\n", "") + "]}", "json_array", 3),
    "jsonl_first_null": ("null\n" + VALID.replace(",\n", "\n") + "\n", "jsonl", 3),
    "jsonl_first_array": ("[1, 2]\n" + VALID.replace(",\n", "\n") + "\n", "jsonl", 3),
    "jsonl_first_cut": ('{"title": "cut\n' + VALID.replace(",\n", "\n") + "\n", "jsonl", 3),
    "jsonl_first_deep": ("[" * 5000 + "]" * 5000 + "\n" + VALID.replace(",\n", "\n"), "jsonl", 3),
    # puremagic matches b"text" at byte 73 as OpenDocument: not a signature at the start.
    "odt_false_positive": (
        '{"title": "caf\\u00e9", "maintext": "latin-1 bytes"}\n{"title": "huge", "maintext": "'
        + "h" * 100
        + '"}\n'
        + rec(0),
        "jsonl",
        3,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_detection_keeps_the_records(
    case: str, make_dump: Callable[..., DumpSource], read_all: Callable[..., list[RawRecord]]
) -> None:
    text, fmt, accepted = CASES[case]
    source = make_dump(f"{case}.dat", text.encode())
    assert open_dump(source).format == fmt
    records = read_all(source)
    assert sum(not r.rejected for r in records) == accepted, Counter(
        r.reject_reason for r in records
    )


def test_lone_carriage_return_in_a_header_line(
    make_dump: Callable[..., DumpSource], read_all: Callable[..., list[RawRecord]]
) -> None:
    source = make_dump("cr.csv", b"title,bo\rdy,url\nA,B,https://x.org/a\n")
    assert read_all(source)  # read somehow; never raises
