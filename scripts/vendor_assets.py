#!/usr/bin/env python3
"""Re-create the web UI's vendored browser assets from the npm registry.

    python scripts/vendor_assets.py            # rewrite src/claimledger/web/static/vendor/
    python scripts/vendor_assets.py --check    # fetch again and compare; exit 1 on a difference
    python scripts/vendor_assets.py --registry URL   # without npm: fetch tarballs with urllib

Each package is pinned to one version and to the sha256 of its registry tarball; a tarball
whose sha256 differs is refused. Only the files listed in PACKAGES are copied (minified
builds, their CSS and images, the LICENSE). The world boundary layer is converted once, here,
from world-atlas's TopoJSON to GeoJSON, so the browser needs no TopoJSON client.
VENDORED.md in the vendor folder is written from the same table: package, version, licence,
source, tarball sha256, and every file with its size and sha256.

Tarballs are fetched with `npm pack` (npm's configured registry, integrity checked by npm);
with --registry the tarball URL is REGISTRY/NAME/-/NAME-VERSION.tgz.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import itertools
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
VENDOR = REPO / "src" / "claimledger" / "web" / "static" / "vendor"

# World boundary coordinates are rounded to this many decimals (0.001 degree is ~110 m,
# finer than the 1:110m source's quantization step of 0.0036 degree).
GEOJSON_DECIMALS = 3


def topojson_to_geojson(raw: bytes, object_name: str = "countries") -> bytes:
    """GeoJSON FeatureCollection (compact, deterministic) of one TopoJSON geometry collection.

    Decodes quantized, delta-encoded arcs (TopoJSON 1.0 `transform`), stitches each ring from
    its arcs (a negative index ~i is arc i reversed; the shared point between consecutive arcs
    is kept once) and keeps each geometry's `id` and `properties`."""
    topology = json.loads(raw)
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs: list[list[tuple[float, float]]] = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append(
                (round(x * sx + tx, GEOJSON_DECIMALS), round(y * sy + ty, GEOJSON_DECIMALS))
            )
        arcs.append(points)

    def ring(indexes: list[int]) -> list[list[float]]:
        points: list[tuple[float, float]] = []
        for i in indexes:
            arc = arcs[i] if i >= 0 else arcs[~i][::-1]
            points.extend(arc[1:] if points else arc)
        kept = [points[0]]
        kept.extend(p for prev, p in itertools.pairwise(points) if p != prev)
        return unwrapped(kept)

    def unwrapped(points: list[tuple[float, float]]) -> list[list[float]]:
        """The ring with continuous longitudes: one crossing the antimeridian (Russia, Fiji)
        jumps from 180 to -180, which Leaflet draws as a stripe across the world, so such a
        ring goes on past 180 (or -180) instead. A ring around a pole keeps its jump."""
        offset = 0.0
        out = [[points[0][0], points[0][1]]]
        for (x0, _), (x1, y1) in itertools.pairwise(points):
            if x1 - x0 > 180:
                offset -= 360
            elif x0 - x1 > 180:
                offset += 360
            out.append([round(x1 + offset, GEOJSON_DECIMALS), y1])
        if offset:  # encircles a pole: unwrapping would leave it open
            return [list(p) for p in points]
        return out

    def polygon(rings: list[list[int]]) -> list[list[list[float]]]:
        """A polygon's rings, less those that are no ring (under 4 positions: a sliver that
        the source's quantization collapsed); none when the outer ring is one of them."""
        kept = [ring(r) for r in rings]
        if not kept or len(kept[0]) < 4:
            return []
        return [r for r in kept if len(r) >= 4]

    features: list[dict[str, Any]] = []
    for geometry in topology["objects"][object_name]["geometries"]:
        kind = geometry["type"]
        if kind == "Polygon":
            polygons = [polygon(geometry["arcs"])]
        elif kind == "MultiPolygon":
            polygons = [polygon(p) for p in geometry["arcs"]]
        else:
            raise ValueError(f"unexpected TopoJSON geometry type {kind!r}")
        polygons = [p for p in polygons if p]
        if not polygons:
            continue
        coordinates: Any = polygons[0] if kind == "Polygon" else polygons
        feature: dict[str, Any] = {"type": "Feature"}
        if "id" in geometry:
            feature["id"] = geometry["id"]
        feature["properties"] = geometry.get("properties", {})
        feature["geometry"] = {"type": kind, "coordinates": coordinates}
        features.append(feature)
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, separators=(",", ":"), ensure_ascii=False).encode() + b"\n"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    sha256: str  # of the registry tarball
    licence: str
    # path in the tarball -> path under vendor/<name>/
    files: dict[str, str]
    # path in the tarball -> (path under vendor/<name>/, conversion)
    derived: dict[str, tuple[str, Callable[[bytes], bytes]]] = field(default_factory=dict)
    note: str = ""

    @property
    def tarball(self) -> str:
        return f"{self.name}-{self.version}.tgz"

    @property
    def source(self) -> str:
        return f"npm registry, `{self.name}@{self.version}`: `{self.name}/-/{self.tarball}`"


