"""Shared fixtures: the loaded pipeline (once per session) and the ../shared folder."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from backends import (
    BACKENDS,
    PG_BIN,
    PgServer,
    StoreMaker,
    _as_postgres,
    _free_port,
    _maker,
    _why_no_postgres,
)
from claimledger.nlp.pipeline import load_nlp
from claimledger.store.migrations import MIGRATIONS, Migration
from claimledger.store.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared evaluation folder beside the repository; tests that need it skip without it."""
    if not (SHARED / "corpus" / "dev" / "articles.jsonl").is_file():
        pytest.skip(f"{SHARED} is absent: the shared corpus and scorers sit beside the repo in CI")
    return SHARED


AsAnotherUser = Callable[[Callable[[], str]], str]


def _as_another_user(check: Callable[[], str]) -> str:
    """Run ``check`` in a forked child as a user the files do not belong to (nobody, when the
    tests run as root, whom file modes do not stop); what it returns. A fork, not a new
    interpreter: the interpreter may sit in a folder that user cannot enter."""
    if not hasattr(os, "fork"):  # pragma: no cover
        pytest.skip("needs os.fork to run a command as another user")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover  (the child)
        os.close(read)
        code = 0
        try:
            if os.geteuid() == 0:
                os.setgroups([])
                os.setgid(65534)
                os.setuid(65534)
            out = check()
        except BaseException:
            out, code = traceback.format_exc(), 1
        os.write(write, out.encode())
        os._exit(code)
    os.close(write)
    with os.fdopen(read, "rb") as handle:
        out = handle.read().decode()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, out
    return out


@pytest.fixture
def as_another_user() -> AsAnotherUser:
    """Run a check as a user the test's files do not belong to (see ``_as_another_user``)."""
    return _as_another_user


CREATED = re.compile(r"CREATE TABLE (\w+)")
ADDED = re.compile(r"ALTER TABLE (\w+) ADD COLUMN (\w+)")
INDEXED = re.compile(r"CREATE INDEX (\w+)")
VIRTUAL = re.compile(r"CREATE VIRTUAL TABLE (\w+)")


def _lose_last_migration(path: Path) -> Migration:
    """A ledger written before the last migration existed: its row and its tables gone."""
    SQLiteStore(path).close()
    last = MIGRATIONS[-1]
    db = sqlite3.connect(path)
    with db:
        db.execute("DELETE FROM schema_migrations WHERE name = ?", (last.name,))
        for index in INDEXED.findall(last.sql):
            db.execute(f"DROP INDEX {index}")
        for table in VIRTUAL.findall(last.sql) + CREATED.findall(last.sql):
            db.execute(f"DROP TABLE {table}")
        for table, column in ADDED.findall(last.sql):
            db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    db.close()
    return last


@pytest.fixture
def lose_last_migration() -> Callable[[Path], Migration]:
    """Make a ledger look written before the last migration existed (see
    ``_lose_last_migration``)."""
    return _lose_last_migration


# ---------------------------------------------------------------------- PostgreSQL


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """A PostgreSQL cluster of its own in a temporary folder, on a free port of 127.0.0.1,
    stopped and removed after the session; the tests that need it skip, saying why, where it
    cannot start."""
    reason = _why_no_postgres()
    if reason:
        pytest.skip(reason)
    root = Path(tempfile.mkdtemp(prefix="claimledger-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    data, port = root / "data", _free_port()
    initdb = [str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "test",
              "--no-sync", "-E", "UTF8", "--locale=C.UTF-8"]  # fmt: skip
    options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off"
    start = [str(PG_BIN / "pg_ctl"), "-D", str(data), "-w", "-l", str(root / "log"),
             "-o", options, "start"]  # fmt: skip
    for command in (initdb, start):
        done = subprocess.run(_as_postgres(command), capture_output=True, text=True, check=False)
        if done.returncode != 0:
            shutil.rmtree(root, ignore_errors=True)
            pytest.skip(f"PostgreSQL did not start ({' '.join(command[:1])}): {done.stderr[-500:]}")
    try:
        yield PgServer(root, port)
    finally:
        stop = [str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]
        subprocess.run(_as_postgres(stop), capture_output=True, check=False)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(params=BACKENDS)
def make_store(request: pytest.FixtureRequest, tmp_path: Path) -> StoreMaker:
    """Each test that takes it runs on both backends: SQLite and PostgreSQL."""
    return _maker(request.param, tmp_path, request)


@pytest.fixture(scope="module", params=BACKENDS)
def make_module_store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> StoreMaker:
    """``make_store`` for module-scoped fixtures."""
    return _maker(request.param, tmp_path_factory.mktemp("stores"), request)
