"""The SQLite store: schema migrations, WAL, transactions, and every path it refuses."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from claimledger.errors import StoreError
from claimledger.store import sqlite as store_module
from claimledger.store.migrations import MIGRATIONS, Migration
from claimledger.store.sqlite import SQLiteStore

NAMES = [m.name for m in MIGRATIONS]
CREATED = re.compile(r"CREATE TABLE (\w+)")


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


def test_a_new_ledger_gets_every_migration(path: Path) -> None:
    store = SQLiteStore(path)
    assert store.applied_migrations() == NAMES
    assert store.pending_migrations() == []
    store.close()
    expected = {t for m in MIGRATIONS for t in CREATED.findall(m.sql)}
    assert expected | {"schema_migrations"} <= tables(path)


def test_migrations_are_ordered_and_uniquely_named() -> None:
    assert sorted(NAMES) == NAMES
    assert len(set(NAMES)) == len(NAMES)
    assert all(re.fullmatch(r"\d{3}_[a-z_]+", n) for n in NAMES)


def test_wal_mode_is_on_and_persists(path: Path) -> None:
    store = SQLiteStore(path)
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    with sqlite3.connect(path) as db:  # a plain connection sees the file's mode
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_an_old_ledger_asks_for_db_upgrade(
    path: Path, lose_last_migration: Callable[[Path], Migration]
) -> None:
    last = lose_last_migration(path)
    with pytest.raises(StoreError, match=r"claimledger db upgrade") as info:
        SQLiteStore(path)
    assert last.name in str(info.value)
    store = SQLiteStore.for_upgrade(path)
    assert store.pending_migrations() == [last.name]
    assert store.upgrade() == [last.name]
    assert store.upgrade() == []  # a second upgrade has nothing to do
    store.close()
    assert set(CREATED.findall(last.sql)) <= tables(path)
    reopened = SQLiteStore(path)
    assert reopened.applied_migrations() == NAMES
    reopened.close()


def test_each_migration_runs_in_its_own_transaction(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    SQLiteStore(path).close()
    good = Migration("901_extra", "CREATE TABLE extra_good (x INTEGER)")
    broken = Migration(
        "902_broken", "CREATE TABLE extra_half (x INTEGER); CREATE TABLE oops oops oops"
    )
    after = Migration("903_after", "CREATE TABLE extra_after (x INTEGER)")
    monkeypatch.setattr(store_module, "MIGRATIONS", (*MIGRATIONS, good, broken, after))
    store = SQLiteStore.for_upgrade(path)
    with pytest.raises(StoreError, match="902_broken") as info:
        store.upgrade()
    assert "rolled back" in str(info.value)
    assert not store.db.in_transaction
    assert store.applied_migrations() == [*NAMES, "901_extra"]
    assert store.pending_migrations() == ["902_broken", "903_after"]
    store.close()
    found = tables(path)
    assert "extra_good" in found
    assert "extra_half" not in found, "the broken migration's first statement was kept"
    assert "extra_after" not in found
    with pytest.raises(StoreError, match="claimledger db upgrade"):
        SQLiteStore(path)


def test_a_new_ledger_whose_schema_fails_is_left_empty(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = Migration("901_broken", "CREATE TABLE nope nope")
    monkeypatch.setattr(store_module, "MIGRATIONS", (*MIGRATIONS, broken))
    with pytest.raises(StoreError, match="901_broken"):
        SQLiteStore(path)
    assert tables(path) == set()


def test_a_file_that_is_not_a_database(path: Path) -> None:
    path.write_text("doc_id,claim\nabc,a claim that is not SQLite\n")
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not a claimledger database"):
        SQLiteStore(path)
    with pytest.raises(StoreError, match="not a claimledger database"):
        SQLiteStore.for_upgrade(path)
    assert path.read_bytes() == before


def test_another_programs_sqlite_database_is_left_alone(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE bookmarks (url TEXT)")
    db.close()
    with pytest.raises(StoreError, match="not a claimledger ledger"):
        SQLiteStore(path)
    assert tables(path) == {"bookmarks"}


def test_a_directory(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="is a directory"):
        SQLiteStore(tmp_path)
    with pytest.raises(StoreError, match="is a directory"):
        SQLiteStore(tmp_path, create=False)


def test_a_missing_file_is_not_created_when_create_is_false(path: Path) -> None:
    with pytest.raises(StoreError, match="no such ledger") as info:
        SQLiteStore(path, create=False)
    assert "ingest articles" in str(info.value)
    assert not path.exists()
    with pytest.raises(StoreError, match="no such ledger"):
        SQLiteStore.for_upgrade(path)


def test_a_missing_folder_is_created(tmp_path: Path) -> None:
    path = tmp_path / "no" / "such" / "ledger.db"
    with pytest.raises(StoreError, match="no such ledger"):
        SQLiteStore(path, create=False)
    assert not path.parent.exists()
    SQLiteStore(path).close()
    assert path.is_file()


def test_a_folder_that_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("a file where a folder should be\n")
    with pytest.raises(StoreError, match="cannot be created"):
        SQLiteStore(tmp_path / "notes" / "ledger.db")


COUNT_TESTS = "SELECT COUNT(*) FROM counters WHERE name IN ('test', 'nested')"


def test_a_transaction_is_rolled_back_on_any_exception(path: Path) -> None:
    store = SQLiteStore(path)
    for exc in (RuntimeError("boom"), KeyboardInterrupt()):
        with pytest.raises(type(exc)), store.transaction():
            store.db.execute("INSERT INTO counters VALUES ('test', 1)")
            with store.transaction():  # a nested block joins the outer transaction
                store.db.execute("INSERT INTO counters VALUES ('nested', 1)")
            raise exc
        assert not store.db.in_transaction
        assert store.db.execute(COUNT_TESTS).fetchone()[0] == 0
    with store.transaction():
        store.db.execute("INSERT INTO counters VALUES ('test', 1)")
    assert store.db.execute(COUNT_TESTS).fetchone()[0] == 1
    store.close()


def test_an_in_memory_store() -> None:
    store = SQLiteStore(":memory:")
    assert store.applied_migrations() == NAMES
    store.close()


OPEN_AT_ONCE = """
import sys, time
from pathlib import Path
from claimledger.store.sqlite import SQLiteStore
path, ready, go = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
ready.touch()
while not go.exists():
    time.sleep(0.005)
SQLiteStore(path).close()
"""


def test_processes_creating_one_ledger_at_once(tmp_path: Path) -> None:
    """Each sees either no ledger (and creates it whole) or the finished one."""
    for attempt in range(3):
        path, go = tmp_path / f"ledger{attempt}.db", tmp_path / f"go{attempt}"
        ready = [tmp_path / f"ready{attempt}-{n}" for n in range(4)]
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", OPEN_AT_ONCE, str(path), str(r), str(go)],
                stderr=subprocess.PIPE,
                text=True,
            )
            for r in ready
        ]
        deadline = time.monotonic() + 30
        while not all(r.exists() for r in ready) and time.monotonic() < deadline:
            time.sleep(0.01)
        go.touch()
        errors = [p.communicate(timeout=60)[1] for p in procs]
        assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
        store = SQLiteStore(path)
        assert store.applied_migrations() == NAMES
        store.close()
