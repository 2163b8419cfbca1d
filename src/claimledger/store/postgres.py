"""The PostgreSQL ledger store: the SQLite store's queries, spoken to PostgreSQL.

``PostgresStore`` is ``SQLiteStore`` with another connection: every query of the store is
written once, in the SQLite dialect, and ``PgConnection`` translates each (once, cached) to
PostgreSQL's: placeholders, ``INSERT OR IGNORE / OR REPLACE`` as ``ON CONFLICT``, ``rowid`` as
the ``row_id`` column (``pg_migrations.py``), ``COLLATE NOCASE`` as ``lower()``, ``LIKE`` as
``ILIKE``, and NULLs sorted first as SQLite sorts them. One set of queries keeps the two
backends' behaviour, and their exports, the same; the tests run the store's suite on both.

Concurrent writers. Every write transaction first takes one transaction-scoped advisory lock
(``pg_advisory_xact_lock``), so the writers of one ledger database take turns, as SQLite's
``BEGIN IMMEDIATE`` makes them: the incremental analysis reads the clusters an article may join
and writes its verdicts in the same transaction, and no other writer changes them meanwhile, so
no update is lost (two articles joining one cluster at once are applied one after the other).
Readers never wait (MVCC). The parse, which costs far more than the write, runs in parallel in
each ingest process; the lock serialises only the writes.
"""

from __future__ import annotations

import atexit
import functools
import logging
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from claimledger.errors import (
    LedgerFullError,
    LedgerLockedError,
    LedgerReadOnlyError,
    NotALedgerError,
    StoreError,
)
from claimledger.store.failures import translate_errors
from claimledger.store.ledgerfile import check_not_newer, migration_number
from claimledger.store.migrations import MIGRATIONS, Migration
from claimledger.store.pg_migrations import PG_MIGRATIONS
from claimledger.store.reads import SearchHit, fts_query
from claimledger.store.sqlite import _FILLS, _OWNERS, SQLiteStore, _statements

log = logging.getLogger(__name__)

LOCK_KEY = 0x636C_6169_6D6C  # "claiml": the advisory lock every writer of a ledger takes
TEXT_CONFIG = "simple"  # words as written, lower-cased: no stemming (FTS5's unicode61 neither)
CONNECT_TIMEOUT_S = 10
SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")


def is_postgres_url(text: str) -> bool:
    return re.match(r"(?i)(postgresql|postgres)(\+psycopg)?://", text) is not None


def redacted(url: str) -> str:
    """The URL without its password, to name the ledger in messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"{parts.username}:***@{host}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


def _libpq_url(url: str) -> str:
    return re.sub(r"(?i)^(postgresql|postgres)(\+psycopg)?://", "postgresql://", url)


# ---------------------------------------------------------------------- translation

_INSERT = re.compile(r"^\s*INSERT\s+OR\s+(IGNORE|REPLACE)\s+INTO\s+(\w+)\s*", re.I)
_COLUMNS = re.compile(r"^\(([^)]*)\)\s*")
_NOCASE_EQ = re.compile(r"([\w.]+) = \? COLLATE NOCASE")
_SET_SELF = re.compile(r"(DO UPDATE SET )(\w+) = \2\b")


class Catalog:
    """What the translation needs of the schema: each table's columns and primary key."""

    def __init__(self, columns: dict[str, list[str]], keys: dict[str, list[str]]) -> None:
        self.columns = columns
        self.keys = keys


def translate_sql(sql: str, catalog: Catalog, has_args: bool) -> str:
    """One statement of the SQLite store in PostgreSQL's dialect."""
    out = sql
    conflict = ""
    found = _INSERT.match(out)
    if found:
        action, table = found.group(1).upper(), found.group(2)
        rest = out[found.end() :]
        listed = _COLUMNS.match(rest)
        if listed and not rest.upper().startswith("(SELECT"):
            columns = [c.strip() for c in listed.group(1).split(",")]
        else:
            values = re.search(r"VALUES\s*\(([^)]*)\)", rest, re.I)
            width = values.group(1).count(",") + 1 if values else len(catalog.columns[table])
            columns = catalog.columns[table][:width]
        out = f"INSERT INTO {table} {rest}"
        if action == "IGNORE":
            conflict = " ON CONFLICT DO NOTHING"
        else:
            key = catalog.keys[table]
            sets = [f"{c} = EXCLUDED.{c}" for c in columns if c not in key]
            if "row_id" in catalog.columns[table]:
                sets.append("row_id = DEFAULT")  # REPLACE is a new row: it joins last
            conflict = f" ON CONFLICT ({', '.join(key)}) DO " + (
                f"UPDATE SET {', '.join(sets)}" if sets else "NOTHING"
            )
    table = re.match(r"^\s*INSERT\s+INTO\s+(\w+)", out, re.I)
    if table:
        into = table.group(1)
        out = _SET_SELF.sub(lambda m: f"{m.group(1)}{m.group(2)} = {into}.{m.group(2)}", out)
    out = _NOCASE_EQ.sub(r"lower(\1) = lower(?)", out)
    out = re.sub(r"\browid\b", "row_id", out)
    out = re.sub(r"\bLIKE\b", "ILIKE", out)
    out = out.replace(
        "datetime('now')", "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')"
    )
    out = _nulls_first(out) + conflict
    return _placeholders(out) if has_args else out


