"""An article's text cut into segments, each with the marks (claim content, speaker, cue,
hedge, quantity, place, unit) that cover it, for the article page to style as displaCy and
brat show spans. Spans may nest and overlap; every segment knows all the spans over it."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    kind: str  # content, speaker, cue, hedge, quantity, place, unit
    claim: str | None = None  # the user id of the claim it belongs to
    label: str | None = None  # a tooltip: a place's resolved name, a figure's counted thing


@dataclass(frozen=True)
class Segment:
    text: str
    marks: tuple[Mark, ...]

    @property
    def classes(self) -> str:
        return " ".join(sorted({f"m-{m.kind}" for m in self.marks}))

    @property
    def claim(self) -> str | None:
        """The innermost claim over this segment (the shortest content span)."""
        over = [m for m in self.marks if m.claim]
        return min(over, key=lambda m: m.end - m.start).claim if over else None

    @property
    def title(self) -> str:
        return "; ".join(f"{m.kind}: {m.label}" for m in self.marks if m.label)


def marks_of(spans: dict[str, Any], claim_ids: dict[str, str]) -> list[Mark]:
    """The marks of an article's stored extraction (claims.schema.json spans); ``claim_ids``
    maps the extraction's claim ids to the user's."""
    out: list[Mark] = []
    for c in spans.get("claims", []):
        user = claim_ids.get(c.get("id", ""), c.get("id"))
        for kind in ("content", "cue", "speaker"):
            span = c.get(kind)
            if isinstance(span, dict) and _offsets(span):
                label = span.get("name") if kind == "speaker" else None
                out.append(Mark(span["start"], span["end"], kind, user, label))
        for h in c.get("hedges", []):
            if _offsets(h):
                out.append(Mark(h["start"], h["end"], "hedge", user, "hedge"))
    for q in spans.get("quantities", []):
        if _offsets(q):
            out.append(Mark(q["start"], q["end"], "quantity", None, q.get("what") or q.get("text")))
    for p in spans.get("places", []):
        if _offsets(p):
            where = ", ".join(x for x in (p.get("name"), p.get("country")) if x)
            out.append(Mark(p["start"], p["end"], "place", None, where))
    for u in spans.get("units", []):
        if _offsets(u):
            out.append(Mark(u["start"], u["end"], "unit", None, u.get("name")))
    return out


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """The text cut at every mark's edges; marks outside the text are dropped. One sweep over
    the edges: the marks over a segment are those started and not yet ended."""
    inside = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    starts: dict[int, list[Mark]] = {}
    for m in inside:
        starts.setdefault(m.start, []).append(m)
    cuts = sorted({0, len(text), *(m.start for m in inside), *(m.end for m in inside)})
    active: list[Mark] = []
    out = []
    for a, b in pairwise(cuts):
        active = [m for m in active if m.end > a] + starts.get(a, [])
        out.append(Segment(text[a:b], tuple(active)))
    return out


def _offsets(span: dict[str, Any]) -> bool:
    start, end = span.get("start"), span.get("end")
    return isinstance(start, int) and isinstance(end, int) and start < end
