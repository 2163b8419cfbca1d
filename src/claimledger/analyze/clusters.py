"""Claim clusters: claims of different articles that state the same proposition.

Incremental single-link clustering. When an article arrives, each of its claims is compared
with the claims of other articles that share one of its rarest terms or one of the figures it
states (at most ``PER_TERM`` of the newest per term, so the cost of an update does not grow with
the ledger). The similarity
of two claims is

    idf-weighted Dice overlap of their content terms (``terms.py``; a place or unit the content
    names is one term however it is spelled)
    + PLACE_BONUS when they are about a common settlement or unit, - PLACE_PENALTY when both
      are about settlements or units and share none (Vovchansk is not Kupiansk); a claim that
      names none is about those of its article ("the village")
    + VALUE_BONUS when both state the same figure (within 5%); else - PART_PENALTY when they
      state figures of the same counted thing for periods one inside the other (an event and
      the week's tally); else FIGURE_BONUS when both state figures of the same counted thing
    - TIME_PENALTY when their articles were published more than MAX_DAYS apart; and a claim
      joins a cluster only while at least half of its newest members (``MAX_MEMBERS``) are
      within MAX_DAYS of it (a story ends, and one stray recent member does not keep it open
      for a chain of look-alike events), which also keeps the cost of an update bounded. A
      claim quoting the same source with ``SAID_AGAIN_RUN`` words in a row (``requoted``) is
      neither penalised nor held back by time: it is one statement reported again. Two sources
      quoted with the same rare words are one statement relayed only within MAX_DAYS.

A candidate cluster is close enough when the mean of the claim's best and its average
similarity to the cluster's members (between single and average link: one close pair counts,
but a loose chain does not pull two stories together) reaches ``THRESHOLD``. Of the clusters
close enough, the claim joins the one holding the claim most similar to it (so a one-claim
cluster, whose average is its best, does not win over a larger cluster with a nearer claim);
if none is close enough, it starts a cluster of its own. Different figures for the same thing
stay in one cluster (they are compared by ``numbers.py``). The threshold was set on the
labelled scenario corpus in ``tests/data/scenario`` (pairwise precision/recall in the gate).
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from claimledger.analyze.proposition import (
    SAID_AGAIN_RUN,
    THRESHOLDS,
    Canonical,
    Proposition,
    name_terms,
    negation_conflict,
    proposition,
    quote_bonus,
    quoted_runs,
    relation,
    shares_quotation,
)
from claimledger.analyze.terms import terms
from claimledger.store.base import Store
from claimledger.store.records import ClaimRecord

log = logging.getLogger(__name__)
PLACE_BONUS = 0.15
PLACE_PENALTY = 0.20
TIME_PENALTY = 0.20
MAX_DAYS = 10
FIGURE_BONUS = 0.05
VALUE_BONUS = 0.25
PART_PENALTY = 0.20
RARE_TERMS = 6
PER_TERM = 40
SHORTLIST = 5  # candidate clusters compared member by member
MAX_MEMBERS = 50  # members compared per candidate cluster (the newest)
VALUE_KEYS = 2  # figures a claim is also looked up by, besides its rarest terms
MIN_KEY_VALUE = 10  # smaller figures are too common to find a claim by
RESTATED = 0.65  # similarity at which a claim restates another of its own article and speaker
# content terms two claims share at least to be one proposition ("I hope so" / "I hope not"; "not
# trump the Second Amendment" / "all for the Second Amendment"; one speaker's "I hope to" and "we
# hope that our nominee..."), unless one source is quoted with the same words in both
MIN_SHARED = {"same": 2, "unknown": 2, "different": 3}


@dataclass(frozen=True)
class Match:
    cluster_id: str | None  # None: the claim starts a cluster of its own
    similarity: float
    contradicts: tuple[str, ...] = ()  # ids of claims of other sources it negates


def idf(counts: dict[str, int], total: int) -> dict[str, float]:
    return {t: math.log((total + 1) / (c + 1)) + 1.0 for t, c in counts.items()}


def claim_terms(claim: ClaimRecord) -> list[str]:
    """The terms of a claim's content, with each place or unit it names as one term for the
    place itself, however it is spelled ("Kalinovoye" and "Kalynove" are "@kalynove")."""
    words = terms(claim.content)
    if not claim.spelled:
        return words
    spelled = {t for text, _ in claim.spelled for t in terms(text)}
    return [t for t in words if t not in spelled] + [
        "@" + "_".join(name.lower().split()) for _, name in claim.spelled
    ]


def value_keys(claim: ClaimRecord) -> list[str]:
    """The figures a claim states (10 or more) as index keys ("#185"): claims that give the same
    figure in other words ("185 defenders came home", "swapped 185 prisoners") are candidates."""
    values = {v for q in claim.quantities for v in (q.value, q.low, q.high)}
    return sorted(f"#{v:g}" for v in values if v is not None and v >= MIN_KEY_VALUE)


def similarity(
    a: ClaimRecord, b: ClaimRecord, weights: dict[str, float], contained: bool = False
) -> float:
    """How close two claims' wording, places, figures and dates are; with ``contained``, a
    short claim stated inside a longer one counts half as if they were the same length (for
    claims of one source: a paraphrase of part of a long quotation)."""
    ta, tb = Counter(claim_terms(a)), Counter(claim_terms(b))
    if not ta or not tb:
        return 0.0
    shared = sum(min(ta[t], tb[t]) * weights.get(t, 1.0) for t in ta.keys() & tb.keys())
    total = sum(n * weights.get(t, 1.0) for t, n in (ta + tb).items())
    score = 2 * shared / total if total else 0.0
    smaller = min(sum(n * weights.get(t, 1.0) for t, n in x.items()) for x in (ta, tb))
    if contained and smaller:
        score = (score + shared / smaller) / 2  # a short claim restated inside a longer one
    ma, mb = {m.lower() for m in a.mentions}, {m.lower() for m in b.mentions}
    if ma and mb:
        if not ma & mb and a.spelled and b.spelled:
            return min(score - PLACE_PENALTY, 0.0)  # each names where it happened, elsewhere
        score += PLACE_BONUS if ma & mb else -PLACE_PENALTY
    if _same_value(a, b):
        score += VALUE_BONUS
    elif _part_and_whole(a, b):
        score -= PART_PENALTY
    elif _same_figures(a, b):
        score += FIGURE_BONUS
    gap = _days_apart(a.published, b.published)
    if gap is not None and gap > MAX_DAYS:
        score -= TIME_PENALTY
    return score


def _recent(claim: ClaimRecord, member: ClaimRecord) -> bool:
    """Published within ``MAX_DAYS`` of each other (dates unknown count as recent)."""
    gap = _days_apart(claim.published, member.published)
    return gap is None or gap <= MAX_DAYS


def _days_apart(a: str | None, b: str | None) -> int | None:
    try:
        return (
            abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) if a and b else None
        )
    except ValueError:
        return None


def _same_value(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Both state the same figure (within 5%): "87 drones" here and there; a small figure
    ("two residents", "two aircraft") only when it counts the same thing."""
    return any(
        x is not None and close_values(x, y)
        and (x >= MIN_KEY_VALUE or bool(set(terms(qa.what)) & set(terms(qb.what))))
        for qa in a.quantities for qb in b.quantities
        for x in (qa.value, qa.low, qa.high) for y in (qb.value, qb.low, qb.high)
    )  # fmt: skip


