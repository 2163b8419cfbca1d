"""What the user can tell an exporter beyond the ledger itself."""

from __future__ import annotations

from dataclasses import dataclass

# RFC 2606 reserves .invalid: a ledger without a public site gets review URLs that are plainly
# placeholders, never a real site's pages
PLACEHOLDER_URL = "https://claimledger.invalid"


@dataclass(frozen=True)
class ExportOptions:
    """``organisation``: who publishes the export (the ClaimReview author); ``site_url``: where
    its reviews are published (each cluster's review is ``<site_url>/clusters/<id>``)."""

    organisation: str = "claimledger"
    site_url: str = PLACEHOLDER_URL
