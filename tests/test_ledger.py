"""The ledger: re-ingest, versions, atomicity, two writers, and the cross-article analysis.

The corpus (``tests/data/ledger``) is four short stories told by eleven articles; see its README.
"""

from __future__ import annotations

import json
import pickle
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from backends import StoreMaker, snapshot
from claimledger.analyze.grades import claim_grades
from claimledger.export.ledger import export_ledger
from claimledger.ledger import Ledger, article_key, open_ledger
from claimledger.models import Article, Extraction, SourceInfo
from claimledger.pipeline import extract_articles
from claimledger.store.records import Check, ClaimRecord, Cluster
from claimledger.store.sqlite import SQLiteStore

CORPUS = Path(__file__).parent / "data" / "ledger" / "articles.jsonl"
PARTIAL_TABLES = ("articles", "claims", "quantities", "mentions", "claim_terms", "chain_hops")


def corpus_articles() -> list[Article]:
    articles = []
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        source = SourceInfo(url=r["url"], outlet=r["outlet"], title=r["title"],
                            published=r["published"], id=r["id"])  # fmt: skip
        articles.append(Article(r["text"], source))
    return articles


def extract(*articles: Article) -> list[Extraction]:
    out = []
    for outcome in extract_articles(list(articles)):
        assert isinstance(outcome, Extraction), outcome
        out.append(outcome)
    return out


@pytest.fixture(scope="module", autouse=True)
def no_user_registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The shipped registry only, never the developer's own file."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CLAIMLEDGER_REGISTRY", str(tmp_path_factory.mktemp("cfg") / "registry.yaml"))
        yield


@pytest.fixture(scope="module")
def corpus(nlp: Language) -> dict[str, Extraction]:
    """Every corpus article extracted once, by its record id."""
    return {e.article.source.id or "": e for e in extract(*corpus_articles())}


@pytest.fixture
def ledger(make_store: StoreMaker) -> Iterator[Ledger]:
    """An empty ledger, on each backend."""
    store = make_store()
    yield open_ledger(store)
    store.close()


@pytest.fixture(scope="module")
def analysed(corpus: dict[str, Extraction], make_module_store: StoreMaker) -> Iterator[SQLiteStore]:
    """A ledger holding the whole corpus, ingested in order, on each backend."""
    store = make_module_store()
    outcomes = open_ledger(store).ingest_all(corpus.values())
    assert [o.status for o in outcomes] == ["new"] * len(corpus)
    yield store
    store.close()


def dump(store: SQLiteStore) -> dict[str, list[str]]:
    return snapshot(store)


def sqlite_only(store: SQLiteStore, why: str) -> None:
    if store.backend != "sqlite":
        pytest.skip(f"SQLite only: {why}")


def counts(store: SQLiteStore) -> dict[str, int]:
    return {t: store.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in PARTIAL_TABLES}


def doc_of(store: SQLiteStore, record_id: str) -> str:
    found = [a.doc_id for a in store.articles() if a.source_id == record_id]
    assert len(found) == 1, f"{record_id}: {found}"
    return found[0]


def claims_of(store: SQLiteStore, record_id: str) -> list[ClaimRecord]:
    return store.claims(store.claim_ids_of([doc_of(store, record_id)]))


def cluster_of(store: SQLiteStore, record_id: str, words: str) -> Cluster:
    """The cluster of the claim of an article whose content has ``words``."""
    found = [c for c in claims_of(store, record_id) if words in c.content]
    assert found, f"no claim with {words!r} in {record_id}"
    assert found[0].cluster_id is not None
    cluster = store.cluster(found[0].cluster_id)
    assert cluster is not None
    return cluster


def quantity(extraction: Extraction, text: str) -> str:
    found = [q.id for q in extraction.quantities if text in q.text]
    assert len(found) == 1, f"{text!r} in {[q.text for q in extraction.quantities]}"
    return found[0]


def check_between(store: SQLiteStore, a: str, b: str) -> Check:
    found = [c for c in store.checks() if {c.quantity_a, c.quantity_b} == {a, b}]
    assert len(found) == 1, f"checks of {a} and {b}: {found}"
    return found[0]


# ---------------------------------------------------------------------- re-ingest and versions


def test_reingesting_an_article_is_a_noop(ledger: Ledger, corpus: dict[str, Extraction]) -> None:
    first = ledger.ingest(corpus["pravda-awol"])
    assert first.status == "new"
    assert first.claims > 0
    before = dump(ledger.store)
    again = ledger.ingest(corpus["pravda-awol"])
    assert (again.status, again.claims, again.doc_id) == ("unchanged", 0, first.doc_id)
    assert dump(ledger.store) == before


