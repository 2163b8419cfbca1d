"""Types that cross stage boundaries: ingest -> nlp -> extract -> export.

All are frozen dataclasses; stages hand them to each other and never mutate them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

SourceKind = Literal[
    "person",
    "expert",
    "journalist",
    "outlet",
    "government",
    "military",
    "organization",
    "anonymous",
    "document",
    "unspecified",
]
Verification = Literal["unverified", "disputed", "denied", "confirmed"]
Polarity = Literal["affirm", "deny"]


def content_hash(text: str) -> str:
    """The stable id of an article: a hash of its text (whitespace-normalised)."""
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class SourceInfo:
    """Where an article came from and the metadata its input carried."""

    path: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class Article:
    """One article as ingested: its text and where it came from."""

    text: str
    source: SourceInfo = field(default_factory=SourceInfo)

    @cached_property
    def doc_id(self) -> str:
        """A hash of the whole text: computed once (the store asks for it per claim and figure,
        which cost seconds per long article inside the write transaction)."""
        return content_hash(self.text)


Roles = tuple[str, tuple[str, ...]]  # a claim's agent and those it acts on (extract/roles.py)


@dataclass(frozen=True)
class Span:
    """A stretch of the article's text, by character offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Speaker:
    """Who a claim is attributed to: as written, and resolved across the article."""

    text: str | None
    name: str | None
    kind: SourceKind
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Hop:
    """One link of an attribution chain (outermost relay first, origin last)."""

    name: str
    kind: SourceKind


@dataclass(frozen=True)
class Claim:
    """One attributed claim of an article."""

    id: str
    content: Span
    cue: Span | None
    speaker: Speaker
    chain: tuple[Hop, ...]
    hedged: bool
    hedges: tuple[Span, ...] = ()
    verification: Verification | None = None
    polarity: Polarity = "affirm"
    quantity_ids: tuple[str, ...] = ()
    sentence: int = 0
    # the propositions of a content that says several things (``extract/propositions.py``),
    # which the ledger treats one by one; empty when it says one thing
    parts: tuple[Span, ...] = ()
    # who does what to whom (``extract/roles.py``): of the content, then of each part
    roles: tuple[Roles | None, ...] = ()


@dataclass(frozen=True)
class Actor:
    """A named person or organisation, resolved to one canonical name in the article.

    ``registry_id`` names the registry entry it matched; ``spelling_variant`` is set when the
    article writes the name in no registered spelling ("Christof Vanner" for Christoph
    Wanner); ``descriptor_conflicts`` are the article's descriptors of it that the registry
    contradicts, each as "<descriptor>: the registry has <country (affiliation)>";
    ``speaks_for`` is the organisation or person the article names a person as speaking for
    ("FBI Director James Comey": FBI; ``extract/principals.py``); ``roles`` are the article's
    descriptors of a person that state a role ("M23 military spokesman", "a commander"), as
    written, which the ledger compares across articles (``analyze/descriptors.py``).
    """

    text: str
    name: str
    kind: str | None = None
    registry_id: str | None = None
    spelling_variant: bool = False
    descriptor_conflicts: tuple[str, ...] = ()
    speaks_for: str | None = None
    roles: tuple[str, ...] = ()


Bound = Literal["exact", "at_least", "at_most", "about"]
Per = Literal["day", "week", "month", "year"]


@dataclass(frozen=True)
class Period:
    """The time a figure covers, resolved against the article's publication date."""

    text: str | None
    start: str | None  # ISO date
    end: str | None  # ISO date


@dataclass(frozen=True)
class Quantity:
    """A reported figure: a value or a range, what it counts, over which period, per what."""

    id: str
    text: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    approximate: bool
    bound: Bound | None
    unit: str | None
    what: str | None
    period: Period | None
    per: Per | None


@dataclass(frozen=True)
class Place:
    """A place mentioned in the article, resolved in the gazetteer (null coordinates if unknown)."""

    text: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    feature: str | None
    start: int | None = None
    end: int | None = None
    geonameid: int | None = None


@dataclass(frozen=True)
class Unit:
    """A military formation: number, echelon, branch and side."""

    text: str
    name: str
    number: int | None
    echelon: str | None
    side: str | None
    branch: str | None = None
    start: int | None = None
    end: int | None = None
    registry_id: str | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    claims: tuple[Claim, ...]
    people: tuple[Actor, ...] = ()
    organizations: tuple[Actor, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    places: tuple[Place, ...] = ()
    units: tuple[Unit, ...] = ()

    def affiliations(self) -> set[tuple[str, str]]:
        """(person, principal) for each person the article names as speaking for another."""
        return {(a.name, a.speaks_for) for a in self.people if a.speaks_for not in (None, a.name)}
