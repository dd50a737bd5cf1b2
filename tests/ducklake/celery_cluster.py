"""A Redis broker and Celery workers on this machine, for the Celery executor test."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import PROJECT_DIR
from tests.ducklake.pg_cluster import free_port


@contextmanager
def redis_server(folder: Path) -> Iterator[str]:
    """A throwaway Redis (no persistence) on a free port: its URL."""
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    server = subprocess.Popen(
        [*command, "--appendonly", "no", "--dir", str(folder)], stdout=subprocess.DEVNULL
    )
    try:
        url = f"redis://127.0.0.1:{port}"
        _wait_for(lambda: _redis_ping(url), "redis-server did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextmanager
def celery_workers(
    count: int, broker: str, config_dir: Path, env: dict[str, str]
) -> Iterator[list[subprocess.Popen[bytes]]]:
    """`count` dagster-celery workers, one step at a time each (solo pool: the step runs in the
    worker's own process), configured as `dagster-celery worker start -y` would configure them."""
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "dagster_celery_config.py").write_text(
        f"broker_url = {broker + '/0'!r}\nresult_backend = {broker + '/1'!r}\n", encoding="utf-8"
    )
    pythonpath = os.pathsep.join([str(config_dir), str(PROJECT_DIR)])
    celery = str(Path(sys.executable).parent / "celery")
    workers = [
        subprocess.Popen(
            [
                celery,
                "-A",
                "dagster_celery.app",
                "worker",
                "--prefetch-multiplier=1",
                "--pool",
                "solo",
                "--loglevel",
                "WARNING",
                "-n",
                f"news-{index}@%h",
            ],
            cwd=PROJECT_DIR,
            env={**env, "PYTHONPATH": pythonpath},
            stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        for index in range(count)
    ]
    try:
        yield workers
    finally:
        for worker in workers:
            os.killpg(worker.pid, signal.SIGTERM)
        for worker in workers:
            worker.wait(timeout=60)


def _redis_ping(url: str) -> bool:
    import redis

    try:
        return bool(redis.Redis.from_url(url).ping())
    except redis.ConnectionError:
        return False


def _wait_for(ready, message: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if time.monotonic() > deadline:
            raise TimeoutError(message)
        time.sleep(0.1)


def have_redis() -> bool:
    return shutil.which("redis-server") is not None
