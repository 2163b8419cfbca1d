"""The ledger file: what the store opens, what it refuses untouched, and how SQLite's failures
(a lock, a read-only file, a full disk, a damaged page) reach the user as typed errors."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from claimledger.errors import (
    ClaimledgerError,
    LedgerCorruptError,
    LedgerFullError,
    LedgerLockedError,
    LedgerReadOnlyError,
    NewerLedgerError,
    NotALedgerError,
    StoreError,
    UnsupportedLedgerError,
)
from claimledger.store import sqlite as store_module
from claimledger.store.ledgerfile import APPLICATION_ID, SCHEMA_VERSION, ledger_path
from claimledger.store.migrations import MIGRATIONS
from claimledger.store.records import SourceGrade
from claimledger.store.sqlite import SQLiteStore

NEWER = (
    f"this ledger was written by a newer claimledger (schema {SCHEMA_VERSION + 1} > "
    f"{SCHEMA_VERSION}); upgrade claimledger to use it"
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.db"


@pytest.fixture
def ledger(path: Path) -> Path:
    """A new ledger, with every migration and nothing in it."""
    SQLiteStore(path).close()
    return path


def raw(path: Path, *statements: str) -> None:
    """Change a file behind claimledger's back, as another program (or version) would."""
    db = sqlite3.connect(path)
    with db:
        for statement in statements:
            db.execute(statement)
    db.close()


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file of a folder: its bytes and mtime, to show that nothing was touched."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def damage(path: Path) -> None:
    """Overwrite a page in the middle of the file, as a bad disk or a stray write would."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2 // 4096 * 4096)
        handle.write(b"\xa5" * 4096)


OPENERS = {
    "ingest": lambda p: SQLiteStore(p),
    "upgrade": lambda p: SQLiteStore.for_upgrade(p),
    "read": lambda p: SQLiteStore.for_reading(p),
}


# ---------------------------------------------------------------------- a newer schema


@pytest.mark.parametrize("opener", OPENERS, ids=str)
def test_a_ledger_with_a_future_migration_is_refused_untouched(ledger: Path, opener: str) -> None:
    raw(ledger, f"INSERT INTO schema_migrations VALUES ('{SCHEMA_VERSION + 1:03d}_x', 'later')")
    before = snapshot(ledger.parent)
    with pytest.raises(NewerLedgerError) as info:
        OPENERS[opener](ledger)
    assert str(info.value) == f"{ledger}: {NEWER}."
    assert snapshot(ledger.parent) == before


@pytest.mark.parametrize("opener", OPENERS, ids=str)
def test_a_ledger_with_a_higher_user_version_is_refused(ledger: Path, opener: str) -> None:
    raw(ledger, f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(NewerLedgerError, match=NEWER.replace("(", r"\(").replace(")", r"\)")):
        OPENERS[opener](ledger)


def test_a_future_migration_under_another_name_is_refused(ledger: Path) -> None:
    raw(ledger, "INSERT INTO schema_migrations VALUES ('branch_feature', 'later')")
    with pytest.raises(NewerLedgerError, match="branch_feature"):
        SQLiteStore(ledger)


def test_new_ledgers_carry_claimledgers_application_id_and_schema(ledger: Path) -> None:
    db = sqlite3.connect(ledger)
    assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    db.close()


def test_an_older_ledger_without_the_stamp_is_accepted_and_upgrade_stamps_it(ledger: Path) -> None:
    raw(ledger, "PRAGMA application_id = 0", "PRAGMA user_version = 0")
    SQLiteStore.for_reading(ledger).close()
    SQLiteStore(ledger).close()
    store = SQLiteStore.for_upgrade(ledger)
    assert store.upgrade() == []
    store.close()
    db = sqlite3.connect(ledger)
    assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
    assert db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    db.close()


# ---------------------------------------------------------------------- files that are refused


def test_another_programs_database_is_refused_unchanged_not_switched_to_wal(path: Path) -> None:
    raw(path, "PRAGMA journal_mode = DELETE", "CREATE TABLE bookmarks (url TEXT)")
    before = snapshot(path.parent)
    for opener in OPENERS.values():
        with pytest.raises(NotALedgerError, match="not a claimledger ledger"):
            opener(path)
    assert snapshot(path.parent) == before
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",), "switched to WAL"
    db.close()


def test_another_programs_database_in_wal_mode_gets_no_sidecar_files(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("CREATE TABLE bookmarks (url TEXT)")
    db.close()
    before = snapshot(path.parent)
    with pytest.raises(NotALedgerError):
        SQLiteStore.for_reading(path)
    with pytest.raises(NotALedgerError):
        SQLiteStore(path)
    assert snapshot(path.parent) == before


def test_another_programs_application_id_is_refused_even_with_our_tables(ledger: Path) -> None:
    raw(ledger, "PRAGMA application_id = 1598903374")  # another program's mark
    with pytest.raises(NotALedgerError, match="another program"):
        SQLiteStore.for_reading(ledger)


def test_an_empty_file_is_refused_by_readers_and_created_only_by_ingest(path: Path) -> None:
    path.touch()
    before = snapshot(path.parent)
    for opener in (SQLiteStore.for_reading, SQLiteStore.for_upgrade):
        with pytest.raises(NotALedgerError, match="is empty") as info:
            opener(path)
        assert "ingest articles" in str(info.value)
    assert snapshot(path.parent) == before
    store = SQLiteStore(path)  # ingest makes a ledger of it, as of a missing file
    assert store.pending_migrations() == []
    store.close()


def test_a_sqlite_file_without_tables_is_refused_by_readers(path: Path) -> None:
    raw(path, "CREATE TABLE scratch (x)", "DROP TABLE scratch")
    before = snapshot(path.parent)
    with pytest.raises(NotALedgerError, match="is empty"):
        SQLiteStore.for_reading(path)
    assert snapshot(path.parent) == before


def test_a_file_that_is_not_sqlite_is_refused_unchanged(path: Path) -> None:
    path.write_bytes(b"doc_id,claim\n" * 100)
    before = snapshot(path.parent)
    for opener in OPENERS.values():
        with pytest.raises(NotALedgerError, match="not a claimledger database"):
            opener(path)
    assert snapshot(path.parent) == before


def test_a_missing_ledger_is_not_created_by_readers(path: Path) -> None:
    with pytest.raises(NotALedgerError) as info:
        SQLiteStore.for_reading(path)
    assert str(info.value) == f"{path}: no such ledger; ingest articles to create it"
    assert not path.exists()
    assert list(path.parent.iterdir()) == []


def test_reading_never_writes_a_ledger(ledger: Path) -> None:
    store = SQLiteStore.for_reading(ledger)
    with pytest.raises(LedgerReadOnlyError, match="read"):
        store.put_source_grade(SourceGrade("x", "B", ("y",), 1, 1, 0, 0))
    store.close()
    assert SQLiteStore.for_reading(ledger).source_grades() == []


def test_an_old_ledger_is_read_only_after_upgrade(ledger: Path) -> None:
    raw(ledger, f"DELETE FROM schema_migrations WHERE name = '{MIGRATIONS[-1].name}'")
    with pytest.raises(StoreError, match="claimledger db upgrade"):
        SQLiteStore.for_reading(ledger)


# ---------------------------------------------------------------------- SQLite's failures


def test_a_lock_held_past_the_busy_timeout(ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 200)
    store = SQLiteStore(ledger)
    other = sqlite3.connect(ledger, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(LedgerLockedError) as info, store.transaction():
            store.put_source_grade(SourceGrade("x", "B", ("y",), 1, 1, 0, 0))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert str(ledger) in str(info.value)
    assert "try again" in str(info.value)
    assert not store.db.in_transaction
    store.close()


def test_a_full_disk_rolls_the_transaction_back(ledger: Path) -> None:
    store = SQLiteStore(ledger)
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(LedgerFullError) as info, store.transaction():
        store.put_source_grade(SourceGrade("kept out", "B", ("y",), 1, 1, 0, 0))
        for n in range(200):
            store.put_source_grade(SourceGrade(f"s{n}", "B", ("y" * 4000,), 1, 1, 0, 0))
    assert str(ledger) in str(info.value)
    assert "rolled back" in str(info.value)
    assert not store.db.in_transaction
    store.close()
    assert SQLiteStore.for_reading(ledger).source_grades() == [], "half the article was kept"


def test_a_damaged_page_is_reported_as_a_damaged_ledger(ledger: Path) -> None:
    damage(ledger)
    with pytest.raises(LedgerCorruptError) as info:
        SQLiteStore.for_reading(ledger, verify=True)
    assert str(info.value).startswith(f"{ledger}: ")
    assert "backup" in str(info.value)
    with pytest.raises(LedgerCorruptError):
        SQLiteStore(ledger, verify=True)


def test_a_damaged_table_read_is_a_typed_error(ledger: Path) -> None:
    store = SQLiteStore.for_reading(ledger)
    root = store.db.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'source_grades'"
    ).fetchone()[0]
    store.close()
    with ledger.open("r+b") as handle:  # the table's own page, not the schema
        handle.seek((root - 1) * 4096)
        handle.write(b"\xa5" * 4096)
    store = SQLiteStore.for_reading(ledger)
    with pytest.raises(LedgerCorruptError, match="damaged"):
        store.source_grades()
    store.close()


# ---------------------------------------------------------------------- read-only ledgers


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder another user can enter (the test's own tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="claimledger-ro-"))
    folder.chmod(0o755)
    yield folder
    folder.chmod(0o755)
    shutil.rmtree(folder)


def read_then_write(ledger: Path) -> Callable[[], str]:
    """A check: read the ledger, then try to write it; a line for each."""

    def check() -> str:
        lines = []
        try:
            store = SQLiteStore.for_reading(ledger, verify=True)
            lines.append(f"read {len(store.source_grades())} {store.counts()['articles']}")
            store.close()
            store = SQLiteStore(ledger)
            lines.append("wrote")
        except ClaimledgerError as exc:
            lines.append(f"{type(exc).__name__}: {exc}")
        return "\n".join(lines)

    return check


def test_a_ledger_in_a_read_only_folder_is_readable(
    shared_folder: Path, as_another_user: Callable[[Callable[[], str]], str]
) -> None:
    ledger = shared_folder / "ledger.db"
    SQLiteStore(ledger).close()  # WAL mode, no -wal or -shm left beside it
    ledger.chmod(0o444)
    shared_folder.chmod(0o555)
    before = snapshot(shared_folder)
    lines = as_another_user(read_then_write(ledger)).splitlines()
    assert lines[0] == "read 0 0"
    assert lines[1].startswith(f"LedgerReadOnlyError: {ledger}: "), lines
    assert snapshot(shared_folder) == before


def test_a_read_only_file_in_a_writable_folder_is_readable(
    shared_folder: Path, as_another_user: Callable[[Callable[[], str]], str]
) -> None:
    ledger = shared_folder / "ledger.db"
    SQLiteStore(ledger).close()
    before = ledger.read_bytes()
    ledger.chmod(0o444)
    shared_folder.chmod(0o777)
    lines = as_another_user(read_then_write(ledger)).splitlines()
    assert lines[0] == "read 0 0"
    assert lines[1].startswith(f"LedgerReadOnlyError: {ledger}: "), lines
    assert "writable" in lines[1]
    assert ledger.read_bytes() == before


def test_an_unfinished_wal_in_a_read_only_folder_is_explained(
    shared_folder: Path, as_another_user: Callable[[Callable[[], str]], str]
) -> None:
    ledger = shared_folder / "ledger.db"
    store = SQLiteStore(ledger)
    store.db.execute("PRAGMA wal_autocheckpoint = 0")
    with store.transaction():
        store.put_source_grade(SourceGrade("x", "B", ("y",), 1, 1, 0, 0))
    wal = shared_folder / "ledger.db-wal"
    kept = shared_folder / "kept-wal"
    shutil.copy(wal, kept)  # as a process killed before its checkpoint leaves it
    store.close()
    kept.rename(wal)
    for sidecar in shared_folder.glob("*-shm"):
        sidecar.unlink()
    for p in shared_folder.iterdir():
        p.chmod(0o444)
    shared_folder.chmod(0o555)
    lines = as_another_user(read_then_write(ledger)).splitlines()
    assert lines[0].startswith(f"LedgerReadOnlyError: {ledger}: "), lines
    assert "ledger.db-wal" in lines[0]


# ---------------------------------------------------------------------- URLs


@pytest.mark.parametrize(
    ("given", "message"),
    [
        (
            "postgresql://claims@db.example/ledger",
            "postgresql://claims@db.example/ledger: a PostgreSQL URL names a database, not a file",
        ),
        (
            "postgres://db.example/ledger",
            "postgres://db.example/ledger: a PostgreSQL URL names a database, not a file",
        ),
        (
            "mysql+pymysql://db.example/ledger",
            "mysql+pymysql://db.example/ledger: unsupported ledger URL scheme 'mysql+pymysql'; "
            "give a SQLite file path",
        ),
        ("https://example.org/ledger.db", "unsupported ledger URL scheme 'https'"),
        ("sqlite://", "sqlite://: an in-memory ledger keeps nothing; give a SQLite file path"),
    ],
)
def test_a_url_that_is_not_a_sqlite_file_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UnsupportedLedgerError) as info:
        ledger_path(given)
    assert message in str(info.value)
    with pytest.raises(UnsupportedLedgerError):
        SQLiteStore(given)
    assert list(tmp_path.iterdir()) == [], "a folder named after the URL was made"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("sqlite:///ledger.db", "ledger.db"),
        ("sqlite:///data/ledger.db", "data/ledger.db"),
        ("sqlite:////srv/ledger.db", "/srv/ledger.db"),
        ("ledger.db", "ledger.db"),
        ("/srv/a:b/ledger.db", "/srv/a:b/ledger.db"),
        ("C:\\ledgers\\ledger.db", "C:\\ledgers\\ledger.db"),
        (":memory:", ":memory:"),
    ],
)
def test_paths_and_sqlite_urls(given: str, expected: str) -> None:
    assert ledger_path(given) == expected