PACKAGES: tuple[Package, ...] = (
    Package(
        name="swagger-ui-dist",
        version="5.35.0",
        sha256="1b8e891893404ea4c3558b6a87e2a3e494e7eedba41168c2ece5800a391a6ea6",
        licence="Apache-2.0",
        files={
            "package/swagger-ui-bundle.js": "swagger-ui-bundle.js",
            "package/swagger-ui.css": "swagger-ui.css",
            "package/swagger-ui-bundle.js.LICENSE.txt": "swagger-ui-bundle.js.LICENSE.txt",
            "package/LICENSE": "LICENSE",
            "package/NOTICE": "NOTICE",
        },
        note="The API docs at /docs (FastAPI would load it from a CDN).",
    ),
    Package(
        name="cytoscape",
        version="3.34.4",
        sha256="0d02363d99d805ce8d91fdecab7b2a8cb91ee280d67f309ce44c161d117b4679",
        licence="MIT",
        files={"package/dist/cytoscape.min.js": "cytoscape.min.js", "package/LICENSE": "LICENSE"},
        note="Provenance graphs. Global `cytoscape`.",
    ),
    Package(
        name="leaflet",
        version="1.9.4",
        sha256="84c65a256e50657896f54c33bd857b6849ebe94c817803be818bf32a3dde0b77",
        licence="BSD-2-Clause",
        files={
            "package/dist/leaflet.js": "leaflet.js",
            "package/dist/leaflet.css": "leaflet.css",
            **{
                f"package/dist/images/{image}": f"images/{image}"
                for image in (
                    "layers.png",
                    "layers-2x.png",
                    "marker-icon.png",
                    "marker-icon-2x.png",
                    "marker-shadow.png",
                )
            },
            "package/LICENSE": "LICENSE",
        },
        note="The map. Global `L`; marker images are found through leaflet.css (images/ beside "
        "it). leaflet.js names a source map that is not vendored (only devtools asks for it).",
    ),
    Package(
        name="uplot",
        version="1.6.32",
        sha256="4b8a8191e425658e3ea8c8c1314b0fc679c861ee3a1af2b20c7b16ba50b5133d",
        licence="MIT",
        files={
            "package/dist/uPlot.iife.min.js": "uPlot.iife.min.js",
            "package/dist/uPlot.min.css": "uPlot.min.css",
            "package/LICENSE": "LICENSE",
        },
        note="Timelines. Global `uPlot`.",
    ),
    Package(
        name="world-atlas",
        version="2.0.2",
        sha256="032e7765f2ce00edaeafec23ff22bc3b77e42987c257da944cc585b452c05b97",
        licence="ISC (package); the data is Natural Earth 4.1.0, public domain",
        files={"package/LICENSE": "LICENSE"},
        derived={
            "package/countries-110m.json": ("countries-110m.geojson", topojson_to_geojson),
        },
        note="Country boundaries for the map (no tile server is reachable): Natural Earth "
        "Admin 0 countries at 1:110m, converted from TopoJSON to a GeoJSON FeatureCollection "
        f"by this script (coordinates [lon, lat] rounded to {GEOJSON_DECIMALS} decimals; "
        "`id` is the ISO 3166-1 numeric code, `properties.name` the country name).",
    ),
)


def fetch_with_npm(package: Package, folder: Path) -> bytes:
    spec = f"{package.name}@{package.version}"
    command = ["npm", "pack", spec, "--pack-destination", str(folder), "--json", "--silent"]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=folder)
    filename = json.loads(done.stdout)[0]["filename"]
    return (folder / filename).read_bytes()


