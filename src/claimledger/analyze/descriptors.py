"""Descriptors of one person in two articles that cannot both be true.

War reporting names a person by what they are, and the sides disagree about it: one outlet's
"a commander in the Radwan Force" is another's "the municipal employee"; a wire's "M23 military
spokesman" is the "M23 political spokesman" of the others; "South Kordofan Governor" is "the
state's Minister of Health" elsewhere. Such a disagreement is a fact an analyst wants to see
(one of the articles misdescribes the person, or the sides contest who was killed), and a
conflict against the registry (``registry/conflicts.py``) cannot find it for the people no
registry lists.

A descriptor (the words an article attaches to a person's name: "a commander", "M23 military
spokesman"; ``extract/actors.py``) is read as a role (``roles.v1.tsv``): combatant, civilian,
office or spokesperson, with the portfolio of a minister and the qualifier of a spokesperson.
Two roles conflict when

- one is a combatant's and the other a civilian's;
- both are offices, and different ones ("governor" / "minister"), or ministers of different
  portfolios ("health" / "interior");
- both are spokespersons', one military and the other political;
- one is a commander's and the other a spokesperson's.

Precision first: a descriptor that says what the person was or will be ("former governor",
"then-Senator", "the presidential candidate"), a lesser or shared office ("deputy minister",
"acting mayor", "governor and minister"), an abbreviation ("Gov.") or two roles at once is no
role at all; an article whose own descriptors of the person conflict is not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from claimledger.lexicon import lexicon_pairs

ROLES = "roles.v1.tsv"
WORD = re.compile(r"[^\W\d_][\w'’-]*")
KINDS = ("combatant", "civilian", "office", "spokesperson")
# words before or after "minister" that are no portfolio: "the state's minister", "a minister"
NO_PORTFOLIO = frozenset(
    "the a an of for state regional federal national country his her its their provincial "
    "local government cabinet".split()
)
# the portfolios compared, under one name each ("Interior Minister" is the "Minister of
# Internal Affairs"); a minister of any other ("Defence Industries", "State") is not compared
PORTFOLIOS = {
    "interior": "interior", "internal": "interior", "home": "interior",
    "foreign": "foreign", "external": "foreign",
    "defence": "defence", "defense": "defence", "war": "defence",
    "health": "health", "finance": "finance", "treasury": "finance",
    "justice": "justice", "education": "education", "energy": "energy",
    "agriculture": "agriculture", "culture": "culture", "transport": "transport",
    "information": "information", "economy": "economy",
}  # fmt: skip


@dataclass(frozen=True)
class Role:
    text: str  # the descriptor as written
    kind: str  # combatant | civilian | office | spokesperson
    word: str  # the role word: "governor", "minister", "prime minister"
    detail: str | None = None  # a minister's portfolio, a spokesperson's "military"


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, set[str]]:
    classes: dict[str, set[str]] = {}
    for kind, word in lexicon_pairs(ROLES):
        classes.setdefault(kind, set()).add(word)
    return classes


def role_of(descriptor: str) -> Role | None:
    """The one role a descriptor states, or None (no role, two roles, or a past or lesser
    one)."""
    lex = _lexicon()
    words = [w.lower().replace("’", "'") for w in WORD.findall(descriptor)]
    if not words or any(w in lex["past"] or w.split("-")[0] in lex["past"] for w in words):
        return None
    found = [(i, kind, w) for i, w in enumerate(words) for kind in KINDS if w in lex[kind]]
    if len({(kind, w) for _, kind, w in found}) != 1:
        return None  # none, or "commander and spokesman"
    at, kind, word = found[0]
    if kind == "office" and word == "minister":
        return Role(descriptor, kind, word, _portfolio(words, at))
    if kind == "spokesperson":
        qualifiers = {w for w in words if w in lex["qualifier"]}
        return Role(descriptor, kind, word, qualifiers.pop() if len(qualifiers) == 1 else None)
    return Role(descriptor, kind, word)


def _portfolio(words: list[str], at: int) -> str | None:
    """A minister's portfolio: "minister of health", "health minister" -> health; None for a
    portfolio not in ``PORTFOLIOS``, or for two ("Minister of Defence Industries")."""
    after = [w for w in words[at + 1 :] if w not in NO_PORTFOLIO]
    if at + 1 < len(words) and words[at + 1] in ("of", "for") and after:
        word, rest = after[0], after[1:2]
    elif at > 0 and words[at - 1] not in NO_PORTFOLIO and not words[at - 1].endswith("'s"):
        word, rest = words[at - 1], []
    else:
        return None
    if rest and rest[0] != "affairs" and rest[0] not in ("dr", "mr", "ms", "mrs"):
        return None  # "Minister of Defence Industries", "of Energy and Mines"
    return PORTFOLIOS.get(word)


def clash(a: Role, b: Role) -> bool:
    """Whether one person cannot be both."""
    if {a.kind, b.kind} == {"combatant", "civilian"}:
        return True
    if {a.kind, b.kind} == {"combatant", "spokesperson"} and "commander" in (a.word, b.word):
        return True  # "Air Force commander" / "Air Force spokesman": two posts
    if a.kind != b.kind:
        return False
    if a.kind == "office":
        if a.word != b.word:
            return True
        return bool(a.detail and b.detail and a.detail != b.detail)
    if a.kind == "spokesperson":
        return bool(a.detail and b.detail and a.detail != b.detail)
    return False


def roles(descriptors: Iterable[str]) -> list[Role]:
    """The roles of one article's descriptors of a person; none when two of them clash (the
    article itself says both)."""
    found = [r for d in dict.fromkeys(descriptors) if (r := role_of(d)) is not None]
    if any(clash(x, y) for i, x in enumerate(found) for y in found[i + 1 :]):
        return []
    return found


def conflicts(own: Sequence[str], other: Sequence[str]) -> list[tuple[str, str]]:
    """(own descriptor, other's descriptor) pairs of two articles' descriptors of one person
    that cannot both be true."""
    mine, theirs = roles(own), roles(other)
    return [(a.text, b.text) for a in mine for b in theirs if clash(a, b)]
