"""The PostgreSQL store: the same ledger as SQLite's on the same input, concurrent writers,
its migrations, full-text search, and every way opening one can fail.

The behaviour of the store (ingest, versions, atomicity, the analysis) is tested on both
backends by ``tests/test_ledger.py`` (the ``make_store`` fixture); this file holds what is
PostgreSQL's own. The server is a throwaway cluster the session starts (``pg_server`` in
conftest.py), skipped with the reason where it cannot start.
"""

from __future__ import annotations

import io
import json
import pickle
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from backends import PgServer
from claimledger.cli import app
from claimledger.errors import NotALedgerError, StoreError
from claimledger.export.ledger import write_ledger
from claimledger.export.options import ExportOptions
from claimledger.ledger import open_ledger
from claimledger.models import Article, Extraction, SourceInfo
from claimledger.pipeline import extract_articles
from claimledger.store.migrations import MIGRATIONS
from claimledger.store.pg_migrations import PG_MIGRATIONS
from claimledger.store.postgres import Catalog, PostgresStore, redacted, translate_sql
from claimledger.store.sqlite import SQLiteStore

SCENARIO = Path(__file__).resolve().parents[1] / "data" / "scenario" / "articles.jsonl"
STAMP = re.compile(r'"(ingested_at|updated_at)": "[^"]*"')


