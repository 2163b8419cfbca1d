"""Claim clusters: claims of different articles that state the same proposition.

Incremental single-link clustering. When an article arrives, each of its claims is compared
with the claims of other articles that share one of its rarest terms or one of the figures it
states (at most ``PER_TERM`` of the newest per term, so the cost of an update does not grow with
the ledger). The similarity
of two claims is

    idf-weighted Dice overlap of their content terms (``terms.py``; a place or unit the content
    names is one term however it is spelled)
    + place_bonus when they are about a common settlement or unit, - place_penalty when both
      are about settlements or units and share none (Vovchansk is not Kupiansk); a claim that
      names none is about those of its article ("the village"), which is weaker evidence:
      when neither claim names a place, place_penalty_unnamed (half) is taken off (on the
      polnear-ledger gold this raised cluster F1 0.638 -> 0.650 at a higher precision, and
      probe sets 9 and 10 likewise); but a place neither claim
      names counts for the bonus only when both articles name two places or fewer: on the 840
      PolNeAR train articles, claims that only inherited one of their articles' many places
      ("Paris" in every article after the attacks) made 35 of the 43 pairs this removed
      wrong, 7 right (training/judged/ledger_polnear_train_diff_places.md)
    + value_bonus when both state the same figure (within 5%); else - part_penalty when they
      state figures of the same counted thing for periods one inside the other (an event and
      the week's tally); else figure_bonus when both state figures of the same counted thing
    - time_penalty when their articles were published more than max_days apart; and a claim
      joins a cluster only while at least half of its newest members (``MAX_MEMBERS``) are
      within max_days of it (a story ends, and one stray recent member does not keep it open
      for a chain of look-alike events), which also keeps the cost of an update bounded. One
      source further apart than max_days is another occasion unless quoted with
      ``said_again_run`` words in a row (``requoted``): then it is one statement reported again.
      Two sources quoted with the same rare words are one statement relayed only within
      max_days.

(The lower-case names are the ``[clusters]`` settings, ``claimledger/settings.py``.) A pair
matches when its similarity reaches what the relation of its sources needs (``proposition.py``:
same, unknown or different source) and it shares enough content terms, not only names; a claim
joins the candidate cluster holding the member it matches by the widest margin, unless it is the
negation of a member in close wording (a denial, linked, never merged); if none matches, it
starts a cluster of its own. Different figures for the same thing are two statements
(``other_figures``: a rising toll, two sides' counts), and a claim joins no cluster holding a
member whose figure for the same thing differs; ``numbers.py`` compares the figures. The
thresholds were measured on real reporting (the polnear-ledger gold and judged samples of the
840 PolNeAR train articles; CHANGELOG.md).
"""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from itertools import pairwise

from claimledger.analyze.numbers import (
    EVENTS,
    TOLL,
    UNSPECIFIC,
    counted,
    counted_nouns,
    counted_tail,
    figure,
    in_checked_unit,
    largest,
    meet,
    rounding_unit,
    same_thing,
    vague,
)
from claimledger.analyze.proposition import (
    QUOTED_WORD,
    Canonical,
    Proposition,
    common,
    name_terms,
    negation_conflict,
    proposition,
    quote_bonus,
    quoted_runs,
    relation,
    shares_quotation,
    side_acts,
    sides_named,
)
from claimledger.analyze.terms import term_words, terms
from claimledger.extract.quantities import small_number
from claimledger.settings import ClusterSettings, shipped_settings
from claimledger.store.base import Store
from claimledger.store.records import ClaimRecord, QuantityRecord

log = logging.getLogger(__name__)
SHIPPED = shipped_settings().clusters  # the thresholds when no ledger passes its own
RARE_TERMS = 10
PER_TERM = 40
SHORTLIST = 5  # candidate clusters compared member by member
EVERYDAY_RUN = 2  # words more than said_again_run in a row that are one statement, however plain
MAX_MEMBERS = 50  # members compared per candidate cluster (the newest)
VALUE_KEYS = 2  # figures a claim is also looked up by, besides its rarest terms
ARTICLES = frozenset({"a", "an", "the"})
HORTATIVE = re.compile(r"^\W*(?:and\s+|so\s+)?let(?:'s|’s|\s+us)\b", re.IGNORECASE)
# words whose referent is the speaker's side: "the enemy lost 350 servicemen" from Moscow and from
# Kyiv are two claims about two armies
SIDE_RELATIVE = re.compile(
    r"\benem(?:y|ies)(?:'s|’s)?\b|\bour (?:forces|troops|soldiers|defenders|units|positions"
    r"|army|military|fighters|air defen[cs]es?)\b",
    re.IGNORECASE,
)
OBLIGATION = re.compile(r"\b(?:should|must|ought to|needs? to|has to|have to)\b", re.IGNORECASE)
# a claim that calls another claim false: "claims that a Ukrainian missile hit the building were
# false", "the claim that Armenian units fired first does not correspond to reality"
REJECTION = re.compile(
    r"\b(?:claims?|reports?|allegations?|accusations?|assertions?|statements?|suggestions?"
    r"|rumou?rs?)\b.{0,240}?\b(?:(?:is|are|was|were|(?:has|have|had) been)\s+"
    r"(?:(?:completely|totally|absolutely|simply|entirely)\s+)?(?:false|untrue|not true|baseless"
    r"|groundless|unfounded|fake|fabricated|an? (?:lie|fabrication|provocation)|lies|nonsense"
    r"|absurd|disinformation|propaganda)|(?:do|does|did) not correspond to (?:reality|the truth"
    r"|the facts)|(?:has|have|had) nothing to do with (?:reality|the truth))\b",
    re.IGNORECASE,
)
FOCUSED = 2  # places an article names at most to be about them (``_about_place``)
MIN_KEY_VALUE = 10  # smaller figures are too common to find a claim by
KIND_RATIO = 1.5  # figures of one kind of thing further apart than this are two counts
# content terms two claims share at least to be one proposition ("I hope so" / "I hope not"; "not
# trump the Second Amendment" / "all for the Second Amendment"; one speaker's "I hope to" and "we
# hope that our nominee..."), unless one source is quoted with the same words in both


