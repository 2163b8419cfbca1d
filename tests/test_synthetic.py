"""The synthetic article generator of the ledger benchmark: deterministic, varied, bounded."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from claimledger.models import Article

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "synthetic.py"
SENTENCE_END = re.compile(r'(?<=[.!?])"?\s+(?=["A-Z0-9])')


@pytest.fixture(scope="module")
def synthetic() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synthetic", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["synthetic"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def articles(synthetic: ModuleType) -> list[Article]:
    return list(synthetic.generate(400, seed=7))


def test_same_seed_same_articles(synthetic: ModuleType) -> None:
    assert synthetic.generate(12, seed=3) == synthetic.generate(12, seed=3)
    assert synthetic.generate(12, seed=3) != synthetic.generate(12, seed=4)


def test_count_ids_and_texts_are_distinct(articles: list[Article]) -> None:
    assert len(articles) == 400
    assert len({a.source.id for a in articles}) == 400
    assert len({a.doc_id for a in articles}) == 400


def test_articles_have_three_to_five_sentences_and_metadata(articles: list[Article]) -> None:
    for a in articles:
        assert 3 <= len(SENTENCE_END.split(a.text)) <= 5, a.text
        assert a.source.outlet and a.source.title and a.source.url and a.source.published


def test_publication_order_over_two_years(articles: list[Article]) -> None:
    published = [a.source.published or "" for a in articles]
    assert published == sorted(published)
    span = date.fromisoformat(published[-1]) - date.fromisoformat(published[0])
    assert span.days > 600


def test_stories_are_bounded_and_time_local(synthetic: ModuleType, articles: list[Article]) -> None:
    sizes = Counter(synthetic.story_of(a) for a in articles)
    assert 400 / 6 < len(sizes) < 400 / 3  # about n/4 stories
    assert max(sizes.values()) <= 8
    days: dict[int, list[date]] = {}
    for a in articles:
        days.setdefault(synthetic.story_of(a), []).append(
            date.fromisoformat(a.source.published or "")
        )
    assert all((max(d) - min(d)).days <= synthetic.MAX_LAG_DAYS for d in days.values())


def test_variety_of_outlets_places_and_attribution(
    synthetic: ModuleType, articles: list[Article]
) -> None:
    assert len({a.source.outlet for a in articles}) >= 12
    text = " ".join(a.text for a in articles)
    places = {p.name for p in synthetic.PLACES if p.name in text}
    assert len(places) > 60  # about one place per story (~94 stories)
    for construction in (
        "According to",
        "citing",
        "quoted by",
        "denied",
        "reportedly",
        '"',
        "said that",
    ):
        assert construction in text, construction


def test_some_stories_report_conflicting_figures(
    synthetic: ModuleType, articles: list[Article]
) -> None:
    """A story states its figure and a detail figure; a third number is a conflicting figure."""
    not_figures = re.compile(r"\d+ km|(?:January|February|March|April|May|June|July|August|"
                             r"September|October|November|December) \d+")  # fmt: skip
    numbers: dict[int, set[str]] = {}
    for a in articles:
        text = not_figures.sub("", a.text)
        numbers.setdefault(synthetic.story_of(a), set()).update(re.findall(r"\d[\d,]*", text))
    conflicting = [s for s, found in numbers.items() if len(found) > 2]
    assert 5 < len(conflicting) < len(numbers) / 3
