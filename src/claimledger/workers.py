"""Worker processes that die with their parent, and an ordered map over them.

A worker must never outlive the claimledger process that started it: a SIGKILLed ``ingest
--workers 2`` used to leave both workers running. On Linux the kernel kills a worker when its
parent dies (``prctl(PR_SET_PDEATHSIG, SIGKILL)``); elsewhere, and as a fallback, a watchdog
thread in each worker checks every half second that its parent is still the same process.

When the parent stops early (Ctrl-C, SIGTERM, an error) the workers are killed at once rather than
left to finish their chunks. When a worker dies (the out-of-memory killer, a SIGKILL) the pool
is broken: the map stops with a :class:`WorkerError` naming the items that were in flight; what
it yielded before stays valid.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.process import BaseProcess
from typing import TypeVar

from claimledger.errors import WorkerError
from claimledger.interrupts import deferred, in_worker

T = TypeVar("T")
R = TypeVar("R")
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_SECONDS = 0.5
IN_FLIGHT_PER_WORKER = 2  # chunks queued per worker: keeps them busy, bounds memory
DEATH_WAIT = 2.0  # seconds to wait for a broken pool's processes to be reaped
NAMED = 5  # items named in a WorkerError; the rest are counted


def ordered_map(
    fn: Callable[[Sequence[T]], R],
    chunks: Iterable[Sequence[T]],
    workers: int,
    describe: Callable[[T], str],
) -> Iterator[R]:
    """``fn`` of each chunk, in order, computed by ``workers`` processes that die with us."""
    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=_start_worker, initargs=(os.getpid(),)
    )
    pending: deque[tuple[Sequence[T], Future[R]]] = deque()
    todo = iter(chunks)
    processes: list[BaseProcess] = []
    finished = False
    try:
        while True:
            try:  # a dead worker breaks the pool: submit or result then raise
                _submit(pool, fn, todo, pending, workers * IN_FLIGHT_PER_WORKER)
                processes = processes or list((pool._processes or {}).values())  # how one died
                if not pending:
                    break
                result = pending[0][1].result()
            except BrokenProcessPool:
                raise WorkerError(_died(processes, pending, describe)) from None
            pending.popleft()
            yield result
        finished = True
    finally:
        _stop(pool, processes, kill=not finished)


def _submit(
    pool: ProcessPoolExecutor,
    fn: Callable[[Sequence[T]], R],
    todo: Iterator[Sequence[T]],
    pending: deque[tuple[Sequence[T], Future[R]]],
    limit: int,
) -> None:
    """Queue chunks up to ``limit``; with signals deferred, as a submit may fork workers."""
    with deferred():
        while len(pending) < limit:
            chunk = next(todo, None)
            if chunk is None:
                return
            pending.append((chunk, pool.submit(fn, chunk)))


def _stop(pool: ProcessPoolExecutor, processes: Sequence[BaseProcess], kill: bool) -> None:
    """Shut the pool down; when stopping early, kill the workers instead of waiting for them."""
    if kill:
        for process in processes:
            with contextlib.suppress(Exception):
                process.kill()
    pool.shutdown(wait=True, cancel_futures=True)


def _died(
    processes: Sequence[BaseProcess],
    pending: Sequence[tuple[Sequence[T], Future[R]]],
    describe: Callable[[T], str],
) -> str:
    """Which worker died how, and the items whose results are lost."""
    for process in processes:  # the pool is ending them all: wait to read how each ended
        with contextlib.suppress(Exception):
            process.join(timeout=DEATH_WAIT)
    codes = sorted({p.exitcode for p in processes if p.exitcode is not None and p.exitcode != 0})
    codes = [c for c in codes if c != -signal.SIGTERM] or codes  # the pool SIGTERMs the rest
    how = ", ".join(_exit_name(code) for code in codes) or "cause unknown"
    items = [describe(item) for chunk, _ in pending for item in chunk]
    named = "; ".join(items[:NAMED]) + (
        f"; and {len(items) - NAMED} more" if len(items) > NAMED else ""
    )
    return (
        f"a worker process died ({how}; the out-of-memory killer sends SIGKILL) while "
        f"extracting {len(items)} article(s): {named}. If it happens again, use fewer "
        "--workers or smaller inputs"
    )


def _exit_name(code: int) -> str:
    if code < 0:
        with contextlib.suppress(ValueError):
            return f"killed by {signal.Signals(-code).name}"
    return f"exit status {code}"


# ---------------------------------------------------------------------- in the worker


def _start_worker(parent: int) -> None:
    """Tie the worker's life to ``parent``, then let signals in (they were blocked at fork)."""
    in_worker()
    _die_with_parent_linux()
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), daemon=True, name="watchdog").start()


def _die_with_parent_linux() -> None:
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _watch(parent: int) -> None:
    """The portable fallback: once the parent is gone, the worker's parent id changes."""
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os.kill(os.getpid(), signal.SIGKILL)
