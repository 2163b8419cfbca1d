"""The store's reads for analysts: filtered, paginated lists, full-text search, places and units.

Every list is read newest arrival first (``articles.arrival``, an explicit column) and cut into
pages by a key, never by OFFSET: a page costs the same deep in a big ledger, and an ingest
between two pages neither repeats nor skips an item. A page asks for one row more than it
returns, to know whether another page follows.

Text search uses SQLite FTS5 (tables ``article_search`` and ``claim_search``, migration 009).
What the user types is searched as words, each quoted: it is never FTS5 query syntax, so no
input makes the query fail.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from claimledger.store.failures import translate_errors
from claimledger.store.records import ArticleRecord, Check, ClaimRecord, Cluster
from claimledger.store.rows import (
    CHECK_COLS,
    CLUSTER_COLS,
    article_cols,
    article_row,
    check_row,
    cluster_row,
)

WORD_LIMIT = 32  # words of a text filter; more say nothing more and cost more


@dataclass(frozen=True)
class ArticleQuery:
    outlet: str | None = None
    date_from: str | None = None  # ISO date, inclusive
    date_to: str | None = None  # ISO date, inclusive
    place: str | None = None  # a place the article names (gazetteer name)
    text: str | None = None  # words of its title or text
    after: tuple[int] | None = None  # the key of the last item of the previous page
    limit: int = 50


@dataclass(frozen=True)
class ClaimQuery:
    speaker: str | None = None
    origin: str | None = None
    cluster: str | None = None
    assessment: str | None = None  # of the claim's cluster
    verification: str | None = None  # a status, or "none"
    hedged: bool | None = None
    place: str | None = None  # a place or unit where the claim is (claims.places "where")
    unit: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    text: str | None = None  # words of its content
    doc_id: str | None = None  # one article's claims
    outlet: str | None = None
    after: tuple[int, int] | None = None
    limit: int = 50


@dataclass(frozen=True)
class PlaceCount:
    name: str
    kind: str | None
    country: str | None
    lat: float | None
    lon: float | None
    claims: int
    articles: int


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "article" or "claim"
    id: str  # the internal id (doc_id or claim id)
    doc_id: str
    snippet: str


def fts_query(text: str) -> str | None:
    """Words as an FTS5 query that matches rows holding all of them; None when no word."""
    words = [w for w in text.split() if any(ch.isalnum() for ch in w)][:WORD_LIMIT]
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


@translate_errors
class LedgerReads:
    """Mixed into SQLiteStore: the reads the library's views, the API and the web page through."""

    db: sqlite3.Connection
    path: str

    def claims(self, ids: Sequence[str]) -> list[ClaimRecord]:  # pragma: no cover
        raise NotImplementedError  # SQLiteStore's

    def _text_filter(self, alias: str, table: str, text: str) -> tuple[str, str] | None:
        """The condition (and its one argument) that rows of ``alias`` hold every word of
        ``text``, by the full-text ``table``; None when ``text`` has no word."""
        match = fts_query(text)
        if match is None:
            return None
        return f"{alias}.rowid IN (SELECT rowid FROM {table} WHERE {table} MATCH ?)", match

    def article_page(self, q: ArticleQuery) -> tuple[list[ArticleRecord], tuple[int] | None]:
        """One page of current articles matching ``q``, newest arrival first, and the key of
        the next page (None on the last)."""
        where: list[str] = ["a.is_current = 1"]
        args: list[Any] = []
        if q.outlet:
            where.append("(a.outlet = ? COLLATE NOCASE OR a.outlet_id = ?)")
            args += [q.outlet, q.outlet]
        _dates(where, args, q.date_from, q.date_to)
        if q.place:
            where.append(
                "a.doc_id IN (SELECT doc_id FROM mentions WHERE type = 'place' "
                "AND name = ? COLLATE NOCASE)"
            )
            args.append(q.place)
        if q.text is not None:
            found = self._text_filter("a", "article_search", q.text)
            if found is None:
                return [], None
            where.append(found[0])
            args.append(found[1])
        if q.after is not None:
            where.append("a.arrival < ?")
            args.append(q.after[0])
        rows = self.db.execute(
            f"SELECT {_ARTICLE_COLS}, a.arrival FROM articles a WHERE {' AND '.join(where)} "
            "ORDER BY a.arrival DESC LIMIT ?",
            (*args, q.limit + 1),
        ).fetchall()
        page = rows[: q.limit]
        records = [article_row(r) for r in page]
        more = len(rows) > q.limit
        return records, ((page[-1][12],) if more and page else None)

    def claim_page(self, q: ClaimQuery) -> tuple[list[ClaimRecord], tuple[int, int] | None]:
        """One page of current claims matching ``q``: newest article first, an article's claims
        in text order; and the key of the next page (None on the last)."""
        where: list[str] = ["a.is_current = 1"]
        args: list[Any] = []
        for column, value in (("c.speaker_name", q.speaker), ("c.origin", q.origin)):
            if value:
                where.append(f"{column} = ? COLLATE NOCASE")
                args.append(value)
        if q.cluster:
            where.append("k.cluster_id = ?")
            args.append(q.cluster)
        if q.assessment:
            where.append("cl.assessment = ?")
            args.append(q.assessment)
        if q.verification == "none":
            where.append("c.verification IS NULL")
        elif q.verification:
            where.append("c.verification = ?")
            args.append(q.verification)
        if q.hedged is not None:
            where.append("c.hedged = ?")
            args.append(int(q.hedged))
        for name in (q.place, q.unit):
            if name:
                where.append(
                    "c.id IN (SELECT claim_id FROM claim_places WHERE name = ? COLLATE NOCASE)"
                )
                args.append(name)
        if q.doc_id:
            where.append("c.doc_id = ?")
            args.append(q.doc_id)
        if q.outlet:
            where.append("(a.outlet = ? COLLATE NOCASE OR a.outlet_id = ?)")
            args += [q.outlet, q.outlet]
        _dates(where, args, q.date_from, q.date_to)
        if q.text is not None:
            found = self._text_filter("c", "claim_search", q.text)
            if found is None:
                return [], None
            where.append(found[0])
            args.append(found[1])
        if q.after is not None:
            where.append("(a.arrival < ? OR (a.arrival = ? AND c.seq > ?))")
            args += [q.after[0], q.after[0], q.after[1]]
        rows = self.db.execute(
            "SELECT c.id, a.arrival, c.seq FROM claims c JOIN articles a ON a.doc_id = c.doc_id "
            "LEFT JOIN claim_clusters k ON k.claim_id = c.id "
            "LEFT JOIN clusters cl ON cl.id = k.cluster_id "
            f"WHERE {' AND '.join(where)} ORDER BY a.arrival DESC, c.seq ASC LIMIT ?",
            (*args, q.limit + 1),
        ).fetchall()
        page = rows[: q.limit]
        more = len(rows) > q.limit
        key = (page[-1][1], page[-1][2]) if more and page else None
        return self.claims([r[0] for r in page]), key

    def cluster_page(
        self, min_size: int, assessment: str | None, after: tuple[int, str] | None, limit: int
    ) -> tuple[list[Cluster], tuple[int, str] | None]:
        """One page of clusters, largest first, and the key of the next page."""
        where: list[str] = ["size >= ?"]
        args: list[Any] = [min_size]
        if assessment:
            where.append("assessment = ?")
            args.append(assessment)
        if after is not None:
            where.append("(size < ? OR (size = ? AND id > ?))")
            args += [after[0], after[0], after[1]]
        rows = self.db.execute(
            f"SELECT {CLUSTER_COLS} FROM clusters "
            f"WHERE {' AND '.join(where)} ORDER BY size DESC, id LIMIT ?",
            (*args, limit + 1),
        ).fetchall()
        page = [cluster_row(r) for r in rows[:limit]]
        more = len(rows) > limit
        return page, ((page[-1].size, page[-1].id) if more and page else None)

    def check_page(
        self, verdict: str | None, after: tuple[str] | None, limit: int
    ) -> tuple[list[Check], tuple[str] | None]:
        """One page of the checks between current articles, by id, and the next page's key."""
        where: list[str] = ["aa.is_current = 1", "ab.is_current = 1"]
        args: list[Any] = []
        if verdict:
            where.append("ch.verdict = ?")
            args.append(verdict)
        if after is not None:
            where.append("ch.id > ?")
            args.append(after[0])
        rows = self.db.execute(
            f"SELECT {CHECK_COLS} FROM checks ch "
            "JOIN quantities qa ON qa.id = ch.quantity_a JOIN articles aa ON aa.doc_id = qa.doc_id "
            "JOIN quantities qb ON qb.id = ch.quantity_b JOIN articles ab ON ab.doc_id = qb.doc_id "
            f"WHERE {' AND '.join(where)} ORDER BY ch.id LIMIT ?",
            (*args, limit + 1),
        ).fetchall()
        page = [check_row(r) for r in rows[:limit]]
        more = len(rows) > limit
        return page, ((page[-1].id,) if more and page else None)

    def checks_of_quantities(self, quantity_ids: Sequence[str]) -> list[Check]:
        """The checks (between current articles) that compare any of these figures."""
        if not quantity_ids:
            return []
        marks = ",".join("?" * len(quantity_ids))
        ids = tuple(quantity_ids)
        rows = self.db.execute(
            f"SELECT {CHECK_COLS} FROM checks ch "
            f"WHERE ch.quantity_a IN ({marks}) OR ch.quantity_b IN ({marks}) ORDER BY ch.id",
            ids + ids,
        ).fetchall()
        return [check_row(r) for r in rows]

    def claims_per_day(self, limit: int = 2000) -> list[tuple[str, int]]:
        """(day, current claims of articles published that day), by day; undated left out."""
        rows = self.db.execute(
            "SELECT substr(a.published, 1, 10) AS day, COUNT(*) FROM claims c "
            "JOIN articles a ON a.doc_id = c.doc_id WHERE a.is_current = 1 "
            "AND a.published IS NOT NULL GROUP BY day ORDER BY day LIMIT ?",
            (limit,),
        )
        return [(r[0], r[1]) for r in rows]

    def counted_things(self, limit: int = 50) -> list[tuple[str, int]]:
        """What figures of current claims count ("people killed"), most stated first."""
        rows = self.db.execute(
            "SELECT q.what, COUNT(*) FROM quantities q JOIN articles a ON a.doc_id = q.doc_id "
            "WHERE a.is_current = 1 AND q.what IS NOT NULL AND q.value IS NOT NULL "
            "AND EXISTS (SELECT 1 FROM claim_quantities cq WHERE cq.quantity_id = q.id) "
            "GROUP BY q.what ORDER BY COUNT(*) DESC, q.what LIMIT ?",
            (limit,),
        )
        return [(r[0], r[1]) for r in rows]

    def figures_of(self, what: str, limit: int = 5000) -> list[tuple[str, str, float, str]]:
        """(day, source, value, claim id) of the figures counting ``what`` that current claims
        state, by day: the timeline of one counted thing as each source reports it."""
        rows = self.db.execute(
            "SELECT substr(a.published, 1, 10), COALESCE(c.origin, c.speaker_name, '?'), "
            "q.value, c.id FROM quantities q JOIN claim_quantities cq ON cq.quantity_id = q.id "
            "JOIN claims c ON c.id = cq.claim_id JOIN articles a ON a.doc_id = q.doc_id "
            "WHERE a.is_current = 1 AND q.what = ? AND q.value IS NOT NULL "
            "AND a.published IS NOT NULL ORDER BY a.published, c.id LIMIT ?",
            (what, limit),
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def article_keys(self, doc_ids: Sequence[str]) -> dict[str, str]:
        """The article key (the user's id for it) of each of these articles."""
        ids = sorted(set(doc_ids))
        out: dict[str, str] = {}
        for n in range(0, len(ids), 500):
            part = ids[n : n + 500]
            marks = ",".join("?" * len(part))
            out.update(
                self.db.execute(
                    f"SELECT doc_id, article_key FROM articles WHERE doc_id IN ({marks})", part
                ).fetchall()
            )
        return out

    def current_doc_id(self, article_key: str) -> str | None:
        """The current version of the article the user calls ``article_key``."""
        row = self.db.execute(
            "SELECT doc_id FROM articles WHERE article_key = ? AND is_current = 1",
            (article_key,),
        ).fetchone()
        return str(row[0]) if row else None

    def article_text(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT text FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
        return str(row[0]) if row else None

    def article_extraction(self, doc_id: str) -> str | None:
        """The stored extraction of an article (its contract JSON), as text."""
        row = self.db.execute(
            "SELECT extraction FROM articles WHERE doc_id = ?", (doc_id,)
        ).fetchone()
        return str(row[0]) if row else None

    def place_counts(self, kind: str, limit: int) -> list[PlaceCount]:
        """Places (``kind`` "place") or units ("unit") where current claims are, with how many
        claims and articles, most claims first."""
        rows = self.db.execute(
            "SELECT p.name, COUNT(DISTINCT p.claim_id), COUNT(DISTINCT c.doc_id), "
            "(SELECT m.kind FROM mentions m WHERE m.type = ? AND m.name = p.name "
            "ORDER BY m.rowid LIMIT 1), "
            "(SELECT m.side FROM mentions m WHERE m.type = ? AND m.name = p.name "
            "ORDER BY m.rowid LIMIT 1), "
            "(SELECT m.lat FROM mentions m WHERE m.type = ? AND m.name = p.name "
            "ORDER BY m.rowid LIMIT 1), "
            "(SELECT m.lon FROM mentions m WHERE m.type = ? AND m.name = p.name "
            "ORDER BY m.rowid LIMIT 1) "
            "FROM claim_places p JOIN claims c ON c.id = p.claim_id "
            "JOIN articles a ON a.doc_id = c.doc_id AND a.is_current = 1 "
            "WHERE EXISTS (SELECT 1 FROM mentions m WHERE m.type = ? AND m.name = p.name) "
            "GROUP BY p.name ORDER BY COUNT(DISTINCT p.claim_id) DESC, p.name LIMIT ?",
            (kind, kind, kind, kind, kind, limit),
        ).fetchall()
        return [PlaceCount(r[0], r[3], r[4], r[5], r[6], r[1], r[2]) for r in rows]

    def search(self, text: str, limit: int) -> list[SearchHit]:
        """Current articles and claims holding every word of ``text``, best match first, each
        with a snippet (``[`` and ``]`` around the words found)."""
        match = fts_query(text)
        if match is None:
            return []
        hits: list[tuple[float, SearchHit]] = []
        for row in self.db.execute(
            "SELECT a.doc_id, snippet(article_search, 1, '[', ']', '…', 16), s.rank "
            "FROM article_search s JOIN articles a ON a.rowid = s.rowid "
            "WHERE article_search MATCH ? AND a.is_current = 1 ORDER BY s.rank LIMIT ?",
            (match, limit),
        ):
            hits.append((row[2], SearchHit("article", row[0], row[0], row[1])))
        for row in self.db.execute(
            "SELECT c.id, c.doc_id, snippet(claim_search, 0, '[', ']', '…', 16), s.rank "
            "FROM claim_search s JOIN claims c ON c.rowid = s.rowid "
            "JOIN articles a ON a.doc_id = c.doc_id "
            "WHERE claim_search MATCH ? AND a.is_current = 1 ORDER BY s.rank LIMIT ?",
            (match, limit),
        ):
            hits.append((row[3], SearchHit("claim", row[0], row[1], row[2])))
        hits.sort(key=lambda h: h[0])
        return [h for _, h in hits[:limit]]


def _dates(where: list[str], args: list[Any], start: str | None, end: str | None) -> None:
    """Published on or after ``start`` and on or before ``end`` (ISO dates; a datetime's date
    counts). An article without a date matches no date filter."""
    if start:
        where.append("substr(a.published, 1, 10) >= ?")
        args.append(start)
    if end:
        where.append("substr(a.published, 1, 10) <= ?")
        args.append(end)


_ARTICLE_COLS = article_cols("a")