class FixedClock(datetime):
    @classmethod
    def now(cls, tz: object = None) -> FixedClock:  # type: ignore[override]
        return cls(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def scenario_articles() -> list[Article]:
    out = []
    for line in SCENARIO.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        source = SourceInfo(url=r["url"], outlet=r["outlet"], title=r["title"],
                            published=r["published"], id=r["id"])  # fmt: skip
        out.append(Article(r["text"], source))
    return out


@pytest.fixture(scope="module")
def scenario(nlp: Language) -> list[Extraction]:
    done = [o for o in extract_articles(scenario_articles()) if isinstance(o, Extraction)]
    assert len(done) == len(scenario_articles())
    return done


def exported(store: SQLiteStore) -> str:
    out = io.StringIO()
    write_ledger(store, out, ExportOptions())
    return out.getvalue()


# ---------------------------------------------------------------------- translation


CATALOG = Catalog(
    {
        "clusters": ["id", "assessment", "size"],
        "claim_clusters": ["claim_id", "cluster_id", "similarity", "row_id"],
        "term_counts": ["term", "count"],
    },
    {"clusters": ["id"], "claim_clusters": ["claim_id"], "term_counts": ["term"]},
)


@pytest.mark.parametrize(
    ("sqlite", "postgres"),
    [
        (
            "INSERT OR REPLACE INTO clusters VALUES (?,?,?)",
            "INSERT INTO clusters VALUES (%s,%s,%s) ON CONFLICT (id) DO UPDATE SET "
            "assessment = EXCLUDED.assessment, size = EXCLUDED.size",
        ),
        (
            "INSERT OR REPLACE INTO claim_clusters (claim_id, cluster_id) VALUES (?,?)",
            "INSERT INTO claim_clusters (claim_id, cluster_id) VALUES (%s,%s) ON CONFLICT "
            "(claim_id) DO UPDATE SET cluster_id = EXCLUDED.cluster_id, row_id = DEFAULT",
        ),
        (
            "INSERT OR IGNORE INTO term_counts VALUES (?, 1)",
            "INSERT INTO term_counts VALUES (%s, 1) ON CONFLICT DO NOTHING",
        ),
        (
            "INSERT INTO term_counts VALUES (?, 1) ON CONFLICT (term) "
            "DO UPDATE SET count = count + 1",
            "INSERT INTO term_counts VALUES (%s, 1) ON CONFLICT (term) DO UPDATE SET "
            "count = term_counts.count + 1",
        ),
        (
            "SELECT COALESCE(origin, '?'), '5%' FROM claims WHERE name = ? COLLATE NOCASE "
            "AND x LIKE ? ORDER BY published, rowid DESC LIMIT ?",
            "SELECT COALESCE(origin, '?'), '5%%' FROM claims WHERE lower(name) = lower(%s) "
            "AND x ILIKE %s ORDER BY published NULLS FIRST, row_id DESC NULLS LAST LIMIT %s",
        ),
        (
            "SELECT id FROM (SELECT id FROM t ORDER BY n DESC LIMIT ?) newest ORDER BY id",
            "SELECT id FROM (SELECT id FROM t ORDER BY n DESC NULLS LAST LIMIT %s) newest "
            "ORDER BY id NULLS FIRST",
        ),
    ],
)
def test_the_sqlite_dialect_is_translated(sqlite: str, postgres: str) -> None:
    assert translate_sql(sqlite, CATALOG, has_args=True) == postgres


def test_both_backends_have_the_same_migrations() -> None:
    assert [m.name for m in PG_MIGRATIONS] == [m.name for m in MIGRATIONS]
    assert [m.fill for m in PG_MIGRATIONS] == [m.fill for m in MIGRATIONS]


def test_a_password_never_appears_in_messages() -> None:
    url = "postgresql://claims:s3cret@db.example:5433/ledger"
    assert redacted(url) == "postgresql://claims:***@db.example:5433/ledger"
    with pytest.raises(StoreError) as info:
        PostgresStore("postgresql://claims:s3cret@127.0.0.1:1/ledger?connect_timeout=2")
    assert "s3cret" not in str(info.value)
    assert "cannot reach the PostgreSQL server" in str(info.value)


# ---------------------------------------------------------------------- the same ledger


def test_the_same_input_gives_the_same_export_on_both_backends(
    scenario: list[Extraction], pg_server: PgServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scenario corpus ingested into SQLite and into PostgreSQL: byte for byte the same
    ledger export (the clock fixed, since the export carries ingest times)."""
    monkeypatch.setattr("claimledger.ledger.datetime", FixedClock)
    texts = []
    for store in (SQLiteStore(tmp_path / "ledger.db"), PostgresStore(pg_server.new_database())):
        outcomes = open_ledger(store).ingest_all(scenario)
        assert {o.status for o in outcomes} == {"new"}
        texts.append(exported(store))
        store.close()
    sqlite, postgres = texts
    assert json.loads(sqlite)["clusters"], "the scenario made no clusters: nothing compared"
    assert postgres == sqlite


WRITER = """
import pickle, sys, time
from pathlib import Path
from claimledger.ledger import open_ledger
from claimledger.store.postgres import PostgresStore
url, batch, ready, go = sys.argv[1:5]
extractions = pickle.loads(Path(batch).read_bytes())
store = PostgresStore(url)
ledger = open_ledger(store)
Path(ready).touch()
while not Path(go).exists():
    time.sleep(0.005)
for extraction in extractions:
    ledger.ingest(extraction)
store.close()
"""


def test_four_concurrent_ingests_make_the_ledger_a_serial_run_makes(
    scenario: list[Extraction], pg_server: PgServer, tmp_path: Path
) -> None:
    """Four processes ingest a quarter each, at once, into one database. The ledger they
    leave is the one a single process makes ingesting the same articles in the order they
    were stored: no update of the incremental analysis was lost to a concurrent writer."""
    url, go = pg_server.new_database(), tmp_path / "go"
    procs, ready = [], []
    for n in range(4):
        batch, ready_n = tmp_path / f"batch{n}", tmp_path / f"ready{n}"
        batch.write_bytes(pickle.dumps(scenario[n::4]))
        ready.append(ready_n)
        procs.append(subprocess.Popen(
            [sys.executable, "-c", WRITER, url, str(batch), str(ready_n), str(go)],
            stderr=subprocess.PIPE, text=True,
        ))  # fmt: skip
    deadline = time.monotonic() + 60
    while not all(r.exists() for r in ready) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    errors = [p.communicate(timeout=300)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors

    concurrent = PostgresStore.for_reading(url)
    order = [r[0] for r in concurrent.db.execute("SELECT doc_id FROM articles ORDER BY arrival")]
    assert sorted(order) == sorted(e.article.doc_id for e in scenario)
    interleaved = order != [e.article.doc_id for p in range(4) for e in scenario[p::4]]
    by_id = {e.article.doc_id: e for e in scenario}
    serial = PostgresStore(pg_server.new_database())
    open_ledger(serial).ingest_all(by_id[d] for d in order)
    assert STAMP.sub("", exported(concurrent)) == STAMP.sub("", exported(serial))
    concurrent.close()
    serial.close()
    assert interleaved or len(scenario) < 8, "the four writers never overlapped"


# ---------------------------------------------------------------------- opening


@pytest.fixture
def url(pg_server: PgServer) -> str:
    return pg_server.new_database()


def test_a_new_database_gets_every_migration_each_recorded(url: str) -> None:
    store = PostgresStore(url)
    assert store.applied_migrations() == [m.name for m in MIGRATIONS]
    assert store.pending_migrations() == []
    assert {"articles", "claims", "article_search", "claim_search"} <= store._tables()
    store.close()
    again = PostgresStore(url)  # opening it again applies nothing
    assert again.upgrade() == []
    again.close()


def test_a_database_of_another_program_is_left_alone(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as raw:
        raw.execute("CREATE TABLE invoices (id integer)")
    with pytest.raises(NotALedgerError, match="not a claimledger ledger"):
        PostgresStore(url)
    with psycopg.connect(url, autocommit=True) as raw:
        tables = [r[0] for r in raw.execute("SELECT tablename FROM pg_tables "
                                            "WHERE schemaname = 'public'")]  # fmt: skip
    assert tables == ["invoices"], "the failed bootstrap left tables behind"


def test_reading_an_empty_database_says_to_ingest_first(url: str) -> None:
    with pytest.raises(StoreError, match="holds no ledger yet; ingest into it first"):
        PostgresStore.for_reading(url)


def test_a_store_opened_to_read_refuses_writes(url: str, scenario: list[Extraction]) -> None:
    PostgresStore(url).close()
    reader = PostgresStore.for_reading(url)
    with pytest.raises(StoreError, match="refuses this write"):
        open_ledger(reader).ingest(scenario[0])
    assert reader.articles() == []
    reader.close()


def test_a_newer_ledger_is_refused(url: str) -> None:
    store = PostgresStore(url)
    store.db.execute("INSERT INTO schema_migrations VALUES ('099_future', 'x')")
    store.close()
    with pytest.raises(StoreError, match="newer claimledger"):
        PostgresStore.for_reading(url)


def test_search_and_text_filters_use_postgres_full_text(
    url: str, scenario: list[Extraction]
) -> None:
    from claimledger.store.reads import ClaimQuery

    store = PostgresStore(url)
    open_ledger(store).ingest_all(scenario[:6])
    claim = store.claims(store.current_claim_ids())[0]
    word = max(re.findall(r"[A-Za-z]{5,}", claim.content), key=len)
    hits = store.search(word.upper(), 20)  # case does not matter
    assert any(h.kind == "claim" and h.id == claim.id for h in hits)
    assert all("[" in h.snippet for h in hits)
    page, _ = store.claim_page(ClaimQuery(text=f"{word} ({word}:* & !"))  # never query syntax
    assert claim.id in {c.id for c in page}
    assert store.search("&& !! ::", 5) == []
    store.close()


# ---------------------------------------------------------------------- the command line


@pytest.fixture
def cli_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("CLAIMLEDGER_REGISTRY", str(tmp_path / "registry.yaml"))
    monkeypatch.delenv("CLAIMLEDGER_DB", raising=False)
    yield


def test_the_cli_ingests_into_and_reads_a_postgres_ledger(
    url: str, tmp_path: Path, cli_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    sample = Path(__file__).resolve().parents[2] / "samples" / "articles.jsonl"
    done = runner.invoke(app, ["ingest", str(sample), "--db", url])
    assert done.exit_code == 0, done.output
    assert f"{url}: " in done.output and " new" in done.output
    monkeypatch.setenv("CLAIMLEDGER_DB", url)  # the environment names it as well
    report = runner.invoke(app, ["report", "--format", "json"])
    assert report.exit_code == 0, report.output
    assert json.loads(report.output)["counts"]["articles"] > 0
    upgraded = runner.invoke(app, ["db", "upgrade"])
    assert upgraded.exit_code == 0 and "schema up to date" in upgraded.output


def test_the_cli_names_an_unreachable_server(cli_env: None) -> None:
    done = CliRunner().invoke(
        app, ["clusters", "--db", "postgresql://who:pw@127.0.0.1:1/none?connect_timeout=2"]
    )
    assert done.exit_code == 1
    assert "cannot reach the PostgreSQL server" in done.output
    assert "pw@" not in done.output


def test_the_server_reuses_read_only_connections(url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``serve`` opens the ledger per request: with the reader pool on, a closed reader's
    connection serves the next reader; a writer's connection is never kept."""
    from claimledger.store import postgres

    monkeypatch.setattr(postgres, "_READERS", postgres.ReaderPool(per_database=1))
    writer = PostgresStore(url)
    writer.close()
    assert writer.pg.raw.closed
    postgres.enable_reader_pool()
    first = PostgresStore.for_reading(url)
    first.close()
    second = PostgresStore.for_reading(url)
    assert second.pg is first.pg and not second.pg.raw.closed
    with pytest.raises(StoreError, match="refuses this write"):  # still a read-only session
        second.db.execute("CREATE TABLE nope (x integer)")
    third = PostgresStore.for_reading(url)  # the pool was empty: a connection of its own
    assert third.pg is not second.pg
    second.close()
    third.close()  # the pool holds one per database: this one is closed
    assert third.pg.raw.closed
    postgres._READERS.close_all()
