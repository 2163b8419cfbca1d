"""The web application: the REST API under ``/api/v1`` (and, later, the web pages).

``create_app(settings)`` builds it; ``claimledger serve`` runs it with uvicorn. Each request
opens the ledger read-only on its own connection, so reads go on while an ingest writes
(SQLite's WAL); writes (``POST /api/v1/articles``) go through one writer at a time in this
process, and SQLite's lock orders them with other processes.

Every error is one JSON shape with a stable code::

    {"error": {"code": "not_found", "status": 404, "message": "no claim 'x:c9' in ..."}}

Writes need a bearer token (``Authorization: Bearer ...``) equal to the configured one; with
no token configured, writes are refused. Reads are open unless ``private`` is set.
"""

from __future__ import annotations

import hmac
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimledger import __version__
from claimledger.errors import (
    BadArgumentError,
    ClaimledgerError,
    ExtractionError,
    InputError,
    LedgerLockedError,
    NotFoundError,
    StoreError,
    TooLongError,
)

log = logging.getLogger(__name__)
TOKEN_ENV = "CLAIMLEDGER_API_TOKEN"
MAX_BODY = 6_000_000  # bytes of a request body: an article of up to 5,000,000 characters


@dataclass(frozen=True)
class ServerSettings:
    db: str  # the ledger file
    token: str | None = None  # the bearer token writes need (None: writes refused)
    private: bool = False  # reads need the token too
    max_body: int = MAX_BODY


def load_token(token_file: Path | None) -> str | None:
    """The API token: from ``token_file`` (its first line), else $CLAIMLEDGER_API_TOKEN."""
    if token_file is not None:
        try:
            first = token_file.read_text(encoding="utf-8").strip().splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise StoreError(f"{token_file}: cannot read the token file ({exc})") from exc
        if not first or not first[0].strip():
            raise StoreError(f"{token_file}: the token file is empty; put the token on line 1")
        return first[0].strip()
    return os.environ.get(TOKEN_ENV) or None


class ApiError(Exception):
    """An error answered as the one JSON error shape."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_response(
    status: int, code: str, message: str, request: Request | None = None
) -> Response:
    """The one error shape; for a web page (not the API, not a .json twin) the same error as
    an HTML page."""
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    if request is not None and _is_page(request.url.path):
        from claimledger.web.pages import error_page

        return error_page(request, status, code, message)
    body = {"error": {"code": code, "status": status, "message": message}}
    return JSONResponse(body, status_code=status, headers=headers)


def _is_page(path: str) -> bool:
    return not (path.startswith(("/api/", "/static/", "/docs")) or path.endswith(".json"))


class BodyLimit:
    """Refuse a request body over ``limit`` bytes with 413, by its Content-Length or, without
    one, as it is read (a chunked upload is stopped at the limit, not read whole)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        too_big = error_response(
            413, "payload_too_large", f"the request body is over {self.limit:,} bytes"
        )
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await too_big(scope, receive, send)
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise ApiError(413, "payload_too_large", "the request body is too large")
            return message

        await self.app(scope, limited, send)


def create_app(settings: ServerSettings) -> FastAPI:
    """The application over one ledger file."""
    from claimledger.server.api import router
    from claimledger.store.open import is_postgres

    app = FastAPI(
        title="claimledger",
        version=__version__,
        description="Claim provenance for conflict news: the ledger's articles, claims, "
        "clusters, sources and checks. Every error is "
        '`{"error": {"code", "status", "message"}}`.',
        docs_url=None,  # served below from the vendored swagger-ui, not a CDN
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.settings = settings
    if is_postgres(settings.db):  # a connection per request costs more than its queries
        from claimledger.store.postgres import enable_reader_pool

        enable_reader_pool()
    app.state.writer = threading.Lock()  # one ingest at a time in this process
    app.include_router(router, prefix="/api/v1")
    from claimledger.web.pages import router as pages
    from claimledger.web.static_app import mount_static

    app.include_router(pages)
    mount_static(app)
    _docs(app)
    _handlers(app)
    app.add_middleware(BodyLimit, limit=settings.max_body)
    return app


def _docs(app: FastAPI) -> None:
    """The OpenAPI docs at /docs, with swagger-ui from this server (vendored): nothing is
    fetched from outside."""
    from fastapi.openapi.docs import get_swagger_ui_html

    vendor = "/static/vendor/swagger-ui-dist"

    @app.get("/docs", include_in_schema=False)
    def docs() -> Response:
        return get_swagger_ui_html(
            openapi_url="/api/v1/openapi.json",
            title="claimledger API",
            swagger_js_url=f"{vendor}/swagger-ui-bundle.js",
            swagger_css_url=f"{vendor}/swagger-ui.css",
            swagger_favicon_url="data:,",
        )


def check_token(request: Request, write: bool) -> None:
    """Writes need the configured token; reads too when the server is private."""
    settings: ServerSettings = request.app.state.settings
    if not write and not settings.private:
        return
    if write and settings.token is None:
        raise ApiError(
            403,
            "writes_disabled",
            f"this server takes no writes: start it with a token (${TOKEN_ENV} or "
            "--token-file) to allow them",
        )
    given = request.headers.get("authorization", "")
    scheme, _, token = given.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise ApiError(401, "unauthorized", "give the API token as 'Authorization: Bearer ...'")
    if settings.token is None or not hmac.compare_digest(token.strip(), settings.token):
        raise ApiError(403, "forbidden", "the API token is wrong")


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.code, exc.message, request)

    @app.exception_handler(ClaimledgerError)
    async def ledger_error(request: Request, exc: ClaimledgerError) -> Response:
        status, code = _status_of(exc)
        return error_response(status, code, str(exc), request)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path"))
            parts.append(f"{where}: {e.get('msg', 'invalid')}")
        return error_response(400, "bad_argument", "; ".join(parts) or "invalid request", request)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        codes = {404: "not_found", 405: "method_not_allowed"}
        code = codes.get(exc.status_code, "http_error")
        return error_response(exc.status_code, code, str(exc.detail), request)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> Response:
        log.exception("internal error on %s %s", request.method, request.url.path)
        return error_response(
            500, "internal_error", "internal error; see the server's log", request
        )


def _status_of(exc: ClaimledgerError) -> tuple[int, str]:
    if isinstance(exc, NotFoundError):
        return 404, "not_found"
    if isinstance(exc, BadArgumentError):
        return 400, "bad_argument"
    if isinstance(exc, TooLongError):
        return 413, "article_too_long"
    if isinstance(exc, InputError):
        return 422, "bad_article"
    if isinstance(exc, ExtractionError):
        return 422, "extraction_failed"
    if isinstance(exc, LedgerLockedError):
        return 503, "ledger_busy"
    if isinstance(exc, StoreError):
        return 503, "ledger_unavailable"
    return 500, "error"


def json_of(value: Any) -> Any:
    """A view (or list of views) as JSON data."""
    if isinstance(value, list | tuple):
        return [json_of(v) for v in value]
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if to_dict else value
