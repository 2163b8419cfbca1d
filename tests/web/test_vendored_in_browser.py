"""The vendored libraries load and draw in a real browser, from 127.0.0.1 only."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from webguard import guard, is_local

from claimledger.web.static_app import asset_url, mount_static

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>vendored assets</title>
<link rel="stylesheet" href="{leaflet_css}">
<link rel="stylesheet" href="{uplot_css}">
<style>
  body {{ font-family: sans-serif; margin: 8px; }}
  #map {{ width: 960px; height: 420px; background: #dbe9f4; }}
  #graph {{ width: 480px; height: 220px; border: 1px solid #ccc; display: inline-block; }}
  #timeline {{ display: inline-block; vertical-align: top; }}
</style>
<script src="{leaflet_js}"></script>
<script src="{cytoscape_js}"></script>
<script src="{uplot_js}"></script>
</head>
<body>
<div id="map"></div>
<div id="graph"></div>
<div id="timeline"></div>
<script>
window.ready = {{}};
const map = L.map("map", {{ worldCopyJump: false }}).setView([25, 20], 1);
fetch("{boundaries}")
  .then((response) => response.json())
  .then((world) => {{
    const style = {{ color: "#555", weight: 1, fillColor: "#f4f1e8", fillOpacity: 1 }};
    L.geoJSON(world, {{ style }}).addTo(map);
    L.marker([50.45, 30.52]).addTo(map).bindTooltip("Kyiv");
    window.ready.map = true;
  }});

window.cy = cytoscape({{
  container: document.getElementById("graph"),
  elements: [
    {{ data: {{ id: "source", label: "Ministry" }} }},
    {{ data: {{ id: "agency", label: "Agency" }} }},
    {{ data: {{ id: "outlet", label: "Outlet" }} }},
    {{ data: {{ source: "source", target: "agency" }} }},
    {{ data: {{ source: "agency", target: "outlet" }} }},
  ],
  style: [{{ selector: "node", style: {{ label: "data(label)" }} }}],
  layout: {{ name: "breadthfirst" }},
}});
window.ready.graph = true;

new uPlot(
  {{ width: 460, height: 220, series: [{{}}, {{ label: "claims", stroke: "steelblue" }}] }},
  [[1700000000, 1700086400, 1700172800, 1700259200], [3, 7, 4, 9]],
  document.getElementById("timeline"),
);
window.ready.timeline = true;
</script>
</body>
</html>
"""


def vendored_page_app() -> FastAPI:
    app = FastAPI()
    mount_static(app)
    html = PAGE.format(
        leaflet_css=asset_url("vendor/leaflet/leaflet.css"),
        leaflet_js=asset_url("vendor/leaflet/leaflet.js"),
        uplot_css=asset_url("vendor/uplot/uPlot.min.css"),
        uplot_js=asset_url("vendor/uplot/uPlot.iife.min.js"),
        cytoscape_js=asset_url("vendor/cytoscape/cytoscape.min.js"),
        boundaries=asset_url("vendor/world-atlas/countries-110m.geojson"),
    )

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        return html

    return app


def test_vendored_libraries_draw(live_server: Callable[[Any], Any], page: Any) -> None:
    started = time.perf_counter()
    server = live_server(vendored_page_app())
    page.page.goto(server.url + "/")
    page.page.wait_for_function(
        "window.ready && window.ready.map && window.ready.graph && window.ready.timeline"
    )
    # The marker's image is loaded after the marker is added: wait for it (or time out).
    page.page.wait_for_function(
        "(() => { const img = document.querySelector('#map img.leaflet-marker-icon');"
        " return img && img.complete && img.naturalWidth > 0; })()",
        timeout=10_000,
    )
    found = page.page.evaluate(
        """() => ({
            L: typeof window.L, cytoscape: typeof window.cytoscape, uPlot: typeof window.uPlot,
            leafletVersion: window.L && L.version,
            paths: document.querySelectorAll("#map .leaflet-overlay-pane svg path").length,
            nodes: window.cy.nodes().length,
            edges: window.cy.edges().length,
            graphCanvas: document.querySelectorAll("#graph canvas").length,
            uplotCanvas: document.querySelectorAll("#timeline canvas").length,
            marker: (() => {
                const img = document.querySelector("#map img.leaflet-marker-icon");
                return img && img.complete ? img.naturalWidth : 0;
            })(),
        })"""
    )
    page.screenshot()
    elapsed = time.perf_counter() - started
    assert found["L"] == "object" and found["leafletVersion"] == "1.9.4"
    assert found["cytoscape"] == "function"
    assert found["uPlot"] == "function"
    assert found["paths"] > 50, found
    assert (found["nodes"], found["edges"]) == (3, 2)
    assert found["graphCanvas"] >= 1
    assert found["uplotCanvas"] >= 1
    assert found["marker"] > 0, "the marker image (found through leaflet.css) did not load"
    requested = {url.split("?")[0].removeprefix(server.url) for url in page.requests}
    assert "/static/vendor/leaflet/images/marker-icon.png" in requested
    assert "/static/vendor/world-atlas/countries-110m.geojson" in requested
    page.assert_clean()
    assert elapsed < 20, f"the page took {elapsed:.1f} s"


def test_guard_blocks_and_reports_an_external_request(
    live_server: Callable[[Any], Any], browser: Any
) -> None:
    """The guard itself: a page asking another host is stopped before anything is sent."""
    assert is_local("http://127.0.0.1:8000/x") and is_local("data:text/plain,hi")
    assert not is_local("http://localhost.example/x") and not is_local("https://10.0.0.1/")
    app = FastAPI()

    @app.get("/", response_class=HTMLResponse)
    def index() -> str:
        return '<img src="http://192.0.2.1/pixel.png"><script>console.error("boom")</script>'

    server = live_server(app)
    context = browser.new_context()
    guarded = guard(context, "guard")
    try:
        guarded.page.goto(server.url + "/")
        guarded.page.wait_for_load_state("load")
    finally:
        context.close()
    assert guarded.external == ["http://192.0.2.1/pixel.png"]
    assert any(error.startswith("boom") for error in guarded.console_errors)
    assert any("192.0.2.1" in problem for problem in guarded.problems())
