"""Watch mode: poll feeds (URLs or files) and folders, and ingest what is new.

    >>> from claimledger import open_ledger
    >>> from claimledger.watch import Watcher
    >>> with open_ledger("ledger.db", write=True) as ledger:  # doctest: +SKIP
    ...     for event in Watcher(ledger, ["https://example.org/feed.xml", "inbox/"], 300).run():
    ...         print(event)

Each round polls the sources that are due: a URL is fetched with the ETag and Last-Modified
it last answered with (a 304 costs nothing), within ``timeout`` seconds and ``max_bytes``; a
file is read again when its size or modification time changed; a folder is walked and its new
or changed files read. What is read is ingested through the ledger like ``claimledger
ingest`` (each article stored whole or not at all, the analysis updated as it arrives); an
article already stored (the same text: an entry seen in an earlier poll, a republished
copy of the same bytes) is not extracted again. A source that fails (unreachable, too slow, too
large, garbage) is reported and polled again later, the wait doubling from ``interval`` up to
``max_backoff``; it never stops the other sources. Stopping (``stop``, Ctrl-C, SIGTERM) takes
effect between articles: nothing is half-written.
"""

from __future__ import annotations

import logging
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimledger import __version__
from claimledger.errors import ClaimledgerError
from claimledger.ingest import Skipped, iter_inputs
from claimledger.ingest.paths import Found, PassedOver, walk
from claimledger.ingest.reader import read_bytes
from claimledger.library import LedgerHandle
from claimledger.models import Article

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 30.0  # seconds a fetch may take, whole
MAX_BYTES = 20 * 1024 * 1024  # the largest document fetched
MAX_BACKOFF = 3600.0  # the longest wait before a failing source is polled again
CHUNK = 64 * 1024


class WatchError(ClaimledgerError):
    """A watch that cannot start (a source that is neither a URL nor an existing path)."""


class SourceError(Exception):
    """One poll of one source failed; the watch goes on and polls it again later."""


@dataclass(frozen=True)
class WatchEvent:
    """What a poll did: an article "new" or "new-version" (stored), "failed" (not extracted),
    an entry or file "skipped" (not an article), or the source in "error" (polled again
    after ``retry`` seconds)."""

    source: str
    kind: str
    detail: str = ""
    article: str | None = None
    retry: float | None = None

    def __str__(self) -> str:
        what = f" {self.article}" if self.article else ""
        detail = f": {self.detail}" if self.detail else ""
        return f"{self.source}: {self.kind}{what}{detail}"


@dataclass
class _Source:
    target: str
    url: bool
    etag: str | None = None
    modified: str | None = None
    stamps: dict[str, tuple[int, int]] = field(default_factory=dict)  # path -> (mtime, size)
    reported: set[str] = field(default_factory=set)  # skip messages already reported
    failures: int = 0
    due: float = 0.0


