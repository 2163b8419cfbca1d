"""Which store a ``--db`` value names: a SQLite file (a path or ``sqlite:///path``) or a
PostgreSQL database (``postgresql://user@host:port/db``); both behind the same protocol."""

from __future__ import annotations

from claimledger.store.ledgerfile import ledger_path
from claimledger.store.sqlite import SQLiteStore


def is_postgres(given: str) -> bool:
    from claimledger.store.postgres import is_postgres_url

    return is_postgres_url(given)


def ledger_name(given: str) -> str:
    """How messages name the ledger: the file path, or the URL without its password."""
    if is_postgres(given):
        from claimledger.store.postgres import redacted

        return redacted(given)
    return ledger_path(given)


def open_store(
    given: str, *, write: bool = False, upgrade: bool = False, verify: bool = False
) -> SQLiteStore:
    """The store ``given`` names: for ingest (``write``: created if missing), for ``db
    upgrade`` (``upgrade``), or read-only (never created or changed); ``verify`` checks a
    SQLite file's pages first (PostgreSQL checks its own)."""
    cls: type[SQLiteStore] = SQLiteStore
    target = given
    if is_postgres(given):
        from claimledger.store.postgres import PostgresStore

        cls = PostgresStore
    else:
        target = ledger_path(given)
    if upgrade:
        return cls.for_upgrade(target)
    if write:
        return cls(target, create=True, verify=verify)
    return cls.for_reading(target, verify=verify)
