"""The SQLite ledger store: the only module that speaks SQL.

A path is identified before it is opened (store.ledgerfile): only a ledger, or nothing yet for
ingest to create, is opened for writing; the read commands open it read-only. SQLite's
failures reach callers as typed StoreErrors naming the file (store.failures).

One file, WAL mode, a busy timeout so that two processes can ingest into one database (SQLite
serialises their write transactions). Each article is written, with the analysis it triggers,
in one ``BEGIN IMMEDIATE`` transaction: a failure or Ctrl-C part way leaves the database as it
was before that article.
"""

from __future__ import annotations

import json
import logging
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from claimledger.analyze.copies import Signature, signature
from claimledger.errors import NotALedgerError, StoreError
from claimledger.models import Extraction, Roles
from claimledger.store.failures import corrupt, translate, translate_errors, translated
from claimledger.store.ledgerfile import (
    APPLICATION_ID,
    FileState,
    check_not_newer,
    inspect_file,
    ledger_path,
    migration_number,
    open_readonly,
    refuse,
)
from claimledger.store.migrations import MIGRATIONS, Migration
from claimledger.store.reads import LedgerReads
from claimledger.store.records import (
    ArticleRecord,
    Check,
    ClaimRecord,
    Cluster,
    DescriptorConflict,
    MentionRecord,
    QuantityRecord,
    SourceGrade,
)
from claimledger.store.rows import (
    CHECK_COLS,
    CLUSTER_COLS,
    article_cols,
    article_row,
    check_row,
    cluster_row,
)

log = logging.getLogger(__name__)
BUSY_TIMEOUT_MS = 60_000
MAX_IDS = 5_000  # ids per IN (...) list


