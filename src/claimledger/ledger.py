"""The ledger: store articles and keep the cross-article analysis up to date as they arrive.

Each article is stored, and the analysis it triggers is done, in one transaction: the clusters
its claims join or start, the assessment of those clusters, the credibility of the claims in the
clusters that changed and the reliability of their sources. The numeric checks of its figures
follow in transactions of their own, ``CHECK_CHUNK`` figures each, so that a long article's
hundreds of figures do not hold the write lock (other writers wait on it) for seconds: the
article is marked as having checks pending in the first transaction, the mark records how far
the checks got, and an interrupted run's checks are finished by the next ingest. Nothing else is
recomputed, so an update costs the same in a ledger of any size.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from claimledger.analyze.clusters import assign_claims
from claimledger.analyze.copies import Signature, is_copy, signature
from claimledger.analyze.descriptors import conflicts
from claimledger.analyze.grades import PriorOf, grade_source
from claimledger.analyze.numbers import (
    Stated,
    comparable,
    compare,
    counted,
    counterpart,
    day_of,
    in_checked_unit,
)
from claimledger.analyze.origins import OwnerOf, assess, opposed
from claimledger.analyze.proposition import (
    BODY_FILLER,
    body_words,
    fold_name,
    names_a_body,
    names_someone,
    source_variants,
)
from claimledger.analyze.terms import terms
from claimledger.models import Article, Extraction
from claimledger.registry.hooks import registry_hooks
from claimledger.settings import Settings, load_settings, shipped_settings
from claimledger.store.base import Store
from claimledger.store.records import ClaimRecord, QuantityRecord

log = logging.getLogger(__name__)
QUANTITY_PER_TERM = 50
CONTEXT_TERMS = 4  # rarest content terms of the claim stating a figure, to find its peers
CHECK_CHUNK = 100  # figures of an article checked per transaction


@dataclass(frozen=True)
class IngestOutcome:
    doc_id: str
    status: str  # "new", "new-version" or "unchanged"
    claims: int


def article_key(article: Article) -> str:
    """What identifies "the same article" across versions: its record's id, else its url, else
    the path of the file that is the article; else its text, and no earlier version is known.

    A path shared by many articles (a JSON Lines file, a feed, stdin) identifies none of them, and
    the id a text or HTML file is given (its name, "index") is only unique with its folder.
    """
    src = article.source
    if src.path and src.path != "-" and src.id == Path(src.path).stem:
        return src.url or str(Path(src.path).resolve())  # the file is the article
    return src.id or src.url or article.doc_id


def _no_owner(name: str) -> str | None:
    return None


def _no_prior(name: str) -> tuple[str, str] | None:
    return None


class Ledger:
    """A ledger over a store, with the registry lookups the analysis needs."""

    def __init__(
        self,
        store: Store,
        owner_of: OwnerOf = _no_owner,
        prior_of: PriorOf = _no_prior,
        outlet_id_of: Callable[[str], str | None] = lambda name: None,
        speaks_for: Callable[[str], str | None] = lambda name: None,
        metonym_of: Callable[[str], str | None] = lambda name: None,
        side_of: Callable[[str], str | None] = lambda name: None,
        official_of: Callable[[str], str | None] = lambda name: None,
        canonical: Callable[[str], str | None] = lambda name: None,
        body_of: Callable[[str], str | None] = lambda name: None,
        seats_of: Callable[[str], frozenset[str]] = lambda name: frozenset(),
        settings: Settings | None = None,
    ) -> None:
        self.store = store
        self.settings = settings or shipped_settings()  # the thresholds of the analysis
        self._resumed = False  # the checks an interrupted run left have been finished
        self.owner_of = owner_of
        self.prior_of = prior_of
        self.outlet_id_of = outlet_id_of
        self._registered_for = speaks_for
        self.metonym_of = metonym_of
        self.side_of = side_of
        self.official_of = official_of
        self.canonical = canonical
        self.body_of = body_of  # a registered body's name (origins shown as written: assess)
        self.seats_of = seats_of
        self._learned: dict[str, str] = {}  # person key -> principal (``affiliations``)
        self._counts: dict[str, Counter[str]] = {}  # person key -> principals, how often
        self._learned_rows = -1  # the affiliation rows the map was read from

    # ------------------------------------------------------------------ who speaks for whom

    def speaks_for(self, name: str) -> str | None:
        """The principal whose line ``name``'s statements belong to: the registry's (a
        registered spokesperson, a press office), else the one the ledger's articles name
        ("FBI Director James Comey", "Clinton's communications director, Jennifer Palmieri")."""
        return self._registered_for(name) or self._learned.get(_person_key(name))

    def _source_name(self, name: str) -> str | None:
        """The name two claims' sources are compared by when clustering: a state named by its
        name, capital or seat ("Russia", "Moscow", "the Kremlin") as the state ("@RU")."""
        registered = self._registered_for(name)
        if (state := self.metonym_of(registered or name)) is not None:
            return f"@{state}"  # the Kremlin's registered spokesman speaks for the state
        return self.speaks_for(name) or self.canonical(name)

    def source_namer(self) -> Callable[[str], str | None]:
        """The names clustering compares sources by, with every affiliation the store holds
        learned (for diagnostics that read a ledger without ingesting into it)."""
        self._counts, self._learned = {}, {}
        self._learn(self.store.affiliations())
        self._learned_rows = self.store.affiliation_count()
        return self._source_name

    def _refresh_learned(self, extraction: Extraction, replaced: Sequence[str]) -> None:
        """Bring the learned affiliations up to date after storing ``extraction``: its own rows
        are added in memory; the whole table is read again only when it holds rows this
        process has not seen (another writer's articles) or a version was replaced. Each
        person's most named principal counts, none on a tie."""
        own = extraction.affiliations()
        rows = self.store.affiliation_count()
        if replaced or self._learned_rows < 0 or rows != self._learned_rows + len(own):
            self._counts, self._learned = {}, {}
            found = self.store.affiliations()
        else:
            found = sorted(own)
        self._learn(found)
        self._learned_rows = rows

    def _learn(self, found: Iterable[tuple[str, str]]) -> None:
        """Count each (person, principal) row; a person's most named principal counts, none
        on a tie."""
        for person, principal in found:
            key = _person_key(person)
            self._counts.setdefault(key, Counter())[principal] += 1
            if (best := _one_most(self._counts[key])) is not None:
                self._learned[key] = best
            else:
                self._learned.pop(key, None)

    def ingest(self, extraction: Extraction) -> IngestOutcome:
        """Store one article and update the analysis; a no-op for an article already stored."""
        article = extraction.article
        self.finish_pending()
        # Work that reads nothing stored is done before the write transaction, which holds the
        # ledger's write lock (other writers wait): the text's hash (doc_id, cached on the
        # Article), its copy signature, the outlet lookup. What reads the ledger stays inside.
        key, doc_id = article_key(article), article.doc_id
        sig = signature(article.text)
        outlet_id = self.outlet_id_of(article.source.outlet) if article.source.outlet else None
        with self.store.transaction():
            status, replaced = self.store.article_status(doc_id, key)
            if status == "unchanged":
                return IngestOutcome(doc_id, status, 0)
            now = datetime.now(UTC).isoformat(timespec="seconds")
            self.store.put_article(extraction, key, outlet_id, now)
            self._refresh_learned(extraction, replaced)
            self._find_copy(article, sig)
            self._compare_descriptors(extraction)
            self._compare_affiliations(extraction)
            changed = set(self._retire(replaced))
            changed |= assign_claims(
                self.store, self.store.claim_ids_of([doc_id]), self._source_name,
                self.settings.clusters,
            )  # fmt: skip
            self._reassess(changed, now)
            if extraction.quantities:
                self.store.put_pending_checks(doc_id)
        if extraction.quantities:
            try:
                self._check_figures(doc_id)
            except BaseException:
                self._resumed = False  # the next ingest finishes them
                raise
        log.info("ingested %s (%s): %d claims", doc_id, status, len(extraction.claims))
        return IngestOutcome(doc_id, status, len(extraction.claims))

    def stored(self, article: Article) -> bool:
        """Whether this very article (its text, under its key) is stored: ingesting it again
        is a no-op, and extracting it is work thrown away."""
        return self.store.article_status(article.doc_id, article_key(article))[0] == "unchanged"

    def ingest_all(self, extractions: Iterable[Extraction]) -> list[IngestOutcome]:
        return [self.ingest(e) for e in extractions]

    # ------------------------------------------------------------------ steps

    def _retire(self, replaced: Sequence[str]) -> list[str]:
        """Older versions stay queryable but leave the analysis; the clusters they leave."""
        if not replaced:
            return []
        old_quantities = [q.id for q in self.store.quantities_of_docs(replaced)]
        self.store.delete_checks_of(old_quantities)
        self.store.done_checks(replaced)  # an older version's unfinished checks are not wanted
        return self.store.detach(self.store.claim_ids_of(replaced))

    def _compare_descriptors(self, extraction: Extraction) -> None:
        """Record where the article's descriptors of a person and another article's cannot both
        be true ("a commander" / "the municipal employee"; ``analyze/descriptors.py``), on both
        articles. Only people named in two words or more: a surname alone may be two people."""
        here = extraction.article
        doc_id = here.doc_id
        root = self.store.copies([doc_id]).get(doc_id, (doc_id, 1.0))[0]
        mine = _per(here.source.outlet, here.source.published, doc_id)
        for person in extraction.people:
            if not person.roles or len(person.name.split()) < 2:
                continue
            found = self.store.person_roles(person.name)
            roots = self.store.copies([other for other, *_ in found])
            for other, outlet, published, said in found:
                if other == doc_id or roots.get(other, (other, 1.0))[0] == root:
                    continue  # the article itself, or a copy of it
                theirs_at = _per(outlet, published, other)
                for own, theirs in conflicts(person.roles, said):
                    self.store.put_descriptor_conflict(
                        doc_id, person.name, own, f"{theirs} ({theirs_at})"
                    )
                    self.store.put_descriptor_conflict(
                        other, person.name, theirs, f"{own} ({mine})"
                    )

    def _compare_affiliations(self, extraction: Extraction) -> None:
        """Record where an article names another body than the ledger's others do as the one
        a person speaks for ("a spokeswoman for the World Health Organization" where two
        articles name UNRWA): once a body is named for the person by two reports (copies of
        one report count once) and more often than any other, each article naming a different
        body gets a descriptor conflict. The person's conflicts of this kind are made again
        from all their articles on each arrival naming them, so the order articles come in
        does not change them. Precision first: bodies only (never a person: "Clinton's
        spokesman", "Bill Clinton's"), named in two words or more or by an acronym, and not
        one body by other words ("the Foreign Ministry", "the Ministry of Foreign Affairs of
        Russia"; ``_same_body``)."""
        for key in sorted({_person_key(person) for person, _ in extraction.affiliations()}):
            counts = self._counts.get(key)
            if not counts:
                continue
            rows = [
                (doc_id, written, principal)
                for principal in sorted(counts)
                for doc_id, written in self.store.affiliated(principal)
                if _person_key(written) == key
            ]
            self.store.delete_descriptor_conflicts(
                sorted({written for _, written, _ in rows}), AFFILIATION_CONFLICT
            )
            target = _fold_map(counts)
            roots = self.store.copies([doc_id for doc_id, _, _ in rows])
            reports: dict[str, set[str]] = {}
            for doc_id, _, principal in rows:
                reports.setdefault(target[principal], set()).add(
                    roots.get(doc_id, (doc_id, 1.0))[0]
                )
            ranked = sorted(((len(r), name) for name, r in reports.items()), reverse=True)
            if not ranked:
                continue
            n, top = ranked[0]
            if n < 2 or (len(ranked) > 1 and ranked[1][0] == n) or not _body_name(top):
                continue
            for doc_id, written, principal in rows:
                other = target[principal]
                if other == top or not _body_name(other) or _same_body(top, other):
                    continue
                self.store.put_descriptor_conflict(
                    doc_id, written, AFFILIATION_CONFLICT + principal,
                    f"{top} (as other reports name it)",
                )  # fmt: skip

    def _find_copy(self, article: Article, sig: Signature | None) -> None:
        """Record the article's signature (of its text); when it republishes an earlier article
        (``copies.py``), record the report it belongs to (the earliest article of its copies)."""
        if sig is None:
            return
        best: tuple[float, str] | None = None
        for doc_id, other in self.store.similar_articles(sig):
            similarity = (
                is_copy(sig, other, self.settings.copies) if doc_id != article.doc_id else None
            )
            if similarity is not None and (best is None or similarity > best[0]):
                best = (similarity, doc_id)
        self.store.put_signature(article.doc_id, sig)
        if best is not None:
            root = self.store.copies([best[1]]).get(best[1], (best[1], 1.0))[0]
            self.store.put_copy(article.doc_id, root, best[0])
            log.info("%s republishes %s (similarity %.2f)", article.doc_id, root, best[0])

    def _reassess(self, cluster_ids: Iterable[str], now: str) -> None:
        sources: set[str] = set()
        for cluster_id in sorted(cluster_ids):
            members = self.store.claims(self.store.cluster_member_ids(cluster_id))
            if not members:
                self.store.delete_cluster(cluster_id)
                continue
            linked = self.store.contradictions(cluster_id)
            counter = self.store.claims(sorted({other for _, other in linked}))
            copies = self.store.copies([m.doc_id for m in members])
            cluster = assess(
                cluster_id,
                members,
                self.owner_of,
                self.speaks_for,
                self.metonym_of,
                self.side_of,
                counter,
                {doc: of for doc, (of, _) in copies.items()},
                official_of=self.official_of,
                body_of=self.body_of,
            )
            self.store.put_cluster(cluster, now)
            opposing = opposed(members)
            for m in members:
                stance = "against" if m.id in opposing else "for"
                if self.store.set_outcome(m, stance, cluster.assessment) and m.origin:
                    sources.add(m.origin)  # its track record changed
        done: set[str] = set()
        for name in sorted(sources):
            if name not in done:
                done |= self._grade(name)

    def _grade(self, name: str) -> set[str]:
        """Grade a source over all the names it goes by in the ledger ("Hillary Rodham Clinton",
        "Hillary Clinton"; "Lavrov", "Ławrow"): one track record, under its most used name.
        Names that name no one (pronouns, "officials", page furniture) and descriptions
        ("Ukrainian officials", "a brigade commander") are never graded. The names handled."""
        named = names_someone(self.canonical(name) or name) or self.outlet_id_of(name)
        variants = source_variants(name, self.store.tallied_names, self.canonical) if named else []
        if not variants:  # no one, or a description ("Ukrainian officials"): never graded
            self.store.delete_source_grades([name])
            return {name}
        outlets = {v for v in variants if self.outlet_id_of(v)}
        if outlets and len(outlets) < len(variants):  # "The Guardian" is not "Don Guardian"
            variants = sorted(outlets if name in outlets else set(variants) - outlets)
        tallies = {v: self.store.source_tally(v) for v in variants}
        total: Counter[str] = Counter()
        for tally in tallies.values():
            total.update(tally)
        shown = max(variants, key=lambda v: (sum(tallies[v].values()), len(v), v))
        prior = next((p for v in variants if (p := self.prior_of(v))), None)
        self.store.delete_source_grades([v for v in variants if v != shown])
        grade = grade_source(shown, total, prior, self.settings.grades.min_record)
        if len(variants) > 1:
            others = ", ".join(sorted(v for v in variants if v != shown))
            grade = replace(grade, reasons=(*grade.reasons, f"also named {others}"))
        self.store.put_source_grade(grade)
        return set(variants)

    def finish_pending(self) -> None:
        """Finish the figure checks an interrupted run (or another writer) left unfinished, once
        per ledger opened for writing."""
        if self._resumed:
            return
        self._resumed = True
        for doc_id, _ in self.store.pending_checks():
            log.info("finishing the figure checks of %s", doc_id)
            self._check_figures(doc_id)

    def _check_figures(self, doc_id: str) -> None:
        """Compare the article's figures with figures of other articles (and its own) that count
        the same thing; candidates share a term of what they count or of the claim stating them.
        ``CHECK_CHUNK`` figures per transaction, each recording how far the checks got (running
        a part again writes the same index rows and checks)."""
        while True:
            with self.store.transaction():
                checked = dict(self.store.pending_checks()).get(doc_id)
                if checked is None:
                    return  # none pending (no figures, or another writer finished them)
                own = self.store.quantities_of_docs([doc_id])
                seen = _FigureReads(self.store, self.seats_of)
                part = own[checked : checked + CHECK_CHUNK]
                indexed = own if checked == 0 else part  # the first part indexes them all
                seen.load([q.id for q in indexed])
                keys = {q.id: self._figure_keys(q, seen) for q in indexed}
                if checked == 0:
                    for q in own:
                        self.store.put_terms("quantity_terms", q.id, keys[q.id])
                for q in part:
                    ids = self.store.candidates("quantity_terms", keys[q.id], "", QUANTITY_PER_TERM)
                    others = seen.quantities([i for i in ids if i != q.id])
                    self._compare(q, others, seen)
                if checked + CHECK_CHUNK >= len(own):
                    self.store.done_checks([doc_id])
                    return
                self.store.put_pending_checks(doc_id, checked + CHECK_CHUNK)

    def _figure_keys(self, q: QuantityRecord, seen: _FigureReads) -> list[str]:
        """What a figure is indexed and looked up by: the terms of what it counts, and the
        rarest content terms of the claim stating it."""
        text = seen.stated(q).text or ""
        context = terms(text)
        counts = self.store.term_counts(context)
        rare = sorted(set(context), key=lambda t: (counts.get(t, 0), t))[:CONTEXT_TERMS]
        return sorted(counted(q.what, text or None)) + [f"c:{t}" for t in rare]

    def _compare(
        self, q: QuantityRecord, others: Sequence[QuantityRecord], seen: _FigureReads
    ) -> None:
        seen.load([q.id, *[o.id for o in others]])
        at_q = seen.stated(q)
        mine = in_checked_unit(q)  # miles as kilometres, once for all its candidates
        for other in others:
            if other.doc_id == q.doc_id and other.id < q.id:
                continue  # a pair within one article is checked once
            if set(seen.stating[q.id]) & set(seen.stating[other.id]):
                continue  # two figures of one claim are two different things
            at_other = seen.stated(other)
            theirs = in_checked_unit(other)
            if not comparable(mine, theirs, at_q, at_other, self.settings.figures):
                continue
            claim_ids = tuple(seen.stating[q.id] + seen.stating[other.id])
            check = compare(mine, theirs, claim_ids, at_q, at_other, self.settings.figures)
            if check is None:
                continue
            if check.verdict == "tension" and counterpart(
                q, other, seen.beside(q), seen.beside(other)
            ):
                continue  # a claim with two states side by side, one of them the other's
            self.store.put_check(check)


class _FigureReads:
    """What the figure checks of one arrival read from the ledger, each read once: figures, the
    claims stating them and where each is stated. An article of hundreds of figures compares
    each with hundreds of candidates, mostly the same ones: reading them per figure would cost
    the square of its figures (nothing read here changes during the checks)."""

    CHUNK = 500  # ids per query: SQLite caps the variables of one statement

    def __init__(
        self, store: Store, seats_of: Callable[[str], frozenset[str]] = lambda name: frozenset()
    ) -> None:
        self.store = store
        self.seats_of = seats_of
        self.stating: dict[str, list[str]] = {}
        self.claims: dict[str, ClaimRecord] = {}
        self._quantities: dict[str, QuantityRecord] = {}
        self._published: dict[str, date | None] = {}
        self._stated: dict[str, Stated] = {}

    def quantities(self, ids: Sequence[str]) -> list[QuantityRecord]:
        missing = [i for i in ids if i not in self._quantities]
        for q in self.store.quantities(missing) if missing else []:
            self._quantities[q.id] = q
        return [self._quantities[i] for i in ids if i in self._quantities]

    def load(self, quantity_ids: Sequence[str]) -> None:
        """Read the claims stating these figures, those not read yet."""
        missing = [i for i in dict.fromkeys(quantity_ids) if i not in self.stating]
        for k in range(0, len(missing), self.CHUNK):
            part = missing[k : k + self.CHUNK]
            found = self.store.claims_stating(part)
            for i in part:
                self.stating[i] = found.get(i, [])
        unread = sorted({c for i in missing for c in self.stating[i]} - set(self.claims))
        for claim in self.store.claims(unread) if unread else []:
            self.claims[claim.id] = claim

    def beside(self, x: QuantityRecord) -> list[QuantityRecord]:
        """The figures of the claims stating ``x`` (``x`` among them); ``load`` has read them."""
        claims = [self.claims[c] for c in self.stating.get(x.id, []) if c in self.claims]
        return [q for c in claims for q in c.quantities]

    def stated(self, x: QuantityRecord) -> Stated:
        """Where a figure is stated; ``load`` has read its claims."""
        if x.id in self._stated:
            return self._stated[x.id]
        if x.doc_id not in self._published:
            article = self.store.article(x.doc_id)
            self._published[x.doc_id] = day_of(article.published if article else None)
        found = [self.claims[c] for c in self.stating.get(x.id, []) if c in self.claims]
        at = Stated(
            doc_id=x.doc_id,
            published=self._published[x.doc_id],
            text=" ".join(c.content for c in found) or None,
            speakers=tuple(dict.fromkeys(c.origin or c.speaker_name or "?" for c in found)),
            places=frozenset(name.lower() for c in found for _, name in c.spelled),
            clusters=frozenset(c.cluster_id for c in found if c.cluster_id),
            around=frozenset(m.lower() for c in found if not c.spelled for m in c.mentions),
            seats=frozenset(p for c in found for p in self.seats_of(c.origin or "")),
        )
        self._stated[x.id] = at
        return at


def _per(outlet: str | None, published: str | None, doc_id: str) -> str:
    """Where a descriptor is written: "per AFP, 2024-11-05, <doc id>"."""
    return f"per {outlet or doc_id}, {published[:10] if published else 'undated'}, {doc_id}"


def _person_key(name: str) -> str:
    """A person's name as learned affiliations are keyed: lower case, without initials and
    honorifics ("James B. Comey" and "James Comey" are one key)."""
    words = [w.strip(".,").lower() for w in name.split()]
    return " ".join(
        fold_name(w) for w in words if len(w) > 1 and w not in ("mr", "mrs", "ms", "dr")
    )  # transliterations folded: "Anton Bychkouski" is "Anton Bychkovsky"


def _fold_map(counts: Counter[str]) -> dict[str, str]:
    """Each name to the longer one it is the end or the initials of ("Judiciary Committee",
    "RNC" to "House Judiciary Committee", "Republican National Committee"), or to itself."""
    out = {}
    for name in counts:
        longer = [o for o in counts if o != name and _short_for(name, o)]
        out[name] = max(longer, key=len) if len(longer) == 1 else name
    return out


def _folded(counts: Counter[str]) -> Counter[str]:
    """The counts with each name folded (``_fold_map``)."""
    folded: Counter[str] = Counter()
    for name, target in _fold_map(counts).items():
        folded[target] += counts[name]
    return folded


def _one_most(counts: Counter[str]) -> str | None:
    """The principal named most often (``_folded``); None on a tie between two bodies."""
    ranked = _folded(counts).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _short_for(short: str, name: str) -> bool:
    words, full = short.lower().split(), name.lower().split()
    if len(words) < len(full) and full[-len(words) :] == words:
        return True
    initials = "".join(w[0] for w in full if w not in ("of", "the", "and", "for"))
    return len(words) == 1 and len(initials) > 1 and words[0] == initials


AFFILIATION_CONFLICT = "speaks for "  # the descriptor of a conflict over whom a person speaks for


def _body_name(name: str) -> bool:
    """A body's proper name: an acronym ("UNRWA") or two words or more with an organisation
    word ("World Health Organization", "Border Guard"), no person's name."""
    if "," in name:
        return False
    if re.fullmatch(r"[A-Z]{2,}", name):
        return True
    return len(name.split()) >= 2 and names_a_body(name)


def _same_body(a: str, b: str) -> bool:
    """One body by other words: the words of one (past "the", "of", a state's name or
    demonym) all among the other's ("Foreign Ministry" in "Ministry of Foreign Affairs of
    Russia"), or the end or initials of the other."""
    if _short_for(a, b) or _short_for(b, a) or _initials_in(a, b) or _initials_in(b, a):
        return True
    wa, wb = body_words(a), body_words(b)
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def _initials_in(acronym: str, name: str) -> bool:
    """``name``'s initials inside an acronym: "National Committee" may be the "RNC"."""
    if not re.fullmatch(r"[A-Z]{2,}", acronym):
        return False
    words = [w for w in name.split() if w.lower() not in BODY_FILLER]
    initials = "".join(w[0] for w in words).upper()
    return len(initials) >= 2 and initials in acronym


def open_ledger(store: Store, settings: Settings | None = None) -> Ledger:
    """A ledger over ``store`` with the registry's lookups for outlets, owners and priors, and
    ``settings`` (default: the shipped ones with ``$CLAIMLEDGER_SETTINGS`` over them)."""
    hooks = registry_hooks()
    return Ledger(
        store,
        owner_of=hooks.owner,
        prior_of=hooks.prior,
        outlet_id_of=hooks.outlet_id,
        speaks_for=hooks.speaks_for,
        metonym_of=hooks.metonym,
        side_of=hooks.side,
        official_of=hooks.official,
        # grades: a spokesperson's are the body's, the head of an organisation keeps their own
        canonical=lambda name: hooks.speaks_for(name, heads=False) or hooks.canonical(name),
        body_of=hooks.body,
        seats_of=hooks.seats,
        settings=settings or load_settings(),
    )
