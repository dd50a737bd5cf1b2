"""One pool of worker processes for the pure-Python stages, and an ordered map over it.

HTML extraction and the per-dump map (cleaning, date and entity extraction) are Python bound by
the GIL. They share one pool of worker processes per worker count, created on first need and
kept for the life of the process. Workers are forked from a fork server (never from this
process: it holds a DuckDB connection and Dagster threads) that imported the map's code and
loaded its models once (pipelines/staging/preload.py), so workers start at once and share the
models' memory. A pool whose worker died (the OOM killer, a crash in a C library) is dropped,
so only the stage that saw it fails.
"""

from __future__ import annotations

import atexit
import importlib.abc
import multiprocessing
import multiprocessing.forkserver
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


PRELOAD = ["pipelines.staging.preload"]
# Read by the fork server's preload: set only while the owning process's main thread starts it.
DIE_WITH_PARENT_ENV = "NEWS_FORKSERVER_DIES_WITH_PARENT"
_PR_SET_PDEATHSIG = 1
# pyarrow imports pandas (~45 MB a worker) on its first array, only to tell whether values are
# pandas objects; nothing a worker runs uses pandas, so workers have it unavailable instead.
NOT_IN_WORKERS = ("pandas",)


def spawn_pool(workers: int) -> ProcessPoolExecutor:
    """A new pool of worker processes forked from the preloaded fork server, one BLAS thread
    each."""
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=_fork_context(), initializer=start_worker
    )


def prestart_workers() -> None:
    """Start the fork server now, so its preload (imports, entity models: seconds of one core)
    overlaps whatever this process does before its first parallel stage. Started from the main
    thread, it exits when this process dies, killed or not (its workers with it)."""
    _fork_context()
    on_main_thread = threading.current_thread() is threading.main_thread()
    if on_main_thread:
        os.environ[DIE_WITH_PARENT_ENV] = "1"
    try:
        multiprocessing.forkserver.ensure_running()
    finally:
        if on_main_thread:
            os.environ.pop(DIE_WITH_PARENT_ENV, None)


def start_worker() -> None:
    """Each pool worker's start: it dies with its parent, and `NOT_IN_WORKERS` cannot load."""
    die_with_parent()
    sys.meta_path.insert(0, _Unavailable())


class _Unavailable(importlib.abc.MetaPathFinder):
    """Importing a module of `NOT_IN_WORKERS` raises ModuleNotFoundError, as if not installed."""

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if name.partition(".")[0] in NOT_IN_WORKERS:
            raise ModuleNotFoundError(f"{name} is not loaded in map workers", name=name)


def die_with_parent() -> None:
    """Have the kernel send this process SIGTERM when the thread that forked it ends (Linux).

    A killed run's workers and fork server otherwise live on, re-parented to init, with their
    models and word caches (about 1 GB each). The signal follows the forking *thread*, so the
    fork server asks for it only when the owner's main thread started it; a worker's parent is
    the single-threaded fork server."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    parent = os.getppid()
    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _fork_context() -> multiprocessing.context.ForkServerContext:
    # The workers' numeric code is small per call; with one worker per core, more BLAS threads
    # would only compete (the fork server and its workers inherit these settings).
    for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


_POOLS: dict[int, ProcessPoolExecutor] = {}


def worker_pool(workers: int) -> ProcessPoolExecutor:
    """The process's shared pool of `workers` processes, shut down at exit."""
    if workers not in _POOLS:
        prestart_workers()  # on a main thread, a fork server that dies with this process
        _POOLS[workers] = pool = spawn_pool(workers)
        atexit.register(pool.shutdown, cancel_futures=True)
    return _POOLS[workers]


def stop_workers() -> None:
    """Stop the shared pools' workers once no stage needs them for a while (each holds hundreds
    of MB of word caches); a later parallel stage forks new ones from the fork server."""
    while _POOLS:
        _POOLS.popitem()[1].shutdown(wait=True, cancel_futures=True)


def ordered_map(
    function: Callable[[Item], Result], items: Iterable[Item], workers: int
) -> Iterator[Result]:
    """`function(item)` for every item, in input order: in this process when `workers` <= 1,
    else on the shared pool with at most 2 × workers items in flight (memory stays flat however
    long the input is). `function` must be picklable: a module-level function or a partial."""
    if workers <= 1:
        yield from map(function, items)
        return
    pool = worker_pool(workers)
    in_flight: deque[Future[Result]] = deque()
    try:
        for item in items:
            in_flight.append(pool.submit(function, item))
            if len(in_flight) >= 2 * workers:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
    except BrokenProcessPool:
        _POOLS.pop(workers, None)  # the next stage gets a new pool
        raise
