"""The web pages over the API tests' ledger: each page and its JSON twin, filters in the URL,
errors as pages, and untrusted text escaped everywhere (the browser tests run the scripts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from apidata import TOKEN
from fastapi.testclient import TestClient

from claimledger.library import open_ledger
from claimledger.models import Article, SourceInfo
from claimledger.server.app import ServerSettings, create_app
from claimledger.web.marks import Mark, segments

PAGES = ["/claims", "/articles", "/clusters", "/sources", "/search?q=evacuated", "/map",
         "/timeline", "/articles/north-wire-0301", "/claims?speaker=Marta+Velychko"]  # fmt: skip


@pytest.mark.parametrize("url", PAGES)
def test_every_page_and_its_json_twin(client: TestClient, url: str) -> None:
    page = client.get(url)
    assert page.status_code == 200, page.text
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    path, _, query = url.partition("?")
    twin = client.get(f"{path}.json" + (f"?{query}" if query else ""))
    assert twin.status_code == 200 and twin.headers["content-type"] == "application/json"


def test_the_article_page_marks_claims_speakers_and_places(client: TestClient) -> None:
    html = client.get("/articles/north-wire-0301").text
    assert 'class="m-speaker' in html or "m-speaker" in html
    assert 'data-claim="north-wire-0301:c1"' in html
    assert "m-place" in html and "m-quantity" in html


def test_the_cluster_page_has_its_provenance_graph(client: TestClient) -> None:
    first = client.get("/clusters.json").json()["clusters"][0]
    graph = client.get(f"/clusters/{first['id']}.json").json()["graph"]
    kinds = {n["kind"] for n in graph["nodes"]}
    assert {"outlet", "origin"} <= kinds
    outlets = [n for n in graph["nodes"] if n["kind"] == "outlet"]
    origins = [n for n in graph["nodes"] if n["kind"] == "origin"]
    assert len(outlets) == 2 and len(origins) == 1  # two outlets, one origin: circular
    assert all(e["kind"] in ("relay", "citation", "republished copy") for e in graph["edges"])


def test_filters_are_kept_in_the_url(client: TestClient) -> None:
    html = client.get("/claims?speaker=Marta+Velychko&hedged=false").text
    assert 'value="Marta Velychko"' in html
    assert '<option value="false" selected>' in html


def test_errors_are_pages(client: TestClient) -> None:
    bad = client.get("/claims?assessment=bogus")
    assert bad.status_code == 400 and "use one of" in bad.text and "<html" in bad.text
    missing = client.get("/articles/no-such-thing")
    assert missing.status_code == 404 and "<html" in missing.text
    assert client.get("/articles/no-such-thing.json").json()["error"]["code"] == "not_found"


def test_segments_cover_the_text_with_overlapping_marks() -> None:
    text = "The mayor said 30 buses left Dnipro."
    marks = [Mark(0, 9, "speaker", "a:c1"), Mark(15, 36, "content", "a:c1"),
             Mark(15, 17, "quantity"), Mark(29, 35, "place")]  # fmt: skip
    cut = segments(text, marks)
    assert "".join(s.text for s in cut) == text
    assert [s.classes for s in cut if s.text == "30"] == ["m-content m-quantity"]
    assert next(s for s in cut if s.text == "Dnipro").claim == "a:c1"
    assert segments(text, [Mark(30, 99, "place")])[0].text == text  # out of range: dropped


PAYLOAD = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">'


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A ledger whose text, title, outlet, speaker and URL all carry script payloads."""
    path = tmp_path_factory.mktemp("hostile") / "ledger.db"
    text = (f'Colonel {PAYLOAD} Hrytsenko said that 20 shells hit Kharkiv. "{PAYLOAD}," '
            f"the colonel said.")  # fmt: skip
    article = Article(
        text,
        SourceInfo(id=f"x{PAYLOAD}", url="javascript:window.pwned=3", title=PAYLOAD,
                   outlet=PAYLOAD, published="2024-03-01"),
    )  # fmt: skip
    with open_ledger(path, write=True) as led:
        assert [e.status for e in led.ingest([article])] == ["new"]
    return path


def test_untrusted_text_is_escaped(hostile: Path) -> None:
    client = TestClient(create_app(ServerSettings(str(hostile), token=TOKEN)))
    article_id = client.get("/articles.json").json()["articles"][0]["id"]
    from urllib.parse import quote

    for url in ["/claims", "/articles", f"/articles/{quote(article_id)}", "/sources",
                "/search?q=shells", "/clusters?min_size=1", "/timeline", "/map"]:  # fmt: skip
        html = client.get(url).text
        assert "<script>window" not in html, url
        assert "<img src=x" not in html, url
        assert 'href="javascript:' not in html, url
    page = client.get(f"/articles/{quote(article_id)}").text
    assert "&lt;script&gt;window.pwned=1&lt;/script&gt;" in page  # shown, as text
    assert "\\u003cscript" in page  # and escaped inside the claim data block


def test_the_cluster_page_lists_the_denials_linked_to_it(tmp_path: Path) -> None:
    texts = [
        ("bridge-a", "Kyiv Post", "Ukraine's army said its missiles had destroyed a pontoon "
         "bridge near Kherson on Tuesday."),
        ("bridge-b", "Wire One", "Russia's Defence Ministry denied that any pontoon bridge near "
         "Kherson had been destroyed."),
    ]  # fmt: skip
    path = tmp_path / "l.db"
    with open_ledger(path, write=True) as led:
        list(led.ingest(
            Article(t, SourceInfo(id=i, outlet=o, published="2024-05-0" + str(n + 1)))
            for n, (i, o, t) in enumerate(texts)
        ))  # fmt: skip
        cluster = led.claim("bridge-a:c1").cluster
    assert cluster is not None
    client = TestClient(create_app(ServerSettings(str(path), token=TOKEN)))
    html = client.get(f"/clusters/{cluster.id}").text
    assert "Denials and contradictions" in html and "bridge-b" in html
    twin = client.get(f"/clusters/{cluster.id}.json").json()
    assert [m["id"] for m in twin["linked"]] == ["bridge-b:c1"]
