"""The vendored assets ship as package data, match VENDORED.md, and are served with the right
media types and cache headers."""

from __future__ import annotations

import hashlib
import itertools
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from importlib import resources
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from claimledger.web.static_app import asset_url, mount_static, static_dir, templates_dir

REPO = Path(__file__).resolve().parents[2]
VENDOR = resources.files("claimledger.web").joinpath("static", "vendor")
EXPECTED = [
    "VENDORED.md",
    "cytoscape/cytoscape.min.js",
    "cytoscape/LICENSE",
    "leaflet/leaflet.js",
    "leaflet/leaflet.css",
    "leaflet/images/marker-icon.png",
    "leaflet/images/marker-icon-2x.png",
    "leaflet/images/marker-shadow.png",
    "leaflet/images/layers.png",
    "leaflet/images/layers-2x.png",
    "leaflet/LICENSE",
    "uplot/uPlot.iife.min.js",
    "uplot/uPlot.min.css",
    "uplot/LICENSE",
    "world-atlas/countries-110m.geojson",
    "world-atlas/LICENSE",
    "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui-dist/swagger-ui.css",
    "swagger-ui-dist/swagger-ui-bundle.js.LICENSE.txt",
    "swagger-ui-dist/LICENSE",
    "swagger-ui-dist/NOTICE",
]


def vendored_files() -> dict[str, str]:
    """file -> sha256, from the Files table of VENDORED.md."""
    text = VENDOR.joinpath("VENDORED.md").read_text("utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| [^|]+ \| \d+ \| `([0-9a-f]{64})` \|$", text, re.M)
    return dict(rows)


def test_package_resources_exist() -> None:
    for name in EXPECTED:
        assert VENDOR.joinpath(*name.split("/")).is_file(), name
    assert static_dir().joinpath("vendor", "leaflet", "leaflet.js").is_file()
    assert templates_dir().parent == static_dir().parent


def test_files_match_vendored_md() -> None:
    listed = vendored_files()
    assert set(listed) == set(EXPECTED) - {"VENDORED.md"}
    for name, digest in listed.items():
        data = VENDOR.joinpath(*name.split("/")).read_bytes()
        assert hashlib.sha256(data).hexdigest() == digest, f"{name} differs from VENDORED.md"
    on_disk = {
        p.relative_to(static_dir() / "vendor").as_posix()
        for p in (static_dir() / "vendor").rglob("*")
        if p.is_file()
    }
    assert on_disk == set(EXPECTED), "files in vendor/ that VENDORED.md does not list"


def test_boundary_layer_is_small_geojson() -> None:
    import json

    path = static_dir() / "vendor" / "world-atlas" / "countries-110m.geojson"
    assert path.stat().st_size < 1_000_000
    collection = json.loads(path.read_bytes())
    assert collection["type"] == "FeatureCollection"
    names = {f["properties"]["name"] for f in collection["features"]}
    assert len(names) > 170
    assert {"Ukraine", "Israel", "Palestine", "Sudan", "Yemen"} <= names
    for feature in collection["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for ring in (r for polygon in polygons for r in polygon):
            assert ring[0] == ring[-1] and len(ring) >= 4
            assert all(-200 <= x <= 200 and -90 <= y <= 90 for x, y in ring)
            # no stripe across the map: rings that cross the antimeridian were unwrapped
            if feature["properties"]["name"] != "Antarctica":
                assert all(abs(b[0] - a[0]) < 180 for a, b in itertools.pairwise(ring))


@pytest.fixture(scope="module")
def client() -> TestClient:
    app = FastAPI()
    mount_static(app)
    return TestClient(app)


@pytest.mark.parametrize(
    ("path", "media_type"),
    [
        ("vendor/leaflet/leaflet.js", "text/javascript"),
        ("vendor/leaflet/leaflet.css", "text/css"),
        ("vendor/leaflet/images/marker-icon.png", "image/png"),
        ("vendor/uplot/uPlot.iife.min.js", "text/javascript"),
        ("vendor/world-atlas/countries-110m.geojson", "application/geo+json"),
        ("vendor/cytoscape/LICENSE", "text/plain"),
    ],
)
def test_media_types_and_cache(client: TestClient, path: str, media_type: str) -> None:
    response = client.get(f"/static/{path}")
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == media_type
    assert response.headers["cache-control"] == "public, max-age=86400"
    versioned = client.get(asset_url(path))
    assert versioned.headers["cache-control"] == "public, max-age=31536000, immutable"
    assert versioned.content == response.content
    again = client.get(asset_url(path), headers={"if-none-match": versioned.headers["etag"]})
    assert again.status_code == 304


def test_asset_url_changes_with_content() -> None:
    url = asset_url("vendor/leaflet/leaflet.js")
    assert re.fullmatch(r"/static/vendor/leaflet/leaflet\.js\?v=[0-9a-f]{12}", url)
    assert url != asset_url("vendor/uplot/uPlot.iife.min.js")


def test_missing_and_escaping_paths_are_404(client: TestClient) -> None:
    assert client.get("/static/vendor/nothing.js").status_code == 404
    assert client.get("/static/../static_app.py").status_code == 404


@pytest.mark.slow
def test_wheel_and_sdist_carry_the_static_files(tmp_path: Path) -> None:
    """Build both from a copy of the project and look inside (with the setuptools the build
    system asks for: the test extra pins it, stock venvs carry an older one)."""
    project = tmp_path / "project"
    project.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(REPO / name, project / name)
    shutil.copytree(
        REPO / "src", project / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    (project / "src/claimledger/web/templates").mkdir(exist_ok=True)
    (project / "src/claimledger/web/templates/probe.html").write_text("<p>{{ x }}</p>\n")
    out = tmp_path / "dist"
    for hook in ("build_wheel", "build_sdist"):  # one process each: a hook may chdir
        code = f"import sys; from setuptools import build_meta; build_meta.{hook}(sys.argv[1])"
        subprocess.run(
            [sys.executable, "-c", code, str(out)], cwd=project, check=True, capture_output=True
        )
    wanted = [f"claimledger/web/static/vendor/{name}" for name in EXPECTED]
    wanted.append("claimledger/web/templates/probe.html")
    (wheel,) = out.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert set(wanted) <= names, sorted(set(wanted) - names)
    (sdist,) = out.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    assert {f"src/{name}" for name in wanted} <= names