@translate_errors
class SQLiteStore(LedgerReads):
    """A ledger in one SQLite file. Opened to read (``for_reading``) it is never written, and
    nothing is created beside it but SQLite's own -wal and -shm of a WAL ledger."""

    backend = "sqlite"

    @classmethod
    def for_upgrade(cls, path: str | Path) -> SQLiteStore:
        """Open a ledger that may need migrations, to apply them (after a check of its pages:
        a migration must not rewrite a damaged file)."""
        return cls(path, create=False, check_schema=False, verify=True)

    @classmethod
    def for_reading(cls, path: str | Path, *, verify: bool = False) -> SQLiteStore:
        """Open an existing ledger read-only; ``verify`` first checks every page (for the
        commands that summarise the whole ledger, which must not report a damaged one)."""
        return cls(path, create=False, read_only=True, verify=verify)

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        check_schema: bool = True,
        read_only: bool = False,
        verify: bool = False,
    ) -> None:
        self.path = ledger_path(path)
        self.read_only = read_only
        self._identify(create=create and not read_only)
        self.db = self._open()
        try:
            with translated(self.path):
                if not read_only:
                    self._bootstrap()
                    self._claim_for_writing()
                self._check_schema(pending_ok=not check_schema)
                if verify:
                    self._verify()
        except BaseException:
            self.db.close()
            raise

    def _identify(self, *, create: bool) -> FileState:
        """What the path holds, found out before anything is opened for writing."""
        if self.path == ":memory:":
            return FileState("missing")
        target = Path(self.path)
        if target.is_dir():
            raise StoreError(f"{self.path} is a directory; give a database file path")
        state = inspect_file(target, MIGRATIONS)
        refuse(target, state, may_create=create)
        if create and state.kind == "missing":
            _make_folder(target)
        return state

    def _open(self) -> sqlite3.Connection:
        if not self.read_only:
            return self._connect()
        with translated(self.path):
            return open_readonly(Path(self.path), BUSY_TIMEOUT_MS / 1000)

    def _connect(self) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as exc:
            raise translate(self.path, exc) from exc
        try:
            with translated(self.path):
                db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                _set_wal(db)
                db.execute("PRAGMA synchronous = NORMAL")
                db.execute("PRAGMA foreign_keys = ON")
        except BaseException:
            db.close()
            raise
        return db

    def _claim_for_writing(self) -> None:
        """Take the write lock and write the header once at opening, so that a read-only file
        or a lock held by another process fails now, not after the articles are extracted;
        an older ledger gets claimledger's application_id and schema number."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            changed = self._stamp()
        except BaseException:
            self._rollback()
            raise
        self.db.execute("COMMIT" if changed else "ROLLBACK")

    def _stamp(self) -> bool:
        """Write the application_id and schema number (a write even when they are unchanged,
        which a read-only file refuses); whether either changed."""
        before = self._header()
        number = max((migration_number(n) for n in self.applied_migrations()), default=0)
        self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        self.db.execute(f"PRAGMA user_version = {max(number, before[1])}")
        return self._header() != before

    def _header(self) -> tuple[int, int]:
        return (
            self._scalar("PRAGMA application_id"),
            self._scalar("PRAGMA user_version"),
        )

    def _check_schema(self, *, pending_ok: bool) -> None:
        """Refuse a ledger a newer claimledger wrote, and (unless upgrading) one that needs
        migrations."""
        check_not_newer(self.path, self.applied_migrations(), self._header()[1], MIGRATIONS)
        pending = self.pending_migrations()
        if pending and not pending_ok:
            raise StoreError(
                f"{self.path} needs schema migrations {', '.join(pending)}: "
                "run `claimledger db upgrade` first (back the file up if unsure)"
            )

    def _verify(self) -> None:
        """Check every page (``PRAGMA quick_check``): a damaged page in a table a command
        does not read would otherwise go unnoticed."""
        self.db.text_factory = lambda raw: raw.decode("utf-8", "replace")
        try:
            found = [r[0] for r in self.db.execute("PRAGMA quick_check(5)")]
        finally:
            self.db.text_factory = str
        if found != ["ok"]:
            raise corrupt(self.path, f"PRAGMA quick_check: {'; '.join(found)}")

    def close(self) -> None:
        self.db.close()

    # ------------------------------------------------------------------ schema

    def _bootstrap(self) -> None:
        """A new, empty file gets the whole current schema in one transaction, so that a second
        process creating the same ledger meanwhile waits for it and then finds it done."""
        if self._tables() and self.applied_migrations():
            return
        with self.transaction():
            tables = self._tables()
            if "schema_migrations" in tables and self.applied_migrations():
                return
            if tables - {"schema_migrations"}:  # another program's, made since it was inspected
                raise NotALedgerError(
                    f"{self.path}: is a SQLite database but not a claimledger ledger; "
                    "give another --db path"
                )
            self.db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(name TEXT PRIMARY KEY, applied_at TEXT)"
            )
            for migration in MIGRATIONS:
                self._apply(migration)

    def _tables(self) -> set[str]:
        rows = self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {r[0] for r in rows}

    def applied_migrations(self) -> list[str]:
        if "schema_migrations" not in self._tables():
            return []
        return [r[0] for r in self.db.execute("SELECT name FROM schema_migrations ORDER BY name")]

    def pending_migrations(self) -> list[str]:
        done = set(self.applied_migrations())
        return [m.name for m in MIGRATIONS if m.name not in done]

    def upgrade(self) -> list[str]:
        """Apply every pending migration, each in its own transaction; the names applied.

        A migration that fails is rolled back whole (StoreError); those before it stay applied.
        """
        applied = []
        for migration in MIGRATIONS:
            with self.transaction():  # checked inside: another process may have applied it
                if migration.name in self.applied_migrations():
                    continue
                self._apply(migration)
            applied.append(migration.name)
        with self.transaction():
            self._stamp()  # an older ledger gets the application_id and schema number it lacks
        return applied

    def _apply(self, migration: Migration) -> None:
        """Run one migration and record it, inside the caller's transaction."""
        try:
            for statement in _statements(migration.sql):
                self.db.execute(statement)
            if migration.fill:
                _FILLS[migration.fill](self.db)
            self.db.execute(
                "INSERT INTO schema_migrations VALUES (?, datetime('now'))", (migration.name,)
            )
        except sqlite3.Error as exc:
            error = translate(self.path, exc)
            if type(error) is not StoreError:  # a full disk, a lock: not the migration's fault
                raise error from exc
            raise StoreError(
                f"{self.path}: migration {migration.name} failed ({exc}) and was rolled back; "
                "the migrations before it are applied. Please report this"
            ) from exc
        log.info("applied migration %s to %s", migration.name, self.path)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction; rolled back on any exception, Ctrl-C included, and when the
        commit itself fails (a full disk): nothing of it is kept."""
        if self.db.in_transaction:
            yield
            return
        with translated(self.path):
            self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
            with translated(self.path):
                self.db.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def _rollback(self) -> None:
        """Roll back what is left of a failed transaction (some errors make SQLite roll back
        by itself); a rollback that fails too (a damaged file) must not hide the first error."""
        if not self.db.in_transaction:
            return
        try:
            self.db.execute("ROLLBACK")
        except sqlite3.Error as exc:
            log.warning("%s: rollback failed too: %s", self.path, exc)

    # ------------------------------------------------------------------ articles

    def article_status(self, doc_id: str, key: str) -> tuple[str, list[str]]:
        """("unchanged" | "new" | "new-version", doc_ids of the current versions it replaces)."""
        if self.db.execute("SELECT 1 FROM articles WHERE doc_id = ?", (doc_id,)).fetchone():
            return "unchanged", []
        rows = self.db.execute(
            "SELECT doc_id FROM articles WHERE article_key = ? AND is_current = 1", (key,)
        ).fetchall()
        return ("new-version" if rows else "new"), [r[0] for r in rows]

    def put_article(
        self, ex: Extraction, key: str, outlet_id: str | None, ingested_at: str
    ) -> None:
        """Store an article and everything extracted from it (inside a transaction): the
        extraction as it was made (the claims contract), and its claims one proposition each
        (``extract/propositions.py``)."""
        a, src = ex.article, ex.article.source
        version = self._scalar(
            "SELECT COALESCE(MAX(version), 0) + 1 FROM articles WHERE article_key = ?", (key,)
        )
        self.db.execute("UPDATE articles SET is_current = 0 WHERE article_key = ?", (key,))
        from claimledger.export.contract import to_contract
        from claimledger.propositions import ledger_claims

        self.db.execute(
            "INSERT INTO articles VALUES (?,?,?,1,?,?,?,?,?,?,?,?,?,?,?)",
            (a.doc_id, key, version, src.outlet, outlet_id, src.url, src.path, src.title,
             src.published, src.id, ingested_at, a.text,
             json.dumps(to_contract(ex), allow_nan=False), self.next_id("arrival")),
        )  # fmt: skip
        ex = ledger_claims(ex)
        self._put_quantities(ex)
        self._put_claims(ex)
        self._put_mentions(ex)
        roles = {c.id: c.roles[0] for c in ex.claims if c.roles and c.roles[0]}
        _place_claims(self.db, [c.id for c in ex.claims], roles=roles)
        self._index_text(a.doc_id)

    def _index_text(self, doc_id: str) -> None:
        """Index an article's title and text and its claims' content for full-text search."""
        self.db.execute(
            "INSERT INTO article_search (rowid, title, text) "
            "SELECT rowid, title, text FROM articles WHERE doc_id = ?",
            (doc_id,),
        )
        self.db.execute(
            "INSERT INTO claim_search (rowid, content) "
            "SELECT rowid, content FROM claims WHERE doc_id = ?",
            (doc_id,),
        )

    def _put_claims(self, ex: Extraction) -> None:
        """The article's claims, in order (their rowids are their arrival order), then their
        chains and quantities: three batches, whatever the number of claims (one round trip
        each on PostgreSQL)."""
        rows = []
        for seq, c in enumerate(ex.claims):
            origin = c.chain[-1].name if c.chain else c.speaker.name
            rows.append((c.id, ex.article.doc_id, seq, c.content.text, c.content.start,
                         c.content.end, c.cue.text if c.cue else None, c.speaker.text,
                         c.speaker.name, c.speaker.kind, origin, int(c.hedged), c.verification,
                         c.polarity))  # fmt: skip
        self.db.executemany("INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,NULL)", rows)
        self.db.execute(  # claim_count's counter, once it exists
            "UPDATE counters SET value = value + ? WHERE name = ?", (len(rows), CLAIMS_STORED)
        )
        self.db.executemany(
            "INSERT INTO chain_hops VALUES (?,?,?,?)",
            [(c.id, n, h.name, h.kind) for c in ex.claims for n, h in enumerate(c.chain)],
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO claim_quantities VALUES (?,?)",
            [(c.id, q) for c in ex.claims for q in c.quantity_ids],
        )

    def _put_quantities(self, ex: Extraction) -> None:
        rows = []
        for q in ex.quantities:
            p = q.period
            period = (p.text, p.start, p.end) if p else (None, None, None)
            rows.append((q.id, ex.article.doc_id, q.text, q.value, q.low, q.high,
                         int(q.approximate), q.bound, q.unit, q.what, *period, q.per, q.start,
                         q.end))  # fmt: skip
        self.db.executemany("INSERT INTO quantities VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)

    def _put_mentions(self, ex: Extraction) -> None:
        doc_id = ex.article.doc_id
        affiliations = sorted(ex.affiliations())
        self.db.executemany(
            "INSERT OR IGNORE INTO affiliations VALUES (?,?,?)",
            [(doc_id, person, principal) for person, principal in affiliations],
        )
        self.db.execute(  # affiliation_count's counter, once it exists
            "UPDATE counters SET value = value + ? WHERE name = ?",
            (len(affiliations), AFFILIATIONS_STORED),
        )
        rows: list[tuple[Any, ...]] = []
        for seq, p in enumerate(ex.places):
            rows.append((doc_id, seq, "place", p.text, p.name, p.feature, None, p.lat, p.lon,
                         None, None, p.country, p.start, p.end, json.dumps(asdict(p))))  # fmt: skip
        for seq, u in enumerate(ex.units):
            rows.append((doc_id, seq, "unit", u.text, u.name, u.branch, u.registry_id, None,
                         None, u.number, u.echelon, u.side, u.start, u.end,
                         json.dumps(asdict(u))))  # fmt: skip
        for kind, actors in (("person", ex.people), ("organization", ex.organizations)):
            for seq, actor in enumerate(actors):
                data = asdict(actor)
                rows.append((doc_id, seq, kind, actor.text, actor.name, actor.kind,
                             data.get("registry_id"), None, None, None, None, None,
                             data.get("start"), data.get("end"), json.dumps(data)))  # fmt: skip
                for conflict in data.get("descriptor_conflicts") or ():
                    descriptor, expected = _conflict_parts(conflict)
                    self.db.execute(
                        "INSERT INTO descriptor_conflicts VALUES (?,?,?,?,?)",
                        (doc_id, actor.name, data.get("registry_id"), descriptor, expected),
                    )
        self.db.executemany(
            "INSERT OR IGNORE INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows
        )

    def article(self, doc_id: str) -> ArticleRecord | None:
        row = self.db.execute(f"SELECT {_ARTICLE_COLS} FROM articles WHERE doc_id = ?", (doc_id,))
        found = row.fetchone()
        return article_row(found) if found else None

    def articles(self, current_only: bool = True) -> list[ArticleRecord]:
        where = "WHERE is_current = 1" if current_only else ""
        rows = self.db.execute(
            f"SELECT {_ARTICLE_COLS} FROM articles {where} ORDER BY published, doc_id"
        )
        return [article_row(r) for r in rows]

    def article_versions(self, key: str) -> list[ArticleRecord]:
        rows = self.db.execute(
            f"SELECT {_ARTICLE_COLS} FROM articles WHERE article_key = ? ORDER BY version", (key,)
        )
        return [article_row(r) for r in rows]

    def stored_extractions(self) -> list[dict[str, Any]]:
        """Each current article's extraction as stored (the claims contract), in article order."""
        rows = self.db.execute(
            "SELECT extraction FROM articles WHERE is_current = 1 ORDER BY published, doc_id"
        )
        return [json.loads(r[0]) for r in rows]

    def mentions(self, types: Sequence[str]) -> list[MentionRecord]:
        """What the current articles name, of these types, in article order then text order."""
        marks = ",".join("?" * len(types))
        rows = self.db.execute(
            "SELECT m.doc_id, m.type, m.text, m.name, m.kind, m.lat, m.lon, m.data "
            "FROM mentions m JOIN articles a ON a.doc_id = m.doc_id "
            f"WHERE a.is_current = 1 AND m.type IN ({marks}) "
            "ORDER BY a.published, m.doc_id, m.start_char, m.type, m.seq",
            tuple(types),
        )
        return [
            MentionRecord(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7])) for r in rows
        ]

    def claim_ids_of(self, doc_ids: Sequence[str]) -> list[str]:
        marks = ",".join("?" * len(doc_ids))
        rows = self.db.execute(
            f"SELECT id FROM claims WHERE doc_id IN ({marks}) ORDER BY doc_id, rowid",
            tuple(doc_ids),
        )
        return [r[0] for r in rows]

    # ------------------------------------------------------------------ terms and candidates

    def put_terms(self, table: str, owner: str, terms: Iterable[str]) -> None:
        """Index a claim's content terms (``claim_terms``) or a quantity's (``quantity_terms``).

        Terms point at the owner's rowid, so the newest owners of a term are one index range.
        """
        owners = _OWNERS[table]
        row = self._scalar(f"SELECT rowid FROM {owners} WHERE id = ?", (owner,))
        unique = sorted(set(terms))
        self.db.executemany(
            f"INSERT OR IGNORE INTO {table} (term, owner_row) VALUES (?, ?)",
            [(t, row) for t in unique],
        )
        if table == "claim_terms":
            self.db.executemany(
                "INSERT INTO term_counts VALUES (?, 1) "
                "ON CONFLICT (term) DO UPDATE SET count = count + 1",
                [(t,) for t in unique],
            )

    def term_counts(self, terms: Iterable[str]) -> dict[str, int]:
        unique = sorted(set(terms))
        if not unique:
            return {}
        marks = ",".join("?" * len(unique))
        rows = self.db.execute(
            f"SELECT term, count FROM term_counts WHERE term IN ({marks})", unique
        )
        return dict(rows.fetchall())

    def claim_count(self) -> int:
        """Claims stored (all versions)."""
        return self._stored(CLAIMS_STORED, "claims")

    def _stored(self, counter: str, table: str) -> int:
        """Rows stored in ``table``: kept in ``counters`` as articles are stored, so that it
        costs one lookup, not a count of the whole table, on every arrival; a ledger that has
        no such counter yet counts once (inside a write, it keeps the count)."""
        row = self.db.execute("SELECT value FROM counters WHERE name = ?", (counter,))
        found = row.fetchone()
        if found is not None:
            return int(found[0])
        count = self._scalar(f"SELECT COUNT(*) FROM {table}")
        if self.db.in_transaction:
            self.db.execute("INSERT INTO counters VALUES (?, ?)", (counter, count))
        return count

    def candidates(
        self, table: str, terms: Sequence[str], exclude_doc: str, per_term: int
    ) -> list[str]:
        """Current claims (or quantities) of other articles sharing a term: for each term, the
        ``per_term`` newest. The cost is bounded by the terms asked, not by the ledger's size."""
        owners = _OWNERS[table]
        found: dict[str, None] = {}
        for term in terms:
            rows = self.db.execute(
                f"SELECT o.id FROM (SELECT owner_row FROM {table} WHERE term = ? "
                f"ORDER BY owner_row DESC LIMIT ?) t JOIN {owners} o ON o.rowid = t.owner_row "
                f"JOIN articles a ON a.doc_id = o.doc_id WHERE a.is_current = 1 AND o.doc_id != ? "
                "ORDER BY t.owner_row DESC",
                (term, per_term, exclude_doc),
            )
            found.update((r[0], None) for r in rows)
        return list(found)

    # ------------------------------------------------------------------ claims

    def claims(self, ids: Sequence[str]) -> list[ClaimRecord]:
        """The claims with these ids, in that order; a long list is read in chunks, since SQLite
        caps the variables of one statement (999 or 32,766 in many builds)."""
        if not ids:
            return []
        step = min(self.db.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER), MAX_IDS)
        if len(ids) > step:
            return [c for n in range(0, len(ids), step) for c in self.claims(ids[n : n + step])]
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            f"SELECT {_CLAIM_COLS} FROM claims c JOIN articles a ON a.doc_id = c.doc_id "
            f"LEFT JOIN claim_clusters k ON k.claim_id = c.id WHERE c.id IN ({marks})",
            tuple(ids),
        ).fetchall()
        hops = self._many(
            "SELECT claim_id, name, kind FROM chain_hops", "claim_id", ids, "position"
        )
        qty = self._quantities_of(ids)
        by_id = {r[0]: _claim(r, hops.get(r[0], []), qty.get(r[0], ())) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    def _many(self, select: str, key: str, ids: Sequence[str], order: str) -> dict[str, list[Any]]:
        marks = ",".join("?" * len(ids))
        out: dict[str, list[Any]] = {}
        for row in self.db.execute(
            f"{select} WHERE {key} IN ({marks}) ORDER BY {order}", tuple(ids)
        ):
            out.setdefault(row[0], []).append(row[1:])
        return out

    def _quantities_of(self, claim_ids: Sequence[str]) -> dict[str, tuple[QuantityRecord, ...]]:
        marks = ",".join("?" * len(claim_ids))
        out: dict[str, list[QuantityRecord]] = {}
        for row in self.db.execute(
            f"SELECT cq.claim_id, {_QUANTITY_COLS} FROM claim_quantities cq "
            f"JOIN quantities q ON q.id = cq.quantity_id WHERE cq.claim_id IN ({marks}) "
            "ORDER BY cq.claim_id, cq.quantity_id",
            tuple(claim_ids),
        ):
            out.setdefault(row[0], []).append(_quantity(row[1:]))
        return {k: tuple(v) for k, v in out.items()}

    def quantities(self, ids: Sequence[str]) -> list[QuantityRecord]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            f"SELECT {_QUANTITY_COLS} FROM quantities q WHERE q.id IN ({marks}) ORDER BY q.id",
            tuple(ids),
        )
        return [_quantity(r) for r in rows]

    def quantities_of_docs(self, doc_ids: Sequence[str]) -> list[QuantityRecord]:
        marks = ",".join("?" * len(doc_ids))
        rows = self.db.execute(
            f"SELECT {_QUANTITY_COLS} FROM quantities q WHERE q.doc_id IN ({marks}) ORDER BY q.id",
            tuple(doc_ids),
        )
        return [_quantity(r) for r in rows]

    def claims_stating(self, quantity_ids: Sequence[str]) -> dict[str, list[str]]:
        marks = ",".join("?" * len(quantity_ids))
        out: dict[str, list[str]] = {}
        for qid, cid in self.db.execute(
            f"SELECT quantity_id, claim_id FROM claim_quantities WHERE quantity_id IN ({marks}) "
            "ORDER BY quantity_id, rowid",
            tuple(quantity_ids),
        ):
            out.setdefault(qid, []).append(cid)
        return out

    # ------------------------------------------------------------------ clusters

    def next_id(self, counter: str) -> int:
        self.db.execute(
            "INSERT INTO counters VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET value = value + 1",
            (counter,),
        )
        return self._scalar("SELECT value FROM counters WHERE name = ?", (counter,))

    def assign(self, claim_id: str, cluster_id: str, similarity: float) -> None:
        self._untally([claim_id])  # a claim moved between clusters is judged again
        self.db.execute(
            "INSERT OR REPLACE INTO claim_clusters (claim_id, cluster_id, similarity) "
            "VALUES (?,?,?)",
            (claim_id, cluster_id, similarity),
        )

    def put_link(self, claim_id: str, other_id: str, kind: str) -> None:
        """Record that ``claim_id`` contradicts ``other_id`` (kept in separate clusters)."""
        self.db.execute(
            "INSERT OR REPLACE INTO claim_links (claim_id, other_id, kind) VALUES (?,?,?)",
            (claim_id, other_id, kind),
        )

    def contradictions(self, cluster_id: str) -> list[tuple[str, str]]:
        """(member id, id of a current claim of another cluster contradicting it or contradicted
        by it) for the members of a cluster."""
        rows = self.db.execute(
            "SELECT cc.claim_id, l.other FROM claim_clusters cc JOIN ("
            "  SELECT claim_id AS mine, other_id AS other FROM claim_links"
            "  UNION SELECT other_id, claim_id FROM claim_links) l ON l.mine = cc.claim_id "
            "JOIN claim_clusters oc ON oc.claim_id = l.other AND oc.cluster_id != cc.cluster_id "
            "JOIN claims c ON c.id = l.other JOIN articles a ON a.doc_id = c.doc_id "
            "WHERE cc.cluster_id = ? AND a.is_current = 1 ORDER BY cc.claim_id, l.other",
            (cluster_id,),
        )
        return [(r[0], r[1]) for r in rows]

    def detach(self, claim_ids: Sequence[str]) -> list[str]:
        """Take claims out of their clusters; the clusters they leave."""
        if not claim_ids:
            return []
        marks = ",".join("?" * len(claim_ids))
        left = self.db.execute(
            f"SELECT DISTINCT cluster_id FROM claim_clusters WHERE claim_id IN ({marks}) "
            "ORDER BY cluster_id",
            tuple(claim_ids),
        ).fetchall()
        self._untally(claim_ids)
        self.db.execute(f"DELETE FROM claim_clusters WHERE claim_id IN ({marks})", tuple(claim_ids))
        return [r[0] for r in left]

    def _untally(self, claim_ids: Sequence[str]) -> None:
        """Take these claims' outcomes out of their sources' tallies."""
        marks = ",".join("?" * len(claim_ids))
        rows = self.db.execute(
            "SELECT c.origin, cc.outcome FROM claim_clusters cc "
            f"JOIN claims c ON c.id = cc.claim_id "
            f"WHERE cc.claim_id IN ({marks}) AND cc.outcome IS NOT NULL",
            tuple(claim_ids),
        ).fetchall()
        for origin, outcome in rows:
            self._tally(origin, outcome, -1)

    def _tally(self, origin: str | None, outcome: str | None, step: int) -> None:
        if not origin or outcome is None:
            return
        self.db.execute(
            "INSERT INTO source_tallies (name, outcome, count) VALUES (?,?,?) "
            "ON CONFLICT (name, outcome) DO UPDATE SET count = count + excluded.count",
            (origin, outcome, step),
        )

    def cluster_member_ids(self, cluster_id: str, newest: int | None = None) -> list[str]:
        """The ids of a cluster's members, in id order; with ``newest``, only that many of the
        members that joined last (the cost of reading them does not grow with the cluster)."""
        if newest is None:
            rows = self.db.execute(
                "SELECT claim_id FROM claim_clusters WHERE cluster_id = ? ORDER BY claim_id",
                (cluster_id,),
            )
        else:
            rows = self.db.execute(
                "SELECT claim_id FROM (SELECT claim_id FROM claim_clusters WHERE cluster_id = ? "
                "ORDER BY rowid DESC LIMIT ?) newest ORDER BY claim_id",
                (cluster_id, newest),
            )
        return [r[0] for r in rows]

    def put_cluster(self, k: Cluster, updated_at: str) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO clusters VALUES (?,?,?,?,?,?,?)",
            (k.id, k.assessment, k.independent_origins, json.dumps(k.origins),
             json.dumps(k.reasons), k.size, updated_at),
        )  # fmt: skip

    def delete_cluster(self, cluster_id: str) -> None:
        self.db.execute("DELETE FROM clusters WHERE id = ?", (cluster_id,))

    def cluster(self, cluster_id: str) -> Cluster | None:
        row = self.db.execute(f"SELECT {_CLUSTER_COLS} FROM clusters WHERE id = ?", (cluster_id,))
        found = row.fetchone()
        return cluster_row(found) if found else None

    def clusters(self, min_size: int = 1, assessment: str | None = None) -> list[Cluster]:
        sql = f"SELECT {_CLUSTER_COLS} FROM clusters WHERE size >= ?"
        args: list[Any] = [min_size]
        if assessment:
            sql += " AND assessment = ?"
            args.append(assessment)
        rows = self.db.execute(sql + " ORDER BY size DESC, id", args)
        return [cluster_row(r) for r in rows]

    def cluster_assignments(self) -> dict[str, str]:
        rows = self.db.execute("SELECT claim_id, cluster_id FROM claim_clusters ORDER BY rowid")
        return dict(rows.fetchall())

    # ------------------------------------------------------------------ copies

    def put_signature(self, doc_id: str, sig: Signature) -> None:
        _put_signature(self.db, doc_id, sig)

    def similar_articles(self, sig: Signature, limit: int = 20) -> list[tuple[str, Signature]]:
        """Current articles sharing a band with ``sig``, most shared bands first."""
        bands = sig.bands()
        marks = ",".join("?" * len(bands))
        rows = self.db.execute(
            f"SELECT s.doc_id, s.signature, s.shingles FROM ("
            f"  SELECT doc_id, COUNT(*) AS n FROM article_bands WHERE band IN ({marks}) "
            f"  GROUP BY doc_id) b "
            f"JOIN article_signatures s ON s.doc_id = b.doc_id "
            f"JOIN articles a ON a.doc_id = b.doc_id AND a.is_current = 1 "
            f"ORDER BY b.n DESC, s.doc_id LIMIT ?",
            (*bands, limit),
        )
        return [(r[0], Signature(tuple(json.loads(r[1])), r[2])) for r in rows]

    def put_copy(self, doc_id: str, copy_of: str, similarity: float) -> None:
        """Record that ``doc_id`` republishes ``copy_of`` (the report it belongs to)."""
        self.db.execute(
            "INSERT OR REPLACE INTO article_copies (doc_id, copy_of, similarity) VALUES (?,?,?)",
            (doc_id, copy_of, similarity),
        )

    def copies(self, doc_ids: Sequence[str]) -> dict[str, tuple[str, float]]:
        """For those of ``doc_ids`` that republish another article: (that article, similarity)."""
        ids = sorted(set(doc_ids))
        step = min(self.db.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER), MAX_IDS)
        found: dict[str, tuple[str, float]] = {}
        for n in range(0, len(ids), step):
            rows = self._many(
                "SELECT doc_id, copy_of, similarity FROM article_copies", "doc_id",
                ids[n : n + step], "doc_id",
            )  # fmt: skip
            found.update({doc_id: (r[0][0], r[0][1]) for doc_id, r in rows.items()})
        return found

    # ------------------------------------------------------------------ checks

    def put_check(self, check: Check) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO checks VALUES (?,?,?,?,?,?,?,?)",
            (check.id, check.kind, check.verdict, check.quantity_a, check.quantity_b,
             json.dumps(check.claim_ids), json.dumps(check.figures), check.explanation),
        )  # fmt: skip

    def put_pending_checks(self, doc_id: str, checked: int = 0) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO pending_checks (doc_id, checked) VALUES (?, ?)",
            (doc_id, checked),
        )

    def pending_checks(self) -> list[tuple[str, int]]:
        rows = self.db.execute(
            "SELECT p.doc_id, p.checked FROM pending_checks p "
            "LEFT JOIN articles a ON a.doc_id = p.doc_id ORDER BY a.arrival, p.doc_id"
        )
        return [(r[0], r[1]) for r in rows]

    def done_checks(self, doc_ids: Sequence[str]) -> None:
        self.db.executemany("DELETE FROM pending_checks WHERE doc_id = ?", [(d,) for d in doc_ids])

    def delete_checks_of(self, quantity_ids: Sequence[str]) -> None:
        if not quantity_ids:
            return
        marks = ",".join("?" * len(quantity_ids))
        ids = tuple(quantity_ids)
        self.db.execute(
            f"DELETE FROM checks WHERE quantity_a IN ({marks}) OR quantity_b IN ({marks})",
            ids + ids,
        )

    def checks(self, verdict: str | None = None, current_only: bool = True) -> list[Check]:
        sql = f"SELECT {_CHECK_COLS} FROM checks ch"
        if current_only:
            sql += (
                " JOIN quantities qa ON qa.id = ch.quantity_a"
                " JOIN articles aa ON aa.doc_id = qa.doc_id"
                " JOIN quantities qb ON qb.id = ch.quantity_b"
                " JOIN articles ab ON ab.doc_id = qb.doc_id"
                " WHERE aa.is_current = 1 AND ab.is_current = 1"
            )
        args: list[Any] = []
        if verdict:
            sql += (" AND" if current_only else " WHERE") + " ch.verdict = ?"
            args.append(verdict)
        return [check_row(r) for r in self.db.execute(sql + " ORDER BY ch.id", args)]

    # ------------------------------------------------------------------ grades

    def set_outcome(self, claim: ClaimRecord, stance: str, assessment: str) -> bool:
        """Record whether a member states its cluster's claim ("for") or contradicts it
        ("against"), and so its outcome: the cluster's assessment, or "against". The tally of
        the claim's source follows the change; whether the outcome changed."""
        outcome = "against" if stance == "against" else assessment
        row = self.db.execute(
            "SELECT outcome FROM claim_clusters WHERE claim_id = ?", (claim.id,)
        ).fetchone()
        if row is None or row[0] == outcome:
            return False
        self.db.execute(
            "UPDATE claim_clusters SET stance = ?, outcome = ? WHERE claim_id = ?",
            (stance, outcome, claim.id),
        )
        self._tally(claim.origin, row[0], -1)
        self._tally(claim.origin, outcome, +1)
        return True

    def source_tally(self, name: str) -> dict[str, int]:
        """How many current claims whose origin is ``name`` have each outcome: the assessment of
        the claim's cluster, or "against" when the claim contradicts it. Kept up to date as
        clusters change, so reading it costs the same however many claims the source has."""
        rows = self.db.execute(
            "SELECT outcome, count FROM source_tallies WHERE name = ? AND count > 0", (name,)
        )
        return dict(rows.fetchall())

    def tallied_names(self, word: str) -> list[str]:
        """Source names in the tallies that contain ``word`` (case-insensitive): the candidates
        for variants of one name."""
        rows = self.db.execute(
            "SELECT DISTINCT name FROM source_tallies WHERE count > 0 AND name LIKE ? "
            "ORDER BY name",
            (f"%{word}%",),
        )
        return [r[0] for r in rows]

    def delete_source_grades(self, names: Sequence[str]) -> None:
        if names:
            marks = ",".join("?" * len(names))
            self.db.execute(f"DELETE FROM source_grades WHERE name IN ({marks})", tuple(names))

    def put_source_grade(self, grade: SourceGrade) -> None:
        self.db.execute(
            "INSERT OR REPLACE INTO source_grades VALUES (?,?,?,?,?,?,?)",
            (grade.name, grade.reliability, json.dumps(grade.reasons), grade.claims,
             grade.corroborated, grade.contested, grade.denied),
        )  # fmt: skip

    def source_grade(self, name: str) -> SourceGrade | None:
        row = self.db.execute(f"SELECT {_GRADE_COLS} FROM source_grades WHERE name = ?", (name,))
        found = row.fetchone()
        return _grade(found) if found else None

    def source_grades(self) -> list[SourceGrade]:
        rows = self.db.execute(
            f"SELECT {_GRADE_COLS} FROM source_grades ORDER BY claims DESC, name"
        )
        return [_grade(r) for r in rows]

    # ------------------------------------------------------------------ conflicts, stats

    def descriptor_conflicts(self) -> list[DescriptorConflict]:
        rows = self.db.execute(
            "SELECT d.doc_id, d.actor, d.registry_id, d.descriptor, d.expected "
            "FROM descriptor_conflicts d JOIN articles a ON a.doc_id = d.doc_id "
            "WHERE a.is_current = 1 ORDER BY d.actor, d.doc_id"
        )
        return [DescriptorConflict(*r) for r in rows]

    def person_roles(self, name: str) -> list[tuple[str, str | None, str | None, list[str]]]:
        """(doc_id, outlet, published, roles) of each current article naming this person with
        descriptors that state a role (``Actor.roles``), in article order."""
        rows = self.db.execute(
            "SELECT m.doc_id, a.outlet, a.published, m.data "
            "FROM mentions m JOIN articles a ON a.doc_id = m.doc_id "
            "WHERE m.type = 'person' AND m.name = ? AND a.is_current = 1 "
            "ORDER BY a.published, m.doc_id",
            (name,),
        )
        found = []
        for doc_id, outlet, published, data in rows:
            said = json.loads(data).get("roles") or []
            if said:
                found.append((doc_id, outlet, published, list(said)))
        return found

    def put_descriptor_conflict(
        self, doc_id: str, actor: str, descriptor: str, expected: str
    ) -> None:
        """One article's descriptor of an actor that another article contradicts (once)."""
        self.db.execute(
            "INSERT INTO descriptor_conflicts (doc_id, actor, registry_id, descriptor, expected) "
            "SELECT ?, ?, NULL, ?, ? WHERE NOT EXISTS (SELECT 1 FROM descriptor_conflicts "
            "WHERE doc_id = ? AND actor = ? AND descriptor = ? AND expected = ?)",
            (doc_id, actor, descriptor, expected, doc_id, actor, descriptor, expected),
        )

    def affiliations(self) -> list[tuple[str, str]]:
        """(person, principal) as the current articles name them, one row per article."""
        rows = self.db.execute(
            "SELECT f.person, f.principal FROM affiliations f "
            "JOIN articles a ON a.doc_id = f.doc_id WHERE a.is_current = 1 "
            "ORDER BY f.person, f.principal"
        )
        return [(r[0], r[1]) for r in rows]

    def delete_descriptor_conflicts(self, actors: Sequence[str], prefix: str) -> None:
        """Drop the ledger-made descriptor conflicts (no registry entry) of these actors whose
        descriptor opens with ``prefix``: they are made again from all the articles."""
        for actor in actors:
            self.db.execute(
                "DELETE FROM descriptor_conflicts WHERE actor = ? AND registry_id IS NULL "
                "AND substr(descriptor, 1, ?) = ?",
                (actor, len(prefix), prefix),
            )

    def affiliated(self, principal: str) -> list[tuple[str, str]]:
        """(doc_id, person) of the current articles that name ``principal`` as someone's."""
        rows = self.db.execute(
            "SELECT f.doc_id, f.person FROM affiliations f "
            "JOIN articles a ON a.doc_id = f.doc_id WHERE a.is_current = 1 AND f.principal = ? "
            "ORDER BY f.doc_id, f.person",
            (principal,),
        )
        return [(r[0], r[1]) for r in rows]

    def affiliation_count(self) -> int:
        """Affiliation rows stored, as counted when articles are stored (a cheap sign that
        another writer added some)."""
        return self._stored(AFFILIATIONS_STORED, "affiliations")

    def current_claim_ids(self) -> list[str]:
        rows = self.db.execute(
            "SELECT c.id FROM claims c JOIN articles a ON a.doc_id = c.doc_id "
            "WHERE a.is_current = 1 ORDER BY a.published, c.doc_id, c.seq"
        )
        return [r[0] for r in rows]

    def counts(self) -> dict[str, int]:
        tables = ("articles", "claims", "quantities", "clusters", "checks", "source_grades")
        out = {t: self._scalar(f"SELECT COUNT(*) FROM {t}") for t in tables}
        out["current_articles"] = self._scalar("SELECT COUNT(*) FROM articles WHERE is_current = 1")
        out["current_claims"] = self._scalar(
            "SELECT COUNT(*) FROM claims c JOIN articles a ON a.doc_id = c.doc_id "
            "WHERE a.is_current = 1"
        )
        return out

    def _scalar(self, sql: str, args: tuple[Any, ...] = ()) -> int:
        row = self.db.execute(sql, args).fetchone()
        return int(row[0]) if row and row[0] is not None else 0