class Watcher:
    """Polls ``targets`` every ``interval`` seconds and ingests what is new into ``ledger``."""

    def __init__(
        self,
        ledger: LedgerHandle,
        targets: Sequence[str],
        interval: float,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_bytes: int = MAX_BYTES,
        max_backoff: float = MAX_BACKOFF,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if interval <= 0:
            raise WatchError(f"--interval {interval}: give a number of seconds above 0")
        if not targets:
            raise WatchError("nothing to watch: name feeds (URLs or files) or folders")
        self.ledger = ledger
        self.interval = interval
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_backoff = max(max_backoff, interval)
        self.clock = clock
        self.sources = [_source(t) for t in targets]

    # ------------------------------------------------------------------ the loop

    def run(
        self, stop: threading.Event | None = None, rounds: int | None = None
    ) -> Iterator[WatchEvent]:
        """Poll round after round (``rounds`` of them, or until ``stop`` is set), waiting for
        the next source to be due in between."""
        stop = stop or threading.Event()
        done = 0
        while not stop.is_set() and (rounds is None or done < rounds):
            yield from self.poll(stop)
            done += 1
            if rounds is not None and done >= rounds:
                break
            _sleep_until(stop, self.due_in())

    def due_in(self) -> float:
        """Seconds until the next source is due (0 when one is)."""
        return max(0.0, min(s.due for s in self.sources) - self.clock())

    def poll(self, stop: threading.Event | None = None) -> Iterator[WatchEvent]:
        """One round: every source that is due, polled once."""
        for source in self.sources:
            if stop is not None and stop.is_set():
                return
            if source.due <= self.clock():
                yield from self._poll(source)

    # ------------------------------------------------------------------ one source

    def _poll(self, source: _Source) -> Iterator[WatchEvent]:
        try:
            items = self._fetch(source) if source.url else self._read_path(source)
        except SourceError as exc:
            source.failures += 1
            wait = min(self.interval * 2**source.failures, self.max_backoff)
            source.due = self.clock() + wait
            log.warning("%s: %s (polled again in %.0f s)", source.target, exc, wait)
            yield WatchEvent(source.target, "error", str(exc), retry=wait)
            return
        source.failures = 0
        source.due = self.clock() + self.interval
        articles = []
        for item in items:
            if isinstance(item, Skipped):
                if item.message not in source.reported:  # once, not every poll
                    source.reported.add(item.message)
                    yield WatchEvent(source.target, "skipped", item.message)
            else:
                articles.append(item)  # one stored already is not extracted again (ingest)
        for event in self.ledger.ingest(articles, on_error="skip"):
            if event.status == "unchanged":
                continue
            detail = str(event.error) if event.error else f"{event.claims} claim(s)"
            yield WatchEvent(source.target, event.status, detail, article=event.article)

    def _fetch(self, source: _Source) -> list[Article | Skipped]:
        """The articles of a URL, or none when it answers 304 (not modified)."""
        headers = {"User-Agent": f"claimledger/{__version__} (watch)"}
        if source.etag:
            headers["If-None-Match"] = source.etag
        if source.modified:
            headers["If-Modified-Since"] = source.modified
        request = urllib.request.Request(source.target, headers=headers)
        deadline = time.monotonic() + self.timeout
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                data = self._body(response, deadline)
                etag, modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
        except urllib.error.HTTPError as exc:
            if exc.code == 304:
                return []
            raise SourceError(f"the server answered {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            raise SourceError(f"cannot fetch it ({reason})") from None
        items = list(read_bytes(data, source.target))
        if len(items) == 1 and isinstance(items[0], Skipped):  # the document itself unusable
            raise SourceError(f"no article in it: {items[0].message}")
        source.etag, source.modified = etag, modified  # only once it has been read
        return items

    def _body(self, response: object, deadline: float) -> bytes:
        """The response body, refused past ``max_bytes`` or past the deadline (a server that
        trickles a byte at a time would otherwise hold the watch for ever)."""
        read = response.read  # type: ignore[attr-defined]
        parts: list[bytes] = []
        size = 0
        while chunk := read(CHUNK):
            size += len(chunk)
            if size > self.max_bytes:
                raise SourceError(f"it is larger than {self.max_bytes:,} bytes")
            if time.monotonic() > deadline:
                raise SourceError(f"it took longer than {self.timeout:g} s to fetch")
            parts.append(chunk)
        return b"".join(parts)

    def _read_path(self, source: _Source) -> list[Article | Skipped]:
        """The articles of the files that are new or changed since the last poll."""
        root = Path(source.target)
        if not root.exists():
            raise SourceError("it does not exist (any more)")
        if root.is_dir():
            try:
                entries = list(walk(root))
            except OSError as exc:
                raise SourceError(f"cannot list it ({exc.strerror or exc})") from None
        else:
            entries = [Found(root, source.target)]
        items: list[Article | Skipped] = []
        seen: dict[str, tuple[int, int]] = {}
        for entry in entries:
            if isinstance(entry, PassedOver):
                items.append(Skipped.from_error(entry.error))
                continue
            if not isinstance(entry, Found):  # a sub-folder that cannot be listed
                items.append(Skipped.from_error(entry))
                continue
            try:
                status = entry.path.stat()
            except OSError:
                continue  # removed since it was listed
            stamp = (status.st_mtime_ns, status.st_size)
            seen[entry.shown] = stamp
            if source.stamps.get(entry.shown) != stamp:
                items.extend(iter_inputs([str(entry.path)], on_error="skip"))
        source.stamps = seen
        return items


def _source(target: str) -> _Source:
    if target.startswith(("http://", "https://")):
        return _Source(target, url=True)
    if "://" in target:
        raise WatchError(f"{target}: only http:// and https:// URLs can be watched")
    if not Path(target).exists():
        raise WatchError(
            f"{target}: no such file or folder; name an existing feed file or folder, or a "
            "http(s) URL"
        )
    return _Source(target, url=False)


SLEEP_SLICE = 0.2  # seconds: how soon a set stop is seen while waiting


def _sleep_until(stop: threading.Event, seconds: float) -> None:
    """Wait ``seconds`` or until ``stop`` is set. In slices of ``time.sleep``, not with
    ``stop.wait``: SIGTERM raises KeyboardInterrupt in the main thread (``interrupts.py``),
    and raised inside ``Event.wait`` it can leave the condition's lock released, so that the
    way out fails with "release unlocked lock" instead of saying what was stored."""
    end = time.monotonic() + seconds
    while not stop.is_set():
        left = end - time.monotonic()
        if left <= 0:
            return
        time.sleep(min(SLEEP_SLICE, left))
