"""Plain-text articles: the text exactly as read, so offsets index the file."""

from __future__ import annotations

from claimledger.ingest.base import clean_text, make_article
from claimledger.models import Article, SourceInfo


def parse_text(content: str, location: str, path: str, stem: str | None) -> Article:
    """One article from a text file; only a BOM and CRLF line ends are changed."""
    source = SourceInfo(path=path, id=stem)
    return make_article(clean_text(content), source, location)
