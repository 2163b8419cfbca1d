"""Parsing and extraction spread over a Ray cluster (``claimledger ingest --executor ray``).

The local process pool (``pipeline.extract_articles``) stays the default; this path is for a
backlog larger than one machine. Each Ray worker is an actor that builds its own extractor when
it starts (the spaCy model and the gazetteer loaded inside it, nothing inherited by fork), and
extracts chunks of articles sent to it. Results come back in input order, so the one writer
stores them exactly as a local run would: the same ledger, the same progress, the same
``--on-error``, and a resumed run skips the articles stored already (``Ledger.stored``).

Only parsing and extraction run on the cluster; storing and the cross-article analysis run in
the ingesting process, one article at a time (the ledger has one writer). On a real cluster the
bottleneck moves there once the workers outpace it: see the README ("Ray").
"""

from __future__ import annotations

import logging
import socket
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from claimledger.errors import ClaimledgerError, WorkerError
from claimledger.models import Article

log = logging.getLogger(__name__)

CHUNK = 8  # articles per task
IN_FLIGHT = 2  # tasks queued per actor, so none waits for work


class RayUnavailableError(ClaimledgerError):
    """Ray is not installed, or the cluster cannot be reached."""


def ray_extract(
    articles: Iterable[Article], workers: int = 2, address: str | None = None
) -> Iterator[Any]:
    """Extract every article on Ray actors, yielding each outcome (an Extraction, or the
    ExtractionError naming the article) in input order. With ``address`` the cluster there is
    joined; without it a local Ray with ``workers`` CPUs is started (and stopped at the end)."""
    try:
        import ray
    except ImportError:
        raise RayUnavailableError(
            "--executor ray needs Ray: pip install 'claimledger[ray]' (or use the default "
            "local executor)"
        ) from None
    started = not ray.is_initialized()
    if started and address:
        _reachable(address)
    if started:
        try:
            ray.init(
                address=address,
                num_cpus=None if address else workers,
                include_dashboard=False,
                log_to_driver=False,
                configure_logging=False,
            )
        except Exception as exc:  # ConnectionError, ValueError, RuntimeError, ...
            where = f"at {address}" if address else "on this machine"
            raise RayUnavailableError(
                f"cannot start or join a Ray cluster {where}: {exc}"
            ) from None
    actors: list[Any] = []
    try:
        worker = ray.remote(num_cpus=1)(_Extractor)
        count = max(1, workers)
        actors = [worker.remote() for _ in range(count)]
        from claimledger.pipeline import chunks

        yield from _ordered(ray, actors, chunks(articles, CHUNK))
    finally:
        for actor in actors:
            ray.kill(actor)
        if started:
            ray.shutdown()


CONNECT_TIMEOUT = 5.0  # seconds to reach a cluster's address before Ray is asked to join it


def _reachable(address: str) -> None:
    """Refuse an address nothing answers on at once: Ray itself retries for minutes."""
    hostport = address.split("://", 1)[-1]
    host, sep, port = hostport.rpartition(":")
    if not sep or not port.isdigit():
        return  # "auto", a name Ray resolves itself
    try:
        socket.create_connection((host or "127.0.0.1", int(port)), CONNECT_TIMEOUT).close()
    except OSError as exc:
        raise RayUnavailableError(
            f"cannot start or join a Ray cluster at {address}: nothing answers there "
            f"({exc.strerror or exc}); start it with `ray start --head` or leave out --address"
        ) from None


class _Extractor:
    """A Ray actor: the extractor is built inside the worker, once."""

    def __init__(self) -> None:
        from claimledger.link.gazetteer import Gazetteer
        from claimledger.nlp.pipeline import load_nlp

        load_nlp()
        Gazetteer.load()

    def extract(self, chunk: Sequence[Article]) -> list[Any]:
        from claimledger.pipeline import extract_chunk

        return extract_chunk(chunk)


def _ordered(ray: Any, actors: Sequence[Any], chunks: Iterator[list[Article]]) -> Iterator[Any]:
    """Send chunks to the actors in turn, ``IN_FLIGHT`` per actor, and yield the results of
    each chunk in the order the chunks were sent."""
    pending: deque[tuple[Any, list[Article]]] = deque()
    for turn, chunk in enumerate(chunks):
        pending.append((actors[turn % len(actors)].extract.remote(chunk), chunk))
        if len(pending) >= IN_FLIGHT * len(actors):
            yield from _result(ray, *pending.popleft())
    while pending:
        yield from _result(ray, *pending.popleft())


def _result(ray: Any, ref: Any, chunk: list[Article]) -> list[Any]:
    try:
        result: list[Any] = ray.get(ref)
    except Exception as exc:  # an actor that died (killed, out of memory) or a lost node
        ids = ", ".join(a.source.id or a.doc_id for a in chunk)
        raise WorkerError(f"a Ray worker failed while extracting {ids}: {exc}") from None
    return result
