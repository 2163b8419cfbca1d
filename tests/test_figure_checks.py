"""Numeric checks end to end, on short articles of our own (tests/data/figures): a rate against a
weekly total, a daily rate against a monthly estimate, a week's figure against its month's, and
one night within a week. Each pair is labelled here with the verdict the arithmetic gives."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from backends import StoreMaker
from claimledger.ingest import read_inputs
from claimledger.ledger import Ledger, open_ledger
from claimledger.models import Extraction
from claimledger.pipeline import extract_articles
from claimledger.store.sqlite import SQLiteStore

ARTICLES = Path(__file__).parent / "data" / "figures" / "articles.jsonl"

# (article, figure), (article, figure), verdict
PAIRS = [
    (("c1", "About 300"), ("c2", "About 600"), "tension"),  # 300 a day vs 600 in a week
    (("d1", "about 1,500"), ("d2", "about 28,000"), "tension"),  # 45,000 vs 28,000 in November
    (("e1", "12"), ("e2", "30"), "tension"),  # the first week's 30 exceeds the month's 12
    (("b1", "45"), ("b2", "20"), "consistent"),  # the first week's 20 within October's 45
    (("a1", "120"), ("a2", "more than 800"), "consistent"),  # one night within the week
    # how often something happened: 44 a day over February's 28 days is 1,232, about 1,240
    (("f1", "1,240"), ("f2", "44"), "consistent"),
    (("f1", "1,240"), ("f3", "about 15"), "tension"),  # 15 a day is about 420
    (("f2", "44"), ("f3", "about 15"), "tension"),
    # drones "shooting down" and "intercepting": 120 a day is about 3,650 a month, not 7,000+
    (("g1", "roughly 120"), ("g2", "more than 7,000"), "tension"),
    # residents and people evacuated: 12,400 over six months is about 2,100 a month, not 5,000
    (("h1", "12,400"), ("h2", "About 5,000"), "tension"),
    # drones "shot down" and "downed": 2,700 in May is 87 a day, more than 50
    (("i1", "2,700"), ("i2", "no more than 50"), "tension"),
]


@pytest.fixture(scope="module")
def checks(nlp: Language, make_module_store: StoreMaker) -> Iterator[list[dict]]:
    """The checks of the figure corpus, on each backend."""
    articles = list(read_inputs([str(ARTICLES)]).articles)
    store = make_module_store()
    ledger = open_ledger(store)
    for outcome in extract_articles(articles):
        assert isinstance(outcome, Extraction), outcome
        ledger.ingest(outcome)
    doc_of = {a.doc_id: a.source.id for a in articles}
    rows = []
    for check in store.checks(verdict=None):
        a, b = store.quantities([check.quantity_a, check.quantity_b])
        figures = {(doc_of[a.doc_id], a.text), (doc_of[b.doc_id], b.text)}
        rows.append(
            {"verdict": check.verdict, "explanation": check.explanation, "figures": figures}
        )
    yield rows
    store.close()


@pytest.mark.parametrize(("first", "second", "verdict"), PAIRS)
def test_figure_pairs(
    checks: list[dict], first: tuple[str, str], second: tuple[str, str], verdict: str
) -> None:
    found = [c for c in checks if c["figures"] == {first, second}]
    assert found, f"{first} and {second} were not compared"
    assert found[0]["verdict"] == verdict, found[0]["explanation"]


def test_no_other_tension(checks: list[dict]) -> None:
    labelled = {frozenset({a, b}) for a, b, _ in PAIRS}
    extra = [
        c for c in checks if c["verdict"] == "tension" and frozenset(c["figures"]) not in labelled
    ]
    assert not extra, extra


# ---------------------------------------------------------------------- checks in parts


@pytest.fixture(scope="module")
def extractions(nlp: Language) -> list[Extraction]:
    out = []
    for outcome in extract_articles(list(read_inputs([str(ARTICLES)]).articles)):
        assert isinstance(outcome, Extraction), outcome
        out.append(outcome)
    return out


def whole_run(extractions: list[Extraction], tmp_path: Path) -> list[tuple[str, str, str, str]]:
    """The checks of the articles ingested in one go, every article's figures in one part."""
    store = SQLiteStore(tmp_path / "whole.db")
    ledger = open_ledger(store)
    for extraction in extractions:
        ledger.ingest(extraction)
    rows = _check_rows(store)
    store.close()
    return rows


