"""The places of a ledger, one per place however many articles name it, with the claims about
each: what the ``csv-places`` and ``geojson`` exports show.

A place is one GeoNames id (or, unresolved, one name). A claim is about a place when the store
placed it there (the settlements its content names or, naming none, its article's: see
``store.sqlite._place_claims``) or when its content names the place as its article wrote it
("Kharkiv Oblast", which the store does not place claims at, being no settlement).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimledger.export.ids import article_ids, item_id
from claimledger.store.records import ClaimRecord
from claimledger.store.sqlite import SQLiteStore


@dataclass
class Place:
    name: str
    geonameid: int | None
    country: str | None
    feature: str | None
    lat: float | None
    lon: float | None
    written: set[tuple[str, str]] = field(default_factory=set)  # (doc_id, as written)
    article_ids: list[str] = field(default_factory=list)  # the user's ids
    claim_ids: list[str] = field(default_factory=list)  # the user's ids


def ledger_places(store: SQLiteStore) -> list[Place]:
    """Every place the current articles name, in the order they were first named."""
    refs = article_ids(store.articles())
    places: dict[object, Place] = {}
    for m in store.mentions(["place"]):
        geonameid = m.data.get("geonameid")
        key: object = geonameid if geonameid is not None else ("name", m.name)
        place = places.get(key)
        if place is None:
            place = places[key] = Place(
                m.name, geonameid, m.data.get("country"), m.kind, m.lat, m.lon
            )
        place.written.add((m.doc_id, m.text))
        ref = refs.get(m.doc_id, m.doc_id)
        if ref not in place.article_ids:
            place.article_ids.append(ref)
    by_doc: dict[str, list[Place]] = {}
    for place in places.values():
        for doc_id in dict.fromkeys(d for d, _ in place.written):
            by_doc.setdefault(doc_id, []).append(place)
    for claim in store.claims(store.current_claim_ids()):
        for place in by_doc.get(claim.doc_id, ()):
            if _about(claim, place):
                place.claim_ids.append(item_id(claim.id, refs))
    return list(places.values())


def _about(claim: ClaimRecord, place: Place) -> bool:
    if place.name in claim.mentions:
        return True
    written = {w for d, w in place.written if d == claim.doc_id} | {place.name}
    return any(_names(claim.content, w) for w in written)


def _names(content: str, written: str) -> bool:
    return bool(written) and re.search(rf"(?<!\w){re.escape(written)}(?!\w)", content) is not None