def test_a_changed_article_is_a_new_version(ledger: Ledger, corpus: dict[str, Extraction]) -> None:
    for name in ("pravda-awol", "kyivind-awol", "reuters-awol", "bbc-awol"):
        ledger.ingest(corpus[name])
    store, old = ledger.store, corpus["bbc-awol"]
    old_claims = [c.id for c in old.claims]
    old_quantities = {q.id for q in old.quantities}
    assert old_claims
    assert all(c.cluster_id for c in store.claims(old_claims))
    assert any({c.quantity_a, c.quantity_b} & old_quantities for c in store.checks())

    changed = Article(
        old.article.text.replace("around 18,000", "around 25,000"), old.article.source
    )
    (new,) = extract(changed)
    outcome = ledger.ingest(new)
    assert outcome.status == "new-version"

    versions = store.article_versions("bbc-awol")
    assert [(v.version, v.is_current, v.doc_id) for v in versions] == [
        (1, False, old.article.doc_id),
        (2, True, new.article.doc_id),
    ]
    current = {a.doc_id for a in store.articles()}
    assert new.article.doc_id in current
    assert old.article.doc_id not in current
    assert old.article.doc_id in {a.doc_id for a in store.articles(current_only=False)}
    # the old version stays queryable, but leaves the analysis
    kept = store.claims(old_claims)
    assert [c.id for c in kept] == old_claims
    assert all(c.cluster_id is None for c in kept)
    for k in store.clusters():
        members = store.cluster_member_ids(k.id)
        assert not set(old_claims) & set(members)
        assert k.size == len(members), "a cluster the old version left was not reassessed"
    assert old_claims[0] not in store.current_claim_ids()
    marks = ",".join("?" * len(old_quantities))
    stale = store.db.execute(
        f"SELECT COUNT(*) FROM checks WHERE quantity_a IN ({marks}) OR quantity_b IN ({marks})",
        (*old_quantities, *old_quantities),
    ).fetchone()[0]
    assert stale == 0
    assert all(store.claims([c.id])[0].cluster_id for c in new.claims)
    new_figure = quantity(new, "25,000")
    assert any(new_figure in (c.quantity_a, c.quantity_b) for c in store.checks())
    assert_tallies_are_a_recount(store)  # the old version's claims left its source's record
    # the old text again is the stored version 1: a no-op, version 2 stays current
    assert ledger.ingest(old).status == "unchanged"
    assert [v.is_current for v in store.article_versions("bbc-awol")] == [False, True]


def test_long_id_lists_are_read_in_chunks(analysed: SQLiteStore) -> None:
    """SQLite caps the variables of a statement (999 in some builds): a large ledger exports."""
    sqlite_only(analysed, "the variable limit of a statement is SQLite's")
    whole = export_ledger(analysed)
    limit = analysed.db.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
    analysed.db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 3)
    try:
        assert export_ledger(analysed) == whole
    finally:
        analysed.db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, limit)
    assert len(whole["claims"]) > 3