_IN_LIST = re.compile(r"\bIN \((\?(?:\s*,\s*\?)*)\)")


def in_lists(sql: str) -> tuple[str, tuple[int, ...]]:
    """``x IN (?,?,?)`` as ``x = ANY(?)``, one array argument: one statement text whatever the
    list's length, so PostgreSQL plans it once (prepared) instead of once per length. Returns
    the statement and, for each ``?`` left, how many arguments it takes (0: one scalar)."""
    widths: list[int] = []
    out, pos = [], 0
    for found in _IN_LIST.finditer(sql):
        before = sql[pos : found.start()]
        widths += [0] * _marks(before)
        out.append(before + "= ANY(?)")
        widths.append(found.group(1).count("?"))
        pos = found.end()
    rest = sql[pos:]
    widths += [0] * _marks(rest)
    out.append(rest)
    return "".join(out), tuple(widths)


def _marks(sql: str) -> int:
    quoted, count = False, 0
    for ch in sql:
        if ch == "'":
            quoted = not quoted
        elif ch == "?" and not quoted:
            count += 1
    return count


def pack(args: Sequence[Any], widths: tuple[int, ...]) -> tuple[Any, ...]:
    """The arguments of a statement whose IN lists became arrays (``in_lists``)."""
    if not any(widths):
        return tuple(args)
    out: list[Any] = []
    n = 0
    for width in widths:
        if width:
            out.append(list(args[n : n + width]))
            n += width
        else:
            out.append(args[n])
            n += 1
    return tuple(out)


def _nulls_first(sql: str) -> str:
    """SQLite sorts NULLs before every value ascending (after them descending); PostgreSQL the
    other way round: each ORDER BY item says which it wants."""
    out, pos = [], 0
    for found in re.finditer(r"\bORDER BY\b", sql, re.I):
        if found.start() < pos:
            continue
        out.append(sql[pos : found.end()])
        start = found.end()
        end = _order_end(sql, start)
        items = _split_top(sql[start:end])
        rewritten = []
        for item in items:
            text = item.strip()
            descending = re.search(r"\bDESC$", text, re.I) is not None
            rewritten.append(f" {text} NULLS {'LAST' if descending else 'FIRST'}")
        out.append(",".join(rewritten))
        pos = end
    out.append(sql[pos:])
    return "".join(out)


def _order_end(sql: str, start: int) -> int:
    depth = 0
    for n in range(start, len(sql)):
        ch = sql[n]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return n
            depth -= 1
        elif depth == 0 and re.match(r"\s+(LIMIT|OFFSET|UNION)\b", sql[n:], re.I):
            return n
    return len(sql)


def _split_top(text: str) -> list[str]:
    items: list[str] = []
    current: list[str] = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(ch)
    items.append("".join(current))
    return items


def _placeholders(sql: str) -> str:
    """``?`` as ``%s`` outside string literals; a literal ``%`` doubled."""
    out, quoted = [], False
    for ch in sql:
        if ch == "'":
            quoted = not quoted
        if ch == "%":
            out.append("%%")
        elif ch == "?" and not quoted:
            out.append("%s")
        else:
            out.append(ch)
    return "".join(out)


# ---------------------------------------------------------------------- the connection


