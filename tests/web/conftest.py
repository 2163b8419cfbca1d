"""Browser-test fixtures: a live uvicorn server, one headless chromium per session, and a page
that fails its test on any request leaving 127.0.0.1 or on a console error.

Playwright drives Debian's chromium (``/usr/bin/chromium``, or ``$CLAIMLEDGER_CHROMIUM``):
``playwright install`` downloads a browser build, which cannot be fetched here. Without
playwright or chromium the browser tests skip with the reason. Each test's last screenshot is
saved as ``tests/web/screenshots/<test name>.png`` (or under ``$CLAIMLEDGER_SCREENSHOTS``).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest
import uvicorn
from webguard import GuardedPage, guard

if TYPE_CHECKING:
    from playwright.sync_api import Browser

CHROMIUM = os.environ.get("CLAIMLEDGER_CHROMIUM", "/usr/bin/chromium")


class LiveServer:
    """uvicorn serving one ASGI app on 127.0.0.1 (a free port) in a background thread."""

    def __init__(self, app: Any) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self.port: int = self._socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, log_level="warning", ws="none", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )

    def start(self, timeout: float = 10.0) -> None:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"uvicorn did not start on {self.url}")
            time.sleep(0.02)
        # It answers (any status: the app may have no route at /).
        with contextlib.suppress(urllib.error.HTTPError):
            urllib.request.urlopen(self.url + "/", timeout=timeout).close()

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()


@pytest.fixture
def live_server() -> Iterator[Callable[[Any], LiveServer]]:
    """``live_server(app)`` starts ``app`` and returns the running LiveServer (``.url``);
    every server started is stopped after the test."""
    started: list[LiveServer] = []

    def start(app: Any) -> LiveServer:
        server = LiveServer(app)
        server.start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless chromium for the session."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium; make install-test)")
    args = ["--no-sandbox"] if os.geteuid() == 0 else []
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[GuardedPage]:
    """A fresh page (its own context) behind the no-external-request guard. After the test it
    is screenshotted, then the test fails on any external request or console error."""
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    guarded = guard(context, re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name))
    try:
        yield guarded
        guarded.screenshot()
    finally:
        context.close()
    if guarded.problems():
        pytest.fail("\n".join(guarded.problems()))
