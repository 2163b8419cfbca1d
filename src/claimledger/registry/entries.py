"""What a registry entry is: a known actor or outlet, and the vocabulary descriptors use."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["person", "organization", "outlet", "government", "military"]
KINDS: tuple[Kind, ...] = ("person", "organization", "outlet", "government", "military")


@dataclass(frozen=True)
class ActorEntry:
    """A known person or organisation, as the registry describes it.

    ``country`` is the ISO 3166 code of the state the actor works for or sides with (the side
    an article's "Ukrainian" or "Russian" is compared with); ``descriptors`` are words an
    article may use for the actor without contradicting the registry ("military expert",
    "LPR"); ``affiliation`` names the organisation the actor belongs to.
    """

    id: str
    name: str
    kind: Kind
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    country: str | None = None
    role: str | None = None
    descriptors: tuple[str, ...] = ()
    notes: str | None = None
    sources: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name, then every alias."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class OutletEntry(ActorEntry):
    """A news outlet: an actor with an owner and whether it is state media.

    ``state_media`` is true when a state owns the outlet or funds it mainly from its budget.
    """

    owner: str | None = None
    state_media: bool = False


@dataclass(frozen=True)
class Vocabulary:
    """The words descriptor and place rules are built from (the ``vocabulary`` section).

    sides                 descriptor word -> the country (ISO code) it places an actor on
    metonyms              a name that stands for a state's authorities when it speaks ("Kyiv
                          said", "the Kremlin denied") -> that country
    organization_words    words that make an entity an organisation's name, never a place
    locatives             words after which a name is a place ("in X", "near X")
    locative_heads        words that make "<word> of X" a place ("south of X", "village of X")
    """

    sides: Mapping[str, str] = field(default_factory=dict)
    metonyms: Mapping[str, str] = field(default_factory=dict)
    organization_words: frozenset[str] = frozenset()
    locatives: frozenset[str] = frozenset()
    locative_heads: frozenset[str] = frozenset()