def translate_pg(name: str, exc: Exception) -> StoreError:
    """The typed error for a failure of PostgreSQL on the ledger ``name``."""
    import psycopg.errors as e

    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if isinstance(exc, e.ReadOnlySqlTransaction | e.InsufficientPrivilege):
        return LedgerReadOnlyError(
            f"{name}: the database refuses this write ({text}); ingest and upgrade need a "
            "PostgreSQL role that may create tables and write them"
        )
    if isinstance(exc, e.DiskFull | e.OutOfMemory):
        return LedgerFullError(
            f"{name}: the database server is out of space ({text}); the write in progress was "
            "rolled back and nothing stored before it is lost; free some space and run again"
        )
    if isinstance(exc, e.LockNotAvailable | e.DeadlockDetected | e.SerializationFailure):
        return LedgerLockedError(
            f"{name}: the ledger is locked by another writer ({text}); try again when it has "
            "finished"
        )
    if isinstance(exc, e.UndefinedTable | e.UndefinedColumn):
        return StoreError(
            f"{name}: the ledger's tables are not as claimledger made them ({text}); if another "
            "program or a newer claimledger changed them, restore a backup or upgrade "
            "claimledger (nothing was written)"
        )
    import psycopg

    if isinstance(exc, psycopg.OperationalError):
        return StoreError(
            f"{name}: cannot reach the PostgreSQL server ({text}); check that it runs and "
            "that the URL's host, port, user and database are right (a write in progress was "
            "rolled back)"
        )
    return StoreError(
        f"{name}: PostgreSQL failed on the ledger ({type(exc).__name__}: {text}); if the "
        "database is intact this is a bug in claimledger: please report it"
    )


class PgConnection:
    """The part of ``sqlite3.Connection`` the store uses, over one psycopg connection, each
    statement translated from the SQLite dialect; PostgreSQL's failures raised as StoreErrors."""

    def __init__(self, raw: Any, name: str) -> None:
        self.raw = raw
        self.name = name
        self.catalog = Catalog({}, {})
        self._cache: dict[tuple[str, bool], tuple[str, tuple[int, ...]]] = {}

    def refresh_catalog(self) -> None:
        columns: dict[str, list[str]] = {}
        keys: dict[str, list[str]] = {}
        for table, column in self._raw(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
        ):
            columns.setdefault(table, []).append(column)
        for table, column in self._raw(
            "SELECT tc.table_name, kc.column_name FROM information_schema.table_constraints tc "
            "JOIN information_schema.key_column_usage kc "
            "ON kc.constraint_name = tc.constraint_name AND kc.table_schema = tc.table_schema "
            "WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema() "
            "ORDER BY tc.table_name, kc.ordinal_position"
        ):
            keys.setdefault(table, []).append(column)
        self.catalog = Catalog(columns, keys)
        self._cache.clear()

    def _sql(self, sql: str, has_args: bool) -> tuple[str, tuple[int, ...]]:
        key = (sql, has_args)
        found = self._cache.get(key)
        if found is None:
            if not self.catalog.columns and _INSERT.match(sql):
                self.refresh_catalog()  # read when first needed: a read-only open never asks
            arrays, widths = in_lists(sql) if has_args else (sql, ())
            found = self._cache[key] = (translate_sql(arrays, self.catalog, has_args), widths)
        return found

    def _raw(self, sql: str, args: Sequence[Any] | None = None) -> Any:
        import psycopg

        try:
            return self.raw.execute(sql, args)
        except psycopg.Error as exc:
            raise translate_pg(self.name, exc) from exc

    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        args = tuple(args)
        statement, widths = self._sql(sql, bool(args))
        return self._raw(statement, pack(args, widths) if args else None)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        import psycopg

        batch = [tuple(r) for r in rows]
        if not batch:
            return
        statement, widths = self._sql(sql, True)
        try:
            with self.raw.cursor() as cursor:
                cursor.executemany(statement, [pack(r, widths) for r in batch])
        except psycopg.Error as exc:
            raise translate_pg(self.name, exc) from exc

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return bool(self.raw.info.transaction_status != TransactionStatus.IDLE)

    def getlimit(self, _category: int) -> int:
        return 30_000  # PostgreSQL takes 65,535 parameters a statement

    def close(self) -> None:
        self.raw.close()


# ---------------------------------------------------------------------- the store


