"""Browser-test fixtures: a live uvicorn server, one headless chromium per session, and a page
that fails its test on any request leaving 127.0.0.1 or on a console error.

Playwright drives Debian's chromium (``/usr/bin/chromium``, or ``$CLAIMLEDGER_CHROMIUM``):
``playwright install`` downloads a browser build, which cannot be fetched here. Without
playwright or chromium the browser tests skip with the reason. Each test's last screenshot is
saved as ``tests/web/screenshots/<test name>.png`` (or under ``$CLAIMLEDGER_SCREENSHOTS``).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import pytest
import uvicorn

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Route

CHROMIUM = os.environ.get("CLAIMLEDGER_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(
    os.environ.get("CLAIMLEDGER_SCREENSHOTS", Path(__file__).resolve().parent / "screenshots")
)
LOCAL_HOSTS = {"127.0.0.1"}
# Schemes that never reach the network.
LOCAL_SCHEMES = {"data", "blob", "about"}


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
        try:
            urllib.request.urlopen(self.url + "/", timeout=timeout).close()
        except urllib.error.HTTPError:
            pass

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


@dataclass
class GuardedPage:
    """A page with what the guard saw: requests to other hosts (aborted, never sent), console
    errors and uncaught page errors."""

    page: Page
    name: str
    requests: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)

    def screenshot(self, suffix: str = "") -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{self.name}{suffix}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def problems(self) -> list[str]:
        return [f"request left 127.0.0.1: {url}" for url in self.external] + [
            f"console error: {text}" for text in self.console_errors
        ]

    def assert_clean(self) -> None:
        assert not self.problems(), "\n".join(self.problems())


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or parts.hostname in LOCAL_HOSTS


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[GuardedPage]:
    """A fresh page (its own context) behind the no-external-request guard. After the test it
    is screenshotted, then the test fails on any external request or console error."""
    context = browser.new_context(viewport={"width": 1000, "height": 800})
    name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name)
    guarded = GuardedPage(page=context.new_page(), name=name)

    def route(route: Route) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            guarded.external.append(url)
            route.abort("blockedbyclient")

    def on_request(req: Request) -> None:
        guarded.requests.append(req.url)
        if not is_local(req.url) and req.url not in guarded.external:
            guarded.external.append(req.url)  # a request the route did not see (a worker's)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            guarded.console_errors.append(f"{message.text} ({message.location.get('url')})")

    context.route("**/*", route)
    guarded.page.on("request", on_request)
    guarded.page.on("console", on_console)
    guarded.page.on("pageerror", lambda error: guarded.console_errors.append(f"uncaught {error}"))
    try:
        yield guarded
        guarded.screenshot()
    finally:
        context.close()
    if guarded.problems():
        pytest.fail("\n".join(guarded.problems()))
