"""The web pages: server-rendered Jinja2 over the library's views, a little vanilla JS.

Every page has a JSON twin: the same path with ``.json`` (datasette's habit) answers the data
the page shows. Filters live in the URL's query, so a filtered page can be bookmarked.

All article text is untrusted: templates autoescape everything, data for the scripts goes in
``<script type="application/json">`` blocks with ``<``, ``>`` and ``&`` escaped, links are made
only of http(s) URLs, and every page is sent with a Content-Security-Policy allowing scripts
from this server alone: no inline script runs (inline styles are allowed: the vendored
cytoscape, leaflet and uPlot set them).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from claimledger.library import MAX_PAGE, LedgerHandle, open_ledger
from claimledger.server.app import ApiError, ServerSettings, check_token
from claimledger.views import ASSESSMENTS, ClaimView
from claimledger.web.marks import marks_of, segments

WEB = Path(str(resources.files("claimledger") / "web"))
STATIC = WEB / "static"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
PAGE = 50

router = APIRouter()
env = Environment(
    loader=FileSystemLoader(str(WEB / "templates")),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _json_block(data: Any) -> Markup:
    """Data for a page's script, safe inside <script type="application/json">."""
    text = json.dumps(_plain(data), ensure_ascii=False, allow_nan=False)
    text = text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return Markup(text)


def _safe_url(url: str | None) -> str | None:
    """A link target only for http(s) URLs; anything else (javascript:, data:) is no link."""
    if not url:
        return None
    return url if urlsplit(url).scheme in ("http", "https") else None


env.filters["json_block"] = _json_block
env.globals["safe_url"] = _safe_url
env.globals["assessments"] = ASSESSMENTS


def _with(query: dict[str, Any], **changes: Any) -> str:
    """The query string of ``query`` with ``changes`` (None removes a key)."""
    merged = {k: v for k, v in {**query, **changes}.items() if v not in (None, "")}
    return urlencode(merged)


env.globals["with_query"] = _with


def _render(request: Request, name: str, data: dict[str, Any], twin: bool) -> Response:
    if twin:
        return JSONResponse(_plain(data))
    html = env.get_template(name).render(request=request, **data)
    return Response(
        html, media_type="text/html; charset=utf-8", headers={"Content-Security-Policy": CSP}
    )


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if to_dict else value


class _Reading:
    """The ledger for one page request, read-only, closed after."""

    def __init__(self, request: Request) -> None:
        check_token(request, write=False)
        settings: ServerSettings = request.app.state.settings
        self.led: LedgerHandle = open_ledger(settings.db)

    def __enter__(self) -> LedgerHandle:
        return self.led

    def __exit__(self, *exc: object) -> None:
        self.led.close()


def _twin(page: str, suffix: str) -> bool:
    """Whether a list page's request asks for its JSON twin (``/claims.json``); any other
    suffix is no page."""
    if suffix not in ("", ".json"):
        raise ApiError(404, "not_found", f"no page {page}{suffix}")
    return suffix == ".json"


def _split_twin(path: str) -> tuple[str, bool]:
    return (path[: -len(".json")], True) if path.endswith(".json") else (path, False)


def _query(request: Request, *names: str) -> dict[str, str]:
    return {n: request.query_params[n] for n in names if request.query_params.get(n)}


def _hedged(value: str | None) -> bool | None:
    if value in (None, ""):
        return None
    if value in ("true", "false"):
        return value == "true"
    raise ApiError(400, "bad_argument", f"hedged {value!r}: use true or false")


# ---------------------------------------------------------------------- pages


@router.get("/", include_in_schema=False)
def home() -> RedirectResponse:
    return RedirectResponse("/claims", status_code=307)


