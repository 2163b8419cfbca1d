"""Descriptor conflicts: an article describing a registered actor against the registry.

The rule: a descriptor conflicts when it places the actor on another side than the registry
does. Two kinds of descriptor are compared, both taken from the words attached to a mention
(appositions, pre-modifiers, "from/of/at X"):

- **nationality**: a side word of the vocabulary ("Ukrainian", "pro-Russian", "LPR") names a
  country; it conflicts when the entry has a country, the word names another one, and the
  word is not among the entry's ``descriptors`` (the words that fit it).
- **affiliation**: a registered organisation named beside the actor ("journalist X from
  Die Welt") conflicts when its country differs from the actor's, or when both it and the
  actor's affiliation are outlets and they are different outlets; an organisation listed in
  the entry's ``descriptors`` or named by its ``affiliation`` fits.

Roles never conflict: a retired officer is fairly called an analyst, an official a source,
and titles change faster than a registry does. Nothing is judged without a country.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from claimledger.registry.entries import ActorEntry
from claimledger.registry.match import normalise

ConflictKind = Literal["nationality", "affiliation"]


@dataclass(frozen=True)
class DescriptorConflict:
    """A descriptor of a mention the registry contradicts, and what the registry says."""

    descriptor: str
    kind: ConflictKind
    expected: str

    def __str__(self) -> str:
        return f"{self.descriptor}: the registry has {self.expected}"


def expected_of(entry: ActorEntry) -> str:
    """How the registry places an entry, for messages: "RU (LPR People's Militia)"."""
    country = entry.country or "no country"
    return f"{country} ({entry.affiliation})" if entry.affiliation else country


@lru_cache(maxsize=64)
def side_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    alts = [re.escape(w) if w.isupper() else f"(?i:{re.escape(w)})" for w in ordered]
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)})(?![\w-])")


def side_words(text: str, sides: Mapping[str, str]) -> Iterator[tuple[str, str]]:
    """(word as written, country) for each side word in ``text``, longest words first."""
    if not sides:
        return
    lookup = {normalise(k): v for k, v in sides.items()}
    for m in side_pattern(tuple(sides)).finditer(text):
        yield m.group(0), lookup[normalise(m.group(0))]


def nationality_conflicts(
    entry: ActorEntry, phrases: Iterable[str], sides: Mapping[str, str]
) -> list[DescriptorConflict]:
    """Side words in ``phrases`` that put ``entry`` in another country than its own."""
    if entry.country is None:
        return []
    fits = {normalise(d) for d in entry.descriptors}
    found = []
    for phrase in phrases:
        for word, country in side_words(phrase, sides):
            if country != entry.country and normalise(word) not in fits:
                found.append(DescriptorConflict(word, "nationality", expected_of(entry)))
    return found


def affiliation_conflicts(
    entry: ActorEntry,
    organizations: Iterable[tuple[str, ActorEntry]],
    resolve: Callable[[str], ActorEntry | None],
) -> list[DescriptorConflict]:
    """Registered organisations named beside ``entry`` (as written, entry) that contradict it."""
    own = resolve(entry.affiliation) if entry.affiliation else None
    fits = {normalise(d) for d in entry.descriptors}
    found = []
    for written, org in organizations:
        listed = fits & {normalise(n) for n in org.names}
        if listed or org.id in (entry.id, own.id if own else None):
            continue
        other_country = None not in (org.country, entry.country) and org.country != entry.country
        other_outlet = own is not None and own.kind == org.kind == "outlet"
        if other_country or other_outlet:
            found.append(DescriptorConflict(written, "affiliation", expected_of(entry)))
    return found
