"""The versioned rule data (cue verbs, hedges, verification phrases, speaker kinds).

Data files live in ``claimledger/data/lexicons``; a change in behaviour is a new version of a
file, and the version in use is recorded here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from claimledger.data import data_lines
from claimledger.errors import DataFileError

CUES = "cues.v1.tsv"
HEDGES = "hedges.v1.txt"
VERIFICATION = "verification.v1.tsv"
SPEAKER_KINDS = "speaker_kinds.v1.tsv"
GIVEN_NAMES = "given_names.v1.tsv"
Gender = Literal["f", "m"]


def lexicon_lines(name: str) -> list[str]:
    """The entries of a lexicon file: its non-blank lines that are not # comments."""
    return data_lines("lexicons", name, "lexicon")


def lexicon_pairs(name: str) -> list[tuple[str, str]]:
    """The entries of a two-column lexicon file, each (first column, second column)."""
    out = []
    for n, line in enumerate(lexicon_lines(name), 1):
        parts = line.split("\t")
        if len(parts) != 2:
            raise DataFileError(f"lexicon {name}, entry {n}: want two tab-separated columns")
        out.append((parts[0].strip(), parts[1].strip()))
    return out


def _phrase_body(words: list[str]) -> str:
    """The regex of a phrase's words; "*" stands for up to six words."""
    body = ""
    for n, word in enumerate(words):
        if word == "*":
            body += r"(?:[\w'’-]+[\s,]+){0,6}?"
        else:
            body += re.escape(word) + (r"\s+" if n < len(words) - 1 else "")
    return body


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as a regex on word boundaries."""
    return re.compile(r"(?<!\w)" + _phrase_body(phrase.split()) + r"(?!\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """All rule data, loaded once."""

    cue_class: dict[str, str]
    hedges: tuple[re.Pattern[str], ...]
    hedge_words: frozenset[str]
    verification: tuple[tuple[str, re.Pattern[str]], ...]
    kinds: tuple[tuple[str, str], ...]
    kind_words: dict[str, frozenset[str]]
    any_hedge: re.Pattern[str]
    any_verification: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    hedge_phrases = lexicon_lines(HEDGES)
    kinds = lexicon_pairs(SPEAKER_KINDS)
    verification = lexicon_pairs(VERIFICATION)
    kind_words: dict[str, set[str]] = {}
    for kind, word in kinds:
        kind_words.setdefault(kind, set()).add(word)
    return Lexicon(
        cue_class=dict(lexicon_pairs(CUES)),
        hedges=tuple(_phrase_pattern(p) for p in hedge_phrases),
        hedge_words=frozenset(p for p in hedge_phrases if " " not in p),
        verification=tuple((s, _phrase_pattern(p)) for s, p in verification),
        kinds=tuple(kinds),
        kind_words={k: frozenset(v) for k, v in kind_words.items()},
        any_hedge=_any(hedge_phrases),
        any_verification=_any([p for _, p in verification]),
    )


def _any(phrases: list[str]) -> re.Pattern[str]:
    """One regex for a cheap first pass: does any of the phrases occur at all?

    Phrases are grouped by their first word, so that at each position of the text the engine
    tries one alternative per first word, not one per phrase (a flat alternation of some two
    hundred phrases cost a third of a millisecond per sentence).
    """
    groups: dict[str, set[str]] = {}
    loose: list[str] = []
    for phrase in phrases:
        words = phrase.split()
        if not words:
            continue
        if words[0] == "*":
            loose.append(_phrase_body(words))
            continue
        groups.setdefault(words[0].lower(), set()).add(_phrase_body(words[1:]))
    alternatives = []
    for first, rests in groups.items():
        longer = "|".join(sorted(r for r in rests if r))
        if not longer:
            alternatives.append(re.escape(first))
        elif "" in rests:
            alternatives.append(re.escape(first) + r"(?:\s+(?:" + longer + "))?")
        else:
            alternatives.append(re.escape(first) + r"\s+(?:" + longer + ")")
    body = "|".join(alternatives + loose)
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE)


@lru_cache(maxsize=1)
def given_names() -> dict[str, Gender]:
    """Given names that almost always belong to a woman ("f") or a man ("m"), lower case."""
    out: dict[str, Gender] = {}
    for line in lexicon_lines(GIVEN_NAMES):
        gender, _, name = line.partition("\t")
        if gender in ("f", "m"):
            out[name.strip().lower()] = "f" if gender == "f" else "m"
    return out
