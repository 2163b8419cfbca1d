"""The REST API over a small ledger: each endpoint's success, bad input, not found and
authorization, the one error shape, cursor pagination and the body limits."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from apidata import REPORTS, TOKEN, error_of
from fastapi.testclient import TestClient

from claimledger.server.app import ServerSettings, create_app

AUTH = {"authorization": f"Bearer {TOKEN}"}


def walk(client: TestClient, url: str, **params: object) -> list[dict[str, object]]:
    """Every item of a list, page by page."""
    items: list[dict[str, object]] = []
    cursor = None
    for _ in range(100):
        page = client.get(url, params={**params, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.text
        items += page.json()["items"]
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return items
    raise AssertionError("pagination did not end")


# ---------------------------------------------------------------------- articles


def test_articles_use_the_users_ids_newest_first(client: TestClient) -> None:
    items = client.get("/api/v1/articles").json()["items"]
    assert [a["id"] for a in items] == [r["id"] for r in reversed(REPORTS)]
    assert all(len(a["key"]) == 16 for a in items)  # the text hash stays an internal key


def test_article_pages_cover_every_article_once(client: TestClient) -> None:
    ids = [a["id"] for a in walk(client, "/api/v1/articles", limit=1)]
    assert sorted(ids) == sorted(r["id"] for r in REPORTS)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"outlet": "coast daily"}, ["coast-daily-0302"]),
        ({"date_from": "2024-03-02", "date_to": "2024-03-05"},
         ["https://example.org/news/odesa-port", "coast-daily-0302"]),
        ({"place": "Kharkiv"}, ["coast-daily-0302", "north-wire-0301"]),
        ({"q": "grain terminal"}, ["https://example.org/news/odesa-port"]),
        ({"q": "\"unbalanced AND ("}, []),
    ],
)  # fmt: skip
def test_article_filters(client: TestClient, params: dict[str, str], expected: list[str]) -> None:
    response = client.get("/api/v1/articles", params=params)
    assert response.status_code == 200, response.text
    assert [a["id"] for a in response.json()["items"]] == expected


def test_one_article_has_its_text_claims_and_spans(client: TestClient) -> None:
    found = client.get("/api/v1/articles/https://example.org/news/odesa-port")
    assert found.status_code == 200, found.text
    body = found.json()
    assert body["text"] == REPORTS[2]["text"]
    assert body["article"]["claims"] == len(body["claims"]) >= 2
    assert all(c["id"].startswith("https://example.org/news/odesa-port:c") for c in body["claims"])
    for span in body["spans"]["claims"]:
        assert (
            body["text"][span["content"]["start"] : span["content"]["end"]]
            == (span["content"]["text"])
        )


@pytest.mark.parametrize(
    ("params", "field"),
    [({"date_from": "March 2024"}, "date_from"), ({"date_to": "2024-02-30"}, "date_to"),
     ({"limit": "0"}, "limit"), ({"limit": "501"}, "limit"), ({"cursor": "bm9wZQ"}, "cursor")],
)  # fmt: skip
def test_bad_article_arguments(client: TestClient, params: dict[str, str], field: str) -> None:
    response = client.get("/api/v1/articles", params=params)
    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "bad_argument" and field in str(error["message"])


def test_an_unknown_article(client: TestClient) -> None:
    response = client.get("/api/v1/articles/no-such-report")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


# ---------------------------------------------------------------------- claims


def test_claims_with_two_filters(client: TestClient) -> None:
    items = client.get("/api/v1/claims", params={"place": "Kharkiv", "speaker": "marta velychko"})
    assert items.status_code == 200, items.text
    found = items.json()["items"]
    assert {c["article"] for c in found} == {"north-wire-0301", "coast-daily-0302"}
    assert all(c["speaker"] == "Marta Velychko" for c in found)


def test_claim_filters(client: TestClient) -> None:
    hedged = client.get("/api/v1/claims", params={"hedged": "true"}).json()["items"]
    assert hedged and all(c["hedged"] for c in hedged)
    unverified = client.get("/api/v1/claims", params={"verification": "unverified"}).json()
    assert {c["article"] for c in unverified["items"]} == {"north-wire-0301"}
    words = client.get("/api/v1/claims", params={"q": "drones"}).json()["items"]
    assert [c["article"] for c in words] == ["steppe-post-0306"]
    one = client.get("/api/v1/claims", params={"article": "coast-daily-0302"}).json()["items"]
    assert [c["id"] for c in one] == [f"coast-daily-0302:c{n}" for n in range(1, len(one) + 1)]


def test_claim_pages_cover_every_claim_once(client: TestClient) -> None:
    every = client.get("/api/v1/claims", params={"limit": 500}).json()["items"]
    paged = walk(client, "/api/v1/claims", limit=2)
    assert [c["id"] for c in paged] == [c["id"] for c in every]
    assert len({c["id"] for c in paged}) == len(paged) > 4


def test_one_claim_with_its_cluster(client: TestClient) -> None:
    first = client.get("/api/v1/claims", params={"article": "north-wire-0301"}).json()["items"][0]
    body = client.get(f"/api/v1/claims/{first['id']}").json()
    assert body["claim"]["id"] == first["id"] and body["claim"]["chain"][-1] == "Marta Velychko"
    assert body["cluster"]["id"] == first["cluster"]
    assert [m["article"] for m in body["members"]] == ["coast-daily-0302"]
    assert body["cluster"]["assessment"] == "circular"  # one origin, two articles


@pytest.mark.parametrize(
    ("params", "field"),
    [({"assessment": "bogus"}, "assessment"), ({"verification": "maybe"}, "verification"),
     ({"hedged": "sometimes"}, "hedged"), ({"date_from": "1/3/2024"}, "date_from")],
)  # fmt: skip
def test_bad_claim_arguments(client: TestClient, params: dict[str, str], field: str) -> None:
    response = client.get("/api/v1/claims", params=params)
    assert response.status_code == 400
    assert field in str(error_of(response)["message"])


@pytest.mark.parametrize("claim_id", ["north-wire-0301:c99", "no-such:c1", "plainly-not-an-id"])
def test_unknown_claims(client: TestClient, claim_id: str) -> None:
    response = client.get(f"/api/v1/claims/{claim_id}")
    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


# ---------------------------------------------------------------------- the rest


def test_clusters_and_one_cluster(client: TestClient) -> None:
    clusters = client.get("/api/v1/clusters").json()["items"]
    assert clusters and all(k["size"] >= 2 for k in clusters)
    detail = client.get(f"/api/v1/clusters/{clusters[0]['id']}").json()
    assert len(detail["members"]) == clusters[0]["size"]
    assert {m["outlet"] for m in detail["members"]} >= {"North Wire", "Coast Daily"}
    assert all(m["published"] for m in detail["members"])
    every = walk(client, "/api/v1/clusters", min_size=1, limit=3)
    assert len({k["id"] for k in every}) == len(every) >= len(clusters)


def test_bad_and_unknown_clusters(client: TestClient) -> None:
    assert error_of(client.get("/api/v1/clusters", params={"assessment": "true"}))["code"] == (
        "bad_argument"
    )
    assert client.get("/api/v1/clusters", params={"min_size": 0}).status_code == 400
    assert error_of(client.get("/api/v1/clusters/k999999"))["code"] == "not_found"


def test_sources_checks_places_units(client: TestClient) -> None:
    sources = client.get("/api/v1/sources").json()
    assert any(s["name"] == "Marta Velychko" for s in sources["items"])
    assert client.get("/api/v1/checks").status_code == 200
    assert error_of(client.get("/api/v1/checks", params={"verdict": "bad"}))["code"] == (
        "bad_argument"
    )
    places = {p["name"]: p for p in client.get("/api/v1/places").json()["items"]}
    assert places["Kharkiv"]["articles"] == 2 and places["Kharkiv"]["lat"] is not None
    assert client.get("/api/v1/units").json() == {"items": []}
    assert client.get("/api/v1/places", params={"limit": 10_000}).status_code == 400
    assert client.get("/api/v1/sources", params={"cursor": "!!"}).status_code == 400


def test_search(client: TestClient) -> None:
    hits = client.get("/api/v1/search", params={"q": "evacuated residents"}).json()["items"]
    assert {h["article"] for h in hits} == {"north-wire-0301", "coast-daily-0302"}
    assert all("[" in h["snippet"] for h in hits)
    assert {h["kind"] for h in hits} == {"article", "claim"}
    assert error_of(client.get("/api/v1/search"))["code"] == "bad_argument"
    assert client.get("/api/v1/search", params={"q": "   "}).status_code == 400


def test_unknown_paths_and_methods(client: TestClient) -> None:
    assert error_of(client.get("/api/v1/nothing-here"))["code"] == "not_found"
    assert error_of(client.delete("/api/v1/articles"))["code"] == "method_not_allowed"


def test_docs_and_openapi(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert {"/api/v1/claims", "/api/v1/articles", "/api/v1/search"} <= set(spec["paths"])
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/static/vendor/swagger-ui-dist/swagger-ui-bundle.js" in docs.text
    assert "https://" not in docs.text and "//cdn" not in docs.text  # nothing from outside
    assert client.get("/static/vendor/swagger-ui-dist/swagger-ui-bundle.js").status_code == 200


# ---------------------------------------------------------------------- authorization


def test_private_reads_need_the_token(built_ledger: Path) -> None:
    private = TestClient(create_app(ServerSettings(str(built_ledger), token=TOKEN, private=True)))
    assert error_of(private.get("/api/v1/claims"))["code"] == "unauthorized"
    bad = private.get("/api/v1/claims", headers={"authorization": "Bearer wrong"})
    assert error_of(bad)["code"] == "forbidden"
    assert private.get("/api/v1/claims", headers=AUTH).status_code == 200


RECORD = {
    "id": "river-news-0310", "outlet": "River News", "published": "2024-03-10",
    "text": "The mayor of Odesa said that 300 people had been given shelter in schools.",
}  # fmt: skip


def test_writes_need_the_token(writer: TestClient) -> None:
    assert error_of(writer.post("/api/v1/articles", json=RECORD))["code"] == "unauthorized"
    wrong = writer.post("/api/v1/articles", json=RECORD, headers={"authorization": "Bearer x"})
    assert error_of(wrong)["code"] == "forbidden"
    basic = writer.post("/api/v1/articles", json=RECORD, headers={"authorization": "Basic eA=="})
    assert error_of(basic)["code"] == "unauthorized"
    assert writer.get("/api/v1/articles/river-news-0310").status_code == 404


def test_no_token_configured_means_no_writes(ledger_copy: Path) -> None:
    open_reads = TestClient(create_app(ServerSettings(str(ledger_copy))))
    response = open_reads.post("/api/v1/articles", json=RECORD, headers=AUTH)
    assert error_of(response)["code"] == "writes_disabled"
    assert open_reads.get("/api/v1/claims").status_code == 200


# ---------------------------------------------------------------------- ingest


def test_post_a_record_then_read_it(writer: TestClient) -> None:
    response = writer.post("/api/v1/articles", json=RECORD, headers=AUTH)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["status"] == "new" and body["article"]["id"] == "river-news-0310"
    assert body["extraction"]["claims"][0]["content"]["text"].startswith("300 people")
    stored = writer.get("/api/v1/articles/river-news-0310").json()
    assert stored["claims"][0]["speaker"] == body["extraction"]["claims"][0]["speaker"]["name"]
    again = writer.post("/api/v1/articles", json=RECORD, headers=AUTH)
    assert again.status_code == 200 and again.json()["status"] == "unchanged"


def test_post_plain_text_and_html(writer: TestClient) -> None:
    text = writer.post(
        "/api/v1/articles",
        content=b"The border guard said 14 vehicles crossed at dawn.",
        params={"id": "guard-note", "outlet": "Border Bulletin"},
        headers={**AUTH, "content-type": "text/plain; charset=utf-8"},
    )
    assert text.status_code == 201, text.text
    assert text.json()["article"]["id"] == "guard-note"
    page = (
        "<html><head><title>Bridge repaired</title></head><body><article><p>The city "
        "council of Dnipro said on Monday that the bridge over the river had been repaired "
        "and would reopen to traffic within a week, after months of work by engineers.</p>"
        "</article></body></html>"
    )
    html = writer.post(
        "/api/v1/articles", content=page.encode(), params={"id": "bridge-page"},
        headers={**AUTH, "content-type": "text/html"},
    )  # fmt: skip
    assert html.status_code == 201, html.text
    assert html.json()["extraction"]["claims"]


@pytest.mark.parametrize(
    ("body", "kind", "status", "code"),
    [
        (b"{not json", "application/json", 400, "bad_json"),
        (b"[1, 2]", "application/json", 422, "bad_article"),
        (b'{"id": "x"}', "application/json", 422, "bad_article"),
        (b'{"text": "   "}', "application/json", 422, "bad_article"),
        (b"\xff\xfe\x00bad", "text/plain", 400, "bad_encoding"),
        (b"some text", "application/pdf", 415, "unsupported_media_type"),
    ],
)
def test_bad_articles_are_refused_and_nothing_is_stored(
    writer: TestClient, ledger_copy: Path, body: bytes, kind: str, status: int, code: str
) -> None:
    before = _count(ledger_copy)
    response = writer.post("/api/v1/articles", content=body,
                           headers={**AUTH, "content-type": kind})  # fmt: skip
    assert response.status_code == status, response.text
    assert error_of(response)["code"] == code
    assert _count(ledger_copy) == before


def test_a_body_over_the_limit(ledger_copy: Path) -> None:
    small = TestClient(create_app(ServerSettings(str(ledger_copy), token=TOKEN, max_body=1000)))
    response = small.post("/api/v1/articles", json={"text": "word " * 400}, headers=AUTH)
    assert response.status_code == 413
    assert error_of(response)["code"] == "payload_too_large"


def test_reads_go_on_while_a_writer_holds_it(client: TestClient, built_ledger: Path) -> None:
    holder = sqlite3.connect(built_ledger, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process's ingest, part way
    try:
        holder.execute("UPDATE counters SET value = value WHERE name = 'arrival'")
        assert client.get("/api/v1/claims", params={"limit": 3}).status_code == 200
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_a_missing_ledger_is_a_clear_error(tmp_path: Path) -> None:
    gone = TestClient(create_app(ServerSettings(str(tmp_path / "none.db"))))
    response = gone.get("/api/v1/claims")
    assert response.status_code == 503
    assert "none.db" in str(error_of(response)["message"])


def _count(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])


def test_serve_answers_over_real_http(built_ledger: Path, tmp_path: Path) -> None:
    """`claimledger serve` on 127.0.0.1: the API answers, writes need the token file's token."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    token_file = tmp_path / "token"
    token_file.write_text("from-a-file\n")
    cmd = [sys.executable, "-m", "claimledger.cli", "serve", "--db", str(built_ledger),
           "--port", str(port), "--token-file", str(token_file)]  # fmt: skip
    server = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}/api/v1"
    try:
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"{base}/claims?limit=2", timeout=5) as answer:
                    assert len(json.loads(answer.read())["items"]) == 2
                    break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, server.stderr.read() if server.stderr else ""
                time.sleep(0.1)
        else:
            raise AssertionError("the server did not answer")

        def read_many(_: int) -> set[int]:  # a connection opened in one worker thread
            codes = set()  # may be read in another: none of these may fail
            for _ in range(10):
                with urllib.request.urlopen(f"{base}/claims?limit=5", timeout=10) as answer:
                    codes.add(answer.status)
            return codes

        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(4) as pool:
            assert set().union(*pool.map(read_many, range(4))) == {200}
        request = urllib.request.Request(f"{base}/articles", data=b"{}", method="POST",
                                         headers={"content-type": "application/json"})  # fmt: skip
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=5)
        assert refused.value.code == 401
        refused.value.close()
    finally:
        server.terminate()
        server.communicate(timeout=20)


def test_serve_refuses_a_missing_ledger(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimledger.cli import app

    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "absent.db")])
    assert result.exit_code == 1
    assert "absent.db" in result.output


def test_serve_private_needs_a_token(built_ledger: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from claimledger.cli import app

    monkeypatch.delenv("CLAIMLEDGER_API_TOKEN", raising=False)
    result = CliRunner().invoke(app, ["serve", "--db", str(built_ledger), "--private"])
    assert result.exit_code == 1
    assert "--private needs a token" in result.output
