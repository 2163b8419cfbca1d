"""The export formats, by name: what ``claimledger export --format NAME`` can write.

Each format is a small module of this package with one ``write(store, out, options)``; this
module names them, once, so the CLI's choices, its help and its error for an unknown name all
come from one table. To add a format, write the module and add one ``Exporter`` line below
(DEVELOPERS.md, "Adding an export format").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import IO

from claimledger.errors import ClaimledgerError
from claimledger.export import claimreview, contract, csv_tables, geojson, graphml, ledger
from claimledger.export.options import ExportOptions
from claimledger.store.sqlite import SQLiteStore

Writer = Callable[[SQLiteStore, IO[str], ExportOptions], None]


class UnknownFormatError(ClaimledgerError):
    """``--format`` names no export format."""


@dataclass(frozen=True)
class Exporter:
    """One export format: its name, what it is for, the file it makes and how to write it."""

    name: str
    description: str  # one line, for ``--help``
    media_type: str
    suffix: str  # the usual file name ending, with its dot
    write: Writer


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter("ledger", "the whole ledger as one JSON document (ledger.schema.json)",
                 "application/json", ".json", ledger.write_ledger),
        Exporter("contract", "each current article's extraction, JSON Lines (claims.schema.json)",
                 "application/x-ndjson", ".jsonl", contract.write_contracts),
        Exporter("csv-claims", "one CSV row per claim, with its article, chain and cluster",
                 "text/csv", ".csv", csv_tables.write_claims),
        Exporter("csv-quantities", "one CSV row per reported figure, with the claims stating it",
                 "text/csv", ".csv", csv_tables.write_quantities),
        Exporter("csv-places", "one CSV row per place, with its point and the claims about it",
                 "text/csv", ".csv", csv_tables.write_places),
        Exporter("geojson", "places as RFC 7946 Point features, with the claims about them",
                 "application/geo+json", ".geojson", geojson.write_geojson),
        Exporter("graphml", "the provenance graph (outlets, sources, claims, clusters), for Gephi",
                 "application/graphml+xml", ".graphml", graphml.write_graphml),
        Exporter("claimreview", "schema.org ClaimReview JSON-LD for each assessed cluster",
                 "application/ld+json", ".jsonld", claimreview.write_claimreviews),
    )
}  # fmt: skip


def exporter(name: str) -> Exporter:
    """The format called ``name``; an unknown name is an error that lists the known ones."""
    found = EXPORTERS.get(name)
    if found is None:
        raise UnknownFormatError(
            f"unknown export format {name!r}; choose one of: {', '.join(EXPORTERS)}"
        )
    return found
