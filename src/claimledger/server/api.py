"""The REST API's routes, under ``/api/v1``. Each calls the library (claimledger.library) and
answers its views as JSON; lists are pages ``{"items": [...], "next_cursor": ...}``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from claimledger.library import DEFAULT_PAGE, MAX_PAGE, LedgerHandle, open_ledger
from claimledger.server.app import ApiError, ServerSettings, check_token, json_of

router = APIRouter()
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"items per page (at most {MAX_PAGE})")]
Cursor = Annotated[str | None, Query(description="next_cursor of the previous page")]
Day = Annotated[str | None, Query(description="YYYY-MM-DD", max_length=10)]
Name = Annotated[str | None, Query(max_length=500)]
Words = Annotated[str | None, Query(max_length=1000, description="words to search for")]


def reading(request: Request) -> Iterator[LedgerHandle]:
    """The ledger, read-only, on a connection of this request's own."""
    check_token(request, write=False)
    settings: ServerSettings = request.app.state.settings
    ledger = open_ledger(settings.db)
    try:
        yield ledger
    finally:
        ledger.close()


Ledger = Annotated[LedgerHandle, Depends(reading)]


@router.get("/", summary="The ledger's counts and this API's version")
def index(led: Ledger) -> dict[str, Any]:
    from claimledger import __version__

    return {"claimledger": __version__, "ledger": led.path, "counts": led.store.counts()}


@router.get("/articles", summary="Current articles, newest arrival first")
def articles(
    led: Ledger,
    outlet: Name = None,
    date_from: Day = None,
    date_to: Day = None,
    place: Name = None,
    q: Words = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE,
) -> dict[str, Any]:
    page = led.articles(
        outlet=outlet, date_from=date_from, date_to=date_to, place=place, text=q,
        cursor=cursor, limit=limit,
    )  # fmt: skip
    return page.to_dict()


@router.get("/articles/{article_id:path}", summary="One article: text, claims and every span")
def article(led: Ledger, article_id: str) -> dict[str, Any]:
    return led.article(article_id).to_dict()


@router.post("/articles", status_code=201, summary="Ingest one article (token required)")
async def post_article(
    request: Request,
    id: Name = None,
    url: Name = None,
    outlet: Name = None,
    title: Name = None,
    published: Name = None,
) -> JSONResponse:
    """The body is a JSON record (``{"text": ..., "id": ..., "url": ..., ...}``), plain text
    or an HTML page, by its Content-Type; for text, the query gives the metadata. Answers the
    stored article and its extraction (claims.schema.json)."""
    check_token(request, write=True)
    body = await request.body()
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        raw = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiError(400, "bad_encoding", "the request body is not UTF-8") from None
    from starlette.concurrency import run_in_threadpool

    meta = {"id": id, "url": url, "outlet": outlet, "title": title, "published": published}
    result = await run_in_threadpool(_ingest, request, kind, raw, meta)
    return JSONResponse(result, status_code=201 if result["status"] != "unchanged" else 200)


def _ingest(request: Request, kind: str, raw: str, meta: dict[str, str | None]) -> dict[str, Any]:
    from claimledger.ingest.base import clean_text, make_article, normalise_date
    from claimledger.ingest.html import parse_html
    from claimledger.ingest.jsonl import record_article
    from claimledger.models import SourceInfo

    where = "the request body"
    if kind == "application/json":
        try:
            record = json.loads(raw)
        except (ValueError, RecursionError) as exc:
            raise ApiError(400, "bad_json", f"{where} is not JSON: {exc}") from None
        article = record_article(record, where, "api")
    elif kind == "text/plain":
        source = SourceInfo(
            path="api", url=meta["url"], outlet=meta["outlet"], title=meta["title"],
            published=normalise_date(meta["published"]), id=meta["id"],
        )  # fmt: skip
        article = make_article(clean_text(raw), source, where)
    elif kind == "text/html":
        article = parse_html(raw, where, "api", meta["id"])
    else:
        raise ApiError(
            415,
            "unsupported_media_type",
            "send application/json (a record with text), text/plain or text/html",
        )
    from claimledger.library import Extractor

    extraction = Extractor().extract(article)  # outside the write lock: it reads nothing stored
    settings: ServerSettings = request.app.state.settings
    with request.app.state.writer:
        ledger = open_ledger(settings.db, write=True, verify=False)
        try:
            event = ledger.ingest_extraction(extraction)
            stored = ledger.store.current_doc_id(event.article) or extraction.article.doc_id
            detail = ledger.article(stored)
        finally:
            ledger.close()
    from claimledger.export.contract import to_contract

    return {
        "status": event.status,
        "article": detail.article.to_dict(),
        "extraction": to_contract(extraction),
    }


@router.get("/claims", summary="Current claims, filtered")
def claims(
    led: Ledger,
    speaker: Name = None,
    origin: Name = None,
    cluster: Name = None,
    assessment: Name = None,
    verification: Name = None,
    hedged: bool | None = None,
    place: Name = None,
    unit: Name = None,
    date_from: Day = None,
    date_to: Day = None,
    q: Words = None,
    article: Name = None,
    outlet: Name = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE,
) -> dict[str, Any]:
    page = led.claims(
        speaker=speaker, origin=origin, cluster=cluster, assessment=assessment,
        verification=verification, hedged=hedged, place=place, unit=unit, date_from=date_from,
        date_to=date_to, text=q, article=article, outlet=outlet, cursor=cursor, limit=limit,
    )  # fmt: skip
    return page.to_dict()


@router.get("/claims/{claim_id:path}", summary="One claim: chain, cluster, checks, grade")
def claim(led: Ledger, claim_id: str) -> dict[str, Any]:
    return led.claim(claim_id).to_dict()


@router.get("/clusters", summary="Clusters, largest first")
def clusters(
    led: Ledger,
    min_size: Annotated[int, Query(ge=1)] = 2,
    assessment: Name = None,
    cursor: Cursor = None,
    limit: Limit = DEFAULT_PAGE,
) -> dict[str, Any]:
    return led.clusters(
        min_size=min_size, assessment=assessment, cursor=cursor, limit=limit
    ).to_dict()


@router.get("/clusters/{cluster_id}", summary="One cluster: members, assessment, checks")
def cluster(led: Ledger, cluster_id: str) -> dict[str, Any]:
    return led.cluster(cluster_id).to_dict()


@router.get("/sources", summary="Graded sources, most claims first")
def sources(led: Ledger, cursor: Cursor = None, limit: Limit = DEFAULT_PAGE) -> dict[str, Any]:
    return led.sources(cursor=cursor, limit=limit).to_dict()


@router.get("/checks", summary="Numeric checks between articles")
def checks(
    led: Ledger, verdict: Name = None, cursor: Cursor = None, limit: Limit = DEFAULT_PAGE
) -> dict[str, Any]:
    return led.checks(verdict=verdict, cursor=cursor, limit=limit).to_dict()


@router.get("/places", summary="Places where claims are, with counts")
def places(led: Ledger, limit: Limit = MAX_PAGE) -> dict[str, Any]:
    return {"items": json_of(led.places(limit=limit))}


@router.get("/units", summary="Military units claims name, with counts")
def units(led: Ledger, limit: Limit = MAX_PAGE) -> dict[str, Any]:
    return {"items": json_of(led.units(limit=limit))}


@router.get("/search", summary="Full-text search over article text and claim content")
def search(
    led: Ledger,
    q: Annotated[str, Query(min_length=1, max_length=1000)],
    limit: Limit = DEFAULT_PAGE,
) -> dict[str, Any]:
    return {"items": json_of(led.search(q, limit=limit))}
