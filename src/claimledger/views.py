"""Typed views of the ledger: what the CLI, the REST API, the web pages and the exports show.

A view names things by the ids the user gave: an article by its input id, URL or path (its
``article_key``), a claim by its article's id and its number in the article
(``"kyiv-0412:c3"``). Text hashes are internal keys only; a view keeps one as ``key`` so the
library can find the row again.

Views are frozen dataclasses with plain fields; ``to_dict`` gives their JSON form.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from typing import Any, Generic, TypeVar

ASSESSMENTS = ("corroborated", "circular", "single-source", "contested", "denied")
VERIFICATIONS = ("unverified", "disputed", "denied", "confirmed", "none")
CHECK_VERDICTS = ("tension", "consistent")
_CLAIM_ID = re.compile(r"^(?P<article>.+):(?P<n>c\d+(?:\.\d+)?)$")  # "c3", a part "c3.2"


def public_claim_id(article_id: str, internal_id: str) -> str:
    """The user's id of a claim: its article's id and its number in the article."""
    return f"{article_id}:{internal_id.rsplit(':', 1)[-1]}"


def split_claim_id(claim_id: str) -> tuple[str, str] | None:
    """(article id, "cN") of a user's claim id; None when it is not one."""
    found = _CLAIM_ID.match(claim_id)
    return (found["article"], found["n"]) if found else None


def clean_name(name: str | None) -> str | None:
    """A name for display: runs of whitespace (newlines, tabs) as one space, no edge spaces."""
    if name is None:
        return None
    return " ".join(name.split()) or None


class View:
    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = asdict(self)  # type: ignore[call-overload]  # a dataclass
        return out


@dataclass(frozen=True)
class ArticleView(View):
    id: str  # the user's id: input id, URL or path
    key: str  # internal: the text hash of this version
    version: int
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    ingested_at: str
    claims: int | None = None  # how many, when counted


@dataclass(frozen=True)
class QuantityView(View):
    id: str
    text: str
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    what: str | None
    period_start: str | None
    period_end: str | None
    per: str | None


@dataclass(frozen=True)
class ClaimView(View):
    id: str  # "<article id>:cN"
    key: str  # internal claim id
    article: str  # the article's user id
    content: str
    speaker: str | None
    speaker_kind: str
    chain: tuple[str, ...]  # outermost relay first, the origin last
    origin: str | None
    hedged: bool
    verification: str | None
    polarity: str
    outlet: str | None
    published: str | None
    cluster: str | None
    stance: str | None
    places: tuple[str, ...]
    quantities: tuple[QuantityView, ...] = field(default=())


@dataclass(frozen=True)
class ClusterView(View):
    id: str
    assessment: str
    independent_origins: int
    origins: tuple[str, ...]
    reasons: tuple[str, ...]
    size: int


@dataclass(frozen=True)
class CheckView(View):
    id: str
    kind: str
    verdict: str
    figures: tuple[str, ...]
    explanation: str
    claims: tuple[str, ...]  # user claim ids


@dataclass(frozen=True)
class GradeView(View):
    credibility: int
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class SourceView(View):
    name: str
    reliability: str
    reasons: tuple[str, ...]
    claims: int
    corroborated: int
    contested: int
    denied: int


@dataclass(frozen=True)
class PlaceView(View):
    name: str
    kind: str | None
    country: str | None
    lat: float | None
    lon: float | None
    claims: int
    articles: int


@dataclass(frozen=True)
class SearchHitView(View):
    kind: str  # "article" or "claim"
    id: str  # user id
    article: str
    snippet: str


@dataclass(frozen=True)
class ClaimDetail(View):
    claim: ClaimView
    grade: GradeView | None
    cluster: ClusterView | None
    members: tuple[ClaimView, ...]  # the cluster's other members
    checks: tuple[CheckView, ...]
    linked: tuple[ClaimView, ...] = ()  # claims of other clusters that deny or contradict it


@dataclass(frozen=True)
class ArticleDetail(View):
    article: ArticleView
    text: str
    claims: tuple[ClaimView, ...]
    spans: dict[str, Any]  # the stored extraction's spans: claims, quantities, places, units


@dataclass(frozen=True)
class ClusterDetail(View):
    cluster: ClusterView
    members: tuple[ClaimView, ...]
    checks: tuple[CheckView, ...]
    linked: tuple[ClaimView, ...] = ()  # claims of other clusters that deny or contradict it


T = TypeVar("T", bound=View)


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list and the cursor of the next (None on the last page)."""

    items: tuple[T, ...]
    next_cursor: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"items": [i.to_dict() for i in self.items], "next_cursor": self.next_cursor}
