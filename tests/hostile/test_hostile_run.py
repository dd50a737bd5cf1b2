"""Issue 19's hostile files, fixed, through `news-warehouse run` with publication.

Every case ends in ops.dump_files, every dump reconciles, the valid records are loaded, the
run exits 0 and publishes, and nothing from outside the landing folder reaches the snapshot.
"""

from __future__ import annotations

import csv
import errno
import gzip
import io
import json
import os
import random
import stat
import zipfile
from pathlib import Path

import duckdb
import pytest

from pipelines import cli
from pipelines.ingest import landing as landing_module
from pipelines.publish.permissions import GROUP_WORLD_WRITE

SECRET = "OUTSIDESECRETqzx"


def article(key: str, published: str | None = "2025-04-28 07:41:00") -> dict[str, str | None]:
    return {
        "title": f"Title {key}",
        "maintext": f"Story {key}: officials in Russia and France met in Paris today. " * 3,
        "url": f"https://news.example.org/{key}",
        "date_publish": published,
    }


def lines(records: list[str]) -> bytes:
    return ("\n".join(records) + "\n").encode()


def build(root: Path) -> Path:
    landing, outside = root / "landing", root / "outside"
    landing.mkdir()
    outside.mkdir()
    (outside / "secret.jsonl").write_text(json.dumps(article(SECRET)) + "\n")
    (landing / "passwd.jsonl").symlink_to("/etc/passwd")
    (landing / "secret.jsonl").symlink_to(outside / "secret.jsonl")
    os.link(outside / "secret.jsonl", landing / "hardlink.jsonl")
    (landing / "noise.jsonl").write_bytes(random.Random(19).randbytes(20_000))
    (landing / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300))
    surrogate = [json.dumps(article(f"s{i}")) for i in range(41)]
    surrogate[20] = '{"title": "bad \\ud800", "maintext": "lone surrogate escape"}'
    (landing / "surrogate.jsonl").write_bytes(lines(surrogate))
    items = [json.dumps(article(f"d{i}")) for i in range(101)]
    items[50] = '{"maintext": "deep", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    (landing / "deep.json").write_text("[" + ",\n".join(items) + "]")
    table = io.StringIO()
    writer = csv.writer(table, lineterminator="\n")
    writer.writerow(["title", "body", "url", "published"])
    for i in range(300):
        a = article(f"c{i}")
        writer.writerow([a["title"], a["maintext"], a["url"], a["date_publish"]])
    rows = table.getvalue().splitlines()
    rows[200] = 'Broken,"never closed,https://news.example.org/broken,2025-04-28'
    (landing / "unclosed.csv").write_text("\n".join(rows) + "\n")
    with zipfile.ZipFile(landing / "archive.zip", "w") as zf:
        zf.writestr("../climb.jsonl", json.dumps(article(SECRET)))
        zf.writestr("/tmp/abs/evil.jsonl", json.dumps(article(SECRET)))
        zf.writestr("fine.jsonl", json.dumps(article("zipfine")))
    (landing / os.fsdecode(b"caf\xe9.jsonl")).write_text(json.dumps(article("oddname")))
    (landing / "locked.jsonl").write_text(json.dumps(article("locked")))
    dated = [json.dumps(article(f"old{i}", "1900-01-01")) for i in range(24)]
    dated += [json.dumps(article(f"new{i}")) for i in range(6)]
    (landing / "dated.jsonl").write_bytes(lines(dated))
    huge = gzip.compress(b'{"title": "huge", "maintext": "' + b"h" * (9 << 20) + b'"}\n')
    (landing / "huge.jsonl.gz").write_bytes(huge + gzip.compress(lines([json.dumps(article("h"))])))
    return landing


EXPECTED = {  # dump_file: (records_read, loaded, {reason: count})
    "passwd.jsonl": (1, 0, {"outside_landing": 1}),
    "secret.jsonl": (1, 0, {"outside_landing": 1}),
    "hardlink.jsonl": (1, 0, {"outside_landing": 1}),
    "noise.jsonl": (1, 0, {"not_text": 1}),
    "picture.png": (1, 0, {"not_text": 1}),
    "surrogate.jsonl": (41, 40, {"bad_encoding": 1}),
    "deep.json": (101, 100, {"nested_too_deep": 1}),
    "unclosed.csv": (300, 299, {"unclosed_quote": 1}),
    "archive.zip/../climb.jsonl": (1, 0, {"unsafe_archive_member": 1}),
    "archive.zip//tmp/abs/evil.jsonl": (1, 0, {"unsafe_archive_member": 1}),
    "archive.zip/fine.jsonl": (1, 1, {}),
    "caf\\xe9.jsonl": (1, 1, {}),
    "locked.jsonl": (1, 0, {"unreadable_file": 1}),
    "dated.jsonl": (30, 6, {"invalid_published_at": 24}),
    "huge.jsonl.gz": (2, 1, {"record_too_large": 1}),
}


def test_hostile_landing_runs_publishes_and_reconciles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    landing = build(tmp_path)
    real_open = os.open

    def deny_locked(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(path).endswith("locked.jsonl"):  # as a file of another user, mode 000
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(landing_module.os, "open", deny_locked)
    warehouse, publish = tmp_path / "news.duckdb", tmp_path / "published"
    argv = ["run", "--landing", str(landing), "--warehouse", str(warehouse)]
    assert cli.main([*argv, "--publish", str(publish)]) == 0
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = con.sql(
            "SELECT dump_file, records_read, records_loaded, rejected_by_reason, is_reconciled "
            "FROM marts.dump_reconciliation"
        ).fetchall()
    finally:
        con.close()
    found = {d: (read, loaded, dict(reasons or {})) for d, read, loaded, reasons, _ in rows}
    assert found == EXPECTED
    assert all(ok for *_, ok in rows)
    snapshot = duckdb.connect(str(publish / "news.duckdb"), read_only=True)
    try:
        text = snapshot.sql("SELECT string_agg(title || body, ' ') FROM core.articles").fetchone()
    finally:
        snapshot.close()
    assert text is not None and SECRET not in str(text[0]) and "root:x:0:0" not in str(text[0])
    for path in [publish, *publish.rglob("*")]:
        if not path.is_symlink():
            assert not stat.S_IMODE(path.stat().st_mode) & GROUP_WORLD_WRITE, path
    assert cli.main([*argv, "--publish", str(publish)]) == 0  # a second run changes nothing
