"""Matching a name as written to a registry entry.

1. **Alias**: the name equals the entry's name or one of its aliases once both are normalised
   (case, diacritics, apostrophes, punctuation, a leading "the" and a trailing possessive
   "'s" do not count). A name two entries share matches neither.
2. **Surname**: a one-word name equal to the surname of exactly one registered person
   ("Zakharova"), unless the surname is a common one (``COMMON_SURNAMES``: "Miller said" is
   not the registered Matthew Miller).
3. **Spelling** (people only; sets ``spelling_variant``): the first names start with the same
   letter and the surnames are alike: equal once V/W, I/Y/J, KH/H, PH/F and doubled letters
   are folded ("Vanner" ~ "Wanner", "Zelenskiy" ~ "Zelensky"), or within edit distance 1
   (surnames of 5+ letters) or 2 (8+ letters). A one-word name matches by the folded form
   only. The closest entry wins; a tie matches neither.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from claimledger.registry.entries import ActorEntry

How = Literal["alias", "surname", "spelling"]
# surnames so common in English-language news that one alone never stands for the registered
# person of that name (their full names still match)
COMMON_SURNAMES = frozenset(
    "miller kim sullivan austin johnson wallace smith jones brown davis wilson lee park "
    "martin clark lewis walker young allen king wright scott green baker adams nelson hill "
    "campbell mitchell roberts carter phillips evans turner torres parker collins edwards "
    "stewart morris murphy cook rogers morgan cooper peterson reed bailey bell kelly howard "
    "ward cox richardson wood watson brooks bennett gray james hughes price sanders myers long "
    "ross foster powell jenkins perry russell butler barnes fisher henderson coleman simmons "
    "patterson jordan reynolds hamilton graham wallace cole west owens harrison gibson "
    "ivanov petrov smirnov kuznetsov popov sokolov lebedev kozlov novikov morozov volkov "
    "fedorov melnyk shevchenko bondarenko kovalenko boyko tkachenko kravchenko".split()
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_PHONETIC = (("kh", "h"), ("ph", "f"), ("ck", "k"), ("w", "v"), ("y", "i"), ("j", "i"))


@dataclass(frozen=True)
class Match:
    """A name matched to an entry; ``spelling_variant`` when it is no registered spelling."""

    entry: ActorEntry
    how: How

    @property
    def id(self) -> str:
        return self.entry.id

    @property
    def spelling_variant(self) -> bool:
        return self.how == "spelling"


def fold_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """The look-up key of a name: lower case, no accents, apostrophes or punctuation."""
    text = fold_accents(name).translate(_APOSTROPHES).lower().strip()
    text = re.sub(r"'s?$", "", text)
    text = text.replace("'", "")
    text = re.sub(r"[^\w]+", " ", text).strip()
    return text.removeprefix("the ")


@lru_cache(maxsize=65536)
def phonetic(word: str) -> str:
    """A spelling-tolerant key of one word: V/W, I/Y/J, KH/H, PH/F, doubled letters folded."""
    key = normalise(word).replace(" ", "")
    for old, new in _PHONETIC:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)


def distance(a: str, b: str) -> int:
    """Edit distance with transpositions (optimal string alignment)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            best = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, prev2[j - 2] + 1)
            cur.append(best)
        prev2, prev = prev, cur
    return prev[-1]


def _allowed(surname: str) -> int:
    return 2 if len(surname) >= 8 else 1 if len(surname) >= 5 else 0


MAX_ANSWERS = 50_000  # names remembered per index before it starts afresh
OWNED = re.compile(r"^(?:the\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)['’]s\s+(\w+\s+of\s+.+)$")