def _conflict_parts(conflict: Any) -> tuple[str, str]:
    """(descriptor, expected) of a descriptor conflict, as the extractor records it."""
    if isinstance(conflict, dict):
        return str(conflict.get("descriptor", "")), str(conflict.get("expected", ""))
    descriptor, _, expected = str(conflict).partition(": the registry has ")
    return descriptor, expected


def _set_wal(db: sqlite3.Connection) -> None:
    """Switch to WAL. The switch needs a lock SQLite does not wait for (two processes creating
    one ledger at once), so a busy database is retried up to the busy timeout."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL").fetchall()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _make_folder(target: Path) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"{target} cannot be created ({exc.strerror or exc}): give a --db path in a folder "
            "you can write to"
        ) from exc


def _place_claims(
    db: sqlite3.Connection,
    claim_ids: Sequence[str],
    by_name: bool = True,
    roles: Mapping[str, Roles] | None = None,
) -> None:
    """Store with each claim where it is: the settlements and units its content names, or, when
    it names none, those of its article ("the village" stands for the village the article is
    about); and, for those its content names, (as written, name) pairs. Run when an article is
    stored, so reading a claim needs no join with the mentions. ``roles``: who does what to
    whom in each claim (``extract/roles.py``), kept in the same JSON; without them (a
    migration placing stored claims again) those already stored are kept."""
    step = min(db.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER), MAX_IDS)
    for n in range(0, len(claim_ids), step):
        chunk = claim_ids[n : n + step]
        marks = ",".join("?" * len(chunk))
        kept = dict(roles) if roles is not None else _stored_roles(db, chunk, marks)
        inside: dict[str, list[str]] = {}
        around: dict[str, list[str]] = {}
        spelled: dict[str, list[tuple[str, str]]] = {}
        for claim_id, name, text, within, content in db.execute(
            f"SELECT c.id, m.name, m.text, "
            f"m.start_char >= c.content_start AND m.end_char <= c.content_end, c.content "
            f"FROM claims c JOIN mentions m ON m.doc_id = c.doc_id WHERE c.id IN ({marks}) "
            f"AND (m.type = 'unit' OR "
            f"(m.type = 'place' AND m.kind IN ('city', 'town', 'village'))) "
            f"ORDER BY m.start_char",
            tuple(chunk),
        ):
            # an article stores each place once, where it is first named: a claim that names
            # it again later is found by the name as written
            written = next((w for w in (text, name) if _names(content, w)), None)
            if within or written:
                inside.setdefault(claim_id, []).append(name)
                spelled.setdefault(claim_id, []).append((written or text, name))
            else:
                around.setdefault(claim_id, []).append(name)
        db.executemany(
            "UPDATE claims SET places = ? WHERE id = ?",
            [(json.dumps({"where": inside.get(c) or around.get(c) or [],
                          "spelled": spelled.get(c, []),
                          **({"roles": kept[c]} if c in kept else {})}), c)
             for c in chunk],
        )  # fmt: skip
        if by_name:  # the claim_places table (migration 009), not there yet in migration 006
            db.executemany(
                "INSERT OR IGNORE INTO claim_places (name, claim_id) VALUES (?, ?)",
                [(name, c) for c in chunk for name in inside.get(c) or around.get(c) or []],
            )


def _stored_roles(db: sqlite3.Connection, chunk: Sequence[str], marks: str) -> dict[str, Roles]:
    out = {}
    for claim_id, places in db.execute(
        f"SELECT id, places FROM claims WHERE id IN ({marks})", tuple(chunk)
    ):
        found = _roles_of(json.loads(places) if places else {})
        if found is not None:
            out[claim_id] = found
    return out


def _roles_of(places: dict[str, Any]) -> Roles | None:
    """The roles a claim's places JSON keeps (``_place_claims``), or None."""
    found = places.get("roles")
    return (found[0], tuple(found[1])) if found else None