@pytest.mark.parametrize(
    ("source", "key"),
    [
        (SourceInfo(id="r1", url="https://example.org/a", path="feed.jsonl"), "r1"),
        (SourceInfo(url="https://example.org/a", path="feed.jsonl"), "https://example.org/a"),
        (SourceInfo(path="feed.jsonl", outlet="Example Wire"), None),  # a record without id
        (SourceInfo(path="-"), None),  # text on stdin
        (
            SourceInfo(path="site/index.html", id="index", url="https://example.org/b"),
            "https://example.org/b",
        ),
        (SourceInfo(path="day1/report.txt", id="report"), "{cwd}/day1/report.txt"),
    ],
)
def test_article_key(
    source: SourceInfo, key: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    article = Article("Officials said that the bridge had been repaired.", source)
    expected = key.format(cwd=tmp_path.resolve()) if key else article.doc_id
    assert article_key(article) == expected


def _as_from(extraction: Extraction, source: SourceInfo) -> Extraction:
    return replace(extraction, article=replace(extraction.article, source=source))


def test_what_is_and_is_not_the_same_article(
    ledger: Ledger, corpus: dict[str, Extraction], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    stories = [corpus[n] for n in ("tass-voronezh", "afp-sloviansk", "tass-novoselivka")]
    no_ids = [_as_from(e, SourceInfo(path="feed.jsonl", outlet="Example Wire")) for e in stories]
    assert [ledger.ingest(e).status for e in no_ids] == ["new"] * 3, "records of one file"
    piped = [_as_from(e, SourceInfo(path="-")) for e in (corpus["pravda-awol"], corpus["bbc-awol"])]
    assert [ledger.ingest(e).status for e in piped] == ["new", "new"], "two texts on stdin"
    same_name = [
        _as_from(corpus["kyivind-awol"], SourceInfo(path="day1/report.txt", id="report")),
        _as_from(corpus["reuters-awol"], SourceInfo(path="day2/report.txt", id="report")),
    ]
    assert [ledger.ingest(e).status for e in same_name] == ["new", "new"], "two folders"
    edited = _as_from(corpus["ria-voronezh"], SourceInfo(path="day1/report.txt", id="report"))
    assert ledger.ingest(edited).status == "new-version", "the same file, changed"
    assert len(ledger.store.articles()) == 7
    assert len(ledger.store.articles(current_only=False)) == 8


# ---------------------------------------------------------------------- atomicity


def _boom(exc: type[BaseException]) -> Callable[..., Any]:
    def fail(*args: Any, **kwargs: Any) -> Any:
        raise exc("interrupted part way")

    return fail


@pytest.mark.parametrize("exc", [RuntimeError, KeyboardInterrupt])
@pytest.mark.parametrize("step", ["assign_claims", "put_terms", "put_article"])
def test_a_failure_part_way_leaves_the_ledger_as_it_was(
    ledger: Ledger,
    corpus: dict[str, Extraction],
    monkeypatch: pytest.MonkeyPatch,
    step: str,
    exc: type[BaseException],
) -> None:
    store = ledger.store
    ledger.ingest(corpus["pravda-awol"])
    before, sizes = dump(store), counts(store)
    if step == "assign_claims":
        monkeypatch.setattr("claimledger.ledger.assign_claims", _boom(exc))
    else:
        monkeypatch.setattr(store, step, _boom(exc))
    with pytest.raises(exc, match="interrupted part way"):
        ledger.ingest(corpus["kyivind-awol"])
    assert not store.db.in_transaction
    assert counts(store) == sizes
    assert dump(store) == before, "a half-written article is left in the ledger"

    monkeypatch.undo()
    assert ledger.ingest(corpus["kyivind-awol"]).status == "new"
    assert counts(store)["articles"] == 2
    assert store.checks(verdict="tension"), "the second article's check was not reached"


@pytest.mark.parametrize("exc", [RuntimeError, KeyboardInterrupt])
def test_a_failure_in_the_figure_checks_keeps_the_article_and_the_checks_are_finished_later(
    ledger: Ledger,
    corpus: dict[str, Extraction],
    monkeypatch: pytest.MonkeyPatch,
    exc: type[BaseException],
) -> None:
    """The figure checks run after the article's own transaction: a failure in them keeps the
    stored article, writes no check, and leaves the article marked as pending; the next
    ingest (here of the same, unchanged article) finishes them."""
    store = ledger.store
    ledger.ingest(corpus["pravda-awol"])
    monkeypatch.setattr(store, "put_check", _boom(exc))
    with pytest.raises(exc, match="interrupted part way"):
        ledger.ingest(corpus["kyivind-awol"])
    assert not store.db.in_transaction
    doc_id = corpus["kyivind-awol"].article.doc_id
    assert store.article(doc_id) is not None
    assert store.pending_checks() == [(doc_id, 0)]
    assert not store.checks(verdict=None)

    monkeypatch.undo()
    assert ledger.ingest(corpus["kyivind-awol"]).status == "unchanged"
    assert store.pending_checks() == []
    assert store.checks(verdict="tension"), "the second article's check was not made"


# ---------------------------------------------------------------------- two writers

WRITER = """
import pickle, sys, time
from pathlib import Path
from claimledger.ledger import open_ledger
from claimledger.store.sqlite import SQLiteStore
db, batch, ready, go = sys.argv[1:5]
extractions = pickle.loads(Path(batch).read_bytes())
Path(ready).touch()
while not Path(go).exists():
    time.sleep(0.005)
store = SQLiteStore(db)
ledger = open_ledger(store)
for extraction in extractions:
    ledger.ingest(extraction)
store.close()
"""


def test_two_processes_ingest_into_one_ledger(
    corpus: dict[str, Extraction], tmp_path: Path
) -> None:
    db, go = tmp_path / "ledger.db", tmp_path / "go"
    everything = list(corpus.values())
    batches = [everything[0::2], everything[1::2]]
    procs, ready = [], []
    for n, batch in enumerate(batches):
        (tmp_path / f"batch{n}").write_bytes(pickle.dumps(batch))
        ready.append(tmp_path / f"ready{n}")
        args = [str(db), str(tmp_path / f"batch{n}"), str(ready[-1]), str(go)]
        procs.append(
            subprocess.Popen(
                [sys.executable, "-c", WRITER, *args], stderr=subprocess.PIPE, text=True
            )
        )
    deadline = time.monotonic() + 30
    while not all(r.exists() for r in ready) and time.monotonic() < deadline:
        time.sleep(0.01)
    go.touch()
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errors

    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert raw.execute("PRAGMA foreign_key_check").fetchall() == []
    raw.close()
    store = SQLiteStore(db)
    assert {a.doc_id for a in store.articles()} == {e.article.doc_id for e in everything}
    assert all(a.version == 1 for a in store.articles(current_only=False))
    claim_ids = store.current_claim_ids()
    assert len(claim_ids) == sum(len(e.claims) for e in everything)
    assert all(c.cluster_id for c in store.claims(claim_ids))
    store.close()


# ---------------------------------------------------------------------- the analysis


def test_a_relayed_claim_is_circular(analysed: SQLiteStore) -> None:
    words = "Voronezh region"
    cluster = cluster_of(analysed, "tass-voronezh", words)
    for relay in ("ria-voronezh", "blog-voronezh"):
        assert cluster_of(analysed, relay, words).id == cluster.id
    assert cluster.assessment == "circular"
    assert cluster.independent_origins == 1
    assert len(cluster.origins) == 1
    assert "Defence" in cluster.origins[0]
    assert any("circular" in r for r in cluster.reasons)


def test_two_independent_origins_corroborate(analysed: SQLiteStore) -> None:
    cluster = cluster_of(analysed, "ukrinform-sloviansk", "Sloviansk")
    assert cluster_of(analysed, "afp-sloviansk", "Sloviansk").id == cluster.id
    assert cluster.assessment == "corroborated"
    assert cluster.independent_origins == 2
    assert set(cluster.origins) == {
        "Ukraine's National Police",
        "Amnesty International",
    }


def test_an_official_denial(analysed: SQLiteStore) -> None:
    """The denial is a proposition of its own, linked to the claim it denies: the claim's
    cluster reads denied, the denial's is not contested by the claim it denies."""
    cluster = cluster_of(analysed, "tass-novoselivka", "Novoselivka")
    denial = cluster_of(analysed, "ukrinform-novoselivka", "Novoselivka")
    assert denial.id != cluster.id
    assert cluster.assessment == "denied"
    assert any("denied by General Staff" in r for r in cluster.reasons)
    assert denial.assessment == "single-source"


def test_a_monthly_figure_in_tension_with_a_monthly_rate(
    analysed: SQLiteStore, corpus: dict[str, Extraction]
) -> None:
    october = quantity(corpus["pravda-awol"], "21,600")
    rate = quantity(corpus["kyivind-awol"], "15,000 to 18,000")
    check = check_between(analysed, october, rate)
    assert check.verdict == "tension"
    assert {"21,600", "15,000 to 18,000"} <= set(check.figures)
    assert re.search(r"21,600 over [^;]+ is 21,\d{3} a month", check.explanation)
    assert "15,000-18,000 a month" in check.explanation
    assert "do not agree" in check.explanation
    assert set(check.claim_ids) == {
        *(c.id for c in corpus["pravda-awol"].claims),
        *(c.id for c in corpus["kyivind-awol"].claims),
    }


def test_a_total_since_january_agrees_with_a_monthly_rate(
    analysed: SQLiteStore, corpus: dict[str, Extraction]
) -> None:
    total = quantity(corpus["reuters-awol"], "180,000")
    rate = quantity(corpus["bbc-awol"], "18,000")
    check = check_between(analysed, total, rate)
    assert check.verdict == "consistent"
    assert re.search(r"about 180,000 over 3\d\d day\(s\) is 17,\d{3} a month", check.explanation)
    assert "they agree" in check.explanation


def test_a_month_fits_within_the_year_so_far(
    analysed: SQLiteStore, corpus: dict[str, Extraction]
) -> None:
    check = check_between(
        analysed,
        quantity(corpus["pravda-awol"], "21,600"),
        quantity(corpus["reuters-awol"], "180,000"),
    )
    assert check.verdict == "consistent"
    assert "fits within" in check.explanation


def test_source_grades_have_reasons(analysed: SQLiteStore) -> None:
    grades = {g.name: g for g in analysed.source_grades()}
    assert grades
    for g in grades.values():
        assert g.reliability in "ABCDEF"
        assert len(g.reasons) >= 2
        assert g.reasons[0].startswith(f"{g.claims} claim(s) in the ledger")
    police = grades["Ukraine's National Police"]
    assert (police.corroborated, police.contested, police.denied) == (1, 0, 0)
    assert police.reliability == "F"  # one judged claim is too little to grade a source
    assert "1 of its claims corroborated or contradicted, 5 needed" in police.reasons[-1]


def recount(store: SQLiteStore) -> dict[str, dict[str, int]]:
    """Every source's outcomes counted afresh from all its current claims."""
    rows = store.db.execute(
        "SELECT c.origin, CASE WHEN cc.stance = 'against' THEN 'against' ELSE k.assessment END, "
        "COUNT(*) FROM claims c JOIN articles a ON a.doc_id = c.doc_id "
        "JOIN claim_clusters cc ON cc.claim_id = c.id JOIN clusters k ON k.id = cc.cluster_id "
        "WHERE a.is_current = 1 AND c.origin IS NOT NULL AND c.origin != '' "
        "GROUP BY 1, 2"
    )
    out: dict[str, dict[str, int]] = {}
    for name, outcome, count in rows:
        out.setdefault(name, {})[outcome] = count
    return out


def assert_tallies_are_a_recount(store: SQLiteStore) -> None:
    expected = recount(store)
    assert expected
    for name, tally in expected.items():
        assert store.source_tally(name) == tally, name
        grade = store.source_grade(name)
        assert grade is not None, name
        assert grade.claims == sum(tally.values()), name


def test_source_tallies_kept_as_articles_arrive_equal_a_recount(analysed: SQLiteStore) -> None:
    """Grades are updated from running tallies, not by reading every claim of a source."""
    assert_tallies_are_a_recount(analysed)


def upgraded_copy(store: SQLiteStore, path: Path, migration: str, *undo: str) -> SQLiteStore:
    """A copy of ``store`` as it was before ``migration`` (``undo`` reverses its SQL), upgraded."""
    sqlite_only(store, "an old ledger is a SQLite file (PostgreSQL ledgers start at 010)")
    copy = sqlite3.connect(path)
    store.db.backup(copy)
    with copy:
        copy.execute("DELETE FROM schema_migrations WHERE name = ?", (migration,))
        for statement in undo:
            copy.execute(statement)
    copy.close()
    old = SQLiteStore.for_upgrade(path)
    assert old.upgrade() == [migration]
    return old


def test_upgrading_an_old_ledger_fills_the_source_tallies(
    analysed: SQLiteStore, tmp_path: Path
) -> None:
    """A ledger written before migration 005 gets its tallies counted by the upgrade."""
    old = upgraded_copy(
        analysed, tmp_path / "old.db", "005_source_tallies",
        "DROP TABLE source_tallies", "ALTER TABLE claim_clusters DROP COLUMN outcome",
    )  # fmt: skip
    assert_tallies_are_a_recount(old)
    old.close()


def test_upgrading_an_old_ledger_places_its_claims(analysed: SQLiteStore, tmp_path: Path) -> None:
    """Migration 006 stores where each claim is with the claim, for claims stored before it."""
    ids = analysed.current_claim_ids()
    before = analysed.claims(ids)
    assert any(c.mentions for c in before) and any(c.spelled for c in before)
    old = upgraded_copy(
        analysed, tmp_path / "old.db", "006_claim_places", "ALTER TABLE claims DROP COLUMN places"
    )
    # a ledger from before 006 was written before claims kept their roles (extract/roles.py)
    assert old.claims(ids) == [replace(c, roles=None) for c in before]
    assert any(c.roles for c in before)
    old.close()


def test_claim_credibility_with_reasons(analysed: SQLiteStore) -> None:
    grades = claim_grades(analysed, analysed.claims(analysed.current_claim_ids()))
    for claim_id in analysed.current_claim_ids():
        grade = grades[claim_id]
        assert 1 <= grade.credibility <= 6
        assert grade.reasons and all(grade.reasons)
    sloviansk = claims_of(analysed, "afp-sloviansk")[0]
    assert grades[sloviansk.id].credibility == 1
    assert "independent origins" in grades[sloviansk.id].reasons[0]
    claimed = claims_of(analysed, "tass-novoselivka")[0]
    assert grades[claimed.id].credibility == 5
    assert "denied" in grades[claimed.id].reasons[0]
    relayed = claims_of(analysed, "blog-voronezh")[0]
    assert grades[relayed.id].credibility in (3, 4)
    assert "one line of reporting (circular)" in grades[relayed.id].reasons


def test_a_denial_does_not_count_against_the_denier(analysed: SQLiteStore) -> None:
    denier = claims_of(analysed, "ukrinform-novoselivka")[0]
    assert denier.polarity == "deny"
    assert denier.origin
    grade = analysed.source_grade(denier.origin)
    assert grade is not None
    assert grade.denied == 0
    assert grade.reliability != "E"


def test_claims_are_found_by_the_figures_they_state(analysed: SQLiteStore) -> None:
    """Two reports of one figure in other words are candidates for one cluster."""
    from claimledger.analyze.clusters import value_keys

    stating = [c for c in analysed.claims(analysed.current_claim_ids()) if value_keys(c)]
    assert stating
    for claim in stating:
        found = analysed.candidates("claim_terms", value_keys(claim)[:1], "", 1000)
        assert claim.id in found, claim.content


def test_a_claim_naming_a_place_named_before_in_its_article_is_about_it(ledger: Ledger) -> None:
    """An article stores each place once, where it is first named; a later claim that names it
    again still has it as its own place (not only as a place of its article)."""
    text = (
        "Drones hit an oil depot in Orikhiv on Monday, the regional governor said. "
        "Ukrainian officials said later that two workers were killed in Orikhiv and that a fire "
        "was still burning in Polohy."
    )
    source = SourceInfo(url="https://example.org/o", outlet="Ukrinform", title="o",
                        published="2026-03-02", id="orikhiv")  # fmt: skip
    (extraction,) = extract(Article(text, source))
    ledger.ingest(extraction)
    claims = ledger.store.claims(ledger.store.claim_ids_of([extraction.article.doc_id]))
    later = [c for c in claims if "workers were killed" in c.content]
    assert later, [c.content for c in claims]
    assert "Orikhiv" in {name for _, name in later[0].spelled}, later[0]


# ---------------------------------------------------------------------- republished copies

WIRE = (
    "Ukrainian air defence units shot down 41 of 45 attack drones launched at the country "
    "overnight, the Ukrainian Air Force said on Thursday. Debris fell on a warehouse in the "
    "suburbs of the capital and started a fire that burned for three hours, the city's military "
    "administration said. Nobody was hurt, officials said. The air force said the drones were "
    "launched from the Kursk region and from occupied Crimea in several waves. Power engineers "
    "restored electricity to the affected districts by morning, the national grid operator said "
    "in a statement posted on its website, adding that repair crews were still at work."
)


def test_a_republished_article_is_one_report(ledger: Ledger) -> None:
    original, copy, other = extract(
        Article(WIRE, SourceInfo(id="wire-1", outlet="Example Wire", published="2025-11-06")),
        Article(
            "A wire report. " + WIRE,
            SourceInfo(id="daily-7", outlet="Example Daily", published="2025-11-06"),
        ),
        Article(
            WIRE.split(". ")[0] + ".",
            SourceInfo(id="brief-2", outlet="Example Brief", published="2025-11-06"),
        ),
    )
    for e in (original, copy, other):
        ledger.ingest(e)
    copies = ledger.store.copies([copy.article.doc_id, other.article.doc_id])
    assert copies[copy.article.doc_id][0] == original.article.doc_id
    assert other.article.doc_id not in copies  # one sentence is too short to call a copy
    held = [
        k
        for k in ledger.store.clusters(min_size=2)
        if {c.doc_id for c in ledger.store.claims(ledger.store.cluster_member_ids(k.id))}
        >= {original.article.doc_id, copy.article.doc_id}
    ]
    assert held, "the copy's claims join the original's clusters"
    for k in held:
        assert any("republish" in r for r in k.reasons), k.reasons
    exported = {a["doc_id"]: a for a in export_ledger(ledger.store)["articles"]}
    assert exported[copy.article.doc_id]["copy_of"]["doc_id"] == original.article.doc_id
    assert exported[original.article.doc_id]["copy_of"] is None


def test_an_outlet_and_a_person_of_the_same_name_are_graded_apart(
    make_store: StoreMaker,
) -> None:
    store = make_store()
    ledger = Ledger(store, outlet_id_of=lambda n: "guardian" if n == "The Guardian" else None)
    with store.transaction():
        store._tally("The Guardian", "corroborated", 6)
        store._tally("Don Guardian", "circular", 3)
        ledger._grade("Don Guardian")
        ledger._grade("The Guardian")
    grades = {g.name: g for g in store.source_grades()}
    assert set(grades) == {"The Guardian", "Don Guardian"}
    assert grades["The Guardian"].corroborated == 6 and grades["Don Guardian"].corroborated == 0
    store.close()


def test_descriptions_are_never_graded(make_store: StoreMaker) -> None:
    store = make_store()
    ledger = Ledger(store)
    with store.transaction():
        for name in ("Ukrainian officials", "a brigade commander", "Oleksandr Syrskyi"):
            store._tally(name, "corroborated", 6)
            ledger._grade(name)
    assert [g.name for g in store.source_grades()] == ["Oleksandr Syrskyi"]
    store.close()


def test_the_streamed_ledger_export_is_the_document_byte_for_byte(
    analysed: SQLiteStore, make_store: StoreMaker
) -> None:
    """``export --format ledger`` writes item by item; the text is what dumping the whole
    document gives, empty sections included."""
    import io

    from claimledger.export.ledger import write_ledger
    from claimledger.export.options import ExportOptions

    streamed = io.StringIO()
    write_ledger(analysed, streamed, ExportOptions())
    whole = export_ledger(analysed)
    assert streamed.getvalue() == json.dumps(whole, ensure_ascii=False, indent=1) + "\n"
    assert whole["claims"] and whole["clusters"]
    empty = make_store()
    try:
        streamed = io.StringIO()
        write_ledger(empty, streamed, ExportOptions())
        blank = export_ledger(empty)
        assert streamed.getvalue() == json.dumps(blank, ensure_ascii=False, indent=1) + "\n"
        assert blank["articles"] == []
    finally:
        empty.close()


def test_the_same_quotation_in_two_outlets_is_one_cluster_whatever_else_it_holds(
    ledger: Ledger,
) -> None:
    """The second article's quotation restates the first's word for word; the cluster the
    first article's quotation is in also holds the second article's own summary of it (by the
    same speaker, in other words). The quotation still joins: it is one statement reported by
    two outlets, not another remark of the speaker's in the second article."""
    quote = (
        "“We will not reopen the crossing until the shelling stops and the engineers have "
        "checked every span of the bridge,” Governor Ilona Varga said."
    )
    first, second = extract(
        Article(
            "The border stays shut. " + quote,
            SourceInfo(id="q-1", outlet="Example Wire", published="2026-02-03"),
        ),
        Article(
            "Governor Ilona Varga said the crossing will stay closed until the shelling stops. "
            + quote,
            SourceInfo(id="q-2", outlet="Example Daily", published="2026-02-03"),
        ),
    )
    ledger.ingest(first)
    ledger.ingest(second)
    store = ledger.store
    claims = store.claims(store.claim_ids_of([first.article.doc_id, second.article.doc_id]))
    quoted = [c for c in claims if "every span of the bridge" in c.content]
    assert len(quoted) == 2, [(c.doc_id, c.content) for c in claims]
    assert quoted[0].cluster_id == quoted[1].cluster_id, [(c.cluster_id, c.content) for c in claims]


def test_the_claim_count_is_kept_as_articles_arrive(
    ledger: Ledger, corpus: dict[str, Extraction]
) -> None:
    """``claim_count`` (the idf's total on every arrival) reads a counter, not the table; a
    ledger without the counter (written before it) counts once and keeps it from then on."""
    store = ledger.store
    names = sorted(corpus)[:3]
    ledger.ingest(corpus[names[0]])

    def counted() -> int:
        return int(store.db.execute("SELECT COUNT(*) FROM claims").fetchone()[0])

    assert store.claim_count() == counted() > 0
    with store.transaction():
        store.db.execute("DELETE FROM counters WHERE name = ?", ("claims-stored",))
    assert store.claim_count() == counted()  # read-only: counted, nothing written
    for name in names[1:]:
        ledger.ingest(corpus[name])
    assert store.claim_count() == counted()
    row = store.db.execute("SELECT value FROM counters WHERE name = ?", ("claims-stored",))
    assert int(row.fetchone()[0]) == counted()


def test_a_body_and_the_person_an_article_names_as_speaking_for_it_are_one_line(
    ledger: Ledger,
) -> None:
    """One article names the agency's director; a later one reports the agency's finding in
    other words. The ledger learns who speaks for whom from the first: the two are one
    cluster and one line of reporting (circular), not two confirmations."""
    first, second = extract(
        Article(
            "Interpol Director Alan Greer said on Monday that the smuggling ring had moved "
            "its stolen artworks through three ports in the Adriatic.",
            SourceInfo(id="a-1", outlet="Example Wire", published="2026-03-02"),
        ),
        Article(
            "Interpol concluded on Tuesday that the smuggling ring had moved its stolen "
            "artworks through three Adriatic ports.",
            SourceInfo(id="a-2", outlet="Example Daily", published="2026-03-03"),
        ),
    )
    assert {a.name: a.speaks_for for a in first.people}.get("Alan Greer") == "Interpol"
    ledger.ingest(first)
    assert ledger.store.affiliations() == [("Alan Greer", "Interpol")]
    assert ledger.speaks_for("Alan Greer") == "Interpol"
    assert ledger.speaks_for("Alan B. Greer") == "Interpol"  # one person, one key
    ledger.ingest(second)
    store = ledger.store
    claims = store.claims(store.claim_ids_of([first.article.doc_id, second.article.doc_id]))
    ring = [c for c in claims if "smuggling ring" in c.content]
    assert {c.origin for c in ring} == {"Alan Greer", "Interpol"}, [
        (c.origin, c.content) for c in claims
    ]
    assert ring[0].cluster_id == ring[1].cluster_id, [(c.cluster_id, c.content) for c in ring]
    cluster = store.cluster(ring[0].cluster_id)
    assert cluster is not None and cluster.independent_origins == 1
    assert cluster.assessment != "corroborated"


def test_a_person_named_for_two_principals_equally_often_speaks_for_neither(ledger: Ledger) -> None:
    one, two = extract(
        Article("Interpol spokesman Ivan Petrov said the ports were closed.",
                SourceInfo(id="p-1", outlet="Example Wire", published="2026-03-02")),
        Article("Europol spokesman Ivan Petrov said the ports were closed.",
                SourceInfo(id="p-2", outlet="Example Daily", published="2026-03-03")),
    )  # fmt: skip
    ledger.ingest(one)
    assert ledger.speaks_for("Ivan Petrov") == "Interpol"
    ledger.ingest(two)
    assert ledger.speaks_for("Ivan Petrov") is None


def test_a_principal_named_short_or_by_its_initials_is_one_principal() -> None:
    from collections import Counter

    from claimledger.ledger import _one_most

    assert _one_most(Counter({"House Judiciary Committee": 1, "Judiciary Committee": 1})) == (
        "House Judiciary Committee"
    )
    assert _one_most(Counter({"Republican National Committee": 1, "RNC": 1})) == (
        "Republican National Committee"
    )
    assert _one_most(Counter({"Interpol": 1, "Europol": 1})) is None


def _story(record_id: str, day: str, text: str) -> Article:
    source = SourceInfo(url=f"https://example.org/{record_id}", outlet=record_id.split("-")[0],
                        title=record_id, published=day, id=record_id)  # fmt: skip
    return Article(text, source)


def test_a_toll_joins_no_cluster_holding_another_toll_of_the_same_count(ledger: Ledger) -> None:
    """A rising toll: one governor's "killed 4" and "risen to 6" are two statements even when a
    third claim, with no figure, is close to both and would bridge them."""
    said = "Governor Taras Melnyk said that the shelling of the Zolochiv market on Monday killed"
    first = _story("alpha-1", "2025-02-03", f"{said} 4 people and wounded civilians.")
    bridge = _story("beta-1", "2025-02-04", f"{said} people and wounded civilians.")
    later = _story("gamma-1", "2025-02-04", f"{said} 6 people and wounded civilians.")
    ledger.ingest_all(extract(first, bridge, later))
    store = ledger.store
    four = cluster_of(store, "alpha-1", "killed 4")
    six = cluster_of(store, "gamma-1", "killed 6")
    assert four.id != six.id
    assert cluster_of(store, "beta-1", "killed people").id in (four.id, six.id)


def test_two_articles_describing_one_person_as_two_things_are_a_conflict(ledger: Ledger) -> None:
    """One outlet's 'a commander of the brigade' and another's 'a farmer' for the man a strike
    killed: both articles carry the conflict, each naming the other's descriptor, its outlet and
    date. A person named by surname alone is never compared (two people may share it)."""
    one = Article(
        "The army said its drone killed Tesfaye Worku, a commander of the Ember Brigade, near "
        "the river crossing on Sunday. Worku had led raids on the town for a year, it said.",
        SourceInfo(outlet="Army Gazette", published="2026-03-02", id="gazette-strike"),
    )
    two = Article(
        "Relatives said the man killed in the drone strike, Tesfaye Worku, a farmer, was "
        "tending his field when the drone struck. Neighbours said Worku never carried a gun.",
        SourceInfo(outlet="Valley Radio", published="2026-03-03", id="radio-strike"),
    )
    for extraction in extract(one, two):
        ledger.ingest(extraction)
    found = ledger.store.descriptor_conflicts()
    assert {(d.actor, d.descriptor) for d in found} == {
        ("Tesfaye Worku", "a commander"),
        ("Tesfaye Worku", "a farmer"),
    }
    by = {d.descriptor: d.expected for d in found}
    assert by["a farmer"].startswith("a commander (per Army Gazette, 2026-03-02")
    assert by["a commander"].startswith("a farmer (per Valley Radio, 2026-03-03")
    again = extract(one)[0]
    ledger.ingest(again)  # stored already: nothing added twice
    assert len(ledger.store.descriptor_conflicts()) == 2


def test_a_claim_joins_no_cluster_holding_another_figure_of_its_own_article(
    ledger: Ledger,
) -> None:
    """One spokesman's '9 of its fighters had been killed' and, in the same article, 'upwards of
    60 federal soldiers died': when the first has joined another outlet's '9 fighters were
    killed', the second does not follow it there: a member of its own article counts another
    figure of the same thing."""
    said = "Spokesman Dawit Alemu said 9 rebel fighters were killed in the clashes."
    first = _story("alpha-2", "2025-08-12", said)
    second = _story(
        "beta-2",
        "2025-08-12",
        "Dawit Alemu said 9 of its fighters had been killed in the clashes.\n\n"
        "Dawit Alemu said upwards of 60 federal soldiers died in the clashes.",
    )
    ledger.ingest_all(extract(first, second))
    store = ledger.store
    nine = cluster_of(store, "alpha-2", "9 rebel fighters")
    assert cluster_of(store, "beta-2", "9 of its fighters").id == nine.id
    assert cluster_of(store, "beta-2", "60 federal soldiers").id != nine.id


def test_an_article_naming_another_body_for_a_spokeswoman_than_the_others_is_a_conflict(
    ledger: Ledger,
) -> None:
    """Three articles' "Coast Guard spokeswoman Marta Kowal" and one's "Marta Kowal, a
    spokeswoman for the Interior Ministry": that one article carries the conflict, naming the
    body the others name and how often. Two names of one body are none."""
    texts = [
        ("wire-1", "2026-04-01", "Coast Guard spokeswoman Marta Kowal said two boats were "
         "stopped off the harbour on Monday."),
        ("wire-2", "2026-04-02", "Coast Guard spokeswoman Marta Kowal said a third boat was "
         "stopped near the pier."),
        ("wire-3", "2026-04-03", "Marta Kowal, a spokeswoman for the Coast Guard, said the "
         "crews were questioned."),
        ("paper-1", "2026-04-03", "Marta Kowal, a spokeswoman for the Interior Ministry, said "
         "the crews were released."),
    ]  # fmt: skip
    articles = [
        Article(text, SourceInfo(outlet=f"Outlet {key}", published=day, id=key))
        for key, day, text in texts
    ]
    paper = articles[3]
    ledger.ingest_all(extract(paper, *articles[:3]))  # the odd one first: order does not matter
    found = [d for d in ledger.store.descriptor_conflicts() if d.actor == "Marta Kowal"]
    assert [(d.doc_id, d.descriptor, d.expected) for d in found] == [
        (paper.doc_id, "speaks for Interior Ministry", "Coast Guard (as other reports name it)")
    ]
    more = Article(
        "Coast Guard spokeswoman Marta Kowal said the harbour was reopened.",
        SourceInfo(outlet="Outlet wire-4", published="2026-04-04", id="wire-4"),
    )
    ledger.ingest_all(extract(more))  # made again, not added again
    assert len([d for d in ledger.store.descriptor_conflicts() if d.actor == "Marta Kowal"]) == 1


def test_other_names_of_one_body_for_a_spokeswoman_are_no_conflict() -> None:
    from claimledger.ledger import _same_body

    assert _same_body("Ministry of Foreign Affairs of Russia", "Foreign Ministry")
    assert _same_body("Ukrainian Navy", "Navy")
    assert _same_body("Republican National Committee", "RNC")
    assert _same_body("RNC", "National Committee")  # its initials inside the acronym
    assert _same_body("Russian MoD", "Russian Defence Ministry")
    assert _same_body("Ukraine's Armed Forces", "Ukrainian military")
    assert not _same_body("Polish Border Guard", "Defence Ministry")
    assert not _same_body("UNRWA", "World Health Organization")
