"""The ids a user knows an article by, and claim and figure ids built on them.

The ledger's own ids are text hashes (``fd29b1e1e357cb84:c1``); a user knows an article by the
id or URL of their input. Spreadsheet and map exports name articles by that: the input's id,
else its URL, else its path, else (nothing given) the hash. Claims and figures are named after
their article: ``<article>:c1``, ``<article>:q2``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from claimledger.store.records import ArticleRecord


def article_ids(articles: Sequence[ArticleRecord]) -> dict[str, str]:
    """doc_id -> the user's id of each article. Current articles never share one (a shared id
    makes versions of one article), but two inputs may give one URL under different ids: any id
    that two of these articles would share falls back to their hashes, so ids stay unique."""
    given = {a.doc_id: a.source_id or a.url or a.path or a.doc_id for a in articles}
    shared = Counter(given.values())
    return {doc_id: ref if shared[ref] == 1 else doc_id for doc_id, ref in given.items()}


def item_id(ledger_id: str, articles: dict[str, str]) -> str:
    """``<article>:c1`` for the ledger's ``<hash>:c1`` (a claim or a figure)."""
    doc_id, _, local = ledger_id.rpartition(":")
    return f"{articles.get(doc_id, doc_id)}:{local}"