@router.get("/claims{suffix:path}", include_in_schema=False)
def claims_page(request: Request, suffix: str = "") -> Response:
    twin = _twin("/claims", suffix)
    names = ("speaker", "origin", "assessment", "verification", "hedged", "place", "date_from",
             "date_to", "q", "outlet", "cursor")  # fmt: skip
    query = _query(request, *names)
    with _Reading(request) as led:
        page = led.claims(
            speaker=query.get("speaker"), origin=query.get("origin"),
            assessment=query.get("assessment"), verification=query.get("verification"),
            hedged=_hedged(query.get("hedged")), place=query.get("place"),
            date_from=query.get("date_from"), date_to=query.get("date_to"),
            text=query.get("q"), outlet=query.get("outlet"), cursor=query.get("cursor"),
            limit=PAGE,
        )  # fmt: skip
    data = {"title": "Claims", "query": query, "claims": list(page.items),
            "next_cursor": page.next_cursor}  # fmt: skip
    return _render(request, "claims.html", data, twin)


@router.get("/articles{suffix:path}", include_in_schema=False)
def articles_page(request: Request, suffix: str = "") -> Response:
    if suffix.startswith("/"):
        return _article_page(request, suffix[1:])
    twin = _twin("/articles", suffix)
    query = _query(request, "outlet", "date_from", "date_to", "place", "q", "cursor")
    with _Reading(request) as led:
        page = led.articles(
            outlet=query.get("outlet"), date_from=query.get("date_from"),
            date_to=query.get("date_to"), place=query.get("place"), text=query.get("q"),
            cursor=query.get("cursor"), limit=PAGE,
        )  # fmt: skip
    data = {"title": "Articles", "query": query, "articles": list(page.items),
            "next_cursor": page.next_cursor}  # fmt: skip
    return _render(request, "articles.html", data, twin)


def _article_page(request: Request, raw_id: str) -> Response:
    article_id, twin = _split_twin(raw_id)
    with _Reading(request) as led:
        detail = led.article(article_id)
        details = {c.id: _claim_panel(led.claim(c.id).to_dict()) for c in detail.claims}
    by_key = {c.key: c.id for c in detail.claims}
    marked = segments(detail.text, marks_of(detail.spans, by_key))
    data = {
        "title": detail.article.title or detail.article.id,
        "article": detail.article,
        "claims": list(detail.claims),
        "segments": marked,
        "details": details,
    }
    if twin:
        return JSONResponse(_plain({"article": detail.article, "text": detail.text,
                                    "claims": detail.claims, "spans": detail.spans}))  # fmt: skip
    return _render(request, "article.html", data, False)


def _claim_panel(detail: dict[str, Any]) -> dict[str, Any]:
    """What the article page shows when a claim is clicked: the claim's detail, trimmed."""
    claim = detail["claim"]
    return {
        "id": claim["id"], "speaker": claim["speaker"], "chain": claim["chain"],
        "hedged": claim["hedged"], "verification": claim["verification"],
        "polarity": claim["polarity"], "cluster": detail["cluster"],
        "members": len(detail["members"]), "checks": detail["checks"], "grade": detail["grade"],
    }  # fmt: skip


@router.get("/clusters{suffix:path}", include_in_schema=False)
def clusters_page(request: Request, suffix: str = "") -> Response:
    if suffix.startswith("/"):
        return _cluster_page(request, suffix[1:])
    twin = _twin("/clusters", suffix)
    query = _query(request, "assessment", "min_size", "cursor")
    try:
        min_size = int(query.get("min_size", "2"))
    except ValueError:
        raise ApiError(400, "bad_argument", "min_size: give a whole number") from None
    with _Reading(request) as led:
        page = led.clusters(min_size=min_size, assessment=query.get("assessment"),
                            cursor=query.get("cursor"), limit=PAGE)  # fmt: skip
    data = {"title": "Clusters", "query": query, "clusters": list(page.items),
            "next_cursor": page.next_cursor}  # fmt: skip
    return _render(request, "clusters.html", data, twin)


def _cluster_page(request: Request, raw_id: str) -> Response:
    cluster_id, twin = _split_twin(raw_id)
    with _Reading(request) as led:
        detail = led.cluster(cluster_id)
        copies = led.copies_of(detail.members)
    graph = provenance_graph(list(detail.members), copies)
    data = {"title": f"Cluster {cluster_id}", "detail": detail, "graph": graph}
    if twin:
        return JSONResponse(_plain({"cluster": detail.cluster, "members": detail.members,
                                    "checks": detail.checks, "linked": detail.linked,
                                    "graph": graph}))  # fmt: skip
    return _render(request, "cluster.html", data, False)


