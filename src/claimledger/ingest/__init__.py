"""Ingest: read plain text, HTML, JSON Lines and RSS/Atom inputs into articles.

    >>> from claimledger.ingest import read_inputs
    >>> result = read_inputs(["articles.jsonl", "pages/"], on_error="skip")  # doctest: +SKIP

Every unusable input raises (``on_error="fail"``) or is reported as a :class:`Skipped`
(``on_error="skip"``) with the reason of its :class:`~claimledger.errors.InputError`.
"""

from __future__ import annotations

from claimledger.ingest.base import SUPPORTED_TYPES, IngestResult, OnError, Skipped
from claimledger.ingest.reader import iter_inputs, read_inputs

__all__ = ["SUPPORTED_TYPES", "IngestResult", "OnError", "Skipped", "iter_inputs", "read_inputs"]
