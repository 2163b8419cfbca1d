"""The --db file as the commands see it: only ingest and db upgrade write; every other command
reads without creating or changing anything, and every refusal is ``Error: <path>: ...``."""

from __future__ import annotations

import json
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimledger.cli import app
from claimledger.store import sqlite as store_module
from claimledger.store.ledgerfile import SCHEMA_VERSION
from claimledger.store.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "data" / "ledger" / "articles.jsonl"
READ_COMMANDS = [
    ["clusters"],
    ["sources"],
    ["checks"],
    ["report"],
    ["export", "--format", "ledger"],
    ["claim", "abc:c1"],
]
WRITE_COMMANDS = [["ingest", "one.jsonl"], ["db", "upgrade"]]
NEWER = (
    f"this ledger was written by a newer claimledger (schema {SCHEMA_VERSION + 1} > "
    f"{SCHEMA_VERSION}); upgrade claimledger to use it."
)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test in its own folder, with one article to ingest, no $CLAIMLEDGER_DB and no
    developer registry."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CLAIMLEDGER_DB", raising=False)
    monkeypatch.setenv("CLAIMLEDGER_REGISTRY", str(tmp_path / "no-registry.yaml"))
    record = json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[0])
    (tmp_path / "one.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    yield


def run(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), f"a traceback: {result.exception!r}"
    return result.exit_code, result.stdout, result.stderr


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def raw(path: Path, *statements: str) -> None:
    db = sqlite3.connect(path)
    with db:
        for statement in statements:
            db.execute(statement)
    db.close()


def dump(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        lines = list(conn.iterdump())
    conn.close()
    return lines


def refused(runner: CliRunner, command: list[str], db: Path) -> str:
    """Run a command that must refuse ``db``: status 1, one ``Error:``, nothing printed."""
    code, out, err = run(runner, *command, "--db", db)
    assert code == 1, err
    assert err.startswith(f"Error: {db}: "), err
    assert out == ""
    return err


# ---------------------------------------------------------------------- files readers refuse


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_missing_ledger_is_named_and_not_created(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    db = tmp_path / "sub" / "missing.db"
    err = refused(runner, command, db)
    assert err.strip() == f"Error: {db}: no such ledger; ingest articles to create it"
    assert not (tmp_path / "sub").exists()


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("kind", ["empty", "foreign", "foreign-wal", "text"])
def test_files_that_are_not_ledgers_are_refused_unchanged(
    runner: CliRunner, tmp_path: Path, command: list[str], kind: str
) -> None:
    db = tmp_path / "data.db"
    if kind == "empty":
        db.touch()
    elif kind == "text":
        db.write_text("not a database\n" * 50, encoding="utf-8")
    else:
        mode = "WAL" if kind == "foreign-wal" else "DELETE"
        raw(db, f"PRAGMA journal_mode = {mode}", "CREATE TABLE bookmarks (url TEXT)")
    before = snapshot(tmp_path)
    err = refused(runner, command, db)
    assert "ledger" in err
    assert snapshot(tmp_path) == before


def test_an_empty_file_becomes_a_ledger_only_by_ingest(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    db.touch()
    err = refused(runner, ["db", "upgrade"], db)
    assert "is empty" in err
    assert db.stat().st_size == 0


def test_db_upgrade_refuses_another_programs_database(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "data.db"
    raw(db, "CREATE TABLE bookmarks (url TEXT)")
    before = snapshot(tmp_path)
    assert "not a claimledger ledger" in refused(runner, ["db", "upgrade"], db)
    assert snapshot(tmp_path) == before


# ---------------------------------------------------------------------- a newer ledger


@pytest.fixture
def newer(tmp_path: Path) -> Path:
    db = tmp_path / "ledger.db"
    SQLiteStore(db).close()
    raw(db, f"INSERT INTO schema_migrations VALUES ('{SCHEMA_VERSION + 1:03d}_later', 'x')")
    return db


@pytest.mark.parametrize("command", READ_COMMANDS + WRITE_COMMANDS, ids=lambda c: c[0])
def test_every_command_refuses_a_newer_ledger_before_writing(
    runner: CliRunner, tmp_path: Path, newer: Path, command: list[str]
) -> None:
    before = snapshot(tmp_path)
    err = refused(runner, command, newer)
    assert err.strip() == f"Error: {newer}: {NEWER}"
    assert snapshot(tmp_path) == before


# ---------------------------------------------------------------------- SQLite's failures


@pytest.fixture
def ledger(tmp_path: Path) -> Path:
    db = tmp_path / "ledger.db"
    SQLiteStore(db).close()
    return db


def damage_table(db: Path, table: str) -> None:
    """Overwrite the first page of one table, as a bad disk or a stray write would."""
    with sqlite3.connect(db) as conn:
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,))
    conn.close()
    with db.open("r+b") as handle:
        handle.seek((root[0] - 1) * 4096)
        handle.write(b"\xa5" * 4096)


@pytest.mark.parametrize(
    "command", [["report"], ["export"], ["db", "upgrade"], ["ingest", "one.jsonl"]], ids=str
)
def test_a_damaged_ledger_fails_the_whole_ledger_commands(
    runner: CliRunner, ledger: Path, command: list[str]
) -> None:
    damage_table(ledger, "articles")  # a table a summary does not read
    before = ledger.read_bytes()
    err = refused(runner, command, ledger)
    assert "damaged" in err
    assert "backup" in err
    assert ledger.read_bytes() == before


def test_a_damaged_table_is_an_error_not_a_traceback(runner: CliRunner, ledger: Path) -> None:
    damage_table(ledger, "clusters")
    assert "damaged" in refused(runner, ["clusters"], ledger)


def test_ingest_into_a_locked_ledger(
    runner: CliRunner, ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_MS", 200)
    before = dump(ledger)
    other = sqlite3.connect(ledger, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        err = refused(runner, ["ingest", "one.jsonl"], ledger)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "locked" in err
    assert "try again" in err
    assert dump(ledger) == before


def test_ingest_onto_a_full_disk_keeps_the_ledger_whole(
    runner: CliRunner, nlp: Language, ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = SQLiteStore._connect

    def small_disk(self: SQLiteStore, *args: Any) -> sqlite3.Connection:
        db = real(self, *args)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    monkeypatch.setattr(SQLiteStore, "_connect", small_disk)
    record = json.loads(Path("one.jsonl").read_text(encoding="utf-8"))
    record["text"] = "\n\n".join([record["text"]] * 8)  # more than the free pages hold
    Path("long.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    before = dump(ledger)
    err = refused(runner, ["ingest", "long.jsonl"], ledger)
    assert "full" in err
    assert "free" in err
    monkeypatch.undo()
    assert dump(ledger) == before
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()


@pytest.fixture
def read_only_ledger() -> Iterator[Path]:
    """A ledger (WAL, no -wal or -shm beside it) in a folder no one but root may write."""
    folder = Path(tempfile.mkdtemp(prefix="claimledger-ro-"))
    db = folder / "ledger.db"
    SQLiteStore(db).close()
    db.chmod(0o444)
    folder.chmod(0o555)
    yield db
    folder.chmod(0o755)
    shutil.rmtree(folder)


def test_the_read_commands_read_a_ledger_in_a_read_only_folder(
    runner: CliRunner, read_only_ledger: Path, as_another_user: Callable[[Callable[[], str]], str]
) -> None:
    before = snapshot(read_only_ledger.parent)

    def check() -> str:
        out = []
        for command in READ_COMMANDS:
            code, _, err = run(runner, *command, "--db", read_only_ledger)
            out.append(f"{command[0]} {code} {err.strip()}")
        return "\n".join(out)

    lines = as_another_user(check).splitlines()
    assert lines[:-1] == [f"{c[0]} 0 " for c in READ_COMMANDS[:-1]]
    assert lines[-1] == f"claim 1 Error: no claim 'abc:c1' in {read_only_ledger} " + (
        "(no article 'abc'); `claimledger claims` lists ids"
    )
    assert snapshot(read_only_ledger.parent) == before


def test_db_upgrade_of_a_read_only_ledger(
    runner: CliRunner, read_only_ledger: Path, as_another_user: Callable[[Callable[[], str]], str]
) -> None:
    def check() -> str:
        code, out, err = run(runner, "db", "upgrade", "--db", read_only_ledger)
        return f"{code} {out}{err}"

    out = as_another_user(check)
    assert out.startswith(f"1 Error: {read_only_ledger}: "), out
    assert "read-only" in out


# ---------------------------------------------------------------------- URLs


@pytest.mark.parametrize("command", [["ingest", "one.jsonl"], ["db", "upgrade"], *READ_COMMANDS])
def test_a_postgresql_server_that_cannot_be_reached(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    """A PostgreSQL URL is a database, never a file path: with no server there, every command
    says so, naming the URL (its password hidden), and makes nothing on disk."""
    url = "postgresql://claims:secret@127.0.0.1:1/ledger"
    before = snapshot(tmp_path)
    code, out, err = run(runner, *command, "--db", url)
    assert code == 1
    said = "Error: postgresql://claims:***@127.0.0.1:1/ledger: cannot reach the PostgreSQL"
    assert err.startswith(said), err
    assert "secret" not in out + err
    assert out == ""
    assert snapshot(tmp_path) == before, "a folder named postgresql: was made"


def test_a_url_in_the_environment_is_refused(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLAIMLEDGER_DB", "mongodb://db.example/ledger")
    code, _, err = run(runner, "ingest", "one.jsonl")
    assert code == 1
    assert err.startswith("Error: mongodb://db.example/ledger: unsupported ledger URL scheme")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["one.jsonl"]


def test_a_sqlite_url_names_a_file(runner: CliRunner, ledger: Path) -> None:
    code, out, err = run(runner, "sources", "--db", "sqlite:///ledger.db", "--format", "json")
    assert code == 0, err
    assert json.loads(out) == []
    code, out, err = run(runner, "db", "upgrade", "--db", f"sqlite:///{ledger}")
    assert code == 0, err
    assert out.strip() == f"{ledger}: schema up to date"


def test_a_column_added_behind_claimledgers_back_is_an_error_and_nothing_is_written(
    runner: CliRunner, nlp: Language, ledger: Path
) -> None:
    raw(ledger, "ALTER TABLE claims ADD COLUMN confidence REAL")  # no migration row says so
    before = dump(ledger)
    err = refused(runner, ["ingest", "one.jsonl"], ledger)
    assert "table claims has 16 columns" in err
    assert "not as claimledger made them" in err
    assert dump(ledger) == before
