"""Serialized lists of article strings (Python repr or JSON style)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from pipelines.ingest import DumpSource, RawRecord, open_dump
from pipelines.ingest.text_formats import decode_literal

MakeDump = Callable[..., DumpSource]
ReadAll = Callable[..., list[RawRecord]]

TRICKY = [
    "plain",
    "it's got an apostrophe",
    "both ' and \" quotes",
    "line one\nline two\r\n\ttabbed",
    "back\\slash at the end \\",
    "عربي مع 'اقتباس' و \"آخر\"",
    "emoji 😀 and \x00 nul",
    "",
]


def bodies(name: str, data: bytes, make_dump: MakeDump, read_all: ReadAll) -> list[str | None]:
    source = make_dump(name, data)
    assert open_dump(source).format == "text_list"
    records = read_all(source)
    assert [r.reject_reason for r in records] == [None] * len(records)
    assert [r.record_locator for r in records] == [f"index:{i}" for i in range(len(records))]
    return [r.fields["body"] if r.fields else None for r in records]


def expected(values: list[str]) -> list[str | None]:
    return [v if v.strip() else None for v in values]


def test_python_repr_list(make_dump: MakeDump, read_all: ReadAll) -> None:
    assert bodies("list.txt", repr(TRICKY).encode(), make_dump, read_all) == expected(TRICKY)


@pytest.mark.parametrize("ascii_only", [True, False])
def test_json_style_list(make_dump: MakeDump, ascii_only: bool, read_all: ReadAll) -> None:
    data = json.dumps(TRICKY, ensure_ascii=ascii_only).encode()
    assert bodies("list.json", data, make_dump, read_all) == expected(TRICKY)


def test_python2_prefixes_and_lenient_raw_newlines(make_dump: MakeDump, read_all: ReadAll) -> None:
    data = b"[u'first', U\"second\", 'raw\nnewline']"
    assert bodies("list.txt", data, make_dump, read_all) == ["first", "second", "raw\nnewline"]


def test_raw_record_is_the_article_text(make_dump: MakeDump, read_all: ReadAll) -> None:
    records = read_all(make_dump("list.txt", repr(["a\\b", "c"]).encode()))
    assert [r.raw_record for r in records] == ["a\\b", "c"]


def test_literals_across_chunk_boundaries(make_dump: MakeDump, read_all: ReadAll) -> None:
    values = [("x" * (i % 977)) + "\\" * (i % 3) + "'\"" + "ن" * (i % 13) for i in range(700)]
    data = repr(values).encode()
    assert len(data) > 3 * 65536
    assert bodies("big_list.txt", data, make_dump, read_all) == values


@pytest.mark.parametrize(
    "text",
    [
        "['Title of one article\n\nIts body, with a raw newline.', ",
        "['only one article without the end",
        "[ not a list at all",
        "Title\n\nbody text', '",
    ],
)
def test_single_articles_with_list_artefacts_stay_whole(
    make_dump: MakeDump, text: str, read_all: ReadAll
) -> None:
    source = make_dump("article.txt", text.encode())
    assert open_dump(source).format == "text"
    [record] = read_all(source)
    assert record.fields is not None and record.fields["body"] == text


def test_empty_list_and_trailing_data(make_dump: MakeDump, read_all: ReadAll) -> None:
    assert read_all(make_dump("empty_list.txt", b"[ ]")) == []
    records = read_all(make_dump("trailing.txt", b"['a', 'b'] junk"))
    assert [r.reject_reason for r in records] == [None, None, "unparseable_literal"]
    assert records[2].raw_record == "junk"


def test_decode_literal() -> None:
    assert decode_literal("'a\\nb'") == "a\nb"
    assert decode_literal('"\\u0627\\ud83d\\ude00"') == "ا😀"
    assert decode_literal("b'bytes'") == "bytes"
    with pytest.raises(ValueError):
        decode_literal("'\\N{NOPE}'")
