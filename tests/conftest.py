"""Shared fixtures: the loaded pipeline (once per session) and the ../shared folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from claimledger.nlp.pipeline import load_nlp

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_nlp()


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared evaluation folder beside the repository; tests that need it skip without it."""
    if not (SHARED / "corpus" / "dev" / "articles.jsonl").is_file():
        pytest.skip(f"{SHARED} is absent: the shared corpus and scorers sit beside the repo in CI")
    return SHARED