@dataclass(frozen=True)
class Match:
    cluster_id: str | None  # None: the claim starts a cluster of its own
    similarity: float
    contradicts: tuple[str, ...] = ()  # ids of claims of other sources it negates


def idf(counts: dict[str, int], total: int) -> dict[str, float]:
    return {t: math.log((total + 1) / (c + 1)) + 1.0 for t, c in counts.items()}


def claim_terms(claim: ClaimRecord) -> list[str]:
    """The terms of a claim's content, with each place or unit it names as one term for the
    place itself, however it is spelled ("Kalinovoye" and "Kalynove" are "kalynov", as
    "Kalynove" is where the gazetteer did not resolve it; ``_place_term``)."""
    return list(_content_terms(claim.content, claim.spelled))


@lru_cache(maxsize=65536)  # a claim is compared with many others on each arrival
def _content_terms(content: str, spelled: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    words = terms(content)
    if not spelled:
        return tuple(words)
    names = {t for text, _ in spelled for t in terms(text)}
    return tuple([t for t in words if t not in names] + [_place_term(name) for _, name in spelled])


def _place_term(name: str) -> str:
    """One term for a place, however it is spelled: a one-word name's own term, the term a
    claim naming it unresolved has too ("Klintsy"); a name of several words one term of them
    all ("@san_bernardino": its words alone, "san" and "bernardino", weighed as two places)."""
    words = terms(name)
    return words[0] if len(words) == 1 else "@" + "_".join(name.lower().split())


def value_keys(claim: ClaimRecord) -> list[str]:
    """The figures a claim states (10 or more) as index keys ("#185"): claims that give the same
    figure in other words ("185 defenders came home", "swapped 185 prisoners") are candidates."""
    values = {v for q in claim.quantities if not vague(q) for v in (q.value, q.low, q.high)}
    return sorted(f"#{v:g}" for v in values if v is not None and v >= MIN_KEY_VALUE)


def similarity(
    a: ClaimRecord,
    b: ClaimRecord,
    weights: dict[str, float],
    contained: bool = False,
    rules: ClusterSettings = SHIPPED,
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
    ma, mb = _places(a), _places(b)
    if ma and mb:
        if not ma & mb and a.spelled and b.spelled:
            return min(score - rules.place_penalty, 0.0)  # each names where it happened, elsewhere
        if not ma & mb:  # a claim that names no place has its article's: weaker evidence
            unnamed = not a.spelled and not b.spelled
            score -= rules.place_penalty_unnamed if unnamed else rules.place_penalty
        elif _about_place(a, b, ma & mb):
            score += rules.place_bonus
    if _same_value(a, b):
        score += rules.value_bonus
    elif _part_and_whole(a, b, rules):
        score -= rules.part_penalty
    elif _same_figures(a, b):
        score += rules.figure_bonus
    gap = _days_apart(a.published, b.published)
    if gap is not None and gap > rules.max_days:
        score -= rules.time_penalty
    return score


def _recent(claim: ClaimRecord, member: ClaimRecord, rules: ClusterSettings = SHIPPED) -> bool:
    """Published within ``max_days`` of each other (dates unknown count as recent)."""
    gap = _days_apart(claim.published, member.published)
    return gap is None or gap <= rules.max_days


def _days_apart(a: str | None, b: str | None) -> int | None:
    try:
        return (
            abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) if a and b else None
        )
    except ValueError:
        return None


def _same_value(a: ClaimRecord, b: ClaimRecord, exact: bool = False) -> bool:
    """Both state the same figure (within 5%, or ``exact``ly): "87 drones" here and there; a
    small figure ("two residents", "two aircraft") only when it counts the same thing; never a
    vague amount ("tens of millions of dollars", "thousands"): an order of magnitude is no
    figure."""
    return any(
        (x > 1 and x == y if exact else close_values(x, y))
        and (x >= MIN_KEY_VALUE or bool(set(terms(qa.what)) & set(terms(qb.what))))
        for qa, qb, x, y in _value_pairs(a, b)
    )


def _value_pairs(
    a: ClaimRecord, b: ClaimRecord
) -> Iterator[tuple[QuantityRecord, QuantityRecord, float, float | None]]:
    """Each number one claim states against each the other does, of figures that are not vague
    amounts: (its figure, the other's, the number, the other's number)."""
    for qa in a.quantities:
        if vague(qa):
            continue
        for qb in b.quantities:
            if vague(qb):
                continue
            for x in (qa.value, qa.low, qa.high):
                if x is not None:
                    for y in (qb.value, qb.low, qb.high):
                        yield qa, qb, x, y


def _one_figure(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Both state one figure exactly (``_same_value``: "300,000 reservists would be called up" /
    "300,000 people would be mobilised"): from one source, as telling as a word in common (two
    sources' "$15 minimum wage" is a topic). A figure within 5% is not: a toll to date of
    28,064 one day and of 28,340 the next are two statements."""
    return _same_value(a, b, exact=True)


def _one_toll(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Both state one count of what happened to people exactly ("the toll has risen to 27" /
    "27 people had been killed"): told by a source unknown, as telling as a word in common."""
    return any(
        x > 1 and x == y and counted(qa.what, a.content) & counted(qb.what, b.content) & EVENTS
        for qa, qb, x, y in _value_pairs(a, b)
    )


def close_values(x: float | None, y: float | None) -> bool:
    """The same figure, within 5% (figures of 1 or less are no evidence)."""
    return x is not None and y is not None and x > 1 and abs(x - y) <= 0.05 * max(x, y)


def _part_and_whole(a: ClaimRecord, b: ClaimRecord, rules: ClusterSettings = SHIPPED) -> bool:
    """Figures of the same thing where one covers a stretch of time strictly inside the other's
    ("14 killed on Thursday" and "11 killed in the region that week"): an event and a tally,
    two propositions."""
    for qa in a.quantities:
        for qb in b.quantities:
            if not (qa.period_start and qa.period_end and qb.period_start and qb.period_end):
                continue
            if (qa.unit or None) != (qb.unit or None):
                continue  # (a count and a sum of money are no part and whole)
            pa, pb = (qa.period_start, qa.period_end), (qb.period_start, qb.period_end)
            if not _one_span(pa, pb, rules.to_date_days) and (
                _inside(pa, pb) or _inside(pb, pa) or _disjoint_periods(pa, pb)
            ):
                return True
    return False


def _disjoint_periods(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Periods that do not meet ("on Friday" after "since January", to the day before)."""
    return a[1][:10] < b[0][:10] or b[1][:10] < a[0][:10]


def _inside(part: tuple[str, str], whole: tuple[str, str]) -> bool:
    return whole[0][:10] <= part[0][:10] and part[1][:10] <= whole[1][:10]


def _same_figures(a: ClaimRecord, b: ClaimRecord) -> bool:
    whats_a = {t for q in a.quantities for t in terms(q.what)}
    whats_b = {t for q in b.quantities for t in terms(q.what)}
    return bool(whats_a & whats_b)


def _same_measure(a: ClaimRecord, b: ClaimRecord) -> bool:
    """A length or an area of the same value in one unit once converted ("about 1.2 miles"
    and "about 2 km" into Polish territory): what is measured is in the unit, not in a noun."""
    return any(
        qa.unit == qb.unit and close_values(qa.value, qb.value)
        for qa in map(in_checked_unit, a.quantities)
        if qa.unit in MEASURES
        for qb in map(in_checked_unit, b.quantities)
    )


MEASURES = frozenset({"km", "m", "km2", "hectares"})  # units that say what they measure


def assign_claims(
    store: Store,
    claim_ids: Sequence[str],
    canonical: Canonical | None = None,
    rules: ClusterSettings = SHIPPED,
) -> set[str]:
    """Index and cluster newly stored claims; the ids of the clusters that changed."""
    claims = store.claims(claim_ids)
    for claim in claims:
        store.put_terms("claim_terms", claim.id, claim_terms(claim) + value_keys(claim))
    total = max(store.claim_count(), 1)
    changed: set[str] = set()
    for claim in claims:
        match = best_match(store, claim, total, canonical, rules)
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
    store: Store,
    claim: ClaimRecord,
    total: int,
    canonical: Canonical | None = None,
    rules: ClusterSettings = SHIPPED,
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
    known: dict[str, Proposition] = {}  # each candidate's and member's, read once per match

    def prop(c: ClaimRecord) -> Proposition:
        if c.id not in known:
            known[c.id] = proposition(c, canonical)
        return known[c.id]

    best_pair: dict[str, float] = {}
    contradicts = []
    for c in candidates:
        assert c.cluster_id is not None
        theirs = prop(c)
        gap, _, blocked = margin(claim, c, mine, theirs, weights, canonical, rules)
        best_pair[c.cluster_id] = max(best_pair.get(c.cluster_id, -1.0), gap)
        other = relation(mine, theirs) != "same"
        if ((blocked and other) or denies(claim, c, mine, theirs)) and _recent(claim, c, rules):
            contradicts.append(c.id)  # a denial or rebuttal (never by the claim's own source)
    shortlist = sorted(best_pair, key=lambda k: (-best_pair[k], k))[:SHORTLIST]
    scored: list[tuple[float, float, str]] = []
    agreeing: list[tuple[float, float, str]] = []
    for cluster_id in shortlist:
        if best_pair[cluster_id] < 0:
            continue
        everyone = store.claims(store.cluster_member_ids(cluster_id, MAX_MEMBERS))
        members = [m for m in everyone if m.doc_id != claim.doc_id]
        props = [prop(m) for m in members]
        pairs = [margin(claim, m, mine, pm, weights, canonical, rules)
                 for m, pm in zip(members, props, strict=True)]  # fmt: skip
        restates_other = any(gap >= 0 and sim >= rules.restated for gap, sim, _ in pairs)
        if not restates_other and not _restates_own(
            claim, everyone, mine, weights, canonical, rules
        ):
            continue
        again = [_said_again(claim, m, mine, pm, weights, rules)
                 or _restated_quote(claim, m, sim, rules)
                 for m, pm, (_, sim, _) in zip(members, props, pairs, strict=True)]  # fmt: skip
        recent = [_recent(claim, m, rules) or x for m, x in zip(members, again, strict=True)]
        if not members or (2 * sum(recent) < len(members) and not any(again)):
            continue  # most members of another occasion, and none whose statement it repeats
        if any(blocked for _, _, blocked in pairs):
            continue
        if any(other_figures(claim, m, rules) for m in everyone if m.id != claim.id):
            continue  # another figure for what a member counts: a statement of its own (a toll
            # of 2 and one of 3), however the cluster's other members bridge the two; a member
            # of the claim's own article too ("9 of its fighters" beside "60 soldiers died")
        if any(relation(mine, pm) == "same" and _two_quotations(claim, m, rules.said_again_run)
               for m, pm in zip(members, props, strict=True)):  # fmt: skip
            continue  # another quotation of its speaker's: another statement, however the
            # cluster's paraphrases bridge the two ("We will build a wall" at a rally,
            # "We are going to build a wall" a week later)
        if _other_side(claim, everyone):
            contradicts.extend(m.id for m in everyone if m.doc_id != claim.doc_id)
            continue  # "Moscow denied that any ship was damaged" against the cluster of "a
            # ship was damaged": the denial, linked, not a member (nor the claim of a denial's)
        best, sim, _ = max(pairs)
        scored.append((best, sim, cluster_id))
        if best >= 0 and any(
            (_same_value(claim, m) and _same_figures(claim, m)) or _same_measure(claim, m)
            for m in members
        ):
            agreeing.append((best, sim, cluster_id))
    log.debug("claim %s: candidates %s, scored %s", claim.id, best_pair, scored)
    # a cluster stating the claim's own figure of the same thing before one that is only
    # close in words ("destroyed 14 armoured vehicles": the "lost 14 armored vehicles"
    # cluster, not the one of "assaults using armored columns")
    found = choose(agreeing or scored)
    return Match(found.cluster_id if found else None, found.similarity if found else 1.0,
                 tuple(sorted(set(contradicts))))  # fmt: skip


def _other_side(claim: ClaimRecord, members: Sequence[ClaimRecord]) -> bool:
    """A denial ("X denied that Y") and a cluster of claims that state Y, or a claim that
    states Y and a cluster of its denials: a claim and its denial are two propositions."""
    denial = claim.polarity == "deny"
    return bool(members) and all((m.polarity == "deny") != denial for m in members)


AREA_WORDS = frozenset(terms("oblast region province district area"))


def denies(a: ClaimRecord, b: ClaimRecord, pa: Proposition, pb: Proposition) -> bool:
    """One named source denies what another named source states, in the other's own terms and
    about the same place: "the General Staff denied that Novoselivka had been captured" against
    "Russian forces have captured the village of Novoselivka". Linked as a denial, not merged."""
    if {a.polarity, b.polarity} != {"deny", "affirm"} or relation(pa, pb) != "different":
        return False
    denial, claim = (a, b) if a.polarity == "deny" else (b, a)
    said = set(claim_terms(denial))
    stated = set(claim_terms(claim))
    places = {_place_term(p) for p in _places(denial) | _places(claim)}  # as terms
    # where the claim is (its own or its article's place) is part of what it states: "a MiG-29
    # was shot down over Zaporizhzhia Oblast" denies "shot down a MiG-29" in a report on it
    where = {_skeleton(_place_term(p)) for p in _places(claim)}
    unstated = {t for t in said - stated if t not in AREA_WORDS and _skeleton(t) not in where}
    known = {_skeleton(p) for p in places}
    named = said & places or {t for t in said if _skeleton(t) in known}
    return len(said) >= 2 and not unstated and bool(named)


@lru_cache(maxsize=20_000)
def _skeleton(term: str) -> str:
    """A place's name without its vowels and doubled letters, so that transliterations meet
    ("zaporizhzhia" and "zaporizhzhya", "odesa" and "odessa", "kamianske" and "kamyanske");
    names of fewer than four such letters stay as they are."""
    bare = re.sub(r"(.)\1+", r"\1", re.sub(r"[aeiouy]", "", term.lower()))
    return bare if len(bare) >= 4 else term


def _restates_own(
    claim: ClaimRecord,
    members: Sequence[ClaimRecord],
    mine: Proposition,
    weights: dict[str, float],
    canonical: Canonical | None,
    rules: ClusterSettings = SHIPPED,
) -> bool:
    """Whether ``claim`` may join a cluster that already holds claims of its own article by its
    own source: only when it restates one of them (the lede's summary and the quotation it
    summarises). One speaker's other remarks in one article are, on real reporting, other
    propositions on the same topic; a cluster that took them in through their matches elsewhere
    would mix them. Another source's claim in the same article may be the same proposition
    ("Moscow said 48 surrendered; Kyiv's forces said dozens did"). (``best_match`` lets a claim
    that restates a member of another article join all the same: the same quotation reported
    by two outlets is one statement, whatever else of its article the cluster holds.)"""
    own = [(m, pm) for m in members if m.doc_id == claim.doc_id
           and relation(mine, pm := proposition(m, canonical)) == "same"]  # fmt: skip
    return not own or any(
        margin(claim, m, mine, pm, weights, canonical, rules)[1] >= rules.restated for m, pm in own
    )


def margin(
    a: ClaimRecord,
    b: ClaimRecord,
    pa: Proposition | None,
    pb: Proposition | None,
    weights: dict[str, float],
    canonical: Canonical | None = None,
    rules: ClusterSettings = SHIPPED,
) -> tuple[float, float, bool]:
    """(similarity minus what the pair's sources require, the similarity, blocked): blocked when
    one negates what the other states in close wording."""
    gap, sim, blocked, _ = explain_margin(a, b, pa, pb, weights, canonical, rules)
    return gap, sim, blocked


def explain_margin(
    a: ClaimRecord,
    b: ClaimRecord,
    pa: Proposition | None,
    pb: Proposition | None,
    weights: dict[str, float],
    canonical: Canonical | None = None,
    rules: ClusterSettings = SHIPPED,
) -> tuple[float, float, bool, str]:
    """``margin`` with the rule that decided it (for diagnostics: why two claims are apart)."""
    pa = pa or proposition(a, canonical)
    pb = pb or proposition(b, canonical)
    rel = relation(pa, pb)
    if (
        rel != "same"
        and _recent(a, b, rules)
        and shares_quotation(a, b, weights, rules.rare_quote_idf)
    ):
        rel = "same"  # the same quoted words at the time: one statement relayed, whoever relays it
    sim = similarity(a, b, weights, rel == "same", rules)
    need = rules.threshold(rel)
    if rel != "same" and (SIDE_RELATIVE.search(a.content) or SIDE_RELATIVE.search(b.content)):
        return _apart(sim, need, "the speaker's side")  # whose enemy depends on who speaks
    if rel != "same" and _other_agent(a.content, b.content):
        # "X fired first" / "Y fired first": in close wording, each contests the other
        return (-1.0, sim, sim >= need, "the other side acts")
    if _roles_reversed(a, b):
        return _apart(sim, need, "the roles reversed")
    if rel != "different" and (_toll_and_no_figure(a, b) or _toll_and_no_figure(b, a)):
        return _apart(sim, need, "a toll and no figure")
    if rel == "same":
        sim += quote_bonus(pa, pb, weights, rules)
        if not _recent(a, b, rules):
            if not _said_again(a, b, pa, pb, weights, rules) and not _restated_quote(
                a, b, sim, rules
            ):
                return _apart(sim, need, "another occasion")  # one speaker, another occasion
            sim += rules.time_penalty  # the same words of one source quoted again weeks later
    if _reacts(a.content) != _reacts(b.content):
        return _apart(sim, need, "a reaction")  # "she is appalled by the shelling" / "the
        # shelling killed three": the speaker's response, not the event
    if _tense(a.content) is not None and _tense(b.content) not in (None, _tense(a.content)):
        return _apart(sim, need, "another time")  # "units have already been sent" / "another
        # 1,000 soldiers would be sent": what was done and what is to come
    if _worse_outcome(a, b) or _worse_outcome(b, a):
        return _apart(sim, need, "another outcome")  # "the ship was hit" / "the ship sank"
    if _asks(a.content) != _asks(b.content):
        return _apart(sim, need, "question")  # "asked which candidate won": no proposition
    if _rejects(a.content) != _rejects(b.content):
        # one calls false what the other states: its rebuttal, never the same proposition
        shared = set(claim_terms(a)) & set(claim_terms(b))
        return (-1.0, sim, sim >= need and len(shared) >= rules.min_shared(rel), "rejection")
    if negation_conflict(pa, pb, name_terms(a.content) | name_terms(b.content)):
        # a contradiction needs what a match needs: "no arrests" says too little to deny "24
        # arrests in Cleveland"; an exhortation ("let's make X great again") states nothing
        shared = set(claim_terms(a)) & set(claim_terms(b))
        enough = len(shared) >= rules.min_shared(rel) and not (
            HORTATIVE.match(a.content) or HORTATIVE.match(b.content)
        )
        return (-1.0, sim, sim >= need and enough, "negation")
    if other_figures(a, b, rules):
        return _apart(sim, need, "other figures")  # a toll of 12 and one of 22: two statements
    if rel == "different" and _obliges(a.content) != _obliges(b.content):
        return _apart(sim, need, "obligation")  # "X should step down" / "I will step down"
    if rel == "same" and _two_quotations(a, b, rules.said_again_run):
        return _apart(sim, need, "two quotations")  # two sentences of one speech
    shared = set(claim_terms(a)) & set(claim_terms(b))
    # one source's own figure again; a toll given by a source unknown, the same toll
    one_figure = (rel == "same" and _one_figure(a, b)) or (rel == "unknown" and _one_toll(a, b))
    if len(shared) + one_figure < rules.min_shared(rel) and not (
        rel == "same"
        and quoted_runs(a.content, rules.quoted_run) & quoted_runs(b.content, rules.quoted_run)
    ):
        return _apart(sim, need, "few shared terms")  # "I hope so" / "I hope not"
    if rel == "different" and _too_short(a, b):
        # two sources' claims of three words or fewer agree on too little to be one
        # proposition ("there are primaries next week" / "he may move south if he loses
        # next week's primary"), unless they state one figure
        return _apart(sim, need, "too short")
    plain = shared - name_terms(a.content) - name_terms(b.content)
    if len(plain) < (1 if rel == "same" or _same_facts(a, b) else 2):
        return _apart(sim, need, "names only")  # both name Ted Cruz; nothing else shared
    if (
        rel != "same"
        and not shared & _uncommon(a.content) & _uncommon(b.content)
        and not _whole_of_one(set(claim_terms(a)), set(claim_terms(b)), shared)
        and not _same_value(a, b)
    ):  # "I've never seen anything like ISIS" / "... anything as complicated as this" (but
        # "she did nothing wrong", the whole of both, is one poll finding)
        return _apart(sim, need, "everyday words only")
    return (sim - need, sim, False, f"similarity ({rel})")


MIN_TERMS_OTHER = 4  # distinct content terms each of two sources' claims needs to be matched


def _too_short(a: ClaimRecord, b: ClaimRecord) -> bool:
    short = min(len(set(claim_terms(a))), len(set(claim_terms(b)))) < MIN_TERMS_OTHER
    return short and not _same_value(a, b)


def _whole_of_one(ta: set[str], tb: set[str], shared: set[str]) -> bool:
    """Everyday words still make one statement when they are the whole of both ("she did
    nothing wrong"), or the whole of one and four or more: three words fit too many statements
    ("there are primaries next week" / "he may move south if he loses next week's primary";
    unless both state one figure: "35 of the dead were children")."""
    return (ta <= shared and tb <= shared) or ((ta <= shared or tb <= shared) and len(shared) >= 4)


def other_figures(a: ClaimRecord, b: ClaimRecord, rules: ClusterSettings = SHIPPED) -> bool:
    """Both claims state figures of the same counted thing (``numbers.same_thing``) at the same
    rate, and none of them agree over one time (``_same_span``, ``_agree``,
    ``_next_day_report``): "the toll rose to 12" and "22 people were killed" are two statements
    of a rising toll, "27 drones" and "15 drones" two counts, "17,120 since January" on June 6
    and "almost 18,000 since January" on June 13 two tallies; each is a proposition of its own,
    and the figure checks compare them. When no figure of one counts what a figure of the other
    does, figures of one kind of thing stand in for them (``_overlap``) when they are far apart
    (``KIND_RATIO``: "48 servicemen of a marine battalion" and "nearly 50 marines" may be one
    count; 158 and 3,700 drones are not)."""
    if _part_of_stated_total(a, b) or _part_of_stated_total(b, a) or _other_spans(a, b):
        return True
    candidates = [
        (qa, qb)
        for qa in a.quantities if not vague(qa)
        for qb in b.quantities if not vague(qb)
        if qa.per == qb.per
    ]  # fmt: skip
    pairs = [(qa, qb) for qa, qb in candidates
             if same_thing(qa, qb, a.content, b.content, one_claim=True)]  # fmt: skip
    if not pairs:  # counts of one kind of thing, when no figure counts what the other does
        kind = [(qa, qb) for qa, qb in candidates if _overlap(qa, qb, a.content, b.content)]
        return bool(kind) and all(largest(qa) > KIND_RATIO * largest(qb)
                                  or largest(qb) > KIND_RATIO * largest(qa)
                                  for qa, qb in kind)  # fmt: skip

    def one_count(qa: QuantityRecord, qb: QuantityRecord) -> bool:
        return (_same_span(qa, qb, rules.to_date_days) and _agree(qa, qb)) or _next_day_report(
            qa, qb
        )

    head_a, head_b = _head(a), _head(b)
    if any(qa is head_a and qb is head_b and not one_count(qa, qb) for qa, qb in pairs):
        return True  # "22 wounded, including three children" / "31 wounded, among them three
        # children": the totals differ, however the groups inside them agree
    return not any(one_count(qa, qb) for qa, qb in pairs)


def _head(claim: ClaimRecord) -> QuantityRecord | None:
    """The claim's largest figure that is no vague amount: its total, when it states parts
    ("22 wounded, including three children"); the part of a share ("shot down 37 of the 44
    drones": the 37 shot down, not the 44 launched)."""
    wholes = {total.id for _, total in _partitives(claim)}
    figures = [q for q in claim.quantities if not vague(q) and q.id not in wholes]
    return max(figures, key=largest) if figures else None


def _other_spans(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Lengths of time the claims state in one unit, none of the same number: "enough fuel
    for 10 days" and "for at least 15 days", "stayed for three minutes" and "for 20 minutes"
    are two statements (lengths of time are no figures the extractor keeps)."""
    spans_a, spans_b = _spans(a.content), _spans(b.content)
    units = {u for u, _ in spans_a} & {u for u, _ in spans_b}
    return any(
        not {n for u2, n in spans_a if u2 == u} & {n for u2, n in spans_b if u2 == u} for u in units
    )


@lru_cache(maxsize=20_000)
def _spans(text: str) -> frozenset[tuple[str, float]]:
    out = set()
    for m in TIME_SPAN.finditer(text):
        value = number_value(m.group(1))
        if value is not None:
            out.add((m.group(2).lower().rstrip("s"), value))
    return frozenset(out)


TIME_SPAN = re.compile(
    r"\b(\d[\d,.]*|[a-z]+(?:-[a-z]+)?)\s+(minutes?|hours?|days?|weeks?|months?)\b", re.IGNORECASE
)


def number_value(text: str) -> float | None:
    """ "10", "1,500", "three", "twenty-four" (the quantities lexicon's small numbers): the
    number; None for any other word."""
    if text[:1].isdigit():
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None
    parts = [small_number(p) for p in text.split("-")]
    return None if None in parts else sum(p for p in parts if p is not None)


def _part_of_stated_total(a: ClaimRecord, b: ClaimRecord) -> bool:
    """``b`` gives a part of a total ("shot down 37 of the 44 drones") whose total ``a`` states
    without the part ("Russia launched 44 drones"): the launch and the interception are two
    propositions, however the total ties them."""
    for part, total in _partitives(b):
        if any(q.value == total.value for q in a.quantities) and not any(
            q.value == part.value for q in a.quantities
        ):
            return True
    return False


def _partitives(claim: ClaimRecord) -> list[tuple[QuantityRecord, QuantityRecord]]:
    """The (part, total) figures of "37 of the 44 drones", "five of six missiles"."""
    if len(claim.quantities) < 2 or " of " not in claim.content:
        return []  # most claims: no pattern to build (this runs for every candidate pair)
    return list(_partitive_pairs(claim.content, claim.quantities))


@lru_cache(maxsize=20_000)  # per claim, as it is compared with many others
def _partitive_pairs(
    content: str, quantities: tuple[QuantityRecord, ...]
) -> tuple[tuple[QuantityRecord, QuantityRecord], ...]:
    found = []
    for part, total in pairwise(quantities):
        if part.value is None or total.value is None or part.value >= total.value:
            continue
        pattern = (
            rf"(?<!\w){re.escape(part.text)}\s+of\s+(?:the\s+|all\s+)?{re.escape(total.text)}(?!\w)"
        )
        if re.search(pattern, content):
            found.append((part, total))
    return tuple(found)


def _overlap(a: QuantityRecord, b: QuantityRecord, context_a: str, context_b: str) -> bool:
    """Figures (10 or more) that count things of one kind, whatever else either counts ("158
    missiles and drones launched" / "3,700 Shahed drones"): one count is not the other's
    proposition unless they agree."""
    if min(largest(a), largest(b)) < MIN_KEY_VALUE or (a.unit or None) != (b.unit or None):
        return False
    shared = set(terms(counted_tail(a.what, context_a))) & set(
        terms(counted_tail(b.what, context_b))
    )
    return bool(shared & (counted_nouns(a.what) | counted_nouns(b.what)) - UNSPECIFIC)


def _next_day_report(a: QuantityRecord, b: QuantityRecord) -> bool:
    """The same figure (10 or more) for one night or day and the next: one event, reported
    again the day after ("87 drones overnight" on the 5th and on the 6th)."""
    if a.value is None or a.value != b.value or a.value < MIN_KEY_VALUE:
        return False
    if not (a.period_start and b.period_start):
        return False
    one_day = a.period_start == a.period_end and b.period_start == b.period_end
    gap = _days_apart(a.period_start, b.period_start)
    return one_day and gap is not None and gap <= 1


def _same_span(a: QuantityRecord, b: QuantityRecord, to_date_days: int) -> bool:
    """Figures of one time: the same period, or no period on one side (a toll "on Saturday"
    and the toll); not two different periods ("600 over the past week" and "2,000 this
    month", which ``numbers.py`` relates)."""
    if not (a.period_start and b.period_start):
        return True
    return _one_span((a.period_start, a.period_end or a.period_start),
                     (b.period_start, b.period_end or b.period_start), to_date_days)  # fmt: skip


def _one_span(a: tuple[str, str], b: tuple[str, str], to_date_days: int) -> bool:
    """The same period, or one start with ends at most ``to_date_days`` apart ("since January",
    said on June 5 and on June 6)."""
    if a == b:
        return True
    gap = _days_apart(a[1], b[1])
    return a[0][:10] == b[0][:10] and gap is not None and gap <= to_date_days


def _agree(a: QuantityRecord, b: QuantityRecord) -> bool:
    """The same number, or one the rounding of the other ("more than 28,000" and "at least
    28,064"; "$61 billion" and "$60.84 billion"), or ranges that meet within ``SAME_NUMBER``
    (5%): not "at least 28,064" and "more than 28,500", nor "17,120" and "almost 18,000"."""
    if a.value is not None and b.value is not None:
        x, y = a.value, b.value
        if x == y or _bounds(x, b) or _bounds(y, a):
            return True
        # a round figure for the other, unless it is a bound the other is on the wrong side of
        # ("more than 28,500" is no rounding of 28,473)
        return (_rounds_to(x, y) and b.bound not in BOUNDS) or (
            _rounds_to(y, x) and a.bound not in BOUNDS
        )

    fa, fb = figure(a, as_number=True), figure(b, as_number=True)
    if fa is None or fb is None:
        return True
    return meet((fa.low, fa.high, SAME_NUMBER / 2), (fb.low, fb.high, SAME_NUMBER / 2))


SAME_NUMBER = 0.05
BOUNDS = frozenset({"at_least", "at_most"})


def _rounds_to(x: float, y: float) -> bool:
    """``y`` is ``x`` rounded to ``y``'s last non-zero digit, tens at least, keeping two digits
    ("28,000", "$61 billion"; "100,000" is no rounding of 60,000)."""
    unit = _unit(y)
    return unit is not None and round(x / unit) * unit == round(y)


def _bounds(x: float, q: QuantityRecord) -> bool:
    """``q`` a round bound just below or above ``x``: "more than 17,000" for about 17,500
    (within one unit of its last non-zero digit above it), "almost 18,000" for 17,900 (within
    half a unit below: not for 17,120); "more than 50" for 52 (a tenth of the bound at most:
    not for 58, nor "more than 100" for 190)."""
    unit = _bound_unit(q.value) if q.value is not None else None
    if unit is None or q.value is None:
        return False
    if q.bound == "at_least":
        return q.value <= x < q.value + unit
    if q.bound == "at_most":
        return q.value - unit / 2 < x <= q.value
    return False


def _bound_unit(y: float) -> int | None:
    """The unit a round bound stands for, at most a tenth of it ("more than 17,000": 1,000;
    "more than 50": 5); None for a bound that is not round (50 and more)."""
    unit = rounding_unit(y)
    if unit is None or unit < 10 or y < 50:
        return None
    return min(unit, round(y) // 10)


def _unit(y: float) -> int | None:
    """The place of a round number's last non-zero digit, tens at least, keeping two digits
    ("28,000": 1,000; "250": 10); None for a number that is not round so."""
    unit = rounding_unit(y)
    return unit if unit is not None and 10 <= unit <= round(y) // 10 else None


@lru_cache(maxsize=20_000)
def _uncommon(text: str) -> frozenset[str]:
    """The terms of a text's words that are no everyday English words (``common``)."""
    return frozenset(t for t, w in term_words(text) if not common(w))


ASKED = re.compile(r"(?:how|why|which|whether|who|whom)\b", re.I)


REACTION = re.compile(
    r"^\W*(?:she|he|they|we|i|it)\s+(?:is|was|are|were|am|had\s+been|has\s+been|felt|feels)"
    r"\s+(?:(?:deeply|very|extremely|profoundly|so|really|absolutely|utterly|also)\s+)?"
    r"(?:appalled|shocked|horrified|outraged|saddened|dismayed|alarmed|disturbed|troubled|"
    r"devastated|heartbroken|sickened|disgusted|angered|upset|distressed|grieved|stunned)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=20_000)  # read for every candidate pair
def _reacts(text: str) -> bool:
    """The claim is its speaker's feeling about something ("she was appalled by the attack"):
    a proposition about the speaker, never the event it reacts to."""
    return bool(REACTION.match(text))


PROSPECTIVE = re.compile(
    r"\b(?:will|would|shall|going\s+to|plans?\s+to|planned\s+to|intends?\s+to|is\s+to|are\s+to)"
    r"\b(?!\s+(?:blame|not\s+(?:comment|say)|decline))",
    re.IGNORECASE,
)  # not "is to blame", "would not comment"
DONE = re.compile(r"\balready\b", re.IGNORECASE)


@lru_cache(maxsize=20_000)  # read for every candidate pair
def _tense(text: str) -> str | None:
    """ "done" for what a claim says has already happened ("units have already been sent"),
    "to come" for what it says will ("would be sent", "plans to send"), None for neither or
    both."""
    done, to_come = bool(DONE.search(text)), bool(PROSPECTIVE.search(text))
    if done == to_come:
        return None
    return "done" if done else "to come"


SEVERE = frozenset(terms("sank sunk sink"))  # what became of a ship that was hit ("destroyed"
# is not: outlets write it for "struck" in their paraphrases of one claim, on probe sets 8 and 12)
MILD = frozenset(terms("hit damaged"))


def _worse_outcome(a: ClaimRecord, b: ClaimRecord) -> bool:
    """``a`` says a ship sank, ``b`` only that it was hit or damaged: two propositions (a hit
    may be claimed and the sinking disputed)."""
    ta, tb = set(claim_terms(a)), set(claim_terms(b))
    return bool(ta & SEVERE) and not tb & SEVERE and bool(tb & MILD)


def _asks(text: str) -> bool:
    """An indirect question ("asked which candidate won the debate", "wondered how it could be
    justified"): what was asked, not a proposition anyone states; it matches only another
    question."""
    return bool(ASKED.match(text.lstrip()))


@lru_cache(maxsize=20_000)
def _rejects(text: str) -> bool:
    """The text calls a claim false (``REJECTION``); each content is read once, not per pair."""
    return REJECTION.search(text) is not None


def _apart(sim: float, need: float, reason: str) -> tuple[float, float, bool, str]:
    """A pair a rule keeps apart whatever its similarity: a margin below zero."""
    return (min(sim - need, -0.01), sim, False, reason)


def _toll_and_no_figure(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Of one source (or an unnamed one): ``a`` states a toll as such ("the death toll rose
    to seven") and ``b`` no figure at all ("there was nothing military there"): two
    statements, however much of the strike they both name. An account of the event that
    gives its toll in passing ("a drone hit a bus, killing three") and one without it ("a
    drone hit a bus") may be one statement reported twice."""
    if b.quantities:
        return False
    return any(not vague(q) and set(terms(q.what)) & TOLL for q in a.quantities)


def _roles_reversed(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Each claim's agent is among those the other's acts on, and the agents differ: "the
    migrants threw stones at the border guards" and "the border guards beat the migrants" are
    two propositions, whatever their words share (``extract/roles.py``)."""
    if a.roles is None or b.roles is None:
        return False
    (agent_a, on_a), (agent_b, on_b) = a.roles, b.roles
    return agent_a != agent_b and agent_a in on_b and agent_b in on_a


def _other_agent(a: str, b: str) -> bool:
    """Two sources' claims whose first-named side differs, one of them naming the other's
    first too: "Azerbaijani forces opened fire at Armenian positions" and "Armenian forces
    opened fire first" accuse each other; they state two propositions, never one, and in
    close wording each contests the other: what the first-named side does is the same
    act in both (``side_acts``)."""
    sa, sb = sides_named(a), sides_named(b)
    if not (sa and sb) or sa[0] == sb[0] or not (sb[0] in sa or sa[0] in sb):
        return False
    act = side_acts(a)  # the same act, not "Ukraine received 1,000 bodies from Russia" /
    return act is not None and act == side_acts(b)  # "Russia handed 1,000 bodies to Ukraine"


def _obliges(text: str) -> bool:
    """What somebody ought to do, not what is or will be: "he should step down" is a demand,
    "he will step down" an intent; two sources saying one and the other state two things."""
    return bool(OBLIGATION.search(text))


def _same_facts(a: ClaimRecord, b: ClaimRecord) -> bool:
    """Both state the same figure, or name the same place: what two sources' claims that
    share little else than names need to be one proposition ("the bodies of 1,000 soldiers
    were returned" / "Russia handed over 1,000 bodies"; the fleet moved from Novorossiysk to
    Ochamchire). Without either, a name and one word in common are a topic ("the mayor is
    considering a run" / "I would love to see the mayor run")."""
    shared = _places(a) & _places(b)
    return _same_value(a, b) or (bool(shared) and _about_place(a, b, shared))


def _about_place(a: ClaimRecord, b: ClaimRecord, shared: set[str]) -> bool:
    """Whether a place both claims are about is evidence that they state one thing: one of
    them names it, or neither names a place and both articles are about a place or two ("the
    village was shelled" in two reports from one town). Two claims that only inherit the
    places of articles naming many ("it was a hate crime" beside Orlando, Paris, Brussels...)
    share a dateline, not an event."""
    named = {name.lower() for _, name in a.spelled} | {name.lower() for _, name in b.spelled}
    if named & shared:
        return True
    return not a.spelled and not b.spelled and max(len(a.mentions), len(b.mentions)) <= FOCUSED


def _places(claim: ClaimRecord) -> set[str]:
    """The places and units a claim is about (those of its article when it names none)."""
    return {m.lower() for m in claim.mentions}


OPENING = "\"“‘'"


def _two_quotations(a: ClaimRecord, b: ClaimRecord, run: int) -> bool:
    """Both claims are one speaker's words quoted whole, with no ``run`` words in a row in
    common: two sentences of one speech or interview ("The curfew stays ..." and "Nobody
    likes a curfew ..."), not one statement reported twice;
    a statement quoted again repeats its words: one of them no everyday word, or a longer
    run of them ("not ready to do that at this point"), not just "whether or not"."""
    if not all(_quoted_whole(c.content) for c in (a, b)):
        return False
    shared = quoted_runs(a.content, run) & quoted_runs(b.content, run)
    if any(not all(common(w) for w in words) for words in shared):
        return False
    longer = run + EVERYDAY_RUN
    if quoted_runs(a.content, longer) & quoted_runs(b.content, longer):
        return False
    return not _quoted_inside(a.content, b.content, run)


def _quoted_inside(a: str, b: str, run: int) -> bool:
    """The whole of the shorter quotation, ``run`` words or more, inside the other: "It's a
    home run." quoted again, "I hope to." inside "I'm not there. And I hope to, though"."""
    wa, wb = _quoted_words(a), _quoted_words(b)
    short, long_ = sorted((wa, wb), key=len)
    n = len(short)
    return n >= run and any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def _quoted_words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in QUOTED_WORD.findall(text)]


def _quoted_whole(text: str) -> bool:
    """A quotation from its opening mark to the end (closed there, or cut before its
    closing mark where a sentence ends), no quoted words inside other words."""
    text = text.strip()
    inner = text[1:-1].replace("'", "").replace("’", "")  # apostrophes: "aren't", "we’re"
    return len(text) > 2 and text[0] in OPENING and not any(m in inner for m in '"“”')


def requoted(
    a: ClaimRecord,
    b: ClaimRecord,
    pa: Proposition | None,
    weights: dict[str, float],
    canonical: Canonical | None = None,
    rules: ClusterSettings = SHIPPED,
) -> bool:
    """One source quoted with the same words (``said_again_run`` in a row) in both: a statement
    reported again, however much later, not a new statement of the same kind. One shared
    quoted word is not enough: one speaker's remarks on one topic share their words."""
    pa = pa or proposition(a, canonical)
    return _said_again(a, b, pa, proposition(b, canonical), weights, rules)


def _said_again(
    a: ClaimRecord,
    b: ClaimRecord,
    pa: Proposition,
    pb: Proposition,
    weights: dict[str, float],
    rules: ClusterSettings = SHIPPED,
) -> bool:
    """The same statement of one source quoted again, however much later: a rare quoted word
    and ``said_again_run`` words in a row of one quotation in common, one of them no everyday
    word. Two words in a row ("going
    to", "I want") are one speaker's habits, and two rare quoted words shared by two sources
    ("law enforcement", "build a wall", "the men and women") are everyone's phrases: on the 840
    PolNeAR train articles both kept clusters open for months across unrelated statements, so a
    relay between two sources counts only within ``max_days`` (``margin``)."""
    if relation(pa, pb) != "same" or not quote_bonus(pa, pb, weights, rules):
        return False
    run = rules.said_again_run
    shared = quoted_runs(a.content, run) & quoted_runs(b.content, run)
    # not "are going to"; nor a slogan whose article makes up the run ("a political
    # revolution" in two speeches months apart), unless two of its words are rare ("a reckless
    # gamble" quoted again)
    return any(
        sum(not common(w) for w in words) >= (2 if words[0] in ARTICLES else 1) for words in shared
    )


def _restated_quote(a: ClaimRecord, b: ClaimRecord, sim: float, rules: ClusterSettings) -> bool:
    """One source's statement reported again in close wording (``restated``) around the same
    quoted words, one of them no everyday word: "called the handling of the files 'grossly
    negligent'" a month after "'grossly negligent in how it handled the files', he said". A
    speaker's habit ("'crooked' Joe") shares its quoted words, not the rest of the wording."""
    if sim < rules.restated:
        return False
    shared = quoted_runs(a.content, rules.quoted_run) & quoted_runs(b.content, rules.quoted_run)
    return any(not all(common(w) for w in words) for words in shared)


def choose(scored: Sequence[tuple[float, float, str]]) -> Match | None:
    """Of (margin, similarity, cluster id) triples, the cluster to join: the one whose nearest
    member is matched by the widest margin, if any margin reaches zero."""
    close = [s for s in scored if s[0] >= 0]
    if not close:
        return None
    _, sim, cluster_id = max(close)
    return Match(cluster_id, round(sim, 4))
