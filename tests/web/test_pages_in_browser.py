"""The web pages in a real browser (Debian's chromium through Playwright), against the app
served by uvicorn on 127.0.0.1: each page draws, a clicked claim shows its detail, keyboard and
phone width work, and script payloads in the ledger's text never run."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from webguard import GuardedPage

from claimledger.library import open_ledger
from claimledger.models import Article, SourceInfo
from claimledger.server.app import ServerSettings, create_app

PAYLOAD = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'
REPORTS = [
    ("lviv-wire-1", "Lviv Wire", "2024-04-02",
     "Regional governor Taras Hnatyuk said on Tuesday that 14 drones were shot down over "
     "Kharkiv. According to the governor, 3 people were wounded."),
    ("east-post-1", "East Post", "2024-04-03",
     "Taras Hnatyuk, the regional governor, said that 14 drones were shot down over Kharkiv."),
    ("river-daily-1", "River Daily", "2024-04-05",
     "The air force said 22 drones were shot down over Odesa overnight. Officials reportedly "
     "said debris damaged a school."),
    (f"x{PAYLOAD}", PAYLOAD, "2024-04-06",
     f'Colonel {PAYLOAD} Bondar said that 9 drones were shot down over Sumy. "{PAYLOAD}," '
     "the colonel said."),
]  # fmt: skip


@pytest.fixture(scope="module")
def site_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("site") / "ledger.db"
    articles = [
        Article(text, SourceInfo(path="web-tests", id=i, outlet=o, published=d, title=f"{o} {i}",
                                 url="javascript:window.pwned=3" if "<" in i else None))
        for i, o, d, text in REPORTS
    ]  # fmt: skip
    with open_ledger(path, write=True) as led:
        assert all(e.status == "new" for e in led.ingest(articles))
    return path


@pytest.fixture
def site(site_ledger: Path, live_server: Callable[[Any], Any]) -> str:
    return str(live_server(create_app(ServerSettings(str(site_ledger)))).url)


def wait_until(g: GuardedPage, js: str, timeout: float = 15.0) -> None:
    """Poll a JS function in the page until it is true (page.wait_for_function evaluates a
    string, which the pages' Content-Security-Policy rightly refuses)."""
    deadline = time.monotonic() + timeout
    while not g.page.evaluate(js):
        assert time.monotonic() < deadline, f"timed out waiting for {js}"
        time.sleep(0.1)


def not_pwned(g: GuardedPage) -> None:
    assert g.page.evaluate("typeof window.pwned") == "undefined"


def test_the_article_page_marks_claims_and_shows_one(site: str, page: GuardedPage) -> None:
    p = page.page
    p.goto(f"{site}/articles/lviv-wire-1")
    assert p.locator(".m-speaker").count() >= 1 and p.locator(".m-place").count() >= 1
    assert p.locator(".m-quantity").count() >= 2
    p.locator("span[data-claim='lviv-wire-1:c1']").first.click()
    detail = p.locator("#claim-detail")
    detail.wait_for(state="visible")
    assert "Taras Hnatyuk" in detail.inner_text()
    assert "Cluster" in detail.inner_text()  # the claim east-post-1 repeats
    p.keyboard.press("Escape")
    p.locator("span[data-claim='lviv-wire-1:c2']").first.focus()
    p.keyboard.press("Enter")
    assert "lviv-wire-1:c2" in detail.inner_text()
    not_pwned(page)


def test_the_cluster_page_draws_its_provenance(site: str, page: GuardedPage) -> None:
    p = page.page
    p.goto(f"{site}/clusters")
    p.locator("table a[href^='/clusters/']").first.click()
    wait_until(page, "() => !!window.claimGraph && window.claimGraph.nodes().length > 0")
    kinds = p.evaluate("window.claimGraph.nodes().map(n => n.data('kind'))")
    assert "outlet" in kinds and "origin" in kinds
    assert p.locator("#graph canvas").count() >= 1


def test_the_map_draws_boundaries_and_places(site: str, page: GuardedPage) -> None:
    p = page.page
    p.goto(f"{site}/map")
    wait_until(page, "() => document.querySelectorAll('#map path').length > 50")
    markers = p.locator("#map path.leaflet-interactive").count()
    assert markers >= 3  # Kharkiv, Odesa, Sumy (and the countries' paths)


def test_the_timeline_draws_its_charts(site: str, page: GuardedPage) -> None:
    p = page.page
    p.goto(f"{site}/timeline")
    wait_until(page, "() => document.querySelectorAll('.uplot canvas').length >= 2")
    assert "drones" in p.locator("select[name=what]").inner_text()


@pytest.mark.parametrize(
    "path", ["/claims", "/articles", "/sources", "/search?q=drones", "/clusters?min_size=1"]
)
def test_lists_load_clean_and_fit_a_phone(site: str, page: GuardedPage, path: str) -> None:
    p = page.page
    p.set_viewport_size({"width": 390, "height": 800})
    p.goto(site + path)
    assert p.locator("h1").count() == 1
    overflow = p.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{path} scrolls sideways by {overflow} px at 390 px"
    p.keyboard.press("Tab")  # the skip link comes first
    assert p.evaluate("document.activeElement.className") == "skip"
    not_pwned(page)


def test_script_payloads_never_run(site: str, page: GuardedPage) -> None:
    p = page.page
    dialogs: list[str] = []
    p.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    article = quote(f"x{PAYLOAD}", safe="")
    for path in [f"/articles/{article}", "/claims", "/articles", "/sources", "/timeline",
                 "/map", "/search?q=colonel", "/clusters?min_size=1"]:  # fmt: skip
        p.goto(site + path)
        p.wait_for_load_state("load")
        not_pwned(page)
        assert p.locator("img[src=x]").count() == 0, path
    p.goto(f"{site}/articles/{article}")
    assert PAYLOAD in p.locator("#text").inner_text()  # shown as text
    p.locator("span[data-claim]").first.click()
    not_pwned(page)
    assert not dialogs
