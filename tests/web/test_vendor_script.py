"""scripts/vendor_assets.py's TopoJSON -> GeoJSON conversion, on small topologies."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "vendor_assets.py"


def load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("vendor_assets", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def convert(topology: dict[str, object]) -> list[dict[str, object]]:
    out = load_script().topojson_to_geojson(json.dumps(topology).encode())
    collection = json.loads(out)
    assert collection["type"] == "FeatureCollection"
    features: list[dict[str, object]] = collection["features"]
    return features


def topology(arcs: list[list[list[int]]], geometries: list[dict[str, object]]) -> dict[str, object]:
    return {
        "type": "Topology",
        "transform": {"scale": [1, 1], "translate": [0, 0]},
        "arcs": arcs,
        "objects": {"countries": {"type": "GeometryCollection", "geometries": geometries}},
    }


def test_arcs_are_delta_decoded_stitched_and_reversed() -> None:
    # arc 0: (0,0) -> (10,0) -> (10,10); arc 1: (10,10) -> (0,10) -> (0,0)
    arcs = [[[0, 0], [10, 0], [0, 10]], [[10, 10], [-10, 0], [0, -10]]]
    square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]
    (a, b) = convert(
        topology(
            arcs,
            [
                {"type": "Polygon", "arcs": [[0, 1]], "id": "1", "properties": {"name": "A"}},
                {"type": "MultiPolygon", "arcs": [[[~1, ~0]]], "properties": {"name": "B"}},
            ],
        )
    )
    assert a["id"] == "1" and a["properties"] == {"name": "A"}
    assert a["geometry"] == {"type": "Polygon", "coordinates": [square]}
    assert b["geometry"] == {"type": "MultiPolygon", "coordinates": [[square[::-1]]]}


def test_antimeridian_ring_is_unwrapped_and_slivers_dropped() -> None:
    # a ring 179 -> -179 -> -179 -> 179 (crossing 180), and a ring of one repeated point
    arcs = [[[179, 0], [-358, 0], [0, 2], [358, 0], [0, -2]], [[5, 5], [0, 0], [0, 0]]]
    (feature,) = convert(
        topology(
            arcs,
            [
                {"type": "Polygon", "arcs": [[0]], "properties": {"name": "Fiji-like"}},
                {"type": "Polygon", "arcs": [[1]], "properties": {"name": "sliver"}},
            ],
        )
    )
    assert feature["properties"] == {"name": "Fiji-like"}
    (ring,) = feature["geometry"]["coordinates"]  # type: ignore[index]
    assert ring == [[179, 0], [181, 0], [181, 2], [179, 2], [179, 0]]
