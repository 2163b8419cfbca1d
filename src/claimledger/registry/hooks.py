"""What the rest of claimledger asks of the registry: canonical names, outlet ids, owners and
reliability priors. Kept here so extraction and the ledger depend on four small functions,
not on the registry's data model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from claimledger.registry.conflicts import side_words
from claimledger.registry.entries import ActorEntry, OutletEntry
from claimledger.registry.load import Registry, load_registry

PARTY_COUNTRIES = frozenset({"UA", "RU"})
# the place of a regional or city office in a registry role
SEAT = re.compile(
    r"\b(?:[Gg]overnor|[Mm]ayor|[Hh]ead)\s+of\s+(?:the\s+)?(?:Russian-installed\s+"
    r"administration\s+of\s+)?(?:occupied\s+)?(?:parts\s+of\s+)?([A-Z][\w'’-]+)"
)
SPOKESPEOPLE = ("spokesman", "spokeswoman", "spokesperson", "press secretary")
# the head of an international organisation speaks for it ("IAEA chief Rafael Grossi", "the
# IAEA said"): one line of reporting, not two
HEADS = ("director general of", "director-general of", "secretary-general of",
         "secretary general of")  # fmt: skip
_OFFICE = (
    r"(?:press service|press office|press cent(?:re|er)|public relations cent(?:re|er)"
    r"|media cent(?:re|er))"
)
PRESS_OFFICE = re.compile(
    rf"^(?:the )?{_OFFICE} of (?:the )?(?P<of>.+)$|^(?:the )?(?P<owner>.+?)(?:'s)? {_OFFICE}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RegistryHooks:
    """The registry lookups one ledger makes, with their answers kept for that ledger (a
    ledger opened with another registry asks it, never a cache of another one)."""

    registry: Registry
    found: dict[str, ActorEntry | None] = field(default_factory=dict, compare=False)

    def entry(self, name: str) -> ActorEntry | None:
        if name not in self.found:
            if len(self.found) > MAX_KEPT:
                self.found.clear()
            match = self.registry.match(name)
            self.found[name] = match.entry if match else None
        return self.found[name]

    def canonical(self, name: str) -> str | None:
        """The registry's name for a registered actor ("Valeriy Gerasimov" -> its entry's name)."""
        found = self.entry(name)
        return found.name if found else None

    def body(self, name: str) -> str | None:
        """The registry's name for a registered body (not a person, not an outlet: their
        names are written in one way the registry keeps)."""
        found = self.entry(name)
        if found is None or isinstance(found, OutletEntry) or found.kind == "person":
            return None
        return found.name

    def outlet_id(self, name: str) -> str | None:
        found = self.entry(name)
        return found.id if isinstance(found, OutletEntry) else None

    def owner(self, name: str) -> str | None:
        """Who owns an outlet, as a key (outlets with one owner are one line of reporting);
        None for anything that is not a registered outlet."""
        found = self.entry(name)
        if not isinstance(found, OutletEntry):
            return None
        if not found.owner:
            return found.id
        return found.owner.split("(")[0].split(",")[0].strip().lower().removeprefix("the ")

    def speaks_for(self, name: str, heads: bool = True) -> str | None:
        """The organisation a registered spokesperson, a press office ("the FSB public relations
        centre", "the press service of the General Staff") or the head of an international
        organisation (``HEADS``; not with ``heads=False``, as a source's grade is its own)
        speaks for: their statements are its own."""
        office = PRESS_OFFICE.match(name.strip())
        if office:
            body = self.entry(office.group("of") or office.group("owner"))
            if body is not None:
                return body.name
        found = self.entry(name)
        if found is None or not found.affiliation or not found.role:
            return None
        role = found.role.lower()
        if any(word in role for word in SPOKESPEOPLE) or (heads and role.startswith(HEADS)):
            return self.canonical(found.affiliation) or found.affiliation
        return None

    def metonym(self, name: str) -> str | None:
        """The country whose authorities a name stands for when it speaks ("Kyiv", "the
        Kremlin"), or None."""
        key = " ".join(name.split()).removeprefix("the ").removeprefix("The ")
        return self.registry.vocabulary.metonyms.get(key)

    def seats(self, name: str) -> frozenset[str]:
        """The places a registered official holds office for, from the entry's role
        ("Governor of Belgorod Oblast": belgorod; "head of the Kharkiv regional military
        administration": kharkiv), lower-cased; none for anyone else."""
        found = self.entry(name)
        if found is None or not found.role:
            return frozenset()
        return frozenset(m.group(1).lower() for m in SEAT.finditer(found.role))

    def side(self, name: str) -> str | None:
        """The country an official source works for: its registry entry's, else the side or
        country words in its name ("Russian Defence Ministry", "General Staff of Ukraine")."""
        found = self.entry(name)
        if found is not None and found.country:
            return found.country
        vocabulary = self.registry.vocabulary
        for _word, country in side_words(name, vocabulary.sides):
            return country
        for _word, country in side_words(name, vocabulary.metonyms):
            return country
        return None

    def official(self, name: str) -> str | None:
        """The state a registered source speaks for as one of its authorities (a ministry, an
        armed force, a minister, a governor, a spokesperson), or None: a journalist, an
        opposition leader or an outlet of that country speaks for no state."""
        found = self.entry(name)
        if found is None or not found.country or isinstance(found, OutletEntry):
            return None
        if found.kind in ("government", "military"):
            return found.country
        role = found.role or ""
        if found.kind == "person" and OFFICIAL_ROLE.search(role) and not NOT_OFFICIAL.search(role):
            return found.country
        return None

    def prior(self, name: str) -> tuple[str, str] | None:
        """A reliability prior (letter, why) while a source has too little track record."""
        found = self.entry(name)
        if isinstance(found, OutletEntry):
            if found.state_media:
                return "D", f"state media ({found.owner or found.country})"
            return "C", "a registered news outlet"
        if (
            found is not None
            and found.country in PARTY_COUNTRIES
            and found.kind in ("government", "military")
        ):
            return "D", f"an official source of a party to the war ({found.country})"
        return None


# offices whose holder speaks for a state (registry roles); not a journalist, commentator,
# opposition leader or a private army's founder
OFFICIAL_ROLE = re.compile(
    r"\b(?:president|prime minister|minister|spokes(?:man|woman|person)|press secretary"
    r"|secretary|chief|commander|head|governor|mayor|ambassador|representative|commissioner"
    r"|adviser|aide|chairman|director)\b",
    re.IGNORECASE,
)
NOT_OFFICIAL = re.compile(
    r"\b(?:journalist|correspondent|commentator|opposition|editor|founder|analyst|blogger)\b",
    re.IGNORECASE,
)

MAX_KEPT = 65536  # names whose registry entry one ledger keeps


def registry_hooks() -> RegistryHooks:
    """The lookups of the current registry (the shipped one with the user's file over it),
    one set per registry: asked once per name of every article, they were built afresh each
    time; a registry read again (the user's file changed) gets its own."""
    registry = load_registry()
    if _CURRENT and _CURRENT[0].registry is registry:
        return _CURRENT[0]
    _CURRENT[:] = [RegistryHooks(registry)]
    return _CURRENT[0]


_CURRENT: list[RegistryHooks] = []
