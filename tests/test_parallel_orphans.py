"""A killed run takes its fork server and map workers with it (they hold ~1 GB each)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="the parent-death signal is Linux only"
)

OWNER = """
import os, sys
from pipelines.parallel import worker_pool

def pid(_):
    return os.getpid()

if __name__ == "__main__":
    pool = worker_pool(2)
    workers = {pool.submit(pid, i).result() for i in range(4)}
    print(" ".join(map(str, sorted(workers))), flush=True)
    sys.stdin.read()  # wait to be killed
"""


def _still_alive(pids: list[int], timeout: float = 20.0) -> list[int]:
    """Those of `pids` still alive (zombies count as gone) after waiting up to `timeout`."""
    deadline = time.monotonic() + timeout
    alive = pids
    while alive and time.monotonic() < deadline:
        time.sleep(0.2)
        alive = [p for p in alive if psutil.pid_exists(p) and not _zombie(p)]
    return alive


def _zombie(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def test_killed_owner_takes_fork_server_and_workers(tmp_path: Path) -> None:
    # SIGKILL: no handler or atexit of the owner runs, only the kernel's parent-death signal.
    script = tmp_path / "owner.py"
    script.write_text(OWNER, encoding="utf-8")
    owner = subprocess.Popen(
        [sys.executable, str(script)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    try:
        assert owner.stdout is not None
        workers = [int(p) for p in owner.stdout.readline().split()]
        assert workers, "the owner mapped nothing"
        fork_server = psutil.Process(workers[0]).ppid()
        assert fork_server != owner.pid
        owner.send_signal(signal.SIGKILL)
        owner.wait(timeout=30)
        assert _still_alive([fork_server, *workers]) == []
    finally:
        owner.kill()
