"""The landing boundary: links, odd files, unsafe zip members and odd names never escape it."""

from __future__ import annotations

import errno
import json
import os
import zipfile
from pathlib import Path

import pytest

from pipelines.ingest import RawRecord, discover_dumps, open_dump
from pipelines.ingest import landing as landing_module
from pipelines.ingest.landing import escape_key, unescape_key
from pipelines.ingest.locate import source_for_key

SECRET = b'{"title": "SECRET", "body": "outside the landing folder", "url": "https://x.org/s"}\n'
GOOD = b'{"title": "ok", "maintext": "A body.", "url": "https://example.org/a"}\n'


def read(source) -> list[RawRecord]:  # type: ignore[no-untyped-def]
    return [r for batch in open_dump(source).batches(100) for r in batch]


@pytest.fixture()
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    landing, outside = tmp_path / "landing", tmp_path / "outside"
    landing.mkdir()
    outside.mkdir()
    (outside / "secret.jsonl").write_bytes(SECRET)
    return landing, outside


def only(landing: Path) -> tuple[str, str, list[RawRecord]]:
    [source] = discover_dumps(landing)
    assert source.refusal is not None
    again = source_for_key(landing, source.dump_file)
    assert again.refusal == source.refusal and again.sha256 == source.sha256
    records = read(source)
    assert all(b"SECRET" not in r.raw_record.encode() for r in records)
    assert [r.reject_reason for r in records] == [source.refusal[0]]
    return source.dump_file, source.refusal[0], records


def test_symlink_outside_is_refused_unread(dirs: tuple[Path, Path]) -> None:
    landing, outside = dirs
    (landing / "passwd.jsonl").symlink_to(outside / "secret.jsonl")
    key, reason, records = only(landing)
    assert (key, reason) == ("passwd.jsonl", "outside_landing")
    assert "secret.jsonl" in (records[0].reject_detail or "")


def test_symlink_to_etc_passwd(tmp_path: Path) -> None:
    (tmp_path / "passwd").symlink_to("/etc/passwd")
    assert only(tmp_path)[1] == "outside_landing"


def test_relative_symlink_climbing_out(dirs: tuple[Path, Path]) -> None:
    landing, _ = dirs
    (landing / "sub").mkdir()
    (landing / "sub" / "x.jsonl").symlink_to("../../outside/secret.jsonl")
    assert only(landing)[:2] == ("sub/x.jsonl", "outside_landing")


def test_symlinked_directory_outside(dirs: tuple[Path, Path]) -> None:
    landing, outside = dirs
    (landing / "elsewhere").symlink_to(outside, target_is_directory=True)
    assert only(landing)[:2] == ("elsewhere", "outside_landing")


def test_symlink_inside_landing_is_read(dirs: tuple[Path, Path]) -> None:
    landing, _ = dirs
    (landing / "real.jsonl").write_bytes(GOOD)
    (landing / "alias.jsonl").symlink_to("real.jsonl")
    sources = discover_dumps(landing)
    assert [s.refusal for s in sources] == [None, None]
    assert len({s.sha256 for s in sources}) == 1
    assert all(read(s)[0].fields for s in sources)


def test_dangling_symlink_and_fifo(dirs: tuple[Path, Path]) -> None:
    landing, _ = dirs
    (landing / "gone.jsonl").symlink_to(landing / "missing.jsonl")
    os.mkfifo(landing / "pipe.jsonl")  # opening it for reading would block forever
    (landing / "to_pipe.jsonl").symlink_to("pipe.jsonl")
    reasons = {s.dump_file: s.refusal and s.refusal[0] for s in discover_dumps(landing)}
    assert reasons == {
        "gone.jsonl": "unreadable_file",
        "pipe.jsonl": "not_regular_file",
        "to_pipe.jsonl": "not_regular_file",
    }


def test_hard_link_to_a_file_outside(dirs: tuple[Path, Path]) -> None:
    landing, outside = dirs
    os.link(outside / "secret.jsonl", landing / "linked.jsonl")
    _key, reason, records = only(landing)
    assert reason == "outside_landing" and "hard link" in (records[0].reject_detail or "")


def test_hard_links_both_inside_are_read(dirs: tuple[Path, Path]) -> None:
    landing, _ = dirs
    (landing / "a.jsonl").write_bytes(GOOD)
    os.link(landing / "a.jsonl", landing / "b.jsonl")
    assert [s.refusal for s in discover_dumps(landing)] == [None, None]


def test_unsafe_zip_members(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "a.zip", "w") as zf:
        zf.writestr("../evil.jsonl", SECRET)
        zf.writestr("/tmp/abs/evil.jsonl", SECRET)
        zf.writestr("ok.jsonl", GOOD)
    sources = {s.dump_file: s for s in discover_dumps(tmp_path)}
    assert set(sources) == {"a.zip/../evil.jsonl", "a.zip//tmp/abs/evil.jsonl", "a.zip/ok.jsonl"}
    for key, source in sources.items():
        again = source_for_key(tmp_path, key)
        assert again.refusal == source.refusal
        records = read(again)
        if key.endswith("ok.jsonl"):
            assert records[0].fields is not None
        else:
            assert [r.reject_reason for r in records] == ["unsafe_archive_member"]


def test_key_cannot_climb_out(dirs: tuple[Path, Path]) -> None:
    landing, _ = dirs
    for key in ("../outside/secret.jsonl", "/etc/passwd", "a/./b", ""):
        with pytest.raises(FileNotFoundError):
            source_for_key(landing, key)


def test_non_utf8_and_control_names_are_kept(tmp_path: Path) -> None:
    raw_names = [b"caf\xe9.jsonl", b"new\nline.jsonl", b"dots...jsonl", b"back\\slash.jsonl"]
    for name in raw_names:
        (tmp_path / os.fsdecode(name)).write_bytes(GOOD)
    sources = discover_dumps(tmp_path)
    keys = {s.dump_file for s in sources}
    assert "caf\\xe9.jsonl" in keys
    for source in sources:
        key = source.dump_file
        key.encode("utf-8")  # valid UTF-8: DuckDB and Dagster accept it
        assert "..." not in key and "\n" not in key
        assert os.fsencode(unescape_key(key)) in raw_names
        assert source_for_key(tmp_path, key).sha256 == source.sha256
        assert read(source)[0].fields is not None


def test_escape_round_trip() -> None:
    for name in ["plain/a.json", "a\\x41", "....", "x\udce9y", "tab\there"]:
        assert unescape_key(escape_key(name)) == name
    assert escape_key("plain/a.json") == "plain/a.json"


def test_unreadable_file_does_not_abort(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked.jsonl").write_bytes(GOOD)
    (tmp_path / "fine.jsonl").write_bytes(GOOD)
    if os.geteuid() != 0:
        (tmp_path / "locked.jsonl").chmod(0)
    else:  # root reads anything: make the open fail as it would for another user
        real_open = os.open

        def fake_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
            if str(path).endswith("locked.jsonl"):
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(path, flags, *args, **kwargs)

        monkeypatch.setattr(landing_module.os, "open", fake_open)
    sources = {s.dump_file: s for s in discover_dumps(tmp_path)}
    assert sources["fine.jsonl"].refusal is None
    assert sources["locked.jsonl"].refusal is not None
    assert sources["locked.jsonl"].refusal[0] == "unreadable_file"
    records = read(sources["locked.jsonl"])
    assert [r.reject_reason for r in records] == ["unreadable_file"]
    assert json.dumps(records[0].reject_detail)  # a readable message