def _check_rows(store: SQLiteStore) -> list[tuple[str, str, str, str]]:
    return sorted(
        (c.quantity_a, c.quantity_b, c.verdict, c.explanation) for c in store.checks(None)
    )


def test_figure_checks_run_in_parts_after_the_article_is_stored(
    extractions: list[Extraction],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One figure per transaction gives the same checks as the whole article at once, and the
    write lock is taken once for the article and once per part of its figures."""
    import claimledger.ledger as ledger_module

    monkeypatch.setattr(ledger_module, "CHECK_CHUNK", 1)
    store = SQLiteStore(tmp_path / "parts.db")
    transactions = 0
    original = store.transaction

    def counting():  # type: ignore[no-untyped-def]
        nonlocal transactions
        transactions += 1
        return original()

    monkeypatch.setattr(store, "transaction", counting)
    ledger = open_ledger(store)
    for extraction in extractions:
        before = transactions
        ledger.ingest(extraction)
        figures = len(extraction.quantities)
        assert transactions - before == 1 + figures, extraction.article.source.id
    assert store.pending_checks() == []
    assert _check_rows(store) == whole_run(extractions, tmp_path)
    assert _check_rows(store), "the corpus has figures to check"
    store.close()


def test_checks_an_interrupted_run_left_are_finished_by_the_next_ingest(
    extractions: list[Extraction],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl-C part way through an article's figure checks keeps the article (its own
    transaction committed) and how far the checks got; the next ingest, of any article or of
    none new, finishes them: the same checks as a run never interrupted."""
    import claimledger.ledger as ledger_module

    monkeypatch.setattr(ledger_module, "CHECK_CHUNK", 1)
    path = tmp_path / "interrupted.db"
    store = SQLiteStore(path)
    ledger = open_ledger(store)
    items = extractions
    with_figures = next(i for i, e in enumerate(items) if len(e.quantities) >= 2)
    for extraction in items[:with_figures]:
        ledger.ingest(extraction)
    calls = 0
    original = Ledger._compare

    def interrupted(self, *args):  # type: ignore[no-untyped-def]
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt
        return original(self, *args)

    monkeypatch.setattr(Ledger, "_compare", interrupted)
    with pytest.raises(KeyboardInterrupt):
        ledger.ingest(items[with_figures])
    monkeypatch.setattr(Ledger, "_compare", original)
    doc_id = items[with_figures].article.doc_id
    assert store.pending_checks() == [(doc_id, 1)]  # the first figure's part was committed
    assert store.article(doc_id) is not None
    store.close()

    store = SQLiteStore(path)
    resumed = open_ledger(store)
    assert resumed.ingest(items[with_figures]).status == "unchanged"
    assert store.pending_checks() == []
    for extraction in items[with_figures + 1 :]:
        resumed.ingest(extraction)
    assert _check_rows(store) == whole_run(extractions, tmp_path)
    store.close()


def test_a_resumed_ingest_with_nothing_new_finishes_the_checks_left(
    extractions: list[Extraction], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Killed after an article's own transaction, before its figure checks: running the same
    ingest again finds every article stored (none is extracted again) and still finishes the
    checks, through the CLI as through the library."""
    import json
    import os
    import subprocess
    import sys

    import claimledger.ledger as ledger_module

    monkeypatch.setattr(ledger_module, "CHECK_CHUNK", 1)
    first = next(e for e in extractions if len(e.quantities) >= 2)
    path = tmp_path / "killed.db"
    store = SQLiteStore(path)
    monkeypatch.setattr(Ledger, "_compare", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        open_ledger(store).ingest(first)
    monkeypatch.undo()
    assert [d for d, _ in store.pending_checks()] == [first.article.doc_id]
    store.close()
    source = first.article.source
    record = {"id": source.id, "text": first.article.text, "url": source.url,
              "outlet": source.outlet, "published": source.published}  # fmt: skip
    (tmp_path / "one.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    env = {**os.environ, "CLAIMLEDGER_REGISTRY": str(tmp_path / "registry.yaml")}
    done = subprocess.run(
        [sys.executable, "-m", "claimledger.cli", "ingest", str(tmp_path / "one.jsonl"),
         "--db", str(path)],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "0 new, 0 new version(s), 1 unchanged" in done.stdout
    store = SQLiteStore(path)
    assert store.pending_checks() == []
    store.close()
