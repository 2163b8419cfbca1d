"""The no-external-request guard of the browser tests: a page whose requests to any host but
127.0.0.1 are aborted before they are sent and recorded, with its console errors."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Route

SCREENSHOTS = Path(
    os.environ.get("CLAIMLEDGER_SCREENSHOTS", Path(__file__).resolve().parent / "screenshots")
)
LOCAL_HOSTS = {"127.0.0.1"}
# Schemes that never reach the network.
LOCAL_SCHEMES = {"data", "blob", "about"}


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


def guard(context: BrowserContext, name: str) -> GuardedPage:
    """A new page of ``context`` with the guard on the whole context (every page, frame and
    worker request goes through its route)."""
    guarded = GuardedPage(page=context.new_page(), name=name)

    def route(route: Route) -> None:
        url = route.request.url
        if is_local(url):
            route.continue_()
        else:
            if url not in guarded.external:
                guarded.external.append(url)
            route.abort("blockedbyclient")

    def on_request(req: Request) -> None:
        guarded.requests.append(req.url)
        if not is_local(req.url) and req.url not in guarded.external:
            guarded.external.append(req.url)  # the route aborts it (a "request" event comes
            # first, before anything is sent; this also catches one the route would not see)

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            guarded.console_errors.append(f"{message.text} ({message.location.get('url')})")

    context.route("**/*", route)
    guarded.page.on("request", on_request)
    guarded.page.on("console", on_console)
    guarded.page.on("pageerror", lambda error: guarded.console_errors.append(f"uncaught {error}"))
    return guarded
