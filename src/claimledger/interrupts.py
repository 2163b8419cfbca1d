"""Ctrl-C and SIGTERM: one way out, through the code that cleans up, with what was done said.

While the CLI is importing (spaCy takes ~3 s) nothing has been done, so a signal ends the process
at once (``Interrupted: nothing was done.``, status 130). Once a command runs, SIGINT and SIGTERM
both raise ``KeyboardInterrupt`` in the main thread, once: context managers remove temp files,
roll back the open transaction and stop the worker processes, and the command says how far it
got. A second signal during that cleanup is ignored, so the cleanup itself is not cut short.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Any

SIGNALS = (signal.SIGINT, signal.SIGTERM)
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for Ctrl-C


def exit_at_once_while_starting() -> None:
    """Until a command runs, SIGINT and SIGTERM end the process without a traceback."""
    if threading.current_thread() is threading.main_thread():
        for sig in SIGNALS:
            signal.signal(sig, _exit_now)


def _exit_now(signum: int, frame: FrameType | None) -> None:
    os.write(2, b"Interrupted: nothing was done.\n")
    os._exit(EXIT_INTERRUPTED)


class _Raiser:
    """A handler raising KeyboardInterrupt for the first signal only."""

    def __init__(self) -> None:
        self.fired = False

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self.fired:
            return
        self.fired = True
        raise KeyboardInterrupt(signal.Signals(signum).name)


@contextmanager
def signals_interrupt() -> Iterator[None]:
    """Inside the block SIGINT and SIGTERM raise KeyboardInterrupt; the old handlers come back."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    handler = _Raiser()
    previous: dict[int, Any] = {sig: signal.signal(sig, handler) for sig in SIGNALS}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def in_worker() -> None:
    """Signals in a worker process: Ctrl-C is the parent's business, SIGTERM just ends it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the terminal sends it to the whole group
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, SIGNALS)


@contextmanager
def deferred() -> Iterator[None]:
    """SIGINT and SIGTERM wait (blocked, not lost) until the block ends: for forking workers,
    which then start with them blocked until their initializer has set their own handlers."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)
