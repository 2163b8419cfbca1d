"""A readable rich table of an article's claims."""

from __future__ import annotations

from rich.table import Table

from claimledger.models import Extraction


def claims_table(extraction: Extraction) -> Table:
    source = extraction.article.source
    title = source.title or source.id or source.path or extraction.article.doc_id
    table = Table(title=f"{title}: {len(extraction.claims)} claims", show_lines=True, expand=True)
    widths = {"speaker": 18, "chain": 22, "cue": 10, "content": 30, "status": 12}
    for column, width in widths.items():
        table.add_column(column, min_width=width, ratio=4 if column == "content" else 1)
    for claim in extraction.claims:
        status: list[str] = [claim.polarity]
        if claim.hedged:
            status.append("hedged")
        if claim.verification:
            status.append(claim.verification)
        table.add_row(
            claim.speaker.name or claim.speaker.text or "(unnamed)",
            " -> ".join(h.name for h in claim.chain),
            claim.cue.text if claim.cue else "",
            claim.content.text,
            ", ".join(status),
        )
    return table
