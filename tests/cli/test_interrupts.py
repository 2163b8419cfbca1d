"""The interrupt handler in-process: a signal raised where Python swallows the exception still
stops the command, at its next counted step."""

from __future__ import annotations

import contextlib
import os
import signal

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