def fetch_with_urllib(package: Package, registry: str) -> bytes:
    url = f"{registry.rstrip('/')}/{package.name}/-/{package.tarball}"
    with urllib.request.urlopen(url, timeout=120) as response:
        data: bytes = response.read()
    return data


def read_member(archive: tarfile.TarFile, name: str, label: str) -> bytes:
    handle = archive.extractfile(name)  # KeyError names a member the tarball lacks
    if handle is None:
        raise SystemExit(f"{label}: {name} is not a regular file")
    return handle.read()


def build(folder: Path, registry: str | None) -> None:
    """Write every package's files and VENDORED.md into ``folder`` (empty)."""
    rows: list[str] = []
    file_rows: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        for package in PACKAGES:
            if registry is None:
                tarball = fetch_with_npm(package, Path(scratch))
            else:
                tarball = fetch_with_urllib(package, registry)
            digest = hashlib.sha256(tarball).hexdigest()
            if digest != package.sha256:
                raise SystemExit(
                    f"{package.tarball}: sha256 {digest} is not the pinned {package.sha256}; "
                    "if the version was changed on purpose, check the tarball and pin this hash"
                )
            outputs: dict[str, bytes] = {}
            with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as archive:
                for source, target in package.files.items():
                    outputs[target] = read_member(archive, source, package.tarball)
                for source, (target, convert) in package.derived.items():
                    outputs[target] = convert(read_member(archive, source, package.tarball))
            for target, data in sorted(outputs.items()):
                path = folder / package.name / target
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data)
                origin = next(
                    (s for s, t in package.files.items() if t == target),
                    next((s for s, (t, _) in package.derived.items() if t == target), ""),
                )
                how = "copied" if target in package.files.values() else "converted"
                file_rows.append(
                    f"| `{package.name}/{target}` | {how} from `{origin}` | {len(data)} "
                    f"| `{hashlib.sha256(data).hexdigest()}` |"
                )
            rows.append(
                f"| {package.name} | {package.version} | {package.licence} | {package.source} "
                f"| `{package.sha256}` |"
            )
    notes = [f"- **{p.name}**: {p.note}" for p in PACKAGES if p.note]
    text = "\n".join(
        [
            "# Vendored browser assets",
            "",
            "Written by `scripts/vendor_assets.py`; do not edit by hand. To update a package,",
            "change its version and tarball sha256 in that script and run it (DEVELOPERS.md,",
            '"Vendored assets"). `python scripts/vendor_assets.py --check` fetches everything',
            "again and compares it with these files.",
            "",
            "## Packages",
            "",
            "| package | version | licence | source | tarball sha256 |",
            "| --- | --- | --- | --- | --- |",
            *rows,
            "",
            *notes,
            "",
            "## Files",
            "",
            "Paths are relative to this folder; each package's LICENSE sits beside its files.",
            "",
            "| file | from | bytes | sha256 |",
            "| --- | --- | --- | --- |",
            *file_rows,
            "",
        ]
    )
    (folder / "VENDORED.md").write_text(text, encoding="utf-8")


def differences(built: Path, current: Path) -> list[str]:
    def listing(root: Path) -> dict[str, bytes]:
        return {
            p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()
        }

    new, old = listing(built), listing(current) if current.is_dir() else {}
    return [
        f"{name}: {'missing' if name not in old else 'extra' if name not in new else 'differs'}"
        for name in sorted(new.keys() | old.keys())
        if new.get(name) != old.get(name)
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; write nothing")
    parser.add_argument("--registry", help="fetch tarballs from this registry URL with urllib")
    parser.add_argument("--dest", type=Path, default=VENDOR, help="vendor folder to write")
    args = parser.parse_args(argv)
    if args.registry is None and shutil.which("npm") is None:
        parser.error("npm is not installed (apt-get install -y npm), or pass --registry URL")
    with tempfile.TemporaryDirectory() as temp:
        built = Path(temp) / "vendor"
        built.mkdir()
        build(built, args.registry)
        diff = differences(built, args.dest)
        if args.check:
            for line in diff:
                print(line)
            print(f"{args.dest}: {'differs' if diff else 'up to date'}")
            return 1 if diff else 0
        if args.dest.exists():
            shutil.rmtree(args.dest)
        shutil.copytree(built, args.dest)
    total = sum(p.stat().st_size for p in args.dest.rglob("*") if p.is_file())
    print(f"{args.dest}: {len(PACKAGES)} packages, {total:,} bytes ({len(diff)} files changed)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
