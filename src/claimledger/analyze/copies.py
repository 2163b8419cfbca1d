"""Near-duplicate articles: the same text republished under another id or outlet is one report.

A wire story carried by three outlets, or an article republished by an aggregator, is one line of
reporting, never three confirmations. Articles are compared by the word shingles of their text
(``SHINGLE`` words each): a MinHash signature of ``HASHES`` values estimates the Jaccard
similarity of two articles' shingle sets, and locality-sensitive hashing over ``BANDS`` bands of
``ROWS`` values finds the candidates without comparing every pair. An arriving article is a copy
of an earlier one when their estimated Jaccard similarity reaches ``copy_jaccard``, or when most
of the shorter one's shingles are in the longer (``copy_containment``: a wire copy trimmed at
its end, or with a paragraph added on top); both are ``[copies]`` settings.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass

from claimledger.settings import CopySettings, shipped_settings

SHINGLE = 5
BANDS, ROWS = 32, 2
HASHES = BANDS * ROWS
SHIPPED = shipped_settings().copies  # the thresholds when no ledger passes its own
MIN_SHINGLES = 40  # a text shorter than this (a headline, a teaser) is never called a copy
_PRIME = (1 << 61) - 1
_rng = random.Random(20261203)  # fixed: signatures stored in a ledger must stay comparable
_COEFFS = tuple((_rng.randrange(1, _PRIME), _rng.randrange(0, _PRIME)) for _ in range(HASHES))
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Signature:
    values: tuple[int, ...]
    shingles: int  # how many distinct shingles the text has

    def bands(self) -> list[str]:
        """One key per band: articles sharing a key are candidates."""
        return [
            f"{b}:" + ".".join(str(v) for v in self.values[b * ROWS : (b + 1) * ROWS])
            for b in range(BANDS)
        ]


def shingles(text: str) -> set[int]:
    """The hashed word ``SHINGLE``-grams of a text, case and punctuation folded."""
    words = [w.lower() for w in _WORD.findall(text)]
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(0, len(words) - SHINGLE + 1))}
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest()) for g in grams}


def signature(text: str) -> Signature | None:
    """The text's MinHash signature, or None for a text too short to call a copy."""
    found = shingles(text)
    if len(found) < MIN_SHINGLES:
        return None
    values = tuple(min((a * x + b) % _PRIME for x in found) for a, b in _COEFFS)
    return Signature(values, len(found))


def jaccard(a: Signature, b: Signature) -> float:
    """The estimated Jaccard similarity of two texts' shingle sets."""
    return sum(x == y for x, y in zip(a.values, b.values, strict=True)) / HASHES


def containment(a: Signature, b: Signature) -> float:
    """The estimated share of the shorter text's shingles found in the longer text."""
    j = jaccard(a, b)
    shared = j / (1 + j) * (a.shingles + b.shingles)
    return min(1.0, shared / min(a.shingles, b.shingles))


def is_copy(a: Signature, b: Signature, rules: CopySettings = SHIPPED) -> float | None:
    """The similarity that makes ``a`` and ``b`` one report, or None when they are two
    (``[copies]`` settings: copy_jaccard, copy_containment)."""
    j = jaccard(a, b)
    if j >= rules.copy_jaccard:
        return j
    c = containment(a, b)
    return c if c >= rules.copy_containment else None
