"""claimledger: claim provenance for conflict news.

``open_ledger`` and ``Extractor`` (claimledger.library) are imported when first used, so that
``import claimledger`` stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from claimledger.errors import ClaimledgerError, InputError
from claimledger.models import Article, Claim, Extraction, SourceInfo

if TYPE_CHECKING:
    from claimledger.library import Extractor, LedgerHandle, open_ledger
    from claimledger.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Claim",
    "ClaimledgerError",
    "Extraction",
    "Extractor",
    "InputError",
    "LedgerHandle",
    "Settings",
    "SourceInfo",
    "__version__",
    "load_settings",
    "open_ledger",
]

_LAZY = {"open_ledger", "Extractor", "LedgerHandle"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from claimledger import library

        return getattr(library, name)
    if name in ("Settings", "load_settings"):
        from claimledger import settings

        return getattr(settings, name)
    raise AttributeError(f"module 'claimledger' has no attribute {name!r}")