def provenance_graph(members: list[ClaimView], copies: dict[str, str]) -> dict[str, Any]:
    """Outlets -> relays -> origins of a cluster's members, for cytoscape: an outlet reports
    the first of a claim's chain; each relay cites the next; the last is the origin. A copy's
    outlet points at the outlet of the article it republishes. Many outlets on one origin is
    circular reporting, visible at a glance."""
    nodes: dict[str, dict[str, str]] = {}
    edges: dict[tuple[str, str, str], dict[str, str]] = {}
    outlet_of = {m.article: m.outlet or m.article for m in members}

    def node(key: str, label: str, kind: str) -> str:
        nodes.setdefault(key, {"id": key, "label": label, "kind": kind})
        if kind == "origin":
            nodes[key]["kind"] = "origin"
        return key

    def edge(a: str, b: str, kind: str) -> None:
        edges.setdefault((a, b, kind), {"id": f"e{len(edges)}", "source": a, "target": b,
                                        "kind": kind})  # fmt: skip

    for m in members:
        outlet = node(f"outlet:{outlet_of[m.article]}", outlet_of[m.article], "outlet")
        chain = list(m.chain) or [m.speaker or "?"]
        previous = outlet
        for n, name in enumerate(chain):
            kind = "origin" if n == len(chain) - 1 else "relay"
            here = node(f"source:{name}", name, kind)
            edge(previous, here, "relay" if previous == outlet and len(chain) > 1 and n == 0
                 else "citation")  # fmt: skip
            previous = here
    for copy, original in copies.items():
        if copy in outlet_of and original in outlet_of:
            edge(f"outlet:{outlet_of[copy]}", f"outlet:{outlet_of[original]}", "republished copy")
    return {"nodes": list(nodes.values()), "edges": list(edges.values())}


@router.get("/sources{suffix:path}", include_in_schema=False)
def sources_page(request: Request, suffix: str = "") -> Response:
    twin = _twin("/sources", suffix)
    query = _query(request, "cursor")
    with _Reading(request) as led:
        page = led.sources(cursor=query.get("cursor"), limit=PAGE)
    data = {"title": "Sources", "query": query, "sources": list(page.items),
            "next_cursor": page.next_cursor}  # fmt: skip
    return _render(request, "sources.html", data, twin)


@router.get("/search{suffix:path}", include_in_schema=False)
def search_page(request: Request, suffix: str = "") -> Response:
    twin = _twin("/search", suffix)
    query = _query(request, "q")
    with _Reading(request) as led:
        hits = led.search(query["q"], limit=PAGE) if query.get("q") else []
    data = {"title": "Search", "query": query, "hits": hits}
    return _render(request, "search.html", data, twin)


@router.get("/map{suffix:path}", include_in_schema=False)
def map_page(request: Request, suffix: str = "") -> Response:
    twin = _twin("/map", suffix)
    with _Reading(request) as led:
        places = [p for p in led.places(limit=MAX_PAGE) if p.lat is not None and p.lon is not None]
    data = {"title": "Map", "places": places}
    return _render(request, "map.html", data, twin)


@router.get("/timeline{suffix:path}", include_in_schema=False)
def timeline_page(request: Request, suffix: str = "") -> Response:
    twin = _twin("/timeline", suffix)
    query = _query(request, "what")
    with _Reading(request) as led:
        timeline = led.timeline(query.get("what"))
    data = {"title": "Timeline", "query": query, "timeline": timeline}
    return _render(request, "timeline.html", data, twin)


def error_page(request: Request, status: int, code: str, message: str) -> Response:
    """An error of a web page, as a page (the API answers the JSON shape)."""
    html = env.get_template("error.html").render(
        request=request, title=f"Error {status}", status=status, code=code, message=message
    )
    return Response(html, status_code=status, media_type="text/html; charset=utf-8",
                    headers={"Content-Security-Policy": CSP})  # fmt: skip
