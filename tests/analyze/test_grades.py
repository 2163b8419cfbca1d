"""Source grades: a track record can confirm a source, never condemn it on disputes alone."""

from __future__ import annotations

from claimledger.analyze.grades import MIN_RECORD, grade_source


def test_a_record_of_disputes_cannot_be_judged() -> None:
    """A leader whose statements other parties dispute is not thereby unreliable."""
    grade = grade_source("Olena Marchenko", {"corroborated": 4, "contested": 11, "denied": 2}, None)
    assert grade.reliability == "F"
    assert "cannot be judged: 13 of its claims disputed" in grade.reasons[-1]
    assert "against 4 corroborated" in grade.reasons[-1]


def test_a_registry_prior_stands_when_the_record_cannot_tell() -> None:
    prior = ("D", "state media")
    grade = grade_source("Example State TV", {"corroborated": 1, "contested": 6}, prior)
    assert grade.reliability == "D"
    assert "the record does not override it" in grade.reasons[-1]


def test_a_record_of_confirmations_earns_a_letter() -> None:
    b = grade_source("Kyiv City Council", {"corroborated": 4, "contested": 1}, None)
    assert b.reliability == "B"
    few = grade_source("Kyiv City Council", {"corroborated": MIN_RECORD - 1}, None)
    assert few.reliability == "F"  # too few judged claims for any letter
    not_a = grade_source("Kyiv City Council", {"corroborated": 9}, None)
    assert not_a.reliability == "B"  # A needs twice the record
    a = grade_source("Kyiv City Council", {"corroborated": 10}, None)
    assert a.reliability == "A"


def test_a_letter_is_shown_with_its_meaning() -> None:
    from claimledger.analyze.grades import shown

    assert shown("F") == "F (cannot be judged)"
    assert shown("B") == "B (usually reliable)"
