"""Numeric consistency: which figures count the same thing, and how they are compared."""

from __future__ import annotations

import pytest

from claimledger.analyze.numbers import compare, counted, same_thing
from claimledger.analyze.terms import phrases, terms
from claimledger.store.records import QuantityRecord


def fig(
    text: str,
    value: float,
    what: str,
    start: str | None = None,
    end: str | None = None,
    per: str | None = None,
    approximate: bool = False,
    doc: str = "a",
) -> QuantityRecord:
    return QuantityRecord(
        f"{doc}:{text}", doc, text, value, None, None, approximate, None, what, start, end, per
    )


@pytest.mark.parametrize(
    ("what", "context", "want"),
    [
        ("casualties", None, {"casualty"}),
        ("soldiers killed and wounded", None, {"soldier", "casualty"}),
        ("losses", None, {"casualty"}),
        ("troops", "the army lost 900 troops in a week", {"soldier", "casualty"}),
        ("personnel", "losses averaged 1,200 personnel a day", {"soldier", "casualty"}),
        ("soldiers killed", None, {"soldier", "kill"}),  # the killed alone are not casualties
        ("tanks lost", None, {"tank", "loss"}),  # lost tanks are not casualties
        ("soldiers", "prosecutors opened cases over soldiers leaving their units", None),
        ("soldiers", "soldiers guarded the bridge", {"soldier"}),
    ],
)
def test_what_is_counted(what: str, context: str | None, want: set[str] | None) -> None:
    found = counted(what, context)
    if want is None:
        assert "desert" in found and "soldier" in found
    else:
        assert found == want


def test_phrases_add_their_term_and_keep_the_words() -> None:
    words = terms("troops leaving their units without permission")
    assert "desert" in words and "unit" in words
    assert phrases(terms("units leaving the city")) == []  # the order of the words matters


@pytest.mark.parametrize(
    ("a", "ctx_a", "b", "ctx_b"),
    [
        (  # a monthly total of casualties put two ways
            fig(
                "36,000", 36000, "soldiers killed and wounded", "2025-09-01", "2025-09-30", doc="x"
            ),
            "Russian forces lost about 36,000 soldiers killed and wounded in September",
            fig("900", 900, "casualties", "2025-09-01", "2025-09-30", "day", doc="y"),
            "Russia suffered about 900 casualties a day on average in September",
        ),
        (  # cases of soldiers leaving their units, and soldiers leaving their units
            fig("21,600", 21600, "soldiers", "2025-10-01", "2025-10-31", doc="x"),
            "Prosecutors opened 21,600 cases over soldiers leaving their units in October",
            fig("15,000 to 18,000", 16500, "soldiers leave", per="month", doc="y"),
            "15,000 to 18,000 soldiers leave their units every month",
        ),
    ],
)
def test_the_same_thing_said_differently(
    a: QuantityRecord, ctx_a: str, b: QuantityRecord, ctx_b: str
) -> None:
    assert same_thing(a, b, ctx_a, ctx_b, set(), set())


@pytest.mark.parametrize(
    ("a", "ctx_a", "b", "ctx_b"),
    [
        (  # the killed are not all casualties
            fig("40", 40, "people killed", doc="x"),
            "A strike on the market killed 40 people",
            fig("120", 120, "casualties", doc="y"),
            "The strike on the market caused 120 casualties",
        ),
        (  # soldiers who left their units are not casualties
            fig("900", 900, "soldiers", per="day", doc="x"),
            "about 900 soldiers leaving their units each day",
            fig("1,200", 1200, "casualties", per="day", doc="y"),
            "1,200 casualties a day",
        ),
        (  # fighter jets are not servicemen, though "fighter" is a word for a soldier
            fig("two", 2, "Russian fighter jets", doc="x"),
            "Ukrainian drones destroyed two Russian fighter jets in Crimea",
            fig("185", 185, "Russian servicemen", doc="y"),
            "185 Russian servicemen were returned in the exchange",
        ),
        (  # people are not drones
            fig("100", 100, "attack drones", per="day", doc="x"),
            "Russia launched 100 attack drones a night",
            fig("300", 300, "people", per="day", doc="y"),
            "Russia evacuated 300 people a night",
        ),
    ],
)
def test_different_things(a: QuantityRecord, ctx_a: str, b: QuantityRecord, ctx_b: str) -> None:
    assert not same_thing(a, b, ctx_a, ctx_b, set(), set())


def test_a_rate_of_drones_against_a_weekly_total() -> None:
    nightly = fig("over 100", 100, "attack drones", "2025-10-06", "2025-10-10", "day", True, "x")
    weekly = fig("more than 300", 300, "drones", "2025-10-05", "2025-10-11", None, True, "y")
    assert same_thing(nightly, weekly, "Russia launched over 100 attack drones a night",
                      "Russia fired more than 300 drones at Ukraine over the past week",
                      set(), set())  # fmt: skip
    check = compare(nightly, weekly, ())
    assert check is not None and check.verdict == "tension"
    assert "over 7 day(s) is 43 a day" in check.explanation


def test_a_monthly_total_against_a_daily_rate() -> None:
    total = fig("36,000", 36000, "soldiers", "2025-09-01", "2025-09-30", approximate=True)
    daily = fig("1,200", 1200, "casualties", "2025-09-01", "2025-09-30", "day", doc="b")
    low = fig("900", 900, "casualties", "2025-09-01", "2025-09-30", "day", True, "c")
    agree, differ = compare(total, daily, ()), compare(total, low, ())
    assert agree is not None and agree.verdict == "consistent"
    assert differ is not None and differ.verdict == "tension"
    assert "36,000 over 30 day(s) is 1,200 a day" in differ.explanation


def test_a_particle_after_what_is_counted_is_not_its_head() -> None:
    from claimledger.analyze.numbers import _head

    assert _head("Ukrainian drones shooting down") == _head("Ukrainian drones intercepting")
