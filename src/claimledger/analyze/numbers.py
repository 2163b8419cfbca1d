"""Numeric consistency: figures for the same thing, compared after normalising periods and rates.

Two figures are about the same thing when what they count shares a specific term ("soldiers
deserted" / "deserters": the synonym lexicon folds both to *desert*; a shared generic noun such as
"soldiers" is not enough, and soldiers are not civilians), their units agree, and the places
their claims name (if both name any) overlap. A pair is then compared:

- two rates ("15,000 to 18,000 a month", "1,200 a day") after conversion to a month;
- a rate against a total over a period ("180,000 since the start of the year" over 10.6 months
  is 17,000 a month);
- a total for a short period against one for a longer period containing it: the part may not
  exceed the whole ("21,600 in October" against "180,000 since January");
- two totals for the same period, or with no period at all, directly.

Pairs with disjoint periods, or a bare total against a rate, are not comparable and not checked.
Each figure's range is widened by its tolerance (10% when approximate, "about", "nearly"; 2%
otherwise, for rounding); ranges that still do not meet are a tension.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from claimledger.analyze.terms import terms
from claimledger.store.records import Check, QuantityRecord

DAYS_PER_MONTH = 30.44
PER_MONTH = {"day": DAYS_PER_MONTH, "week": DAYS_PER_MONTH / 7, "month": 1.0, "year": 1 / 12}
LOOSE, TIGHT = 0.10, 0.02
GENERIC = frozenset({"soldier", "civilian", "people", "person", "men", "women", "child", "children"})


@dataclass(frozen=True)
class Figure:
    """A quantity as a range with its tolerance, and the period it covers in days."""

    q: QuantityRecord
    low: float
    high: float
    tolerance: float
    start: date | None
    end: date | None

    @property
    def months(self) -> float | None:
        """The period's length in months: whole calendar months count exactly."""
        if self.start is None or self.end is None:
            return None
        if self.start.day == 1 and (self.end + timedelta(days=1)).day == 1:
            return float((self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1)
        return max(((self.end - self.start).days + 1) / DAYS_PER_MONTH, 1 / DAYS_PER_MONTH)


def figure(q: QuantityRecord) -> Figure | None:
    low = q.low if q.value is None else q.value
    high = q.high if q.value is None else q.value
    if low is None or high is None:
        return None
    return Figure(q, low, high, LOOSE if q.approximate else TIGHT, _day(q.period_start), _day(q.period_end))


def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def same_thing(a: QuantityRecord, b: QuantityRecord, places_a: set[str], places_b: set[str]) -> bool:
    """Do two figures count the same thing? See the module docstring."""
    if (a.unit or None) != (b.unit or None):
        return False
    wa, wb = set(terms(a.what)), set(terms(b.what))
    if not wa or not wb:
        return False
    if (wa & GENERIC) and (wb & GENERIC) and not (wa & wb & GENERIC):
        return False  # soldiers are not civilians
    if wa != wb and not (wa & wb) - GENERIC:
        return False  # "soldiers surrendered" is not "soldiers deserted"
    return not (places_a and places_b and not places_a & places_b)


def compare(a: QuantityRecord, b: QuantityRecord, claim_ids: tuple[str, ...]) -> Check | None:
    """The check of two figures for the same thing, or None when they are not comparable."""
    fa, fb = figure(a), figure(b)
    if fa is None or fb is None:
        return None
    found = _rates(fa, fb) or _part_of_whole(fa, fb) or _part_of_whole(fb, fa) or _totals(fa, fb)
    if found is None:
        return None
    tension, explanation = found
    first, second = sorted((a.id, b.id))
    return Check(
        id=f"n:{first}|{second}",
        quantity_a=a.id,
        quantity_b=b.id,
        kind="numeric",
        verdict="tension" if tension else "consistent",
        claim_ids=claim_ids,
        figures=(*_numbers(a), *_numbers(b)),
        explanation=explanation,
    )


def _numbers(q: QuantityRecord) -> tuple[str, ...]:
    """The figures as written: "21,600", or both ends of "between 15,000 and 18,000"."""
    import re

    found = re.findall(r"\d[\d,.\s]*\d|\d", q.text)
    return tuple(f.strip() for f in found) or (q.text,)


def _monthly(f: Figure) -> tuple[float, float, str] | None:
    if f.q.per in PER_MONTH:
        k = PER_MONTH[f.q.per]
        return f.low * k, f.high * k, f"{f.q.text} a {f.q.per}"
    months = f.months
    if months is None or months < 0.9:
        return None
    return f.low / months, f.high / months, f"{f.q.text} over {months:.1f} months"


def _rates(a: Figure, b: Figure) -> tuple[bool, str] | None:
    if not (a.q.per or b.q.per):
        return None
    ma, mb = _monthly(a), _monthly(b)
    if ma is None or mb is None:
        return None
    tension = not _meet((ma[0], ma[1], a.tolerance), (mb[0], mb[1], b.tolerance))
    verdict = "do not agree" if tension else "agree"
    return tension, (
        f"{ma[2]} is {_range(ma[0], ma[1])} a month; {mb[2]} is {_range(mb[0], mb[1])} a month; "
        f"with {a.tolerance:.0%}/{b.tolerance:.0%} tolerance they {verdict}"
    )


def _part_of_whole(part: Figure, whole: Figure) -> tuple[bool, str] | None:
    if part.q.per or whole.q.per or None in (part.start, part.end, whole.start, whole.end):
        return None
    assert part.start and part.end and whole.start and whole.end
    inside = whole.start <= part.start and part.end <= whole.end
    if not inside or (part.start, part.end) == (whole.start, whole.end):
        return None
    tension = part.low > whole.high * (1 + part.tolerance + whole.tolerance)
    relation = "exceeds" if tension else "fits within"
    return tension, (
        f"{part.q.text} ({part.start}..{part.end}) is part of the period of {whole.q.text} "
        f"({whole.start}..{whole.end}): the part {relation} the whole"
    )


def _totals(a: Figure, b: Figure) -> tuple[bool, str] | None:
    if a.q.per or b.q.per:
        return None
    if (a.start, a.end) != (b.start, b.end):
        return None
    tension = not _meet((a.low, a.high, a.tolerance), (b.low, b.high, b.tolerance))
    verdict = "do not agree" if tension else "agree"
    scope = f" for {a.start}..{a.end}" if a.start else ""
    return tension, (
        f"{a.q.text} and {b.q.text} count the same thing{scope}; with "
        f"{a.tolerance:.0%}/{b.tolerance:.0%} tolerance they {verdict}"
    )


def _meet(a: tuple[float, float, float], b: tuple[float, float, float]) -> bool:
    a_low, a_high = a[0] * (1 - a[2]), a[1] * (1 + a[2])
    b_low, b_high = b[0] * (1 - b[2]), b[1] * (1 + b[2])
    return a_low <= b_high and b_low <= a_high


def _range(low: float, high: float) -> str:
    return f"{low:,.0f}" if abs(high - low) < 0.5 else f"{low:,.0f}-{high:,.0f}"
