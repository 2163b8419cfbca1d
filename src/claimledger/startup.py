"""Imported first by the CLI, so that Ctrl-C or SIGTERM while it loads exits quietly.

Importing spaCy takes about 3 s; a signal then used to print a ``KeyboardInterrupt`` traceback.
Nothing has been done yet, so the process just ends (``Interrupted: nothing was done.``, exit
status 130) until a command starts and :func:`claimledger.interrupts.signals_interrupt` takes
over. Only when claimledger is the program (``claimledger ...`` or ``python -m claimledger.cli``):
a library user importing the CLI keeps its own handlers.
"""

from __future__ import annotations

import sys
from pathlib import Path

from claimledger.interrupts import exit_at_once_while_starting


def started_as_cli() -> bool:
    """True when this process is the ``claimledger`` command, not a program importing it."""
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None and getattr(spec, "name", None) == "claimledger.cli":
        return True
    return bool(sys.argv) and Path(sys.argv[0]).name == "claimledger"


if started_as_cli():
    exit_at_once_while_starting()
