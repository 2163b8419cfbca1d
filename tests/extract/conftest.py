"""Fixtures for the extractor tests: the claims of a short text, parsed with the session
pipeline."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from claimledger.extract.claims import extract_claims
from claimledger.models import Claim

Extract = Callable[[str], tuple[Claim, ...]]


@pytest.fixture(scope="session")
def claims_of(nlp: Language) -> Extract:
    """Parse a text and return its attributed claims, in text order."""

    def run(text: str) -> tuple[Claim, ...]:
        return extract_claims(nlp(text), "t")

    return run
