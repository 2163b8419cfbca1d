"""Per-article extraction: parsed Doc in, typed results out."""

from __future__ import annotations

from spacy.tokens import Doc

from claimledger.extract.actors import extract_actors
from claimledger.extract.claims import extract_claims
from claimledger.extract.units import extract_units
from claimledger.models import Article, Extraction

__all__ = ["extract_article"]


def extract_article(article: Article, doc: Doc) -> Extraction:
    """Everything claimledger extracts from one parsed article."""
    claims = extract_claims(doc, article.doc_id)
    people, orgs = extract_actors(doc)
    return Extraction(
        article=article,
        claims=claims,
        people=people,
        organizations=orgs,
        units=extract_units(doc),
    )
