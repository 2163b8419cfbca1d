"""A readable summary of a ledger: what it holds, its largest stories and how they stand,
numeric tensions, descriptor conflicts and source grades. Built once as data; rendered as
markdown here and as rich tables by the CLI."""

from __future__ import annotations

from collections import Counter
from typing import Any

from claimledger.analyze.grades import shown
from claimledger.store.sqlite import SQLiteStore


def build_report(store: SQLiteStore, top: int = 10) -> dict[str, Any]:
    clusters = store.clusters()
    tensions = store.checks(verdict="tension")
    conflicts = store.descriptor_conflicts()
    return {
        "counts": store.counts(),
        "assessments": dict(Counter(k.assessment for k in clusters)),
        "clusters": [
            {
                "id": k.id,
                "size": k.size,
                "assessment": k.assessment,
                "origins": list(k.origins),
                "claim": _first_claim(store, k.id),
                "why": k.reasons[-1],
            }
            for k in clusters[:top]
        ],
        "tensions": [
            {
                "figures": list(ch.figures),
                "explanation": ch.explanation,
                "claim_ids": list(ch.claim_ids),
            }
            for ch in tensions[:top]
        ],
        "tensions_total": len(tensions),
        "descriptor_conflicts": [
            {
                "actor": d.actor,
                "doc_id": d.doc_id,
                "descriptor": d.descriptor,
                "expected": d.expected,
            }
            for d in conflicts[:top]
        ],
        "descriptor_conflicts_total": len(conflicts),
        "sources": [
            {"name": g.name, "reliability": g.reliability, "claims": g.claims, "why": g.reasons[-1]}
            for g in store.source_grades()[:top]
        ],
    }


def _first_claim(store: SQLiteStore, cluster_id: str) -> str:
    ids = store.cluster_member_ids(cluster_id)
    claims = store.claims(ids[:1])
    return claims[0].content if claims else ""


def to_markdown(report: dict[str, Any]) -> str:
    c = report["counts"]
    lines = [
        "# claimledger report",
        "",
        f"{c['current_articles']} articles ({c['articles']} versions), "
        f"{c['current_claims']} claims, {c['clusters']} clusters, {c['checks']} numeric checks, "
        f"{c['source_grades']} graded sources.",
        "",
        "Assessments: "
        + (", ".join(f"{k} {v}" for k, v in sorted(report["assessments"].items())) or "none"),
        "",
        "## Largest clusters",
        "",
        "| cluster | claims | assessment | origins | claim |",
        "|---|---|---|---|---|",
    ]
    for k in report["clusters"]:
        origins = _cell("; ".join(k["origins"]), limit=200)
        lines.append(
            f"| {k['id']} | {k['size']} | {k['assessment']} | {origins} | {_cell(k['claim'])} |"
        )
    lines += ["", "## Numeric tensions", ""]
    tensions = [f"- {', '.join(t['figures'])}: {t['explanation']}" for t in report["tensions"]]
    lines += tensions or ["None."]
    lines += _more(report.get("tensions_total", 0), len(tensions), "tensions", "checks")
    lines += ["", "## Descriptor conflicts", ""]
    lines += [
        f'- {d["actor"]} described as "{d["descriptor"]}" in {d["doc_id"]} '
        f"(registry: {d['expected']})"
        for d in report["descriptor_conflicts"]
    ] or ["None."]
    lines += _more(
        report.get("descriptor_conflicts_total", 0), len(report["descriptor_conflicts"]),
        "conflicts", "checks",
    )  # fmt: skip
    lines += ["", "## Sources", "", "| source | reliability | claims | why |", "|---|---|---|---|"]
    lines += [
        f"| {s['name']} | {shown(s['reliability'])} | {s['claims']} | {_cell(s['why'])} |"
        for s in report["sources"]
    ]
    return "\n".join(lines) + "\n"


def _more(total: int, shown: int, what: str, command: str) -> list[str]:
    """A line saying how many more there are, and where to see them."""
    if total <= shown:
        return []
    return ["", f"... and {total - shown} more {what}: `claimledger {command}` lists them."]


def _cell(text: str, limit: int = 90) -> str:
    text = text.replace("|", "/").replace("\n", " ")
    return text if len(text) <= limit else text[: limit - 1] + "…"
