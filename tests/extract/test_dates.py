"""Time phrases resolved against a publication date, and found in parsed sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimledger.extract.dates import find_periods, link_nearest, parse_iso, resolve_period
from claimledger.models import Period
from claimledger.nlp.pipeline import load_nlp

PUBLISHED = "2025-11-20"  # a Thursday


@pytest.fixture(scope="session")
def pipeline() -> Language:
    return load_nlp()


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        # a month or day without a year: the most recent one not after publication
        ("in October", "2025-10-01", "2025-10-31"),
        ("in December", "2024-12-01", "2024-12-31"),
        ("in November", "2025-11-01", "2025-11-20"),
        ("in early November", "2025-11-01", "2025-11-20"),
        ("mid-October", "2025-10-01", "2025-10-31"),
        ("on March 3", "2025-03-03", "2025-03-03"),
        ("on Tuesday", "2025-11-18", "2025-11-18"),
        # absolute
        ("in 2024", "2024-01-01", "2024-12-31"),
        ("in October 2023", "2023-10-01", "2023-10-31"),
        ("on 24 February 2022", "2022-02-24", "2022-02-24"),
        ("in the 1990s", "1990-01-01", "1999-12-31"),
        ("the end of 2024", "2024-12-01", "2024-12-31"),
        # since / by
        ("since February 2022", "2022-02-01", "2025-11-20"),
        ("since February 24, 2022", "2022-02-24", "2025-11-20"),
        ("since the start of the year", "2025-01-01", "2025-11-20"),
        ("since the beginning of the year", "2025-01-01", "2025-11-20"),
        ("by October", None, "2025-10-31"),
        # calendar units
        ("this year", "2025-01-01", "2025-11-20"),
        ("this month", "2025-11-01", "2025-11-20"),
        ("this week", "2025-11-17", "2025-11-20"),
        ("last year", "2024-01-01", "2024-12-31"),
        ("last month", "2025-10-01", "2025-10-31"),
        ("the previous month", "2025-10-01", "2025-10-31"),
        ("last week", "2025-11-10", "2025-11-16"),
        ("yesterday", "2025-11-19", "2025-11-19"),
        # windows ending at publication
        ("over the past week", "2025-11-14", "2025-11-20"),
        ("over the past three months", "2025-08-21", "2025-11-20"),
        ("in the last 3 days", "2025-11-18", "2025-11-20"),
        ("in the past 24 hours", "2025-11-20", "2025-11-20"),
        ("the past year", "2024-11-21", "2025-11-20"),
        # ranges
        ("between March and May", "2025-03-01", "2025-05-31"),
        ("from March to May 2024", "2024-03-01", "2024-05-31"),
        ("between 2014 and 2022", "2014-01-01", "2022-12-31"),
        ("between November 3 and 9", "2025-11-03", "2025-11-09"),
        ("from 3 to 9 November", "2025-11-03", "2025-11-09"),
        ("2-6 October", "2025-10-02", "2025-10-06"),
        # a stretch at the start or end of a period
        ("in the first week of October", "2025-10-01", "2025-10-07"),
        ("the first ten days of October", "2025-10-01", "2025-10-10"),
        ("the last two weeks of October", "2025-10-18", "2025-10-31"),
        ("in the second half of October", "2025-10-16", "2025-10-31"),
        ("in the first half of 2024", "2024-01-01", "2024-07-01"),
        # nights and weekends up to publication (a Thursday)
        ("overnight", "2025-11-20", "2025-11-20"),
        ("last night", "2025-11-20", "2025-11-20"),
        ("over the weekend", "2025-11-15", "2025-11-16"),
    ],
)
def test_resolve_period(phrase: str, start: str | None, end: str) -> None:
    assert resolve_period(phrase, PUBLISHED) == Period(text=phrase, start=start, end=end)


@pytest.mark.parametrize(
    "phrase", ["each month", "monthly", "three years", "the war's outset", "the first week", "soon"]
)
def test_not_a_period(phrase: str) -> None:
    assert resolve_period(phrase, PUBLISHED) is None


@pytest.mark.parametrize(
    ("phrase", "start", "end"),
    [
        ("in October", None, None),
        ("last month", None, None),
        ("in 2024", "2024-01-01", "2024-12-31"),
        ("since 2022", "2022-01-01", None),
    ],
)
def test_without_publication_date(phrase: str, start: str | None, end: str | None) -> None:
    for published in (None, "not a date"):
        assert resolve_period(phrase, published) == Period(text=phrase, start=start, end=end)


def test_parse_iso_takes_datetimes() -> None:
    assert str(parse_iso("2025-11-20T08:30:00Z")) == "2025-11-20"


def test_find_periods_takes_the_preposition_and_joins_ranges(pipeline: Language) -> None:
    doc = pipeline("Between March and May, 12,000 people left, and 300 more since February 2022.")
    found = [p.period for p in find_periods(next(iter(doc.sents)), PUBLISHED)]
    assert [p.text for p in found] == ["Between March and May", "since February 2022"]
    assert [(p.start, p.end) for p in found] == [
        ("2025-03-01", "2025-05-31"),
        ("2022-02-01", "2025-11-20"),
    ]


def test_find_periods_skips_rates(pipeline: Language) -> None:
    doc = pipeline("Kyiv receives 50 tanks each month.")
    assert find_periods(next(iter(doc.sents)), PUBLISHED) == []


def test_link_nearest_gives_each_phrase_to_its_nearest_figure(pipeline: Language) -> None:
    doc = pipeline("In May 40 tanks arrived, while 90 trucks were sent last week.")
    forty, ninety = doc[2], doc[7]
    may, week = doc[0], doc[12]
    assert (forty.text, ninety.text, may.text, week.text) == ("40", "90", "In", "week")
    assert link_nearest([forty, ninety], [may, week], limit=6) == [0, 1]
    assert link_nearest([forty, ninety], [], limit=6) == [None, None]
    assert link_nearest([forty], [week], limit=1) == [None]


@pytest.mark.parametrize(
    "phrase",
    [
        "over the past 800000 days",
        "over the past 800000 weeks",
        "over the past 800000 months",
        "over the past 800000 years",
        "over the past 99999999999999999999 days",
        "the past 9999 years",
        "the first 9999999 days of 2024",
        "the last 99999999999 weeks of March",
        "0 December 0000",
        "on 31 December 0000",
        "in January 0000 to March 2024",
    ],
)
def test_out_of_range_dates_are_not_dates(phrase: str) -> None:
    """Date arithmetic past year 1 or 9999 (or past a C int) names no period; it never raises."""
    assert resolve_period(phrase, PUBLISHED) is None


@pytest.mark.parametrize(
    ("phrase", "published"),
    [
        ("yesterday", "0001-01-01"),
        ("the weekend", "0001-01-01"),
        ("last week", "0001-01-01"),
        ("last month", "0001-01-01"),
        ("last year", "0001-01-01"),
        ("over the past 30000 hours", "0001-01-01"),
        ("the past 2 months", "0001-01-01"),
        ("on 0 December", "0001-01-01"),
        ("this week", "9999-12-31"),
    ],
)
def test_dates_at_the_edge_of_the_calendar(phrase: str, published: str) -> None:
    """Relative to a publication date at the first or last day of the calendar, a period that
    would fall outside it is no period."""
    assert resolve_period(phrase, published) is None


def test_a_huge_count_in_a_parsed_sentence_is_no_period(pipeline: Language) -> None:
    sent = next(pipeline("Shelling has killed 40 people over the past 800000 days.").sents)
    assert find_periods(sent, PUBLISHED) == []
