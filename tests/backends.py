"""The two store backends for the tests: a throwaway PostgreSQL cluster (``PgServer``, started
by conftest's ``pg_server`` fixture), new empty stores of either backend, and snapshots that
compare two stores row by row."""

from __future__ import annotations

import os
import shutil
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from claimledger.store.sqlite import SQLiteStore

PG_BIN = Path("/usr/lib/postgresql/15/bin")
BACKENDS = ("sqlite", "postgresql")


class PgServer:
    """A throwaway PostgreSQL cluster started for the test session (see DEVELOPERS.md)."""

    def __init__(self, root: Path, port: int) -> None:
        self.root, self.port, self.made = root, port, 0

    def url(self, database: str) -> str:
        return f"postgresql://test@127.0.0.1:{self.port}/{database}"

    def new_database(self) -> str:
        """The URL of a new, empty database."""
        import psycopg

        self.made += 1
        name = f"t{os.getpid()}_{self.made}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as admin:
            admin.execute(f"CREATE DATABASE {name}")
        return self.url(name)


def _as_postgres(args: list[str]) -> list[str]:
    """initdb refuses to run as root: as root, run the server's commands as user postgres."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _why_no_postgres() -> str | None:
    if not (PG_BIN / "initdb").is_file():
        return f"{PG_BIN}/initdb is absent: `make install-test` installs Debian's postgresql"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser to start PostgreSQL as user postgres"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed: pip install -e '.[test]'"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


StoreMaker = Callable[[], SQLiteStore]


def _maker(backend: str, folder: Path, request: pytest.FixtureRequest) -> StoreMaker:
    """New, empty stores of one backend: SQLite files in ``folder``, or PostgreSQL databases."""
    if backend == "sqlite":
        made = iter(range(1_000_000))
        return lambda: SQLiteStore(folder / f"ledger{next(made)}.db")
    from claimledger.store.postgres import PostgresStore

    server: PgServer = request.getfixturevalue("pg_server")
    return lambda: PostgresStore(server.new_database())


def snapshot(store: SQLiteStore) -> dict[str, list[str]]:
    """Every row of every table of a store, in a stable order: two equal snapshots are equal
    ledgers, on either backend."""
    out = {}
    for table in sorted(store._tables()):
        rows = store.db.execute(f"SELECT * FROM {table}").fetchall()
        out[table] = sorted(repr(tuple(r)) for r in rows)
    return out
