"""The interrupt handler in-process: a signal raised where Python swallows the exception still
stops the command, at its next counted step."""

from __future__ import annotations

import contextlib
import os
import signal
from typing import Any

import pytest

from claimledger.interrupts import caught, checkpoint, held, signals_interrupt, swallowed


def dropped_interrupt() -> None:
    """A SIGINT whose KeyboardInterrupt is swallowed, as an import lock's callback does."""
    with contextlib.suppress(KeyboardInterrupt):
        os.kill(os.getpid(), signal.SIGINT)


def test_a_swallowed_interrupt_is_raised_again_at_the_next_held_step() -> None:
    with signals_interrupt():
        dropped_interrupt()
        with pytest.raises(KeyboardInterrupt), held():
            pass


def test_once_the_command_caught_it_held_steps_run() -> None:
    ran = []
    with signals_interrupt():
        dropped_interrupt()
        caught()
        with held():
            ran.append(1)
    assert ran == [1]


def test_a_signal_inside_held_comes_at_its_end() -> None:
    ran = []
    with signals_interrupt(), pytest.raises(KeyboardInterrupt), held():
        os.kill(os.getpid(), signal.SIGINT)
        ran.append(1)
    assert ran == [1]


def test_a_swallowed_interrupt_is_seen_at_a_checkpoint() -> None:
    with signals_interrupt():
        assert not swallowed()
        dropped_interrupt()
        assert swallowed()
        with pytest.raises(KeyboardInterrupt):
            checkpoint()
        caught()
        assert not swallowed()
        checkpoint()


class _Thing:
    pass


def interrupt_in_a_weakref_callback() -> None:
    """A SIGINT arriving inside a weakref callback, where CPython swallows the exception and
    reports it as unraisable (as an import lock's callback does during spaCy's imports)."""
    import weakref

    thing = _Thing()
    ref = weakref.ref(thing, lambda _: os.kill(os.getpid(), signal.SIGINT))
    del thing
    assert ref() is None


def test_our_swallowed_interrupt_prints_no_traceback(capfd: pytest.CaptureFixture[str]) -> None:
    with signals_interrupt():
        interrupt_in_a_weakref_callback()
        assert swallowed()
        with pytest.raises(KeyboardInterrupt):
            checkpoint()
    err = capfd.readouterr().err
    assert "Traceback" not in err and "Exception ignored" not in err, err


def test_other_unraisable_errors_still_reach_the_old_hook() -> None:
    import sys
    import weakref

    seen: list[type[BaseException]] = []

    def record(info: Any) -> None:
        seen.append(type(info.exc_value))

    old = sys.unraisablehook
    sys.unraisablehook = record
    try:
        with signals_interrupt():
            thing = _Thing()
            ref = weakref.ref(thing, lambda _: 1 / 0)
            del thing
            assert ref() is None
        after = sys.unraisablehook
    finally:
        sys.unraisablehook = old
    assert seen == [ZeroDivisionError]
    assert after is record  # the hook that was there comes back at the end of the block
