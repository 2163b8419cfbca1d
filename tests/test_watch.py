"""Watch mode against a local HTTP server on 127.0.0.1 serving changing, slow, broken, huge and
failing feeds, and against a folder that gains files."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from spacy.language import Language

from claimledger import open_ledger
from claimledger.library import LedgerHandle
from claimledger.watch import Watcher, WatchError, WatchEvent

ITEM = """<item><title>{title}</title><link>https://wire.example/{n}</link>
<guid>https://wire.example/{n}</guid><pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate>
<description>{text}</description></item>"""
SENTENCES = [
    "The regional governor said on Monday that {n} drones were shot down near the city.",
    "A spokesman for the border guard said that {n} people crossed the river overnight.",
    "The mayor told reporters that {n} homes had been damaged in the shelling.",
]


def rss(count: int) -> bytes:
    items = "".join(
        ITEM.format(title=f"Report {n}", n=n, text=SENTENCES[n % 3].format(n=10 + n))
        for n in range(count)
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>'
        f"<link>https://wire.example/</link><description>wire</description>{items}"
        "</channel></rss>"
    ).encode()


class Feeds:
    """What the server serves, changed by the tests, and the requests it saw."""

    def __init__(self) -> None:
        self.entries = 2
        self.requests: list[tuple[str, str | None]] = []  # (path, If-None-Match)


def handler(feeds: Feeds) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            feeds.requests.append((self.path, self.headers.get("If-None-Match")))
            if self.path == "/feed.xml":
                etag = f'"v{feeds.entries}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self._send(rss(feeds.entries), etag=etag)
            elif self.path == "/slow.xml":
                self.send_response(200)
                self.send_header("Content-Length", "100000")
                self.end_headers()
                for _ in range(40):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.1)
            elif self.path == "/huge.xml":
                self._send(b"<rss>" + b" " * 300_000 + b"</rss>")
            elif self.path == "/garbage.xml":
                self._send(b"\x00\x01\x02 this is not a feed \xff\xfe" * 50)
            else:
                self.send_response(500)
                self.end_headers()

        def _send(self, body: bytes, etag: str | None = None) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture
def server() -> Iterator[tuple[str, Feeds]]:
    feeds = Feeds()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler(feeds))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", feeds
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def ledger(tmp_path: Path, nlp: Language) -> Iterator[LedgerHandle]:
    with open_ledger(tmp_path / "ledger.db", write=True) as handle:
        yield handle


def kinds(events: list[WatchEvent]) -> list[str]:
    return [e.kind for e in events]


def test_a_feed_is_ingested_once_and_only_what_is_new_later(
    server: tuple[str, Feeds], ledger: LedgerHandle
) -> None:
    base, feeds = server
    watcher = Watcher(ledger, [f"{base}/feed.xml"], interval=60)
    first = list(watcher.poll())
    assert kinds(first) == ["new", "new"]
    assert len(ledger.store.articles()) == 2
    # not modified: the server answers 304 to the ETag it gave, and nothing is read
    watcher.sources[0].due = 0
    assert list(watcher.poll()) == []
    assert feeds.requests[-1] == ("/feed.xml", '"v2"')
    # one more entry: only it is extracted and stored
    feeds.entries = 3
    watcher.sources[0].due = 0
    third = list(watcher.poll())
    assert kinds(third) == ["new"] and third[0].article == "https://wire.example/2"
    assert len(ledger.store.articles()) == 3


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/slow.xml", "longer than"),
        ("/huge.xml", "larger than"),
        ("/garbage.xml", "no article"),
        ("/missing", "500"),
    ],
    ids=["slow", "huge", "garbage", "server-error"],
)
def test_a_failing_feed_is_reported_retried_later_and_stops_no_other_source(
    server: tuple[str, Feeds], ledger: LedgerHandle, path: str, reason: str
) -> None:
    base, _ = server
    now = [1000.0]
    watcher = Watcher(
        ledger,
        [f"{base}{path}", f"{base}/feed.xml"],
        interval=10,
        timeout=1.5,
        max_bytes=100_000,
        clock=lambda: now[0],
    )
    events = list(watcher.poll())
    assert kinds(events) == ["error", "new", "new"]
    assert reason in events[0].detail and events[0].retry == 20
    assert len(ledger.store.articles()) == 2
    # polled again only once its back-off is over, the wait doubling each time
    now[0] += 10
    assert [e.source for e in watcher.poll()] == []  # the good feed: 304, nothing new
    now[0] += 10
    again = list(watcher.poll())
    assert kinds(again) == ["error"] and again[0].retry == 40


def test_a_folder_is_read_again_only_for_new_or_changed_files(
    tmp_path: Path, ledger: LedgerHandle
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "one.txt").write_text(SENTENCES[0].format(n=12), encoding="utf-8")
    (inbox / ".hidden.txt").write_text(SENTENCES[1].format(n=3), encoding="utf-8")
    watcher = Watcher(ledger, [str(inbox)], interval=60)
    first = list(watcher.poll())
    assert kinds(first) == ["skipped", "new"]  # the hidden file is listed, never read
    watcher.sources[0].due = 0
    assert list(watcher.poll()) == []  # nothing changed: no file read, nothing said again
    (inbox / "two.txt").write_text(SENTENCES[2].format(n=40), encoding="utf-8")
    watcher.sources[0].due = 0
    assert kinds(list(watcher.poll())) == ["new"]
    assert len(ledger.store.articles()) == 2


def test_a_watch_that_cannot_start_says_why(tmp_path: Path, ledger: LedgerHandle) -> None:
    with pytest.raises(WatchError, match="no such file or folder"):
        Watcher(ledger, [str(tmp_path / "absent")], interval=60)
    with pytest.raises(WatchError, match="only http:// and https://"):
        Watcher(ledger, ["ftp://wire.example/feed.xml"], interval=60)
    with pytest.raises(WatchError, match="above 0"):
        Watcher(ledger, [str(tmp_path)], interval=0)


def test_sigterm_stops_the_watch_cleanly(tmp_path: Path, server: tuple[str, Feeds]) -> None:
    """The CLI under SIGTERM: it says what it stored and exits 130; the ledger is whole and
    holds every article it said it stored."""
    base, _ = server
    db = tmp_path / "ledger.db"
    env = {**os.environ, "CLAIMLEDGER_REGISTRY": str(tmp_path / "registry.yaml")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimledger.cli", "watch", f"{base}/feed.xml", "--interval",
         "1", "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 120
    lines = []
    assert proc.stdout is not None
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        lines.append(line)
        if line.count(": new ") and len([x for x in lines if ": new " in x]) == 2:
            break
    proc.send_signal(signal.SIGTERM)
    _, errors = proc.communicate(timeout=60)
    assert proc.returncode == 130, errors
    assert "Interrupted: 2 new article(s)" in errors
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 2


def test_the_watch_command_runs_rounds_and_reports(
    tmp_path: Path, server: tuple[str, Feeds]
) -> None:
    base, _ = server
    db = tmp_path / "ledger.db"
    env = {**os.environ, "CLAIMLEDGER_REGISTRY": str(tmp_path / "registry.yaml")}
    done = subprocess.run(
        [sys.executable, "-m", "claimledger.cli", "watch", f"{base}/feed.xml",
         f"{base}/missing", "--interval", "0.2", "--rounds", "2", "--db", str(db)],
        capture_output=True, text=True, env=env, timeout=180,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.count(": new ") == 2
    assert "answered 500" in done.stderr
    assert f"{db}: 2 new, 0 new version(s); 1 failed poll(s)" in done.stdout