@dataclass(frozen=True)
class NameIndex:
    """Look-up tables over a registry's entries, built once by :func:`build_index`."""

    aliases: Mapping[str, tuple[ActorEntry, ...]]
    surnames: Mapping[str, tuple[ActorEntry, ...]]
    people: tuple[tuple[ActorEntry, tuple[tuple[str, str], ...]], ...]  # (first, surname)
    # answers already given: the same names recur in every article, and the fuzzy match
    # compares a name with every registered person (a fifth of extraction time uncached)
    _answers: dict[tuple[str, bool | None], Match | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    def match(self, name: str, *, person: bool | None = None) -> Match | None:
        """The entry ``name`` stands for; ``person`` restricts to people or to the rest."""
        if (name, person) in self._answers:
            return self._answers[(name, person)]
        if len(self._answers) >= MAX_ANSWERS:
            self._answers.clear()
        found = self._match(name, person)
        self._answers[(name, person)] = found
        return found

    def _match(self, name: str, person: bool | None) -> Match | None:
        key = normalise(name)
        if not key:
            return None
        found = _unique(self.aliases.get(key, ()), person)
        if found is not None:
            return Match(found, "alias")
        owned = OWNED.match(name.strip())
        if owned is not None and person is not True:  # "Russia's Ministry of Defence"
            found = _unique(self.aliases.get(normalise(f"{owned[2]} of {owned[1]}"), ()), False)
            if found is not None:
                return Match(found, "alias")
        if person is False:
            return None
        words = key.split()
        if len(words) == 1:
            if words[0] in COMMON_SURNAMES:
                return None  # "Miller said", "Kim said": many people, not the one registered
            found = _unique(self.surnames.get(words[0], ()), True)
            return Match(found, "surname") if found else self._fuzzy_surname(words[0])
        return self._fuzzy(words[0], words[-1])

    def _fuzzy_surname(self, surname: str) -> Match | None:
        key = phonetic(surname)
        if len(key) < 5:
            return None
        hits = {e.id: e for e, forms in self.people if any(phonetic(s) == key for _, s in forms)}
        return Match(next(iter(hits.values())), "spelling") if len(hits) == 1 else None

    def _fuzzy(self, first: str, surname: str) -> Match | None:
        scored: dict[str, tuple[int, ActorEntry]] = {}
        for entry, forms in self.people:
            for f, s in forms:
                d = _closeness(first, surname, f, s)
                if d is not None and d < scored.get(entry.id, (99, entry))[0]:
                    scored[entry.id] = (d, entry)
        if not scored:
            return None
        ranked = sorted(scored.values(), key=lambda pair: pair[0])
        if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
            return None
        return Match(ranked[0][1], "spelling")


def _closeness(first: str, surname: str, reg_first: str, reg_surname: str) -> int | None:
    """How far a written name is from a registered one, or None when it is another name."""
    if phonetic(first)[:1] != phonetic(reg_first)[:1]:
        return None
    if phonetic(surname) == phonetic(reg_surname):
        return 0
    if abs(len(surname) - len(reg_surname)) > 2:
        return None
    d = distance(surname, reg_surname)
    return d if 0 < d <= _allowed(reg_surname) else None


def _unique(entries: Iterable[ActorEntry], person: bool | None) -> ActorEntry | None:
    fit = {e.id: e for e in entries if person is None or (e.kind == "person") == person}
    return next(iter(fit.values())) if len(fit) == 1 else None


def build_index(entries: Iterable[ActorEntry]) -> NameIndex:
    """Alias, surname and spelling tables over ``entries``."""
    aliases: defaultdict[str, list[ActorEntry]] = defaultdict(list)
    surnames: defaultdict[str, list[ActorEntry]] = defaultdict(list)
    people: list[tuple[ActorEntry, tuple[tuple[str, str], ...]]] = []
    for entry in entries:
        for name in entry.names:
            aliases[normalise(name)].append(entry)
        if entry.kind != "person":
            continue
        forms = {(w[0], w[-1]) for n in entry.names if len(w := normalise(n).split()) >= 2}
        for _, surname in forms:
            if entry not in surnames[surname]:
                surnames[surname].append(entry)
        people.append((entry, tuple(sorted(forms))))
    return NameIndex(
        aliases={k: tuple(v) for k, v in aliases.items()},
        surnames={k: tuple(v) for k, v in surnames.items()},
        people=tuple(people),
    )
