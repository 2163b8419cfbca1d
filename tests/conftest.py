"""Shared fixtures: the loaded pipeline (once per session) and the ../shared folder."""

from __future__ import annotations

import os
import re
import sqlite3
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

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
