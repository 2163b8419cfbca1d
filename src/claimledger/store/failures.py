"""SQLite's failures as claimledger's errors, each naming the ledger and what to do.

Every public method of the store runs under ``translated``: a lock held past the busy timeout,
a read-only file, a full disk or a damaged page reaches the user as ``Error: <path>: ...``,
never as a traceback. The transaction the failure interrupts is rolled back by the store
(``SQLiteStore.transaction``), so the messages can promise that nothing was half-written.
"""

from __future__ import annotations

import functools
import inspect
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from claimledger.errors import (
    LedgerCorruptError,
    LedgerFullError,
    LedgerLockedError,
    LedgerReadOnlyError,
    StoreError,
)

C = TypeVar("C", bound=type)
F = TypeVar("F", bound=Callable[..., Any])

_BUSY = {"SQLITE_BUSY", "SQLITE_LOCKED"}
_READ_ONLY = {"SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH"}
_CORRUPT = {"SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_FORMAT"}
_SCHEMA = re.compile(r"no such (table|column)|has no column|has \d+ columns but")


def translate(path: str, exc: sqlite3.Error | UnicodeDecodeError) -> StoreError:
    """The typed error for a failure of SQLite on the ledger at ``path``."""
    if isinstance(exc, UnicodeDecodeError):  # text SQLite hands back is not UTF-8: damage
        return corrupt(path, f"text that is not UTF-8: {exc.reason}")
    name = getattr(exc, "sqlite_errorname", None) or ""
    base = "_".join(name.split("_")[:2])  # SQLITE_READONLY_DIRECTORY is a SQLITE_READONLY
    if base in _BUSY:
        return LedgerLockedError(
            f"{path}: the ledger is locked by another process ({exc}); "
            "try again when it has finished"
        )
    if base in _READ_ONLY or name == "SQLITE_IOERR_SHMOPEN":
        return LedgerReadOnlyError(
            f"{path}: the ledger is read-only here ({exc}); the read commands can still read "
            "it; to ingest or upgrade, make the file and its folder writable, or copy the "
            "ledger to a writable folder"
        )
    if base == "SQLITE_FULL":
        return LedgerFullError(
            f"{path}: the disk is full ({exc}); the write in progress was rolled back and "
            "nothing stored before it is lost; free some space and run the command again"
        )
    if base in _CORRUPT:
        return corrupt(path, str(exc))
    if base == "SQLITE_CANTOPEN":
        return _cannot_open(path, exc)
    if _SCHEMA.search(str(exc)):
        return StoreError(
            f"{path}: the ledger's tables are not as claimledger made them ({exc}); if another "
            "program or a newer claimledger changed them, restore a backup or upgrade "
            "claimledger (nothing was written)"
        )
    if base == "SQLITE_IOERR":
        return StoreError(
            f"{path}: the ledger cannot be read or written ({exc}); check the disk and run "
            "the command again (a write in progress was rolled back)"
        )
    return StoreError(
        f"{path}: SQLite failed on the ledger ({type(exc).__name__}: {exc}); if the file is "
        "intact this is a bug in claimledger: please report it"
    )


def corrupt(path: str, detail: str) -> LedgerCorruptError:
    return LedgerCorruptError(
        f"{path}: the ledger file is damaged ({detail}); restore it from a backup, or save "
        f"what is readable with `sqlite3 {path} .recover | sqlite3 recovered.db`"
    )


def _cannot_open(path: str, exc: sqlite3.Error) -> StoreError:
    folder = Path(path).absolute().parent
    if folder.is_dir() and not os.access(folder, os.W_OK):
        return LedgerReadOnlyError(
            f"{path}: cannot be opened for writing ({exc}): its folder is read-only; give a "
            "--db path in a folder you can write to"
        )
    return StoreError(f"{path}: cannot be opened ({exc}); check that its folder exists")


@contextmanager
def translated(path: str) -> Iterator[None]:
    """Raise SQLite's failures inside the block as the typed errors above."""
    try:
        yield
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        raise translate(path, exc) from exc


def _translating(method: F) -> F:
    @functools.wraps(method)
    def run(self: Any, *args: Any, **kwargs: Any) -> Any:
        with translated(self.path):
            return method(self, *args, **kwargs)

    return run  # type: ignore[return-value]  # same signature, by functools.wraps


def translate_errors(cls: C) -> C:
    """Class decorator: every public method of ``cls`` (which has a ``path``) under
    ``translated``. One place, so a method added later cannot forget it."""
    for name, member in list(vars(cls).items()):
        if not name.startswith("_") and inspect.isfunction(member):
            setattr(cls, name, _translating(member))
    return cls
