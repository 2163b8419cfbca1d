"""The cue words of ``data/gazetteer/cues.v1.tsv``: what the words around a name tell."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from claimledger.errors import DataFileError

CUES = "cues.v1.tsv"
KINDS = ("region", "direction", "locative", "generic")


@dataclass(frozen=True)
class Cues:
    """The cue words, lower-cased, by kind (see the data file's header)."""

    region: frozenset[str]
    direction: frozenset[str]
    locative: frozenset[str]
    generic: frozenset[str]


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """The cue words, read once."""
    try:
        text = resources.files("claimledger.data").joinpath("gazetteer", CUES).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{CUES} cannot be read ({exc}); reinstall claimledger") from exc
    kinds: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, _, word = line.partition("\t")
        if kind not in kinds or not word.strip():
            raise DataFileError(f"{CUES}, line {n}: want '{'|'.join(KINDS)}<TAB>word'")
        kinds[kind].add(word.strip().lower())
    return Cues(**{k: frozenset(v) for k, v in kinds.items()})
