"""Admiralty-style grades: source reliability A-F and claim credibility 1-6, with reasons.

Reliability of a source (an origin of claims) comes from its track record in the ledger: of its
claims whose cluster was judged (corroborated, contested or denied), the share corroborated.
A registry prior (for example state media) stands in while fewer than ``MIN_RECORD`` claims
have been judged; with no prior and fewer judged claims the grade is F, "cannot be judged", with
the count. A source is graded over all the names it goes by (``proposition.source_variants``);
names that name no one (pronouns, "officials", page furniture) are never graded.

    A  >= 90% corroborated (at least 10 judged claims)
    B  >= 75% (at least 5 judged claims)
    C  >= 50% (at least 5 judged claims)
    D, E only from a registry prior: the ledger sees confirmation, not falsehood (a party
         disputing or denying a claim is a dispute, not proof), so a record below 50% reads
         F, "cannot be judged", with the counts
    F  cannot be judged

Credibility of a claim comes from its cluster and its own flags:

    1 confirmed by independent sources (corroborated cluster, not hedged)
    2 probably true (corroborated but hedged, or the article reports it confirmed)
    3 possibly true (one line of reporting, nothing against it, source graded A-C)
    4 doubtful (one line of reporting and hedged, unverified, or a source graded D-F)
    5 improbable (contested or denied by others)
    6 cannot be judged (no named source)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from claimledger.analyze.proposition import source_variants
from claimledger.settings import shipped_settings
from claimledger.store.records import ClaimGrade, ClaimRecord, Cluster, SourceGrade

if TYPE_CHECKING:
    from claimledger.store.base import Store

MEANING = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "cannot be judged",
}  # the Admiralty scale's words: "F" is no failing mark


def shown(letter: str) -> str:
    """A reliability letter with its meaning: "F (cannot be judged)"."""
    return f"{letter} ({MEANING[letter]})" if letter in MEANING else letter


MIN_RECORD = shipped_settings().grades.min_record  # when no ledger passes its own (settings)
PriorOf = Callable[[str], tuple[str, str] | None]


def grade_source(
    name: str,
    tally: Mapping[str, int],
    prior: tuple[str, str] | None,
    min_record: int = MIN_RECORD,
) -> SourceGrade:
    """Reliability of a source from the outcomes of its claims (how many claims have each: the
    assessment of the claim's cluster, or "against"); a letter needs ``min_record`` judged
    claims (``[grades]`` settings)."""
    count = Counter(tally)
    good, contested, denied = count["corroborated"], count["contested"], count["denied"]
    judged = good + contested + denied
    record = (
        f"{count.total()} claim(s) in the ledger: {good} corroborated, {contested} contested, "
        f"{denied} denied, {count['circular'] + count['single-source']} not yet confirmed"
        + (f", {count['against']} contradicting others" if count["against"] else "")
    )
    reasons = [record]
    if judged < min_record and prior is not None:
        letter = prior[0]
        reasons.append(f"registry: {prior[1]} ({letter}); too little track record to override it")
    elif judged < min_record:
        letter = "F"
        reasons.append(
            f"cannot be judged: {judged} of its claims corroborated or contradicted, "
            f"{min_record} needed"
        )
    else:
        share = good / judged
        found = _letter(share, judged, min_record)
        reasons.append(f"{share:.0%} of {judged} judged claim(s) corroborated")
        if found is None and prior is not None:
            letter = prior[0]
            reasons.append(f"registry: {prior[1]} ({letter}); the record does not override it")
        elif found is None:
            letter = "F"
            reasons.append(
                f"cannot be judged: {contested + denied} of its claims disputed by other parties "
                f"against {good} corroborated; a dispute is no evidence that a source is wrong"
            )
        else:
            letter = found
            if prior is not None:
                reasons.append(f"registry: {prior[1]} ({prior[0]})")
    return SourceGrade(name, letter, tuple(reasons), count.total(), good, contested, denied)


def _letter(share: float, judged: int, min_record: int) -> str | None:
    """The letter a record earns, or None when it cannot tell: the ledger sees confirmation
    (independent lines saying the same) but not falsehood (a party disputing a claim is a
    dispute), so a record can raise a source to A-C and never lower it to D or E."""
    if share >= 0.9 and judged >= 2 * min_record:
        return "A"
    for letter, floor in (("B", 0.75), ("C", 0.5)):
        if share >= floor:
            return letter
    return None


def grade_claim(
    claim: ClaimRecord, cluster: Cluster, source: SourceGrade | None, against: bool
) -> ClaimGrade:
    """Credibility 1-6 of one claim."""
    if not claim.origin:
        return ClaimGrade(claim.id, 6, ("no named source: cannot be judged",))
    if cluster.assessment in ("contested", "denied") and not against:
        return ClaimGrade(
            claim.id, 5, (f"its cluster is {cluster.assessment}: {cluster.reasons[-1]}",)
        )
    if cluster.assessment == "corroborated":
        if claim.hedged:
            return ClaimGrade(
                claim.id, 2, ("corroborated by independent origins", "the article hedges it")
            )
        return ClaimGrade(
            claim.id, 1, ("confirmed by independent origins: " + ", ".join(cluster.origins),)
        )
    if claim.verification == "confirmed":
        return ClaimGrade(claim.id, 2, ("the article reports it independently confirmed",))
    reasons = [f"one line of reporting ({cluster.assessment})"]
    doubts = []
    if claim.hedged:
        doubts.append("the article hedges it")
    if claim.verification in ("unverified", "disputed"):
        doubts.append(f"the article calls it {claim.verification}")
    letter = source.reliability if source else "F"
    if letter in ("D", "E", "F"):
        doubts.append(f"its source is graded {letter}")
    if doubts:
        return ClaimGrade(claim.id, 4, tuple(reasons + doubts))
    return ClaimGrade(claim.id, 3, (*reasons, f"nothing against it; source graded {letter}"))


def graded_as(store: Store, name: str) -> SourceGrade | None:
    """The grade of a source under whichever of its names it is graded."""
    found = store.source_grade(name)
    if found is not None:
        return found
    for variant in source_variants(name, store.tallied_names):
        found = store.source_grade(variant)
        if found is not None:
            return found
    return None


def claim_grades(store: Store, claims: Sequence[ClaimRecord]) -> dict[str, ClaimGrade]:
    """Credibility 1-6 of each claim, from its cluster, its stance and its source's grade as they
    stand now (computed when read, so it never lags behind a source's changed grade)."""
    clusters: dict[str, Cluster | None] = {}
    sources: dict[str, SourceGrade | None] = {}
    out = {}
    for claim in claims:
        if claim.cluster_id is None:
            continue
        if claim.cluster_id not in clusters:
            clusters[claim.cluster_id] = store.cluster(claim.cluster_id)
        if claim.origin and claim.origin not in sources:
            sources[claim.origin] = graded_as(store, claim.origin)
        cluster = clusters[claim.cluster_id]
        if cluster is not None:
            source = sources.get(claim.origin) if claim.origin else None
            out[claim.id] = grade_claim(claim, cluster, source, claim.stance == "against")
    return out
