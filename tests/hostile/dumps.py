"""Hostile dumps: valid records carrying unique tokens mixed with records and files built to
break readers. Shared by the hypothesis fuzz suite and the fixed regression tests."""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import os
import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

SECRET = "OUTSIDESECRETqzx"  # content of files outside the landing folder: must never be read
# Small caps so that "too large" costs kilobytes, not megabytes.
FUZZ_LIMITS = {
    "NEWS_MAX_LINE_BYTES": "20000",
    "NEWS_MAX_RECORD_BYTES": "20000",
    "NEWS_MAX_FIELD_BYTES": "8000",
    "NEWS_MAX_JSON_DEPTH": "64",
}
HOSTILE_RECORDS = (
    "truncated",
    "surrogate",
    "deep",
    "not_object",
    "bad_bytes",
    "huge",
    "big_field",
    "nul",
    "sql",
)
FORMATS = ("jsonl", "json_array", "csv", "txt", "html", "parquet", "binary")
COMPRESSIONS = ("none", "gzip", "zip", "bz2")


@dataclass
class Plan:
    """What a generated landing folder should yield."""

    tokens: set[str] = field(default_factory=set)  # one per valid record: must be loaded
    files: int = 0


def token(dump: int, record: int) -> str:
    return f"tok{dump}x{record}q"


def article(tok: str) -> dict[str, str]:
    body = f"Story {tok} reports that the market rose today. " * 3
    return {"title": f"Title {tok}", "maintext": body, "url": f"https://news.example.org/{tok}"}


def hostile_json(kind: str, rng: random.Random) -> bytes:
    """One hostile JSON record (a line for JSON Lines, an element for an array)."""
    if kind == "truncated":
        return b'{"title": "cut", "maintext": "no end'
    if kind == "surrogate":
        return b'{"title": "bad \\ud800 escape", "maintext": "lone surrogate here"}'
    if kind == "deep":
        depth = rng.choice([70, 1_000, 20_000])
        return b'{"maintext": "deep", "x": ' + b"[" * depth + b"]" * depth + b"}"
    if kind == "not_object":
        return rng.choice([b"42", b'"text"', b"[1, 2]", b"null"])
    if kind == "bad_bytes":
        return b'{"title": "caf\xe9 \xff\xfe", "maintext": "latin-1 bytes"}'
    if kind == "huge":
        return json.dumps({"title": "huge", "maintext": "h" * 50_000}).encode()
    if kind == "big_field":
        return json.dumps({"title": "t" * 9_000, "maintext": "big title"}).encode()
    if kind == "nul":
        return b'{"title": "nul \\u0000 char", "maintext": "\\u0000\\u0001\\u001b"}'
    sql = "'); DROP TABLE core.articles; -- \" OR 1=1"
    return json.dumps({"title": sql, "maintext": sql}).encode()


def jsonl(valid: list[dict[str, str]], hostile: list[bytes], rng: random.Random) -> bytes:
    lines = [json.dumps(v, ensure_ascii=rng.random() < 0.5).encode() for v in valid] + hostile
    rng.shuffle(lines)
    return b"\n".join(lines) + b"\n"


def json_array(valid: list[dict[str, str]], hostile: list[bytes], rng: random.Random) -> bytes:
    # A syntax error ends a JSON document: broken items go last, well-formed hostile ones anywhere.
    broken = [h for h in hostile if h.startswith(b'{"title": "cut"') or b"\xff" in h]
    items = [json.dumps(v).encode() for v in valid] + [h for h in hostile if h not in broken]
    rng.shuffle(items)
    body = b",\n".join(items + broken[:1])
    wrapped = rng.random() < 0.3
    return (b'{"articles": [' if wrapped else b"[") + body + (b"]}" if wrapped else b"]")


def csv_dump(valid: list[dict[str, str]], hostile: list[str], rng: random.Random) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["title", "body", "url"])
    rows = [[v["title"], v["maintext"].replace(",", ""), v["url"]] for v in valid]
    lines = [out.getvalue().rstrip("\n")]
    for row in rows:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(row)
        lines.append(buffer.getvalue().rstrip("\n"))
    # At most one unclosed quote per dump: two in a row can merge a valid row into a bad one.
    bad = {
        "unclosed": 'Bad title,"never closed body,https://news.example.org/bad',
        "wide": "a,b,c,d,e",
        "bytes": "caf\udce9,x,y",
    }
    for kind in hostile:
        lines.insert(rng.randrange(1, len(lines) + 1), bad[kind])
    return ("\n".join(lines) + "\n").encode("utf-8", "surrogateescape")


