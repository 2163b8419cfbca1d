"""CSV tables of claims, figures and places (``csv-claims``, ``csv-quantities``, ``csv-places``),
for spreadsheets: a header row, then one row per item.

Written with the csv module (RFC 4180: CRLF rows, fields with commas, quotes or line breaks
quoted, quotes doubled), so any text survives a round trip. Articles, claims and figures go by
the user's ids (``export.ids``), with the ledger's own id beside them for ``claimledger claim``.
A list in one cell (a chain, claim ids) is joined with " | ".

Formula injection: a spreadsheet runs a text cell that starts with ``=``, ``+``, ``-`` or
``@`` (and, in some, a tab or carriage return) as a formula, and article text and metadata come
from anyone. Such a text cell is written with a leading ``'``, which spreadsheets show as text
(OWASP, "CSV Injection"). Numbers are written as numbers, so -3 stays -3.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from typing import IO, Any

from claimledger.export.ids import article_ids, item_id
from claimledger.export.options import ExportOptions
from claimledger.export.places import ledger_places
from claimledger.ledger import claim_grades
from claimledger.store.records import ArticleRecord
from claimledger.store.sqlite import SQLiteStore

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SEPARATOR = " | "

CLAIM_COLUMNS = (
    "claim_id", "article_id", "url", "outlet", "published", "speaker", "speaker_kind", "chain",
    "origin", "content", "hedged", "verification", "polarity", "cluster_id", "assessment",
    "credibility", "quantities", "ledger_id",
)  # fmt: skip
QUANTITY_COLUMNS = (
    "quantity_id", "article_id", "url", "text", "value", "low", "high", "approximate", "unit",
    "what", "period_start", "period_end", "per", "claim_ids", "ledger_id",
)  # fmt: skip
PLACE_COLUMNS = (
    "name", "geonameid", "country", "feature", "latitude", "longitude", "articles",
    "article_ids", "claims", "claim_ids",
)  # fmt: skip


def cell(value: Any) -> Any:
    """A value as a safe CSV cell: None empty, booleans as true/false, text guarded."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_table(out: IO[str], columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows([cell(v) for v in row] for row in rows)


def write_claims(store: SQLiteStore, out: IO[str], options: ExportOptions) -> None:
    articles = store.articles()
    refs = article_ids(articles)
    by_doc = {a.doc_id: a for a in articles}
    claims = store.claims(store.current_claim_ids())
    grades = claim_grades(store, claims)
    assessments = {k.id: k.assessment for k in store.clusters()}
    rows = []
    for c in claims:
        a = by_doc[c.doc_id]
        grade = grades.get(c.id)
        rows.append((
            item_id(c.id, refs), refs[c.doc_id], a.url, a.outlet, a.published, c.speaker_name,
            c.speaker_kind, SEPARATOR.join(name for name, _ in c.chain), c.origin, c.content,
            c.hedged, c.verification, c.polarity, c.cluster_id,
            assessments.get(c.cluster_id) if c.cluster_id else None,
            grade.credibility if grade else None, SEPARATOR.join(q.text for q in c.quantities),
            c.id,
        ))  # fmt: skip
    write_table(out, CLAIM_COLUMNS, rows)


def write_quantities(store: SQLiteStore, out: IO[str], options: ExportOptions) -> None:
    articles: list[ArticleRecord] = store.articles()
    refs = article_ids(articles)
    urls = {a.doc_id: a.url for a in articles}
    quantities = [q for ids in _chunks([a.doc_id for a in articles]) for q in
                  store.quantities_of_docs(ids)]  # fmt: skip
    stating: dict[str, list[str]] = {}
    for ids in _chunks([q.id for q in quantities]):
        stating.update(store.claims_stating(ids))
    rows = []
    for q in quantities:
        claims = SEPARATOR.join(item_id(c, refs) for c in sorted(stating.get(q.id, ()), key=_seq))
        rows.append((
            item_id(q.id, refs), refs[q.doc_id], urls[q.doc_id], q.text, q.value, q.low, q.high,
            q.approximate, q.unit, q.what, q.period_start, q.period_end, q.per, claims, q.id,
        ))  # fmt: skip
    write_table(out, QUANTITY_COLUMNS, rows)


def write_places(store: SQLiteStore, out: IO[str], options: ExportOptions) -> None:
    rows = [
        (p.name, p.geonameid, p.country, p.feature, p.lat, p.lon, len(p.article_ids),
         SEPARATOR.join(p.article_ids), len(p.claim_ids), SEPARATOR.join(p.claim_ids))
        for p in ledger_places(store)
    ]  # fmt: skip
    write_table(out, PLACE_COLUMNS, rows)


def _chunks(ids: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    """``ids`` in lists short enough for one SQL statement (SQLite caps its variables)."""
    return (ids[n : n + size] for n in range(0, len(ids), size))


def _seq(ledger_id: str) -> tuple[str, int]:
    """``<hash>:c10`` after ``<hash>:c9``."""
    doc_id, _, local = ledger_id.rpartition(":")
    return doc_id, int(local[1:]) if local[1:].isdigit() else 0
