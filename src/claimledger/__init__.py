"""claimledger: claim provenance for conflict news."""

from __future__ import annotations

from claimledger.errors import ClaimledgerError, InputError
from claimledger.models import Article, Claim, Extraction, SourceInfo

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Claim",
    "ClaimledgerError",
    "Extraction",
    "InputError",
    "SourceInfo",
    "__version__",
]
