"""Real-sized benchmark articles composed from parsed template articles: every offset and id
still points at the right text, and the ledger stores them like any extraction."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from claimledger.ledger import open_ledger
from claimledger.models import Extraction
from claimledger.pipeline import extract_articles
from claimledger.store.sqlite import SQLiteStore

BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def composed() -> tuple[list[Extraction], dict[str, int]]:
    synthetic, realsized = _load("synthetic"), _load("realsized")
    parsed = [
        e for e in extract_articles(synthetic.generate(15, seed=5)) if isinstance(e, Extraction)
    ]
    return realsized.real_sized(parsed, synthetic.story_of, parts=5, seed=1)


def test_offsets_and_ids_point_at_the_composed_text(composed) -> None:  # type: ignore[no-untyped-def]
    made, stories = composed
    assert len(made) == 3
    for e in made:
        text, doc = e.article.text, e.article.doc_id
        assert len(text.split()) >= 600
        assert len(e.claims) >= 5
        figures = {q.id: q for q in e.quantities}
        for q in e.quantities:
            assert text[q.start : q.end] == q.text and q.id.startswith(f"{doc}:")
        for c in e.claims:
            assert c.id.startswith(f"{doc}:") and c.id in stories
            assert text[c.content.start : c.content.end] == c.content.text
            if c.speaker.start is not None and c.speaker.text:
                assert text[c.speaker.start : c.speaker.end] == c.speaker.text
            assert all(q in figures for q in c.quantity_ids)
        for p in e.places:
            assert p.start is None or text[p.start : p.end] == p.text
    assert len({c.id for e in made for c in e.claims}) == sum(len(e.claims) for e in made)


def test_a_composed_article_is_stored_whole(composed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    made, _ = composed
    store = SQLiteStore(tmp_path / "l.db")
    try:
        ledger = open_ledger(store)
        for e in made:
            assert ledger.ingest(e).status == "new"
        assert store.counts()["claims"] == sum(len(e.claims) for e in made)
    finally:
        store.close()
