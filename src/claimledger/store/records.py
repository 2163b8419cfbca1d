"""What the store hands to analysis and to the CLI: frozen records, no SQL rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from claimledger.models import Roles


@dataclass(frozen=True)
class ArticleRecord:
    doc_id: str
    article_key: str
    version: int
    is_current: bool
    outlet: str | None
    outlet_id: str | None
    url: str | None
    path: str | None
    title: str | None
    published: str | None
    source_id: str | None
    ingested_at: str


@dataclass(frozen=True)
class MentionRecord:
    """A place, unit, person or organisation an article names, as resolved when it was stored
    (``data``: the extractor's whole record, e.g. a place's GeoNames id)."""

    doc_id: str
    type: str  # "place" | "unit" | "person" | "organization"
    text: str
    name: str
    kind: str | None
    lat: float | None
    lon: float | None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class QuantityRecord:
    id: str
    doc_id: str
    text: str
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    unit: str | None
    what: str | None
    period_start: str | None
    period_end: str | None
    per: str | None
    bound: str | None = None  # "at_least" ("at least 12", "more than 400"), "at_most", "about"


@dataclass(frozen=True)
class ClaimRecord:
    id: str
    doc_id: str
    content: str
    speaker_name: str | None
    speaker_kind: str
    chain: tuple[tuple[str, str], ...]  # (name, kind), outermost relay first
    origin: str | None
    hedged: bool
    verification: str | None
    polarity: str
    outlet_id: str | None
    outlet: str | None
    published: str | None
    cluster_id: str | None = None
    similarity: float | None = None  # to its cluster when it joined (1.0 for the founder)
    stance: str | None = None  # "for" when it states its cluster's claim, "against" when not
    quantities: tuple[QuantityRecord, ...] = field(default=())
    mentions: tuple[str, ...] = field(default=())  # names of places/units/actors in the content
    spelled: tuple[tuple[str, str], ...] = field(default=())  # (as written, name) in the content
    seq: int = 0  # its place among its article's claims (0: the lead)
    roles: Roles | None = None  # (agent, those acted on): extract/roles.py
    speaker_text: str | None = None  # the speaker as the article writes it ("Russia's MoD")


@dataclass(frozen=True)
class Cluster:
    id: str
    assessment: str
    independent_origins: int
    origins: tuple[str, ...]
    reasons: tuple[str, ...]
    size: int


@dataclass(frozen=True)
class Check:
    id: str
    quantity_a: str
    quantity_b: str
    kind: str
    verdict: str
    claim_ids: tuple[str, ...]
    figures: tuple[str, ...]
    explanation: str


@dataclass(frozen=True)
class SourceGrade:
    name: str
    reliability: str
    reasons: tuple[str, ...]
    claims: int
    corroborated: int
    contested: int
    denied: int


@dataclass(frozen=True)
class ClaimGrade:
    claim_id: str
    credibility: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class DescriptorConflict:
    doc_id: str
    actor: str
    registry_id: str | None
    descriptor: str
    expected: str
