"""The library API: what the CLI, the REST API and the web pages call.

    import claimledger
    with claimledger.open_ledger("ledger.db") as led:
        page = led.claims(speaker="Oleh Kiper", hedged=True, limit=20)
        for claim in page.items: ...
        more = led.claims(speaker="Oleh Kiper", hedged=True, cursor=page.next_cursor)

    with claimledger.open_ledger("ledger.db", write=True) as led:
        for event in led.ingest(claimledger.read_inputs(["articles.jsonl"]).articles): ...

Every read returns typed views (``claimledger.views``) that name articles and claims by the
ids the user gave. Lists are pages with an opaque cursor. Bad arguments raise ``BadArgumentError``,
an unknown id ``NotFoundError``; both say what to do.

Opening a ledger to read imports neither spaCy nor the gazetteer; only ``ingest`` and
``Extractor`` load the model.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from claimledger.errors import BadArgumentError, ExtractionError, NotFoundError
from claimledger.settings import Settings
from claimledger.store.base import Store
from claimledger.store.open import open_store
from claimledger.store.reads import ArticleQuery, ClaimQuery
from claimledger.store.records import ArticleRecord, Check, ClaimRecord, Cluster
from claimledger.views import (
    ASSESSMENTS,
    CHECK_VERDICTS,
    VERIFICATIONS,
    ArticleDetail,
    ArticleView,
    CheckView,
    ClaimDetail,
    ClaimView,
    ClusterDetail,
    ClusterView,
    GradeView,
    Page,
    PlaceView,
    QuantityView,
    SearchHitView,
    SourceView,
    clean_name,
    public_claim_id,
    split_claim_id,
)

if TYPE_CHECKING:
    from claimledger.ledger import Ledger
    from claimledger.models import Article, Extraction

MAX_PAGE = 500  # the most items one page holds, whatever is asked
DEFAULT_PAGE = 50
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class IngestEvent:
    """What happened to one input article: stored ("new", "new-version"), already there
    ("unchanged"), or not extracted ("failed", with the error)."""

    article: str  # the article's user id
    status: str
    claims: int = 0
    error: ExtractionError | None = None


def open_ledger(
    url_or_path: str | Path,
    *,
    write: bool = False,
    verify: bool | None = None,
    settings: Settings | None = None,
) -> LedgerHandle:
    """Open a ledger: a SQLite file path (or ``sqlite:///path``), or a PostgreSQL database
    (``postgresql://user@host:port/db``; needs the ``postgres`` extra). ``write`` opens it for
    ingest (created if missing); otherwise it is opened read-only and never changed.
    ``verify`` checks every page first (by default when opening to write). ``settings`` are the
    thresholds its ingests analyse with (``claimledger.load_settings``; default the shipped
    ones with ``$CLAIMLEDGER_SETTINGS`` over them)."""
    check = write if verify is None else verify
    store = open_store(str(url_or_path), write=write, verify=check)
    return LedgerHandle(store, settings)


class LedgerHandle:
    """An open ledger: ingest and every read. Use it as a context manager, or ``close()``."""

    def __init__(self, store: Store, settings: Settings | None = None) -> None:
        self.store = store
        self.settings = settings
        self._analysis: Ledger | None = None  # the ledger's analysis, made once
        self._keys: dict[str, str] = {}  # doc_id -> article key, read once

    # ------------------------------------------------------------------ life

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> LedgerHandle:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    @property
    def path(self) -> str:
        return self.store.path

    # ------------------------------------------------------------------ ingest

    def ingest(
        self, articles: Iterable[Article], workers: int = 1, on_error: str = "fail"
    ) -> Iterator[IngestEvent]:
        """Extract and store each article in input order, yielding what happened to it once it
        is stored (or failed). ``on_error`` "fail" raises the first ExtractionError, "skip"
        yields it as a "failed" event and goes on. Stopping the iteration (or Ctrl-C) between
        two events leaves every yielded article stored and nothing else half-written."""
        from claimledger.pipeline import extract_articles

        ledger = self._ledger()
        ledger.finish_pending()  # the figure checks an interrupted run left
        given = list(articles)
        stored = [ledger.stored(a) for a in given]  # stored already: not extracted again
        outcomes = extract_articles(
            [a for a, done in zip(given, stored, strict=True) if not done], workers=workers
        )
        try:
            for article, done_before in zip(given, stored, strict=True):
                if done_before:
                    yield IngestEvent(_user_id(article), "unchanged", 0)
                    continue
                outcome = next(outcomes)
                if isinstance(outcome, ExtractionError):
                    if on_error == "fail":
                        raise outcome
                    yield IngestEvent(_user_id(article), "failed", 0, outcome)
                    continue
                done = ledger.ingest(outcome)
                self._keys.pop(done.doc_id, None)
                yield IngestEvent(_user_id(article), done.status, done.claims)
        finally:
            close = getattr(outcomes, "close", None)
            if close is not None:
                close()  # its worker processes stop at once

    def ingest_extraction(self, extraction: Extraction) -> IngestEvent:
        """Store one extraction made elsewhere (``Extractor``) and update the analysis."""
        done = self._ledger().ingest(extraction)
        return IngestEvent(_user_id(extraction.article), done.status, done.claims)

    def _ledger(self) -> Ledger:
        """The analysis with its settings and its registry lookups, made once per handle (the
        lookups it has answered are kept with it)."""
        if self._analysis is None:
            from claimledger.ledger import open_ledger as analysis

            self._analysis = analysis(self.store, self.settings)
        return self._analysis

    # ------------------------------------------------------------------ articles

    def articles(
        self,
        *,
        outlet: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        place: str | None = None,
        text: str | None = None,
        cursor: str | None = None,
        limit: int = DEFAULT_PAGE,
    ) -> Page[ArticleView]:
        """Current articles, newest arrival first."""
        query = ArticleQuery(
            outlet=clean_name(outlet),
            date_from=_date("date_from", date_from),
            date_to=_date("date_to", date_to),
            place=clean_name(place),
            text=text,
            after=_cursor(cursor, 1),
            limit=_limit(limit),
        )
        records, key = self.store.article_page(query)
        return Page(tuple(self._article(r) for r in records), _encode(key))

    def article(self, article_id: str) -> ArticleDetail:
        """One article with its text, its claims and every span extracted from it."""
        doc_id = self._doc_id(article_id)
        record = self.store.article(doc_id)
        if record is None:
            raise NotFoundError(f"no article {article_id!r} in {self.path}")
        claims = self._claims_of(doc_id)
        stored = json.loads(self.store.article_extraction(doc_id) or "{}")
        spans = {k: stored.get(k, []) for k in ("claims", "quantities", "places", "units")}
        return ArticleDetail(
            article=self._article(record, len(claims)),
            text=self.store.article_text(doc_id) or "",
            claims=tuple(self._claim(c) for c in claims),
            spans=spans,
        )

    # ------------------------------------------------------------------ claims

    def claims(
        self,
        *,
        speaker: str | None = None,
        origin: str | None = None,
        cluster: str | None = None,
        assessment: str | None = None,
        verification: str | None = None,
        hedged: bool | None = None,
        place: str | None = None,
        unit: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        text: str | None = None,
        article: str | None = None,
        outlet: str | None = None,
        cursor: str | None = None,
        limit: int = DEFAULT_PAGE,
    ) -> Page[ClaimView]:
        """Current claims, newest article first, an article's claims in text order."""
        query = ClaimQuery(
            speaker=clean_name(speaker),
            origin=clean_name(origin),
            cluster=cluster,
            assessment=_choice("assessment", assessment, ASSESSMENTS),
            verification=_choice("verification", verification, VERIFICATIONS),
            hedged=hedged,
            place=clean_name(place),
            unit=clean_name(unit),
            date_from=_date("date_from", date_from),
            date_to=_date("date_to", date_to),
            text=text,
            doc_id=self._doc_id(article) if article else None,
            outlet=clean_name(outlet),
            after=_cursor(cursor, 2),
            limit=_limit(limit),
        )
        records, key = self.store.claim_page(query)
        return Page(tuple(self._claims(records)), _encode(key))

    def claim(self, claim_id: str) -> ClaimDetail:
        """One claim with its chain, its cluster and the cluster's other members, the checks
        of its figures and its credibility."""
        from claimledger.analyze.grades import claim_grades

        internal = self._claim_key(claim_id)
        found = self.store.claims([internal])
        if not found:
            raise NotFoundError(
                f"no claim {claim_id!r} in {self.path}; `claimledger claims` lists ids"
            )
        claim = found[0]
        cluster = self.store.cluster(claim.cluster_id) if claim.cluster_id else None
        members = (
            [m for m in self.store.claims(self.store.cluster_member_ids(cluster.id))
             if m.id != claim.id]
            if cluster else []
        )  # fmt: skip
        checks = self.store.checks_of_quantities([q.id for q in claim.quantities])
        grade = claim_grades(self.store, [claim]).get(claim.id)
        return ClaimDetail(
            claim=self._claim(claim),
            grade=GradeView(grade.credibility, grade.reasons) if grade else None,
            cluster=_cluster(cluster) if cluster else None,
            members=tuple(self._claims(members)),
            checks=tuple(self._checks(checks)),
            linked=tuple(self._linked(cluster.id)) if cluster else (),
        )

    # ------------------------------------------------------------------ clusters, checks

    def clusters(
        self,
        *,
        min_size: int = 2,
        assessment: str | None = None,
        cursor: str | None = None,
        limit: int = DEFAULT_PAGE,
    ) -> Page[ClusterView]:
        """Clusters of at least ``min_size`` claims, largest first."""
        if min_size < 1:
            raise BadArgumentError(f"min_size {min_size}: give 1 or more")
        after = _cursor(cursor, 2)
        records, key = self.store.cluster_page(
            min_size,
            _choice("assessment", assessment, ASSESSMENTS),
            after,
            _limit(limit),
        )
        return Page(tuple(_cluster(k) for k in records), _encode(key))

    def cluster(self, cluster_id: str) -> ClusterDetail:
        """One cluster with its members (every outlet, with dates) and its figure checks."""
        cluster = self.store.cluster(cluster_id)
        if cluster is None:
            raise NotFoundError(
                f"no cluster {cluster_id!r} in {self.path}; `claimledger clusters` lists ids"
            )
        members = self.store.claims(self.store.cluster_member_ids(cluster_id))
        quantities = [q.id for m in members for q in m.quantities]
        return ClusterDetail(
            cluster=_cluster(cluster),
            members=tuple(self._claims(members)),
            checks=tuple(self._checks(self.store.checks_of_quantities(quantities))),
            linked=tuple(self._linked(cluster_id)),
        )

    def _linked(self, cluster_id: str) -> list[ClaimView]:
        """The claims of other clusters that deny or contradict this cluster's, or that its
        claims deny: a claim and its denial are two propositions, linked, never merged."""
        others = sorted({other for _, other in self.store.contradictions(cluster_id)})
        return self._claims(self.store.claims(others[:MAX_PAGE]))

    def checks(
        self, *, verdict: str | None = None, cursor: str | None = None, limit: int = DEFAULT_PAGE
    ) -> Page[CheckView]:
        """Numeric checks between current articles (``verdict`` tension or consistent)."""
        records, key = self.store.check_page(
            _choice("verdict", verdict, CHECK_VERDICTS),
            _cursor(cursor, 1),
            _limit(limit),
        )
        return Page(tuple(self._checks(records)), _encode(key))

    # ------------------------------------------------------------------ sources, places

    def sources(self, *, cursor: str | None = None, limit: int = DEFAULT_PAGE) -> Page[SourceView]:
        """Graded sources, most claims first."""
        start = (_cursor(cursor, 1) or (0,))[0]
        if not isinstance(start, int) or start < 0:
            raise BadArgumentError(f"cursor {cursor!r} is not one this ledger gave")
        grades = self.store.source_grades()
        size = _limit(limit)
        page = grades[start : start + size]
        more = start + size < len(grades)
        items = tuple(
            SourceView(
                clean_name(g.name) or g.name, g.reliability, g.reasons, g.claims,
                g.corroborated, g.contested, g.denied,
            )
            for g in page
        )  # fmt: skip
        return Page(items, _encode((start + size,)) if more else None)

    def places(self, *, limit: int = MAX_PAGE) -> list[PlaceView]:
        """Places where current claims are, with claim and article counts, most claims first."""
        return [PlaceView(**vars(p)) for p in self.store.place_counts("place", _limit(limit))]

    def units(self, *, limit: int = MAX_PAGE) -> list[PlaceView]:
        """Military units current claims name, with claim and article counts."""
        return [PlaceView(**vars(p)) for p in self.store.place_counts("unit", _limit(limit))]

    def timeline(self, what: str | None = None) -> dict[str, Any]:
        """Claim volume per day, the counted things, and the figures of one counted thing
        (``what``; by default the most stated) by day and source, for the timeline."""
        things = self.store.counted_things()
        chosen = what or (things[0][0] if things else None)
        figures = self.store.figures_of(chosen) if chosen else []
        keys = self._article_keys(cid.rsplit(":", 1)[0] for _, _, _, cid in figures)
        return {
            "per_day": [{"day": d, "claims": n} for d, n in self.store.claims_per_day()],
            "counted": [{"what": w, "figures": n} for w, n in things],
            "what": chosen,
            "figures": [
                {"day": day, "source": clean_name(src) or src, "value": value,
                 "claim": public_claim_id(keys.get(cid.rsplit(":", 1)[0], cid), cid)}
                for day, src, value, cid in figures
            ],
        }  # fmt: skip

    def copies_of(self, claims: Iterable[ClaimView]) -> dict[str, str]:
        """For the articles of these claims that republish another: (user id of the copy, user
        id of the article it copies)."""
        internal = {c.key.rsplit(":", 1)[0]: c.article for c in claims}
        found = self.store.copies(list(internal))
        keys = self._article_keys(o for o, _ in found.values())
        return {internal[d]: keys.get(o, o) for d, (o, _) in found.items()}

    def search(self, text: str, *, limit: int = DEFAULT_PAGE) -> list[SearchHitView]:
        """Articles and claims holding every word of ``text`` (full-text), best first."""
        if not text or not text.strip():
            raise BadArgumentError("search: give some words to search for")
        hits = self.store.search(text, _limit(limit))
        keys = self._article_keys([h.doc_id for h in hits])
        out = []
        for h in hits:
            article = keys.get(h.doc_id, h.doc_id)
            hit_id = article if h.kind == "article" else public_claim_id(article, h.id)
            out.append(SearchHitView(h.kind, hit_id, article, h.snippet))
        return out

    # ------------------------------------------------------------------ ids and views

    def _doc_id(self, article_id: str) -> str:
        """The internal key of the current version of the article the user names (its id, URL
        or path; an internal key is accepted too)."""
        found = self.store.current_doc_id(article_id)
        if found is None and self.store.article(article_id) is not None:
            found = article_id
        if found is None:
            raise NotFoundError(
                f"no article {article_id!r} in {self.path}; `claimledger articles` lists ids"
            )
        return found

    def _claim_key(self, claim_id: str) -> str:
        if self.store.claims([claim_id]):
            return claim_id  # an internal id
        parts = split_claim_id(claim_id)
        listed = "`claimledger claims` lists ids"
        if parts is None:
            raise NotFoundError(
                f"no claim {claim_id!r} in {self.path}; {listed} (a claim id is its article's "
                "id, a colon and its number, e.g. 'report-12:c3')"
            )
        article, n = parts
        doc_id = self.store.current_doc_id(article)
        if doc_id is None:
            raise NotFoundError(
                f"no claim {claim_id!r} in {self.path} (no article {article!r}); {listed}"
            )
        return f"{doc_id}:{n}"

    def _article_keys(self, doc_ids: Iterable[str]) -> dict[str, str]:
        missing = sorted({d for d in doc_ids if d not in self._keys})
        if missing:
            self._keys.update(self.store.article_keys(missing))
        return self._keys

    def _claims_of(self, doc_id: str) -> list[ClaimRecord]:
        return sorted(self.store.claims(self.store.claim_ids_of([doc_id])), key=lambda c: c.seq)

    def _article(self, r: ArticleRecord, claims: int | None = None) -> ArticleView:
        self._keys[r.doc_id] = r.article_key
        return ArticleView(
            id=r.article_key, key=r.doc_id, version=r.version, title=clean_name(r.title),
            outlet=clean_name(r.outlet), published=r.published, url=r.url,
            ingested_at=r.ingested_at, claims=claims,
        )  # fmt: skip

    def _claims(self, records: Iterable[ClaimRecord]) -> list[ClaimView]:
        records = list(records)
        self._article_keys(r.doc_id for r in records)
        return [self._claim(r) for r in records]

    def _claim(self, c: ClaimRecord) -> ClaimView:
        article = self._article_keys([c.doc_id]).get(c.doc_id, c.doc_id)
        return ClaimView(
            id=public_claim_id(article, c.id), key=c.id, article=article, content=c.content,
            speaker=clean_name(c.speaker_name), speaker_kind=c.speaker_kind,
            chain=tuple(clean_name(n) or n for n, _ in c.chain), origin=clean_name(c.origin),
            hedged=c.hedged, verification=c.verification, polarity=c.polarity,
            outlet=clean_name(c.outlet), published=c.published, cluster=c.cluster_id,
            stance=c.stance, places=c.mentions,
            quantities=tuple(
                QuantityView(q.id, q.text, q.value, q.low, q.high, q.unit, q.what,
                             q.period_start, q.period_end, q.per)
                for q in c.quantities
            ),
        )  # fmt: skip

    def _checks(self, checks: Iterable[Check]) -> list[CheckView]:
        checks = list(checks)
        claim_ids = sorted({c for ch in checks for c in ch.claim_ids})
        keys = self._article_keys(c.rsplit(":", 1)[0] for c in claim_ids)
        public = {c: public_claim_id(keys.get(c.rsplit(":", 1)[0], c), c) for c in claim_ids}
        return [
            CheckView(ch.id, ch.kind, ch.verdict, ch.figures, ch.explanation,
                      tuple(public[c] for c in ch.claim_ids))
            for ch in checks
        ]  # fmt: skip


class Extractor:
    """Extraction without a ledger: ``extract(article) -> Extraction``. The model is loaded
    when the first article is extracted, once per process."""

    def __init__(self, batch_size: int = 8) -> None:
        self.batch_size = batch_size

    def extract(self, article: Article) -> Extraction:
        """Extract one article; ExtractionError (or TooLongError) when it cannot be."""
        return next(iter(self.extract_all([article])))

    def extract_all(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extract articles in order, raising the first article's error that cannot be."""
        from claimledger.pipeline import extract_articles

        for outcome in extract_articles(list(articles), batch_size=self.batch_size):
            if isinstance(outcome, ExtractionError):
                raise outcome
            yield outcome


# ---------------------------------------------------------------------- arguments


def _user_id(article: Article) -> str:
    from claimledger.ledger import article_key

    return article_key(article)


def _cluster(k: Cluster) -> ClusterView:
    return ClusterView(
        k.id, k.assessment, k.independent_origins,
        tuple(clean_name(o) or o for o in k.origins), k.reasons, k.size,
    )  # fmt: skip


def _limit(limit: int) -> int:
    if not isinstance(limit, int) or limit < 1:
        raise BadArgumentError(f"limit {limit!r}: give a whole number from 1 to {MAX_PAGE}")
    return min(limit, MAX_PAGE)


def _choice(name: str, value: str | None, allowed: tuple[str, ...]) -> str | None:
    if value is None or value == "":
        return None
    if value not in allowed:
        raise BadArgumentError(f"{name} {value!r}: use one of {', '.join(allowed)}")
    return value


def _date(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    if not _ISO_DATE.match(value):
        raise BadArgumentError(f"{name} {value!r}: give a date as YYYY-MM-DD")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise BadArgumentError(f"{name} {value!r}: no such date; give one as YYYY-MM-DD") from None
    return value


def _encode(key: tuple[Any, ...] | None) -> str | None:
    if key is None:
        return None
    raw = json.dumps(list(key), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _cursor(cursor: str | None, size: int) -> tuple[Any, ...] | None:
    """The key a cursor holds; InputError for anything this ledger did not give out."""
    if cursor is None or cursor == "":
        return None
    bad = BadArgumentError(
        f"cursor {cursor!r} is not one this ledger gave; start again without a cursor"
    )
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError):
        raise bad from None
    if (
        not isinstance(key, list)
        or len(key) != size
        or not all(isinstance(k, int | str) and not isinstance(k, bool) for k in key)
    ):
        raise bad
    return tuple(key)
