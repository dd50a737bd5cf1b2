"""What reaches analysts is written so that other local users cannot change it."""

from __future__ import annotations

import contextlib
import fcntl
import os
import stat
from collections.abc import Iterator
from pathlib import Path

GROUP_WORLD_WRITE = stat.S_IWGRP | stat.S_IWOTH


def restrict(path: Path, *, recursive: bool = False) -> None:
    """Drop group and world write from path (and, recursively, everything under it).

    Done explicitly rather than through the umask: a umask of 002 is common on shared hosts
    and the process-wide umask is not ours to change.
    """
    paths = [path]
    if recursive and path.is_dir():
        paths += [Path(root) / name for root, dirs, files in os.walk(path) for name in dirs + files]
    for item in paths:
        with contextlib.suppress(FileNotFoundError):
            mode = item.lstat().st_mode
            if not stat.S_ISLNK(mode) and mode & GROUP_WORLD_WRITE:
                item.chmod(stat.S_IMODE(mode) & ~GROUP_WORLD_WRITE)


@contextlib.contextmanager
def exclusive(lock_file: Path) -> Iterator[None]:
    """Hold an exclusive flock on lock_file: one publication into a folder at a time."""
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # releases the lock