def html_page(tok: str) -> bytes:
    paragraphs = "".join(
        f"<p>Story {tok} reports that the market rose today, paragraph {n}.</p>" for n in range(4)
    )
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>Title {tok}</title></head>"
        f"<body><article><h1>Title {tok}</h1>{paragraphs}</article></body></html>"
    ).encode()


def parquet(valid: list[dict[str, str]]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(valid), sink)
    return sink.getvalue()


def binary(rng: random.Random) -> bytes:
    kind = rng.choice(["png", "elf", "noise", "7z"])
    if kind == "png":
        return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(200)
    if kind == "elf":
        return b"\x7fELF\x02\x01\x01\x00" + bytes(8) + rng.randbytes(300)
    if kind == "7z":
        return b"7z\xbc\xaf\x27\x1c\x00\x04" + rng.randbytes(300)
    return rng.randbytes(rng.choice([64, 2_000, 20_000]))


def compress(name: str, data: bytes, kind: str, folder: Path) -> None:
    if kind == "gzip":
        (folder / f"{name}.gz").write_bytes(gzip.compress(data))
    elif kind == "bz2":
        (folder / f"{name}.bz2").write_bytes(bz2.compress(data))
    elif kind == "zip":
        with zipfile.ZipFile(folder / f"{name}.zip", "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"inner/{name}", data)
    else:
        (folder / name).write_bytes(data)


def outside_files(root: Path) -> Path:
    """A folder beside the landing folder holding the secret in several shapes."""
    outside = root / "outside"
    outside.mkdir(exist_ok=True)
    (outside / "secret.jsonl").write_text(json.dumps(article(SECRET)) + "\n")
    (outside / "secret.txt").write_text(f"{SECRET} " * 20)
    return outside


def write_links(landing: Path, outside: Path, rng: random.Random) -> int:
    """Symlinks and hard links leading outside, a fifo, an unsafe zip; returns files made."""
    made = 0
    (landing / "passwd.jsonl").symlink_to(outside / "secret.jsonl")
    (landing / "etc_passwd").symlink_to("/etc/passwd")
    (landing / "elsewhere").symlink_to(outside, target_is_directory=True)
    made += 3
    if rng.random() < 0.5:
        os.link(outside / "secret.txt", landing / "hard.txt")
        made += 1
    if rng.random() < 0.5:
        os.mkfifo(landing / "pipe.jsonl")
        made += 1
    with zipfile.ZipFile(landing / "unsafe.zip", "w") as zf:
        zf.writestr("../climb.jsonl", json.dumps(article(SECRET)))
        zf.writestr("/abs/evil.jsonl", json.dumps(article(SECRET)))
    made += 2
    (landing / os.fsdecode(b"caf\xe9 \x01name...jsonl")).write_text(json.dumps(article("oddname")))
    return made + 1


def build_dump(
    landing: Path, index: int, fmt: str, compression: str, hostile: list[str], rng: random.Random
) -> set[str]:
    """Write one dump; returns the tokens of its valid records."""
    count = rng.randint(0, 6)
    tokens = [token(index, r) for r in range(count)]
    valid = [article(t) for t in tokens]
    name = f"dump{index}"
    if fmt == "jsonl":
        data = jsonl(valid, [hostile_json(h, rng) for h in hostile], rng)
    elif fmt == "json_array":
        data = json_array(valid, [hostile_json(h, rng) for h in hostile], rng)
    elif fmt == "csv":
        kinds = ["unclosed", "wide", "bytes"]
        data = csv_dump(valid, [k for k in kinds if rng.random() < 0.4], rng)
    elif fmt == "parquet":
        tokens = tokens or [token(index, 0)]
        data = parquet([article(t) for t in tokens])
    elif fmt == "html":
        tokens = [token(index, 0)]
        data = html_page(tokens[0])
    elif fmt == "txt":
        tokens = [token(index, 0)]
        data = f"Title {tokens[0]}\n\n{article(tokens[0])['maintext']}\n".encode()
    else:
        tokens, data = [], binary(rng)
    suffix = {"json_array": "json", "txt": "txt", "binary": "bin"}.get(fmt, fmt)
    compress(f"{name}.{suffix}", data, compression, landing)
    return set(tokens)
