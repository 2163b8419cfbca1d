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
import sys
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
    """A handler raising KeyboardInterrupt for the first signal only; inside :func:`held`
    the signal is kept pending and raised at the end of the block."""

    def __init__(self) -> None:
        self.fired = False
        self.caught = False  # the command caught the KeyboardInterrupt (see :func:`caught`)
        self.holding = 0
        self.pending: int | None = None

    def __call__(self, signum: int, frame: FrameType | None) -> None:
        if self.fired or self.pending is not None:
            return
        if self.holding:
            self.pending = signum
            return
        self.fire(signum)

    def fire(self, signum: int) -> None:
        self.fired = True
        raise KeyboardInterrupt(signal.Signals(signum).name)


_active: list[_Raiser] = []  # the handler of the innermost signals_interrupt block


def swallowed() -> bool:
    """A signal raised its KeyboardInterrupt where Python swallows exceptions (an import's
    lock callback prints "Exception ignored in ..."), and the command went on."""
    return bool(_active) and _active[-1].fired and not _active[-1].caught


def checkpoint() -> None:
    """Raise a swallowed interrupt again: at the start of each step that counts."""
    if swallowed():
        raise KeyboardInterrupt("signal")


def caught() -> None:
    """The command has caught the interrupt and is saying how far it got."""
    if _active:
        _active[-1].caught = True


@contextmanager
def held() -> Iterator[None]:
    """A signal inside the block takes effect at its end: for a step that must not be cut in
    two, such as an article written (or stored) and counted, so that what the interrupted
    command reports is exactly what it did."""
    if not _active:
        yield
        return
    checkpoint()
    raiser = _active[-1]
    raiser.holding += 1
    try:
        yield
    finally:
        raiser.holding -= 1
    if not raiser.holding and raiser.pending is not None:
        raiser.fire(raiser.pending)


@contextmanager
def signals_interrupt() -> Iterator[None]:
    """Inside the block SIGINT and SIGTERM raise KeyboardInterrupt; the old handlers come back."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return
    handler = _Raiser()
    previous: dict[int, Any] = {sig: signal.signal(sig, handler) for sig in SIGNALS}
    _active.append(handler)
    hook = sys.unraisablehook
    sys.unraisablehook = _quiet_if_ours(hook)
    try:
        yield
    finally:
        sys.unraisablehook = hook
        _active.remove(handler)
        for sig, old in previous.items():
            signal.signal(sig, old)


def _quiet_if_ours(hook: Any) -> Any:
    """Where Python swallows our KeyboardInterrupt (an import's lock callback) it would print
    "Exception ignored in ..." and a traceback; :func:`checkpoint` raises it again, so say
    nothing then. Anything else goes to the hook that was there."""

    def unraisable(info: Any) -> None:
        if isinstance(info.exc_value, KeyboardInterrupt) and _active and _active[-1].fired:
            return
        hook(info)

    return unraisable


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