def _fill_claim_places_table(db: sqlite3.Connection) -> None:
    """Migration 009: the claim_places rows of the claims placed before it."""
    rows = db.execute("SELECT id, places FROM claims WHERE places IS NOT NULL").fetchall()
    db.executemany(
        "INSERT OR IGNORE INTO claim_places (name, claim_id) VALUES (?, ?)",
        [(name, cid) for cid, places in rows for name in json.loads(places).get("where", [])],
    )


def _names(content: str, written: str) -> bool:
    """Whether a claim's content names a place as written ("Hirnyk", not "Hirnyky")."""
    return bool(written) and re.search(rf"(?<!\w){re.escape(written)}(?!\w)", content) is not None


def _fill_claim_places(db: sqlite3.Connection) -> None:
    """Migration 006: place the claims stored before it."""
    ids = [r[0] for r in db.execute("SELECT id FROM claims WHERE places IS NULL")]
    _place_claims(db, ids, by_name=False)  # migration 009 fills claim_places from these


def _fill_article_signatures(db: sqlite3.Connection) -> None:
    """Migration 008: sign the articles stored before it (copies among them are found as the
    articles arrive again or by a later arrival)."""
    for doc_id, text in db.execute("SELECT doc_id, text FROM articles").fetchall():
        sig = signature(text)
        if sig is not None:
            _put_signature(db, doc_id, sig)


