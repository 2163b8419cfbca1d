"""Articles in, extractions out: parsing and extraction, on one process or several."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import islice

from claimledger.extract import extract_article
from claimledger.models import Article, Extraction
from claimledger.nlp.pipeline import load_nlp, parse

log = logging.getLogger(__name__)

CHUNK = 16  # articles per task sent to a worker process


def extract_articles(
    articles: Iterable[Article], workers: int = 1, batch_size: int = 32
) -> Iterator[Extraction]:
    """Extract every article, in input order. ``workers`` > 1 spreads chunks over processes."""
    if workers <= 1:
        items = list(articles) if not isinstance(articles, list) else articles
        for article, doc in zip(items, parse((a.text for a in items), batch_size), strict=True):
            yield extract_article(article, doc)
        return
    load_nlp()  # loaded before the fork, shared copy-on-write by the workers
    with ProcessPoolExecutor(max_workers=workers) as pool:
        for chunk in pool.map(_extract_chunk, _chunks(articles, CHUNK)):
            yield from chunk


def _extract_chunk(chunk: Sequence[Article]) -> list[Extraction]:
    return list(extract_articles(list(chunk), workers=1))


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
