"""What a ``--db`` names, and whether it is a claimledger ledger, found out before touching it.

A ledger is only ever created or written by ``ingest`` and ``db upgrade``; everything else
reads. So before a store opens a file for writing (which switches it to WAL, or gives an empty
file a schema) it must know that the file is a ledger, or nothing at all: the file's header is
read as bytes, then its tables through a read-only connection that creates no -wal or -shm
beside another program's database. A ledger carries claimledger's ``application_id`` and its
schema number in ``user_version``; older ledgers lack both, and are known by their
``schema_migrations`` table.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from claimledger.errors import (
    LedgerReadOnlyError,
    NewerLedgerError,
    NotALedgerError,
    UnsupportedLedgerError,
)
from claimledger.store.failures import translated
from claimledger.store.migrations import MIGRATIONS, Migration

APPLICATION_ID = 0x434C4544  # "CLED", in the header of every ledger claimledger creates
SQLITE_MAGIC = b"SQLite format 3\x00"
_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]+):/")  # two letters at least: not C:\
_POSTGRES = {"postgres", "postgresql"}


def migration_number(name: str) -> int:
    """The number a migration's name starts with ("008_article_copies" is 8; else 0)."""
    digits = re.match(r"\d+", name)
    return int(digits.group()) if digits else 0


SCHEMA_VERSION = max(migration_number(m.name) for m in MIGRATIONS)


def ledger_path(given: str | os.PathLike[str]) -> str:
    """The file a ``--db`` value names. A URL is refused unless it is a ``sqlite:///`` URL,
    read as SQLAlchemy does (``sqlite:///rel.db``, ``sqlite:////abs.db``): taken as a path it
    would make folders named ``postgresql:``."""
    text = os.fspath(given)
    found = _URL.match(text)
    if not found:
        return text
    scheme = found.group("scheme").lower()
    if scheme != "sqlite":
        what = (
            "a PostgreSQL URL names a database, not a file (claimledger.store.open.open_store "
            "opens either)"
            if scheme.split("+")[0] in _POSTGRES
            else f"unsupported ledger URL scheme {found.group('scheme')!r}"
        )
        raise UnsupportedLedgerError(f"{text}: {what}; give a SQLite file path")
    rest = text[len("sqlite:") :]
    if not rest.startswith("///") or len(rest) == 3 or "?" in rest:
        raise UnsupportedLedgerError(
            f"{text}: "
            + ("an in-memory ledger keeps nothing" if rest in ("//", "///") else "not a file URL")
            + "; give a SQLite file path (sqlite:///relative.db or sqlite:////absolute.db)"
        )
    return rest[3:]


@dataclass(frozen=True)
class FileState:
    """What a path holds: ``missing``, ``empty`` (no bytes, or SQLite with no tables),
    ``ledger``, or ``refused`` with the reason why."""

    kind: str
    why: str = ""
    wal: bool = False


def inspect_file(path: Path, known: Sequence[Migration]) -> FileState:
    """What ``path`` holds, read without writing or creating anything (NewerLedgerError for a
    ledger a newer claimledger wrote)."""
    if not path.exists():
        return FileState("missing")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise NotALedgerError(
            f"{path}: cannot be read ({exc.strerror or exc}); check its permissions"
        ) from exc
    if not header:
        return FileState("empty")
    if len(header) < 100 or not header.startswith(SQLITE_MAGIC):
        return FileState("refused", "is not a claimledger database (not a SQLite file)")
    wal = header[18] == 2 and header[19] == 2
    with translated(str(path)), closing(probe(path, wal)) as db:
        return _classify(path, db, known, wal)


def probe(path: Path, wal: bool) -> sqlite3.Connection:
    """A read-only connection to look inside a file that may be another program's. A WAL file
    with no -wal beside it is complete and idle: read it ``immutable``, which makes no -shm."""
    if wal and not Path(f"{path}-wal").exists():
        return connect_readonly(path, immutable=True)
    return open_readonly(path, 60.0)