def _put_signature(db: sqlite3.Connection, doc_id: str, sig: Signature) -> None:
    db.execute(
        "INSERT OR REPLACE INTO article_signatures (doc_id, signature, shingles) VALUES (?,?,?)",
        (doc_id, json.dumps(sig.values), sig.shingles),
    )
    db.executemany(
        "INSERT OR IGNORE INTO article_bands (band, doc_id) VALUES (?,?)",
        [(band, doc_id) for band in sig.bands()],
    )


_FILLS: dict[str, Callable[[sqlite3.Connection], None]] = {
    "claim_places": _fill_claim_places,
    "article_signatures": _fill_article_signatures,
    "claim_places_table": _fill_claim_places_table,
}


def _statements(sql: str) -> list[str]:
    return [s.strip() for s in sql.split(";") if s.strip()]


CLAIMS_STORED = "claims-stored"  # the counter claim_count reads
AFFILIATIONS_STORED = "affiliations-stored"  # the counter affiliation_count reads
_OWNERS = {"claim_terms": "claims", "quantity_terms": "quantities"}
_ARTICLE_COLS = article_cols()
_CLAIM_COLS = (
    "c.id, c.doc_id, c.content, c.speaker_name, c.speaker_kind, c.origin, c.hedged, "
    "c.verification, c.polarity, a.outlet_id, a.outlet, a.published, k.cluster_id, k.similarity, "
    "k.stance, c.places, c.seq, c.speaker_text"
)
_QUANTITY_COLS = (
    "q.id, q.doc_id, q.text, q.value, q.low, q.high, q.approximate, q.unit, q.what, "
    "q.period_start, q.period_end, q.per, q.bound"
)
_CLUSTER_COLS = CLUSTER_COLS
_CHECK_COLS = CHECK_COLS
_GRADE_COLS = "name, reliability, reasons, claims, corroborated, contested, denied"


def _claim(r: Sequence[Any], hops: list[Any], qty: tuple[QuantityRecord, ...]) -> ClaimRecord:
    places = json.loads(r[15]) if r[15] else {}
    mentions = tuple(places.get("where", ()))
    spelled = tuple((text, name) for text, name in places.get("spelled", ()))
    roles = _roles_of(places)
    return ClaimRecord(
        id=r[0], doc_id=r[1], content=r[2], speaker_name=r[3], speaker_kind=r[4],
        chain=tuple((h[0], h[1]) for h in hops), origin=r[5], hedged=bool(r[6]),
        verification=r[7], polarity=r[8], outlet_id=r[9], outlet=r[10], published=r[11],
        cluster_id=r[12], similarity=r[13], stance=r[14], quantities=qty, mentions=mentions,
        spelled=spelled, seq=r[16], roles=roles, speaker_text=r[17],
    )  # fmt: skip


def _quantity(r: Sequence[Any]) -> QuantityRecord:
    return QuantityRecord(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), *r[7:13])


def _grade(r: Sequence[Any]) -> SourceGrade:
    return SourceGrade(r[0], r[1], tuple(json.loads(r[2])), r[3], r[4], r[5], r[6])
