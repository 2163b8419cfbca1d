"""Serving the web UI's static files (``claimledger/web/static/``) under ``/static``.

``mount_static(app)`` mounts them; ``asset_url("vendor/leaflet/leaflet.js")`` is the URL a
template should use: it carries ``?v=`` and the first 12 hex digits of the file's sha256, and
such a versioned URL is cached for a year (``immutable``), since a changed file gets a new URL.
Unversioned requests (the images leaflet.css names, for one) are cached for a day under
``vendor/`` and revalidated (``no-cache``, ETag / Last-Modified) everywhere else.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.responses import FileResponse, Response
from starlette.staticfiles import NotModifiedResponse, StaticFiles
from starlette.types import Scope

STATIC_PREFIX = "/static"
VERSIONED_CACHE = "public, max-age=31536000, immutable"
VENDOR_CACHE = "public, max-age=86400"
OTHER_CACHE = "no-cache"

# By suffix; explicit so that serving does not depend on the machine's mime.types.
MEDIA_TYPES = {
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".geojson": "application/geo+json",
    ".html": "text/html",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".md": "text/markdown",
    "": "text/plain",  # LICENSE
}


def static_dir() -> Path:
    """The package's static folder (a real folder: claimledger is never installed zipped)."""
    return Path(str(resources.files("claimledger.web").joinpath("static")))


def templates_dir() -> Path:
    """The package's Jinja2 templates folder (``claimledger/web/templates``)."""
    return Path(str(resources.files("claimledger.web").joinpath("templates")))


def media_type(path: str | os.PathLike[str]) -> str:
    return MEDIA_TYPES.get(Path(path).suffix.lower(), "application/octet-stream")


class PackageStaticFiles(StaticFiles):
    """StaticFiles with the media types above and the cache policy of this module."""

    def file_response(
        self,
        full_path: str | os.PathLike[str],
        stat_result: os.stat_result,
        scope: Scope,
        status_code: int = 200,
    ) -> Response:
        response = FileResponse(
            full_path,
            status_code=status_code,
            stat_result=stat_result,
            media_type=media_type(full_path),
        )
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        relative = Path(full_path).resolve().relative_to(Path(str(self.directory)).resolve())
        if query.get("v"):
            cache = VERSIONED_CACHE
        elif relative.parts[:1] == ("vendor",):
            cache = VENDOR_CACHE
        else:
            cache = OTHER_CACHE
        response.headers["cache-control"] = cache
        if self.is_not_modified(response.headers, Headers(scope=scope)):
            return NotModifiedResponse(response.headers)
        return response


def mount_static(app: Starlette, path: str = STATIC_PREFIX) -> None:
    """Serve the package's static folder at ``path`` (route name ``static``)."""
    app.mount(path, PackageStaticFiles(directory=static_dir()), name="static")


@lru_cache(maxsize=256)
def _digest(relative: str) -> str:
    return hashlib.sha256((static_dir() / relative).read_bytes()).hexdigest()[:12]


def asset_url(relative: str, prefix: str = STATIC_PREFIX) -> str:
    """The versioned URL of a static file, ``relative`` to the static folder."""
    return f"{prefix}/{relative}?v={_digest(relative)}"