def open_readonly(path: Path, timeout: float) -> sqlite3.Connection:
    """A read-only connection (``mode=ro``). A WAL ledger needs a -shm beside it; in a folder
    that cannot be written, with no -wal (or an empty one) waiting to be applied, the file is
    read ``immutable``; with writes waiting in its -wal there is no safe way to read it."""
    db = connect_readonly(path, timeout=timeout)
    try:
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as exc:
        db.close()
        if getattr(exc, "sqlite_errorname", "") not in _NO_SHM:
            raise
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise LedgerReadOnlyError(
                f"{path}: cannot be read here: its folder is read-only and {wal} holds writes "
                "not yet in the ledger; copy the ledger and its -wal file to a writable folder "
                "and read it there"
            ) from exc
        return connect_readonly(path, timeout=timeout, immutable=True)
    db.execute("PRAGMA query_only = ON")
    return db


_NO_SHM = {"SQLITE_READONLY_DIRECTORY", "SQLITE_CANTOPEN", "SQLITE_READONLY_CANTINIT"}


def connect_readonly(
    path: Path, *, timeout: float = 60.0, immutable: bool = False
) -> sqlite3.Connection:
    """``file:...?mode=ro`` (and ``immutable=1``): SQLite refuses every write on it.

    A connection may be used from another thread than the one that opened it, one thread at a
    time: the web server opens a request's connection in one worker thread and may read and
    close it in another (SQLite itself is serialised, so this is safe)."""
    uri = f"file:{quote(str(path.absolute()))}?mode=ro" + ("&immutable=1" if immutable else "")
    return sqlite3.connect(
        uri, uri=True, isolation_level=None, timeout=timeout, check_same_thread=False
    )


def _classify(
    path: Path, db: sqlite3.Connection, known: Sequence[Migration], wal: bool
) -> FileState:
    with translated(str(path)):
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        applied = (
            [r[0] for r in db.execute("SELECT name FROM schema_migrations")]
            if "schema_migrations" in tables
            else []
        )
        version = db.execute("PRAGMA user_version").fetchone()[0]
    if app_id not in (0, APPLICATION_ID):
        return FileState("refused", "is another program's SQLite database, not a ledger")
    if not tables and app_id == 0:
        return FileState("empty", wal=wal)
    if not applied:
        return FileState("refused", "is a SQLite database but not a claimledger ledger")
    check_not_newer(str(path), applied, version, known)
    return FileState("ledger", wal=wal)


def check_not_newer(
    path: str, applied: Sequence[str], version: int, known: Sequence[Migration]
) -> None:
    """Refuse a ledger with migrations this claimledger does not know: its code would write
    rows that lack the newer columns, or trip over them."""
    names = {m.name for m in known}
    ours = max((migration_number(n) for n in names), default=0)
    unknown = sorted(set(applied) - names)
    theirs = max([version, *(migration_number(n) for n in applied)])
    if theirs > ours:
        raise NewerLedgerError(
            f"{path}: this ledger was written by a newer claimledger (schema {theirs} > "
            f"{ours}); upgrade claimledger to use it."
        )
    if unknown:
        raise NewerLedgerError(
            f"{path}: this ledger has migrations this claimledger does not know "
            f"({', '.join(unknown)}): it was written by a newer or another build of "
            "claimledger; upgrade claimledger to use it."
        )


def refuse(path: Path, state: FileState, *, may_create: bool) -> None:
    """Raise NotALedgerError unless ``state`` is something this kind of open may use: a
    ledger, or (for ingest) nothing yet."""
    if state.kind == "ledger" or (may_create and state.kind in ("missing", "empty")):
        return
    if state.kind == "missing":
        raise NotALedgerError(f"{path}: no such ledger; ingest articles to create it")
    if state.kind == "empty":
        raise NotALedgerError(
            f"{path}: is empty, not a ledger yet; ingest articles to create it, "
            "or give another --db path"
        )
    raise NotALedgerError(f"{path}: {state.why}; give another --db path")