@translate_errors
class PostgresStore(SQLiteStore):
    """A ledger in a PostgreSQL database (its current schema; ``?options=-csearch_path=x``
    in the URL puts it in schema x). Opened to read, its session is read-only."""

    backend = "postgresql"

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        check_schema: bool = True,
        read_only: bool = False,
        verify: bool = False,
    ) -> None:
        self.url = str(path)
        self.path = redacted(self.url)
        self.read_only = read_only
        self.pg = self._open()
        self.db = self.pg  # type: ignore[assignment]  # the sqlite3.Connection surface it uses
        try:
            if not read_only:
                if create:
                    self._bootstrap()
                elif not self.applied_migrations():
                    raise StoreError(f"{self.path}: holds no ledger yet; ingest into it first")
            elif not self.applied_migrations():
                raise StoreError(
                    f"{self.path}: holds no ledger yet; ingest into it first "
                    "(`claimledger ingest FILES --db URL`)"
                )
            self._check_schema(pending_ok=not check_schema)
            if not read_only:
                self._claim_for_writing()
        except BaseException:
            self.db.close()
            raise

    def _open(self) -> PgConnection:  # type: ignore[override]
        if self.read_only:
            kept = _READERS.take(self.url)
            if kept is not None:
                return kept
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError(
                f"{self.path}: a PostgreSQL ledger needs psycopg: "
                "pip install 'claimledger[postgres]'"
            ) from exc
        try:
            raw = psycopg.connect(
                _libpq_url(self.url),
                autocommit=True,
                connect_timeout=CONNECT_TIMEOUT_S,
                application_name="claimledger",
            )
        except psycopg.Error as exc:
            raise translate_pg(self.path, exc) from exc
        except Exception as exc:  # a malformed URL: psycopg's ProgrammingError, or ValueError
            raise StoreError(f"{self.path}: not a usable PostgreSQL URL ({exc})") from exc
        raw.prepare_threshold = 1  # the store's statements repeat: planned once each
        raw.prepared_max = 500
        db = PgConnection(raw, self.path)
        if self.read_only:
            db.execute("SET default_transaction_read_only = on")
        return db

    def close(self) -> None:
        if self.read_only and _READERS.give_back(self.url, self.pg):
            return
        self.pg.close()

    # ------------------------------------------------------------------ schema

    def _claim_for_writing(self) -> None:
        """Refuse now, not after the articles are extracted, a role that may not write."""
        row = self.db.execute(
            "SELECT has_table_privilege('articles', 'INSERT') "
            "AND has_table_privilege('claim_clusters', 'UPDATE')"
        ).fetchone()
        if not row or not row[0]:
            raise LedgerReadOnlyError(
                f"{self.path}: this PostgreSQL role may read the ledger but not write it; "
                "ingest and upgrade need a role with INSERT, UPDATE and DELETE on its tables"
            )

    def applied_migrations(self) -> list[str]:
        found = self.db.execute("SELECT to_regclass('schema_migrations')").fetchone()
        if not found or found[0] is None:
            return []
        return [r[0] for r in self.db.execute("SELECT name FROM schema_migrations ORDER BY name")]

    def _tables(self) -> set[str]:
        rows = self.db.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        )
        return {r[0] for r in rows}

    def _header(self) -> tuple[int, int]:
        number = max((migration_number(n) for n in self.applied_migrations()), default=0)
        return (0, number)

    def _stamp(self) -> bool:
        return False  # PostgreSQL has no file header: schema_migrations is the record

    def _check_schema(self, *, pending_ok: bool) -> None:
        check_not_newer(self.path, self.applied_migrations(), 0, MIGRATIONS)
        pending = self.pending_migrations()
        if pending and not pending_ok:
            raise StoreError(
                f"{self.path} needs schema migrations {', '.join(pending)}: "
                "run `claimledger db upgrade --db URL` first (back the database up if unsure)"
            )

    def _bootstrap(self) -> None:
        if "schema_migrations" in self._tables() and self.applied_migrations():
            return
        with self.transaction():
            tables = self._tables()
            if "schema_migrations" in tables and self.applied_migrations():
                return
            if tables - {"schema_migrations"}:
                raise NotALedgerError(
                    f"{self.path}: the database already holds tables that are not a "
                    "claimledger ledger; give another database (or a schema: "
                    "?options=-csearch_path=NAME)"
                )
            self.db.execute(
                'CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT COLLATE "C" PRIMARY KEY, '
                "applied_at TEXT)"
            )
            for migration in MIGRATIONS:
                self._apply(migration)

    def upgrade(self) -> list[str]:
        applied = super().upgrade()
        self.pg.refresh_catalog()
        return applied

    def _apply(self, migration: Migration) -> None:
        ours = _PG[migration.name]
        try:
            for statement in _statements(ours.sql):
                self.db.execute(statement)
            self.pg.refresh_catalog()
            if ours.fill:
                _FILLS[ours.fill](self.db)
            self.db.execute(
                "INSERT INTO schema_migrations VALUES (?, datetime('now'))", (migration.name,)
            )
        except StoreError as exc:
            if type(exc) is not StoreError:
                raise
            raise StoreError(
                f"{self.path}: migration {migration.name} failed ({exc}) and was rolled back; "
                "the migrations before it are applied. Please report this"
            ) from exc
        log.info("applied migration %s to %s", migration.name, self.path)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction, its writer alone (the advisory lock: see the module's
        docstring); rolled back on any exception, Ctrl-C included."""
        if self.db.in_transaction:
            yield
            return
        self.db.execute("BEGIN")
        try:
            self.db.execute("SELECT pg_advisory_xact_lock(?)", (LOCK_KEY,))
            yield
            self.db.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        if not self.db.in_transaction:
            return
        try:
            self.db.execute("ROLLBACK")
        except StoreError as exc:
            log.warning("%s: rollback failed too: %s", self.path, exc)

    # ------------------------------------------------------------------ fewer round trips
    # The analysis of one article asks for the candidates of each of its claims term by term
    # and numbers its clusters one by one; under SQLite those are function calls, here each is
    # a round trip to the server (about half of the writer's time on real articles). These
    # overrides give the same results in one statement each.

    def candidates(
        self, table: str, terms: Sequence[str], exclude_doc: str, per_term: int
    ) -> list[str]:
        """``SQLiteStore.candidates`` in one statement: the newest ``per_term`` owners of each
        term (a lateral join), in the order of the terms and then newest first."""
        if not terms:
            return []
        owners = _OWNERS[table]
        rows = self.pg._raw(
            f"SELECT o.id FROM unnest(%s::text[]) WITH ORDINALITY AS q(term, n) "
            f"CROSS JOIN LATERAL (SELECT owner_row FROM {table} WHERE term = q.term "
            f"ORDER BY owner_row DESC LIMIT %s) t JOIN {owners} o ON o.row_id = t.owner_row "
            "JOIN articles a ON a.doc_id = o.doc_id WHERE a.is_current = 1 AND o.doc_id <> %s "
            "ORDER BY q.n, t.owner_row DESC",
            (list(terms), per_term, exclude_doc),
        )
        return list(dict.fromkeys(r[0] for r in rows))

    def next_id(self, counter: str) -> int:
        row = self.pg._raw(
            "INSERT INTO counters VALUES (%s, 1) ON CONFLICT (name) "
            "DO UPDATE SET value = counters.value + 1 RETURNING value",
            (counter,),
        ).fetchone()
        return int(row[0])

    def put_terms(self, table: str, owner: str, terms: Iterable[str]) -> None:
        """``SQLiteStore.put_terms`` in one statement a table: the owner's row looked up by
        the insert itself."""
        unique = sorted(set(terms))
        if not unique:
            return
        owners = _OWNERS[table]
        self.pg._raw(
            f"INSERT INTO {table} (term, owner_row) SELECT t, (SELECT row_id FROM {owners} "
            "WHERE id = %s) FROM unnest(%s::text[]) AS t ON CONFLICT DO NOTHING",
            (owner, unique),
        )
        if table == "claim_terms":
            self.pg._raw(
                "INSERT INTO term_counts SELECT t, 1 FROM unnest(%s::text[]) AS t "
                "ON CONFLICT (term) DO UPDATE SET count = term_counts.count + 1",
                (unique,),
            )

    # ------------------------------------------------------------------ text search

    def _index_text(self, doc_id: str) -> None:
        self.db.execute(
            "INSERT INTO article_search (row_id, words) "
            f"SELECT row_id, to_tsvector('{TEXT_CONFIG}', COALESCE(title, '') || ' ' || text) "
            "FROM articles WHERE doc_id = ?",
            (doc_id,),
        )
        self.db.execute(
            "INSERT INTO claim_search (row_id, words) "
            f"SELECT row_id, to_tsvector('{TEXT_CONFIG}', content) FROM claims WHERE doc_id = ?",
            (doc_id,),
        )

    def _text_filter(self, alias: str, table: str, text: str) -> tuple[str, str] | None:
        query = _tsquery(text)
        if query is None:
            return None
        return (
            f"{alias}.rowid IN (SELECT row_id FROM {table} "
            f"WHERE words @@ to_tsquery('{TEXT_CONFIG}', ?))",
            query,
        )

    def search(self, text: str, limit: int) -> list[SearchHit]:
        query = _tsquery(text)
        if query is None:
            return []
        marks = "StartSel=[, StopSel=], MaxWords=16, MinWords=4, MaxFragments=1"
        hits: list[tuple[float, SearchHit]] = []
        for row in self.db.execute(
            f"SELECT a.doc_id, ts_headline('{TEXT_CONFIG}', COALESCE(a.title, '') || ' ' || "
            f"a.text, q, '{marks}'), ts_rank(s.words, q) AS r "
            f"FROM article_search s JOIN articles a ON a.row_id = s.row_id, "
            f"to_tsquery('{TEXT_CONFIG}', ?) q "
            "WHERE s.words @@ q AND a.is_current = 1 ORDER BY r DESC, a.doc_id LIMIT ?",
            (query, limit),
        ):
            hits.append((-float(row[2]), SearchHit("article", row[0], row[0], row[1])))
        for row in self.db.execute(
            f"SELECT c.id, c.doc_id, ts_headline('{TEXT_CONFIG}', c.content, q, '{marks}'), "
            "ts_rank(s.words, q) AS r "
            "FROM claim_search s JOIN claims c ON c.row_id = s.row_id "
            f"JOIN articles a ON a.doc_id = c.doc_id, to_tsquery('{TEXT_CONFIG}', ?) q "
            "WHERE s.words @@ q AND a.is_current = 1 ORDER BY r DESC, c.id LIMIT ?",
            (query, limit),
        ):
            hits.append((-float(row[3]), SearchHit("claim", row[0], row[1], row[2])))
        hits.sort(key=lambda h: h[0])
        return [h for _, h in hits[:limit]]


def _tsquery(text: str) -> str | None:
    """Every word of ``text`` as a tsquery that matches rows holding all of them, each word
    quoted: never query syntax, so no input makes the query fail (as ``fts_query`` for FTS5)."""
    if fts_query(text) is None:
        return None
    words = [w for w in text.split() if any(ch.isalnum() for ch in w)][:32]
    quoted = []
    for word in words:
        inner = "".join(ch if ch.isalnum() else " " for ch in word).split()
        if inner:
            quoted.append("(" + " <-> ".join("'" + w + "'" for w in inner) + ")")
    return " & ".join(quoted) if quoted else None


class ReaderPool:
    """Idle read-only connections kept for the next reader of the same database, when enabled
    (``serve`` enables it: the API opens the ledger once per request, and a new connection to
    the server costs more than the request's queries). Off by default: a command opens its
    ledger once and closes the connection when done."""

    def __init__(self, per_database: int = 8) -> None:
        self.enabled = False
        self.per_database = per_database
        self._idle: dict[str, list[PgConnection]] = {}
        self._lock = threading.Lock()

    def take(self, url: str) -> PgConnection | None:
        if not self.enabled:
            return None
        with self._lock:
            idle = self._idle.get(url, [])
            while idle:
                db = idle.pop()
                if not db.raw.closed and not db.in_transaction:
                    return db
                db.raw.close()
        return None

    def give_back(self, url: str, db: PgConnection) -> bool:
        """Keep ``db`` for the next reader; False when it is not kept (then close it)."""
        if not self.enabled or db.raw.closed or db.in_transaction:
            return False
        with self._lock:
            idle = self._idle.setdefault(url, [])
            if len(idle) >= self.per_database:
                return False
            idle.append(db)
        return True

    def close_all(self) -> None:
        with self._lock:
            for idle in self._idle.values():
                for db in idle:
                    db.raw.close()
            self._idle.clear()


_READERS = ReaderPool()
atexit.register(_READERS.close_all)


def enable_reader_pool() -> None:
    """Keep read-only connections for reuse in this process (the API server)."""
    _READERS.enabled = True


_PG = {m.name: m for m in PG_MIGRATIONS}


@functools.cache
def _check_lists() -> None:
    """The two migration lists name the same steps in the same order (checked once)."""
    ours = [m.name for m in PG_MIGRATIONS]
    if ours != [m.name for m in MIGRATIONS]:  # pragma: no cover  (a developer's slip)
        raise RuntimeError(f"pg_migrations.py names {ours}, migrations.py others")


_check_lists()
