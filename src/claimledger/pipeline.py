"""Articles in, extractions out: parsing and extraction, on one process or several."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from spacy.tokens import Doc

from claimledger.errors import ExtractionError, TooLongError
from claimledger.extract import extract_article
from claimledger.ingest.furniture import blank_furniture
from claimledger.link.gazetteer import Gazetteer
from claimledger.models import Article, Extraction
from claimledger.nlp.pipeline import MAX_CHARS, load_nlp, parse
from claimledger.workers import ordered_map

log = logging.getLogger(__name__)

CHUNK = 16  # articles per task sent to a worker process
BATCH_SIZE = 8  # articles parsed together; larger batches of long articles cost memory
Outcome = Extraction | ExtractionError


def extract_articles(
    articles: Iterable[Article], workers: int = 1, batch_size: int = BATCH_SIZE
) -> Iterator[Outcome]:
    """Extract every article, in input order; ``workers`` > 1 spreads chunks over processes.

    An article on which extraction fails yields an :class:`ExtractionError` naming it, so one
    bad article never costs the others; the caller decides whether to stop. An article longer
    than ``MAX_CHARS`` is not parsed at all: it yields a :class:`TooLongError`. A worker process
    that dies (SIGKILL, the out-of-memory killer) stops the run with a :class:`WorkerError`
    naming the articles in flight; the workers die with this process.
    """
    if workers <= 1:
        items = articles if isinstance(articles, list) else list(articles)
        refused = [_too_long(a) for a in items]
        fit = (blank_furniture(a.text) for a, r in zip(items, refused, strict=True) if r is None)
        docs = parse(fit, batch_size)
        for article, too_long in zip(items, refused, strict=True):
            yield too_long if too_long is not None else _extract_one(article, next(docs))
        return
    load_nlp()  # loaded before the fork, shared copy-on-write by the workers
    Gazetteer.load()
    size = _chunk_size(articles, workers)
    for chunk in ordered_map(extract_chunk, chunks(articles, size), workers, _location):
        yield from chunk


def _chunk_size(articles: Iterable[Article], workers: int) -> int:
    """CHUNK, or less so that a short input still keeps every worker busy."""
    if not isinstance(articles, Sequence):
        return CHUNK
    return max(1, min(CHUNK, -(-len(articles) // workers)))


def _extract_one(article: Article, doc: Doc) -> Outcome:
    try:
        return extract_article(article, doc)
    except Exception as exc:  # any failure is reported with the article named
        log.exception("extraction failed on %s", _location(article))
        return ExtractionError(_location(article), exc)


def _too_long(article: Article) -> TooLongError | None:
    if len(article.text) <= MAX_CHARS:
        return None
    return TooLongError(_location(article), len(article.text), MAX_CHARS)


def _location(article: Article) -> str:
    src = article.source
    where = src.path or src.url or "<input>"
    return f"{where} (article {src.id or article.doc_id})"


def extract_chunk(chunk: Sequence[Article]) -> list[Outcome]:
    """One chunk extracted in this process (a worker's task, local or Ray)."""
    return list(extract_articles(list(chunk), workers=1))


def chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
