"""Places as GeoJSON (RFC 7946): one FeatureCollection, a Point Feature per located place.

RFC 7946 fixes what readers assume: WGS 84 coordinates, longitude first (section 3.1.1), no
"crs" member (section 4), longitude within [-180, 180] and latitude within [-90, 90]. A place
the gazetteer could not locate has no point and is left out (``csv-places`` lists it).
Properties: the name, GeoNames id and country when known, the feature (city, region...), and
the articles and claims about the place by the user's ids (``export.ids``).
"""

from __future__ import annotations

import json
import math
from typing import IO, Any

from claimledger.export.options import ExportOptions
from claimledger.export.places import Place, ledger_places
from claimledger.store.sqlite import SQLiteStore


def to_geojson(places: list[Place]) -> dict[str, Any]:
    return {"type": "FeatureCollection", "features": [_feature(p) for p in places if located(p)]}


def located(place: Place) -> bool:
    """Whether a place has a point RFC 7946 can carry."""
    lat, lon = place.lat, place.lon
    return (
        lat is not None
        and lon is not None
        and math.isfinite(lat)
        and math.isfinite(lon)
        and -90 <= lat <= 90
        and -180 <= lon <= 180
    )


def _feature(p: Place) -> dict[str, Any]:
    assert p.lat is not None and p.lon is not None  # located()
    properties: dict[str, Any] = {"name": p.name}
    if p.geonameid is not None:
        properties["geonameid"] = p.geonameid
    if p.country:
        properties["country"] = p.country
    properties |= {
        "feature": p.feature,
        "article_ids": p.article_ids,
        "claim_count": len(p.claim_ids),
        "claim_ids": p.claim_ids,
    }
    feature: dict[str, Any] = {"type": "Feature"}
    if p.geonameid is not None:
        feature["id"] = p.geonameid
    feature |= {
        "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
        "properties": properties,
    }
    return feature


def write_geojson(store: SQLiteStore, out: IO[str], options: ExportOptions) -> None:
    data = to_geojson(ledger_places(store))
    out.write(json.dumps(data, ensure_ascii=False, allow_nan=False, indent=1) + "\n")
