"""Rows to records, and the columns they are read from: shared by the store's two modules
(``sqlite.py`` and ``reads.py``), so that a column added to a record is added once."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from claimledger.store.records import ArticleRecord, Check, Cluster

ARTICLE_COLUMNS = (
    "doc_id", "article_key", "version", "is_current", "outlet", "outlet_id", "url", "path",
    "title", "published", "source_id", "ingested_at",
)  # fmt: skip
CLUSTER_COLS = "id, assessment, independent_origins, origins, reasons, size"
CHECK_COLS = (
    "ch.id, ch.quantity_a, ch.quantity_b, ch.kind, ch.verdict, ch.claim_ids, ch.figures, "
    "ch.explanation"
)


def article_cols(alias: str = "") -> str:
    """The article columns, each prefixed with ``alias.`` when given."""
    return ", ".join(f"{alias}.{c}" if alias else c for c in ARTICLE_COLUMNS)


def article_row(r: Sequence[Any]) -> ArticleRecord:
    return ArticleRecord(r[0], r[1], r[2], bool(r[3]), *r[4:12])


def cluster_row(r: Sequence[Any]) -> Cluster:
    return Cluster(r[0], r[1], r[2], tuple(json.loads(r[3])), tuple(json.loads(r[4])), r[5])


def check_row(r: Sequence[Any]) -> Check:
    return Check(
        r[0], r[1], r[2], r[3], r[4], tuple(json.loads(r[5])), tuple(json.loads(r[6])), r[7]
    )