def close_values(x: float | None, y: float | None) -> bool:
    """The same figure, within 5% (figures of 1 or less are no evidence)."""
    return x is not None and y is not None and x > 1 and abs(x - y) <= 0.05 * max(x, y)


def _part_and_whole(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Figures of the same thing where one covers a stretch of time strictly inside the other's
    ("14 killed on Thursday" and "11 killed in the region that week"): an event and a tally,
    two propositions."""
    for qa in a.quantities:
        for qb in b.quantities:
            if not (qa.period_start and qa.period_end and qb.period_start and qb.period_end):
                continue
            if not set(terms(qa.what)) & set(terms(qb.what)):
                continue
            pa, pb = (qa.period_start, qa.period_end), (qb.period_start, qb.period_end)
            if pa != pb and (_inside(pa, pb) or _inside(pb, pa)):
                return True
    return False


def _inside(part: tuple[str, str], whole: tuple[str, str]) -> bool:
    return whole[0][:10] <= part[0][:10] and part[1][:10] <= whole[1][:10]


def _same_figures(a: ClaimRecord, b: ClaimRecord) -> bool:
    whats_a = {t for q in a.quantities for t in terms(q.what)}
    whats_b = {t for q in b.quantities for t in terms(q.what)}
    return bool(whats_a & whats_b)


def assign_claims(
    store: Store, claim_ids: Sequence[str], canonical: Canonical | None = None
) -> set[str]:
    """Index and cluster newly stored claims; the ids of the clusters that changed."""
    claims = store.claims(claim_ids)
    for claim in claims:
        store.put_terms("claim_terms", claim.id, claim_terms(claim) + value_keys(claim))
    total = max(store.claim_count(), 1)
    changed: set[str] = set()
    for claim in claims:
        match = best_match(store, claim, total, canonical)
        if match.cluster_id is None:
            cluster_id = f"k{store.next_id('cluster')}"
            store.assign(claim.id, cluster_id, 1.0)
        else:
            cluster_id = match.cluster_id
            store.assign(claim.id, cluster_id, match.similarity)
        changed.add(cluster_id)
        for other in store.claims(list(match.contradicts)):
            store.put_link(claim.id, other.id, "contradicts")
            if other.cluster_id:
                changed.add(other.cluster_id)
    return changed


def best_match(
    store: Store, claim: ClaimRecord, total: int, canonical: Canonical | None = None
) -> Match:
    """The cluster whose claims state the same proposition as ``claim``: of the candidate
    clusters, the one holding the member it matches by the widest margin (``proposition.py``:
    the evidence needed depends on whether the two have the same named source). A cluster holding
    a member of which the claim is the negation in close wording is not joined (the claim is
    that member's denial, a proposition of its own)."""
    own, figures = claim_terms(claim), value_keys(claim)
    counts = store.term_counts(own + figures)
    shared = [t for t in set(own) if counts.get(t, 0) > 1]  # terms some other claim has too
    rare = sorted(shared, key=lambda t: (counts[t], t))[:RARE_TERMS]
    rare += sorted((f for f in figures if counts.get(f, 0) > 1), key=lambda f: (counts[f], f))[
        :VALUE_KEYS
    ]
    ids = store.candidates("claim_terms", rare, claim.doc_id, PER_TERM)
    candidates = [c for c in store.claims(ids) if c.cluster_id]
    if not candidates:
        return Match(None, 1.0)
    weights = idf(
        store.term_counts({t for c in candidates for t in claim_terms(c)} | set(own)), total
    )
    mine = proposition(claim, canonical)
    best_pair: dict[str, float] = {}
    contradicts = []
    for c in candidates:
        assert c.cluster_id is not None
        gap, _, blocked = margin(claim, c, mine, None, weights, canonical)
        best_pair[c.cluster_id] = max(best_pair.get(c.cluster_id, -1.0), gap)
        if blocked and relation(mine, proposition(c, canonical)) != "same" and _recent(claim, c):
            contradicts.append(c.id)  # a denial or rebuttal (never by the claim's own source)
    shortlist = sorted(best_pair, key=lambda k: (-best_pair[k], k))[:SHORTLIST]
    scored = []
    for cluster_id in shortlist:
        if best_pair[cluster_id] < 0:
            continue
        everyone = store.claims(store.cluster_member_ids(cluster_id, MAX_MEMBERS))
        if not _restates_own(claim, everyone, mine, weights, canonical):
            continue
        members = [m for m in everyone if m.doc_id != claim.doc_id]
        props = [proposition(m, canonical) for m in members]
        recent = [_recent(claim, m) or _said_again(claim, m, mine, pm, weights)
                  for m, pm in zip(members, props, strict=True)]  # fmt: skip
        if not members or 2 * sum(recent) < len(members):
            continue
        pairs = [margin(claim, m, mine, pm, weights, canonical)
                 for m, pm in zip(members, props, strict=True)]  # fmt: skip
        if any(blocked for _, _, blocked in pairs):
            continue
        best, sim, _ = max(pairs)
        scored.append((best, sim, cluster_id))
    log.debug("claim %s: candidates %s, scored %s", claim.id, best_pair, scored)
    found = choose(scored)
    return Match(found.cluster_id if found else None, found.similarity if found else 1.0,
                 tuple(sorted(contradicts)))  # fmt: skip


def _restates_own(
    claim: ClaimRecord,
    members: Sequence[ClaimRecord],
    mine: Proposition,
    weights: dict[str, float],
    canonical: Canonical | None,
) -> bool:
    """Whether ``claim`` may join a cluster that already holds claims of its own article by its
    own source: only when it restates one of them (the lede's summary and the quotation it
    summarises). One speaker's other remarks in one article are, on real reporting, other
    propositions on the same topic; a cluster that took them in through their matches elsewhere
    would mix them. Another source's claim in the same article may be the same proposition
    ("Moscow said 48 surrendered; Kyiv's forces said dozens did")."""
    own = [(m, pm) for m in members if m.doc_id == claim.doc_id
           and relation(mine, pm := proposition(m, canonical)) == "same"]  # fmt: skip
    return not own or any(
        margin(claim, m, mine, pm, weights, canonical)[1] >= RESTATED for m, pm in own
    )


def margin(
    a: ClaimRecord,
    b: ClaimRecord,
    pa: Proposition | None,
    pb: Proposition | None,
    weights: dict[str, float],
    canonical: Canonical | None = None,
) -> tuple[float, float, bool]:
    """(similarity minus what the pair's sources require, the similarity, blocked): blocked when
    one negates what the other states in close wording."""
    pa = pa or proposition(a, canonical)
    pb = pb or proposition(b, canonical)
    rel = relation(pa, pb)
    if rel != "same" and _recent(a, b) and shares_quotation(a, b, weights):
        rel = "same"  # the same quoted words at the time: one statement relayed, whoever relays it
    sim = similarity(a, b, weights, contained=rel == "same")
    need = THRESHOLDS[rel]
    if rel == "same":
        sim += quote_bonus(pa, pb, weights)
        if not _recent(a, b):
            if not _said_again(a, b, pa, pb, weights):
                return (min(sim - need, -0.01), sim, False)  # one speaker, another occasion
            sim += TIME_PENALTY  # the same words of one source quoted again weeks later
    if negation_conflict(pa, pb):
        return (-1.0, sim, sim >= need)
    shared = set(claim_terms(a)) & set(claim_terms(b))
    if len(shared) < MIN_SHARED[rel] and not (
        rel == "same" and quoted_runs(a.content) & quoted_runs(b.content)
    ):
        return (min(sim - need, -0.01), sim, False)  # "I hope so" / "I hope not"
    if not shared - name_terms(a.content) - name_terms(b.content):
        return (min(sim - need, -0.01), sim, False)  # both name Ted Cruz; nothing else shared
    return (sim - need, sim, False)


def requoted(
    a: ClaimRecord,
    b: ClaimRecord,
    pa: Proposition | None,
    weights: dict[str, float],
    canonical: Canonical | None = None,
) -> bool:
    """One source quoted with the same words (``SAID_AGAIN_RUN`` in a row) in both: a statement
    reported again, however much later, not a new statement of the same kind. One shared
    quoted word is not enough: one speaker's remarks on one topic share their words."""
    pa = pa or proposition(a, canonical)
    return _said_again(a, b, pa, proposition(b, canonical), weights)


def _said_again(
    a: ClaimRecord, b: ClaimRecord, pa: Proposition, pb: Proposition, weights: dict[str, float]
) -> bool:
    """The same statement of one source quoted again, however much later: a rare quoted word
    and ``SAID_AGAIN_RUN`` words in a row of one quotation in common. Two words in a row ("going
    to", "I want") are one speaker's habits, and two rare quoted words shared by two sources
    ("law enforcement", "build a wall", "the men and women") are everyone's phrases: on the 840
    PolNeAR train articles both kept clusters open for months across unrelated statements, so a
    relay between two sources counts only within ``MAX_DAYS`` (``margin``)."""
    if relation(pa, pb) != "same" or not quote_bonus(pa, pb, weights):
        return False
    return bool(quoted_runs(a.content, SAID_AGAIN_RUN) & quoted_runs(b.content, SAID_AGAIN_RUN))


def choose(scored: Sequence[tuple[float, float, str]]) -> Match | None:
    """Of (margin, similarity, cluster id) triples, the cluster to join: the one whose nearest
    member is matched by the widest margin, if any margin reaches zero."""
    close = [s for s in scored if s[0] >= 0]
    if not close:
        return None
    _, sim, cluster_id = max(close)
    return Match(cluster_id, round(sim, 4))
