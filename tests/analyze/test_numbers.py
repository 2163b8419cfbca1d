"""Numeric consistency: which figures count the same thing, and how they are compared."""

from __future__ import annotations

from datetime import date

import pytest

from claimledger.analyze.numbers import (
    Stated,
    comparable,
    compare,
    counted,
    counterpart,
    describe,
    same_thing,
    vague,
)
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
    bound: str | None = None,
) -> QuantityRecord:
    return QuantityRecord(
        f"{doc}:{text}",
        doc,
        text,
        value,
        None,
        None,
        approximate or bound is not None,
        None,
        what,
        start,
        end,
        per,
        bound,
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
        (  # the people killed and a nationality killed: whoever it was, one toll
            fig("52", 52, "Sudanese killed", doc="x"),
            "the shelling of the camp killed 52 Sudanese, the monitors said",
            fig("about 70", 70, "people killed", doc="y", bound="about"),
            "about 70 people were killed in the shelling of the camp",
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
    assert same_thing(a, b, ctx_a, ctx_b)


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
        (  # drones launched are not drones shot down, however alike the two reports
            fig("45", 45, "drones launched", doc="x"),
            "Russia launched 45 drones overnight and air defences shot down most of them",
            fig("40", 40, "drones shot", doc="y"),
            "40 drones launched by Russia overnight were shot down by air defences",
        ),
        (  # what happened to some of the documents is no count of the documents
            fig("2,093", 2093, "the ministry's released documents redacted", doc="x"),
            "2,093 of the ministry's released documents were redacted in part",
            fig("22", 22, "ministry documents", doc="y"),
            "the ministry has classified 22 documents as secret and will not release those "
            "documents, even redacted",
        ),
        (  # militia auxiliaries killed are not soldiers killed, in one attack
            fig("9", 9, "militia auxiliaries killed", doc="x"),
            "a local official said 9 militia auxiliaries had been killed in the raid on the camp",
            fig("30", 30, "soldiers killed", doc="y"),
            "30 soldiers were killed in the raid on the camp, the insurgents said",
        ),
        (  # the attackers killed are not the defenders killed
            fig("more than 60", 60, "attackers killed", doc="x", bound="at_least"),
            "the army said more than 60 attackers were killed in the raid on the camp",
            fig("14", 14, "soldiers killed", doc="y"),
            "the raid on the camp killed 14 soldiers, the army said",
        ),
        (  # the soldiers one side says it killed are not the people a camp's medics counted
            fig("more than 90", 90, "soldiers killed", doc="x", bound="at_least"),
            "the militia said it killed more than 90 soldiers in the assault on the camp",
            fig("71", 71, "people killed", doc="y"),
            "medics said 71 people were killed in the assault on the camp",
        ),
        (  # "7 of whom died": of the wounded one clinic received, not of the camp's dead
            fig("7", 7, "died", doc="x"),
            "the clinic received 40 wounded from the camp, 7 of whom died",
            fig("at least 50", 50, "people killed", doc="y", bound="at_least"),
            "at least 50 people were killed in the assault on the camp",
        ),
        (  # shelters closed are not shelters opened, in one report or two
            fig("about 600", 600, "shelters closed", doc="x"),
            "about 600 shelters closed in the region since 2022, the agency said",
            fig("14", 14, "shelters opened", doc="y"),
            "14 shelters opened in the region in 2023, the agency said",
        ),
    ],
)
def test_different_things(a: QuantityRecord, ctx_a: str, b: QuantityRecord, ctx_b: str) -> None:
    assert not same_thing(a, b, ctx_a, ctx_b)


def test_a_rate_of_drones_against_a_weekly_total() -> None:
    nightly = fig("over 100", 100, "attack drones", "2025-10-06", "2025-10-10", "day", True, "x")
    weekly = fig("more than 300", 300, "drones", "2025-10-05", "2025-10-11", None, True, "y")
    night = "Russia launched over 100 attack drones a night"
    week = "Russia fired more than 300 drones at Ukraine over the past week"
    assert same_thing(nightly, weekly, night, week)
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


def test_rates_of_one_thing_far_apart_count_two_things() -> None:
    """32 vessels a day through a strait and 193 ships targeted in eleven months are 57 times
    apart as daily rates: not two counts of one thing, so no tension; 3 times apart is one."""
    daily = fig("32", 32, "vessels", per="day", doc="x")
    months = fig("193", 193, "ships", "2023-11-01", "2024-10-08", doc="y")
    assert compare(daily, months, ()) is None
    weekly = fig("100", 100, "vessels", "2024-10-01", "2024-10-07", doc="z")
    check = compare(daily, weekly, ())
    assert check is not None and check.verdict == "tension"


def test_a_particle_after_what_is_counted_is_not_its_head() -> None:
    from claimledger.analyze.numbers import _head

    assert _head("Ukrainian drones shooting down") == _head("Ukrainian drones intercepting")


# ---------------------------------------------------------------- what may be compared at all


def stated(doc: str, text: str | None, day: str = "2025-05-02", **kw: object) -> Stated:
    return Stated(doc, date.fromisoformat(day), text, **kw)  # type: ignore[arg-type]


def pct(text: str, value: float, what: str, doc: str) -> QuantityRecord:
    return QuantityRecord(
        f"{doc}:{text}", doc, text, value, None, None, False, "percent", what, None, None, None
    )


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("thousands", True),
        ("tens of millions", True),
        ("roughly a dozen", True),
        ("several hundred", True),
        ("2 million", False),
        ("12,000", False),
        ("three", False),
    ],
)
def test_vague_amounts(text: str, want: bool) -> None:
    assert vague(fig(text, 1.0, "people")) is want


def test_vague_amounts_are_never_compared() -> None:
    a = fig("thousands", 1000, "civilians killed", doc="x", approximate=True)
    b = fig("40", 40, "civilians killed", doc="y")
    ctx = "the shelling of the town killed {} civilians"
    assert not comparable(a, b, stated("x", ctx.format("thousands")), stated("y", ctx.format(40)))


def test_counts_of_parties_are_not_figures_in_tension() -> None:
    """ "two countries" and "10 countries" in related claims are different groupings."""
    a = fig("two", 2, "countries", doc="x")
    b = fig("10", 10, "countries", doc="y")
    sa = stated("x", "two countries pledged to send air defence systems to Kyiv")
    sb = stated("y", "10 countries pledged to send air defence systems to Kyiv")
    assert not comparable(a, b, sa, sb)
    # within one proposition (one cluster) the two counts do contradict each other
    one = {"clusters": frozenset({"k1"})}
    assert comparable(a, b, stated("x", sa.text, **one), stated("y", sb.text, **one))


def test_percentages_only_within_one_proposition() -> None:
    a, b = pct("46 percent", 46, "voters", "x"), pct("30 percent", 30, "voters", "y")
    sa = stated("x", "46 percent of voters approve of the ceasefire talks")
    sb = stated("y", "30 percent of voters approve of the ceasefire talks")
    assert not comparable(a, b, sa, sb)
    one = {"clusters": frozenset({"k9"})}
    assert comparable(a, b, stated("x", sa.text, **one), stated("y", sb.text, **one))


def test_figures_without_a_period_only_days_apart() -> None:
    a = fig("60 billion", 6e10, "aid package dollars", doc="x")
    b = fig("40 billion", 4e10, "aid package dollars", doc="y")
    ctx = "Congress approved an aid package of {} dollars for Ukraine"
    near = comparable(a, b, stated("x", ctx.format(60)), stated("y", ctx.format(40), "2025-05-04"))
    week = comparable(a, b, stated("x", ctx.format(60)), stated("y", ctx.format(40), "2025-05-09"))
    far = comparable(a, b, stated("x", ctx.format(60)), stated("y", ctx.format(40), "2023-05-05"))
    unknown = comparable(a, b, stated("x", ctx.format(60)), Stated("y", None, ctx.format(40)))
    assert near and not week and not far and not unknown


def test_a_figure_in_an_articles_own_voice() -> None:
    """Without a claim, "30 people were killed" may be any attack; a rate is specific, and
    then only against a claim of an article published days apart."""
    a = fig("30", 30, "people killed", doc="x")
    b = fig("49", 49, "people killed", doc="y")
    assert not comparable(a, b, stated("x", None), stated("y", "49 people were killed"))
    ra = fig("about 40", 40, "drones shot down", "2025-05-01", "2025-05-31", "day", doc="x")
    rb = fig("90", 90, "drones shot down", per="day", doc="y")
    claim = "it shoots down 90 drones a day"
    assert comparable(ra, rb, stated("x", None), stated("y", claim))
    assert not comparable(ra, rb, stated("x", None), stated("y", None))
    assert not comparable(ra, rb, stated("x", None), stated("y", claim, "2025-06-20"))


def test_two_figures_of_one_article() -> None:
    """Two speakers' figures in one article are two events or definitions far more often
    than a contradiction; within one proposition, or as flows over stated times, they do
    contradict."""
    a = fig("80", 80, "people killed", doc="x")
    b = fig("130", 130, "people killed", doc="x")
    ctx = "{} people were killed in the attack on the city"
    assert not comparable(a, b, stated("x", ctx.format(80)), stated("x", ctx.format(130)))
    one = {"clusters": frozenset({"k3"})}
    assert comparable(a, b, stated("x", ctx.format(80), **one), stated("x", ctx.format(130), **one))
    month = fig("2,100", 2100, "soldiers deserted", "2025-10-01", "2025-10-31", doc="x")
    rate = fig("500", 500, "soldiers deserting", per="month", doc="x")
    ctx_m, ctx_r = "2,100 soldiers deserted in October", "500 soldiers are deserting each month"
    assert comparable(month, rate, stated("x", ctx_m), stated("x", ctx_r))


def test_a_level_is_no_flow() -> None:
    """Poll points over a period are no rate and not part of a longer period's total."""
    part = fig("22", 22, "points", "2016-02-23", "2016-02-23", doc="x")
    whole = fig("8", 8, "points", "2015-10-01", "2016-03-24", doc="y")
    sa, sb = stated("x", "she led by 22 points"), stated("y", "she led by 8 points")
    assert compare(part, whole, (), sa, sb) is None
    assert compare(part, whole, ()) is not None  # the arithmetic alone would compare them


def test_different_places_are_not_compared() -> None:
    a = fig("120", 120, "people evacuated", per="day", doc="x")
    b = fig("400", 400, "people evacuated", per="day", doc="y")
    ctx = "{} people a day are evacuated from the district"
    sa = stated("x", ctx.format(120), places=frozenset({"kherson"}))
    sb = stated("y", ctx.format(400), places=frozenset({"sumy"}))
    assert not comparable(a, b, sa, sb)
    assert comparable(a, b, sa, stated("y", ctx.format(400), places=frozenset({"kherson"})))


def test_a_check_says_what_where_when_and_who() -> None:
    a = fig("21,600", 21600, "soldiers deserting", "2025-10-01", "2025-10-31", doc="doc-a")
    b = fig("15,000", 15000, "soldiers deserting", "2025-10-01", "2025-10-31", doc="doc-b")
    sa = stated("doc-a", "x", "2025-11-02", speakers=("Prosecutors",),
                places=frozenset({"russia"}))  # fmt: skip
    sb = stated("doc-b", "y", "2025-11-03", places=frozenset({"russia"}))
    text = describe(a, b, sa, sb)
    assert text.startswith("soldiers deserting (russia; 2025-10-01..2025-10-31)")
    assert "21,600 in doc-a (2025-11-02, per Prosecutors)" in text
    assert "15,000 in doc-b (2025-11-03, article's own words)" in text
    check = compare(a, b, (), sa, sb)
    assert check is not None and check.verdict == "tension"
    assert check.explanation.startswith(text) and "do not agree" in check.explanation


KILLED = "people killed in the strike on the market"


def toll(text: str, value: float, doc: str, bound: str | None = None) -> QuantityRecord:
    return fig(text, value, "people killed", doc=doc, bound=bound)


def test_a_lower_bound_meets_any_larger_count() -> None:
    """'At least 12 killed' in the morning is not contradicted by '22 killed' that evening;
    '20 killed' is by 'at least 40 killed'."""
    where = frozenset({"selydove"})
    sa = stated("doc-a", KILLED, speakers=("Regional governor",), places=where)
    sb = stated("doc-b", KILLED, speakers=("Interior ministry",), places=where)
    check = compare(toll("at least 12", 12, "doc-a", "at_least"), toll("22", 22, "doc-b"),
                    (), sa, sb)  # fmt: skip
    assert check is not None and check.verdict == "consistent"
    check = compare(toll("at least 40", 40, "doc-a", "at_least"), toll("20", 20, "doc-b"),
                    (), sa, sb)  # fmt: skip
    assert check is not None and check.verdict == "tension"


def test_two_lower_bounds_are_compared_as_numbers_or_not_at_all() -> None:
    where = frozenset({"sumy"})
    sa = stated("doc-a", KILLED, speakers=("Regional governor",), places=where)
    sb = stated("doc-b", KILLED, speakers=("Police",), places=where)
    low, high = toll("at least 12", 12, "doc-a", "at_least"), toll("at least 27", 27, "doc-b",
                                                                   "at_least")  # fmt: skip
    assert compare(low, high, (), sa, sb) is None
    near = toll("more than 12", 12.5, "doc-b", "at_least")
    check = compare(low, near, (), sa, sb)
    assert check is not None and check.verdict == "consistent"


def test_a_toll_that_rose_between_reports_is_no_tension() -> None:
    """A later report's higher toll updates an earlier one; a later lower one is a tension."""
    where = frozenset({"odesa"})
    early = stated("doc-a", KILLED, "2024-03-26", speakers=("Regional governor",), places=where)
    late = stated("doc-b", KILLED, "2024-03-28", speakers=("Emergency service",), places=where)
    check = compare(toll("4", 4, "doc-a"), toll("12", 12, "doc-b"), (), early, late)
    assert check is not None and check.verdict == "consistent"
    assert "rose between the reports" in check.explanation
    check = compare(toll("12", 12, "doc-a"), toll("4", 4, "doc-b"), (), early, late)
    assert check is not None and check.verdict == "tension"


def test_no_tension_between_the_figures_of_one_source() -> None:
    where = frozenset({"kyiv"})
    sa = stated("doc-a", KILLED, speakers=("Vitali Klitschko",), places=where)
    sb = stated("doc-b", KILLED, speakers=("Mayor Klitschko",), places=where)
    assert compare(toll("16", 16, "doc-a"), toll("7", 7, "doc-b"), (), sa, sb) is None
    sb = stated("doc-b", KILLED, speakers=("Ihor Klymenko",), places=where)
    check = compare(toll("16", 16, "doc-a"), toll("7", 7, "doc-b"), (), sa, sb)
    assert check is not None and check.verdict == "tension"


def test_a_tension_needs_both_claims_to_say_where() -> None:
    """'16 killed' in Kyiv against '22 killed' that names no place: the country's toll as often
    as the capital's. A rate says its scope, and may disagree with one place named."""
    sa = stated("doc-a", KILLED, speakers=("Vitali Klitschko",), places=frozenset({"kyiv"}))
    sb = stated("doc-b", KILLED, speakers=("Ihor Klymenko",))
    assert compare(toll("16", 16, "doc-a"), toll("22", 22, "doc-b"), (), sa, sb) is None
    bare = stated("doc-a", KILLED, speakers=("Vitali Klitschko",))
    assert compare(toll("16", 16, "doc-a"), toll("22", 22, "doc-b"), (), bare, sb) is None
    one = stated("doc-a", KILLED, speakers=("Vitali Klitschko",), clusters=frozenset({"k1"}))
    two = stated("doc-b", KILLED, speakers=("Ihor Klymenko",), clusters=frozenset({"k1"}))
    check = compare(toll("16", 16, "doc-a"), toll("22", 22, "doc-b"), (), one, two)
    assert check is not None and check.verdict == "tension"  # one proposition: same scope
    ra = fig("93", 93, "times shelled", per="day", doc="doc-a")
    rb = fig("about 40", 40, "times shelled", per="day", approximate=True, doc="doc-b")
    text = "Russian forces shelled the region {} times a day in April"
    sa = stated("doc-a", text.format(93), speakers=("Hromadske",), places=frozenset({"kherson"}))
    sb = stated("doc-b", text.format(40), speakers=("Olha Kuzmenko",))
    check = compare(ra, rb, (), sa, sb)
    assert check is not None and check.verdict == "tension"


def test_totals_ten_times_apart_are_two_scopes() -> None:
    """A war's toll and one night's are not two estimates of one count."""
    where = frozenset({"gaza"})
    sa = stated("doc-a", KILLED, speakers=("Health ministry",), places=where)
    sb = stated("doc-b", KILLED, speakers=("Media office",), places=where)
    assert compare(toll("28,000", 28000, "doc-a"), toll("67", 67, "doc-b"), (), sa, sb) is None
    check = compare(toll("100", 100, "doc-a"), toll("67", 67, "doc-b"), (), sa, sb)
    assert check is not None and check.verdict == "tension"


def test_a_claim_setting_two_states_side_by_side_is_no_tension_with_either() -> None:
    """ "would cut the levy to 17 percent, against 25 percent today" beside another article's
    "a 17 percent levy": the 17s agree, and 25 against 17 is the claim's own before and after."""
    now, then = pct("25 percent", 25, "levy", "x"), pct("17 percent", 17, "levy", "x")
    other = pct("17 percent", 17, "levy", "y")
    assert counterpart(now, other, [now, then], [other])
    assert counterpart(other, now, [other], [now, then])  # either way round
    alone = pct("30 percent", 30, "levy", "y")
    assert not counterpart(now, alone, [now, then], [alone])  # 30 is neither of the two
    assert not counterpart(now, other, [now], [other])  # one figure in each: a real pair


def test_a_figure_with_no_period_is_of_the_night_its_report_covers() -> None:
    """ "27 drones over the night" reported on the 26th against "15 drones overnight on March
    26": one night's two counts, of two sources."""
    where = frozenset({"odesa"})
    a = fig("15", 15, "drones", "2024-03-26", "2024-03-26", doc="doc-a")
    b = fig("27", 27, "drones", doc="doc-b")
    text = "the enemy attacked the region with {} drones overnight"
    sa = stated("doc-a", text.format(15), "2024-03-26", speakers=("Southern command",),
                places=where)  # fmt: skip
    sb = stated("doc-b", text.format(27), "2024-03-26", speakers=("Regional governor",),
                places=where)  # fmt: skip
    check = compare(a, b, (), sa, sb)
    assert check is not None and check.verdict == "tension"
    later = stated("doc-b", text.format(27), "2024-03-30", speakers=("Regional governor",),
                   places=where)  # fmt: skip
    assert compare(a, b, (), sa, later) is None  # four days on: any night


def test_an_exact_figure_hides_only_its_own_rounding() -> None:
    """ "502" and "520" bodies (transposed digits) do not agree; "2,700" and "2,690" may."""
    where = frozenset({"zaporizhzhia"})
    sa = stated("doc-a", "bodies were returned", speakers=("Coordination staff",), places=where)
    sb = stated("doc-b", "bodies were returned", speakers=("Russian envoy",), places=where)
    a = fig("502", 502, "bodies returned", doc="doc-a")
    b = fig("520", 520, "bodies returned", doc="doc-b")
    check = compare(a, b, (), sa, sb)
    assert check is not None and check.verdict == "tension"
    c = fig("2,700", 2700, "bodies returned", doc="doc-a")
    d = fig("2,690", 2690, "bodies returned", doc="doc-b")
    check = compare(c, d, (), sa, sb)
    assert check is not None and check.verdict == "consistent"


def test_nearly_is_no_upper_bound_on_either_side() -> None:
    """ "up to 30" and "nearly 20" are not two bounds the same way: "nearly 20" is a figure
    just under 20, which "up to 30" allows (the check once read only the first one's words)."""
    where = frozenset({"kherson"})
    sa = stated("doc-a", "vehicles were destroyed", speakers=("Army",), places=where)
    sb = stated("doc-b", "vehicles were destroyed", speakers=("Ministry",), places=where)
    up_to = fig("up to 30", 30, "vehicles destroyed", doc="doc-a", bound="at_most")
    nearly = fig("nearly 20", 20, "vehicles destroyed", doc="doc-b", bound="at_most")
    check = compare(up_to, nearly, (), sa, sb)
    assert check is not None and check.verdict == "consistent"


def test_a_claim_naming_no_place_is_about_its_articles_one_town() -> None:
    """Two reports of one town's shelling, neither claim naming the town: the articles name that
    town alone, so the tolls are of one event. Not when an article names other towns the
    other does not, nor for a tally 'since' a date, nor within one article."""
    town = frozenset({"vovchansk"})
    sa = stated("doc-a", KILLED, speakers=("Regional governor",), around=town)
    sb = stated("doc-b", KILLED, speakers=("Interior ministry",), around=town)
    check = compare(toll("6", 6, "doc-a"), toll("11", 11, "doc-b"), (), sa, sb)
    assert check is not None and check.verdict == "tension"
    assert "vovchansk, the place their articles report" in check.explanation
    beside = stated("doc-b", KILLED, speakers=("Interior ministry",),
                    around=frozenset({"vovchansk", "kupiansk"}))  # fmt: skip
    check = compare(toll("6", 6, "doc-a"), toll("11", 11, "doc-b"), (), sa, beside)
    assert check is not None and check.verdict == "tension"  # one of two, the other's one
    elsewhere = stated("doc-b", KILLED, speakers=("Interior ministry",),
                       around=frozenset({"kupiansk"}))  # fmt: skip
    assert compare(toll("6", 6, "doc-a"), toll("11", 11, "doc-b"), (), sa, elsewhere) is None
    many = frozenset({"vovchansk", "kupiansk", "izium"})
    wide = stated("doc-b", KILLED, speakers=("Interior ministry",), around=many)
    assert compare(toll("6", 6, "doc-a"), toll("11", 11, "doc-b"), (), sa, wide) is None
    tally = stated("doc-b", "people killed in the region since the spring",
                   speakers=("Interior ministry",), around=town)  # fmt: skip
    assert compare(toll("6", 6, "doc-a"), toll("11", 11, "doc-b"), (), sa, tally) is None
    same = stated("doc-a", KILLED, speakers=("Interior ministry",), around=town)
    assert compare(toll("6", 6, "doc-a"), toll("11", 11, "doc-a"), (), sa, same) is None


def test_a_group_among_the_dead_is_part_of_the_toll() -> None:
    """'two hostages killed' and 'at least 44 people killed' in one strike: the hostages are
    among the people, no disagreement; a demonym is no group ('67 Palestinians' against '100
    people' is one toll), and a group larger than the whole does disagree."""
    where = frozenset({"rafah"})
    sa = stated("doc-a", KILLED, speakers=("Armed wing",), places=where)
    sb = stated("doc-b", KILLED, speakers=("Health ministry",), places=where)
    hostages = fig("two", 2, "hostages killed", doc="doc-a")
    people = fig("at least 44", 44, "people killed", doc="doc-b", bound="at_least")
    assert compare(hostages, people, (), sa, sb) is None
    assert compare(people, hostages, (), sb, sa) is None
    fighters = fig("12", 12, "Hamas killed", doc="doc-a")
    assert compare(fighters, fig("22", 22, "people killed", doc="doc-b"), (), sa, sb) is None
    demonym = fig("67", 67, "Palestinians killed", doc="doc-a")
    check = compare(demonym, fig("100", 100, "people killed", doc="doc-b"), (), sa, sb)
    assert check is not None and check.verdict == "tension"
    many = fig("60", 60, "hostages killed", doc="doc-a")
    check = compare(many, fig("22", 22, "people killed", doc="doc-b"), (), sa, sb)
    assert check is not None and check.verdict == "tension"


def test_a_few_missiles_fired_are_compared_across_sources() -> None:
    """'5 missiles fired' by one side's account and '2 missiles fired' by the other's: small
    counts of weapons launched at one target are the figures the sides dispute. Small counts of
    anything else ('two countries', 'three states') are compared only within one proposition."""
    where = frozenset({"hodeidah"})
    sa = stated("doc-a", "missiles fired at the tanker", speakers=("Rebel spokesman",),
                places=where)  # fmt: skip
    sb = stated("doc-b", "missiles fired at the tanker", speakers=("Naval command",),
                places=where)  # fmt: skip
    five = fig("5", 5, "ballistic missiles fired", doc="doc-a")
    two = fig("2", 2, "anti-ship ballistic missiles fired", doc="doc-b")
    assert same_thing(five, two, sa.text, sb.text)
    check = compare(five, two, (), sa, sb)
    assert check is not None and check.verdict == "tension"
    ctx = "countries signed the accord at the summit"
    assert not same_thing(fig("2", 2, "countries signed", doc="doc-a"),
                          fig("10", 10, "countries signed", doc="doc-b"), ctx, ctx)  # fmt: skip


def test_lives_lost_are_deaths() -> None:
    assert counted("people lost", "six people lost their lives in the shelling") == frozenset(
        {"kill", "people"}
    )
    assert "casualty" in counted("soldiers lost", "the army lost 900 soldiers in a week")


def test_children_of_a_nation_are_still_a_group_and_a_rate_is_none() -> None:
    where = frozenset({"rafah"})
    sa = stated("doc-a", KILLED, speakers=("Armed wing",), places=where)
    sb = stated("doc-b", KILLED, speakers=("Health ministry",), places=where)
    children = fig("9", 9, "Ukrainian children killed", doc="doc-a")
    assert compare(children, fig("30", 30, "people killed", doc="doc-b"), (), sa, sb) is None
    ra = fig("no more than 900", 900, "new contract soldiers signed", per="month", doc="doc-a",
             bound="at_most")  # fmt: skip
    rb = fig("about 3,000", 3000, "people signed", per="month", approximate=True, doc="doc-b")
    check = compare(ra, rb, (), sa, sb)
    assert check is not None and check.verdict == "tension"


def test_an_upper_bound_is_compared_by_its_number() -> None:
    """'no more than 400 civilians remain' against 'about 1,500 remain' in one town disagree;
    before, the bound's range starting at 0 made the two look 'far apart' (two scopes) and
    nothing was checked. A bound 50 times under the other figure is still another scope."""
    where = frozenset({"vuhledar"})
    text = "civilians remain in the town"
    sa = stated("doc-a", text, speakers=("City administration",), places=where)
    sb = stated("doc-b", text, speakers=("Occupation official",), places=where)
    bound = fig("no more than 400", 400, "civilians remain", doc="doc-a", bound="at_most")
    about = fig("about 1,500", 1500, "civilians remain", approximate=True, doc="doc-b")
    check = compare(bound, about, (), sa, sb)
    assert check is not None and check.verdict == "tension"
    few = fig("fewer than 30", 30, "civilians remain", doc="doc-a", bound="at_most")
    assert compare(few, about, (), sa, sb) is None


def test_soldiers_who_fell_are_the_dead_and_towns_that_fell_are_taken() -> None:
    assert "kill" in counted("soldiers", "7 soldiers fell during the fighting")
    assert "kill" in counted("soldiers who fell", "the 7 soldiers who fell in the attack")
    assert "capture" not in counted("soldiers who fell", "the 7 soldiers who fell in the attack")
    assert "capture" in counted("towns fell", "3 towns fell to the rebels")
    from claimledger.analyze.numbers import _head

    assert _head("soldiers who fell") == _head("soldiers")
    assert "kill" in counted("people martyred", "4 people martyred in the shelling")


def test_a_village_no_gazetteer_knows_named_in_both_claims_is_one_scope() -> None:
    """Neither claim names a place the gazetteer resolved, but both say "the assault on
    Hlushkivka": the same day's count there, in tension; a weekday after "on" is no place."""
    a = fig("14", 14, "armored vehicles lost", "2025-05-01", "2025-05-01", doc="doc-a")
    b = fig("22", 22, "armoured vehicles lost", "2025-05-01", "2025-05-01", doc="doc-b")
    sa = stated("doc-a", "in the assault on Hlushkivka, Russian forces lost 14 armored vehicles",
                speakers=("Serhii Kovalenko",))  # fmt: skip
    sb = stated("doc-b", "in the assault on Hlushkivka the enemy lost 22 armoured vehicles",
                speakers=("Andrii Melnyk",))  # fmt: skip
    check = compare(a, b, (), sa, sb)
    assert check is not None and check.verdict == "tension"
    sa = stated("doc-a", "in the assault on Tuesday, Russian forces lost 14 armored vehicles",
                speakers=("Serhii Kovalenko",))  # fmt: skip
    sb = stated("doc-b", "in the assault on Tuesday the enemy lost 22 armoured vehicles",
                speakers=("Andrii Melnyk",))  # fmt: skip
    assert compare(a, b, (), sa, sb) is None


def test_people_with_nothing_counted_of_them_are_not_compared() -> None:
    """ "forced 34 people back across the border" and "requests for help from 14 people":
    people, but what befell them is unsaid; the same cluster may still compare them."""
    a, b = fig("34", 34, "people", doc="doc-a"), fig("14", 14, "people", doc="doc-b")
    ctx_a = "border guards forced 34 people back across the border near Hrebeni"
    ctx_b = "it had received requests for help from 14 people near Hrebeni"
    assert not same_thing(a, b, ctx_a, ctx_b)
    assert same_thing(a, b, ctx_a, ctx_b, one_claim=True)
    killed = fig("22", 22, "people killed", doc="doc-c")
    assert same_thing(killed, fig("33", 33, "people killed", doc="doc-d"),
                      "a strike killed 22 people", "a strike killed 33 people")  # fmt: skip


def test_areas_of_land_gained_are_compared_whether_or_not_territory_is_said() -> None:
    a = fig("about 360 square kilometres", 360, "", "2025-03-01", "2025-03-31", doc="doc-a")
    a = QuantityRecord(**{**a.__dict__, "unit": "km2", "what": None})
    b = fig("211 square kilometres", 211, "Ukrainian territory", "2025-03-01", "2025-03-31",
            doc="doc-b")  # fmt: skip
    b = QuantityRecord(**{**b.__dict__, "unit": "km2"})
    sa = stated("doc-a", "Russian forces gained about 360 square kilometres in March",
                speakers=("ISW",))  # fmt: skip
    sb = stated("doc-b", "Russian troops occupied 211 square kilometres of Ukrainian territory "
                "in March", speakers=("DeepState",))  # fmt: skip
    check = compare(a, b, (), sa, sb)
    assert check is not None and check.verdict == "tension"
    assert "territory" in check.explanation and "None" not in check.explanation


def test_a_place_in_the_speakers_words_is_the_figures_scope() -> None:
    """ "Regional officials in Kharkiv said 5 people were wounded", in a report on a strike on
    Dnipro, against Dnipro's 43 injured: two places, no tension."""
    a = fig("5", 5, "people wounded", "2025-05-01", "2025-05-01", doc="doc-a")
    b = fig("43", 43, "people wounded", "2025-05-01", "2025-05-01", doc="doc-b")
    around = frozenset({"dnipro"})
    sa = stated("doc-a", "5 people were wounded in a drone strike on the city",
                speakers=("regional officials in Kharkiv",), around=around)  # fmt: skip
    sb = stated("doc-b", "43 people were wounded in the strike", speakers=("State Emergency "
                "Service",), around=around)  # fmt: skip
    assert compare(a, b, (), sa, sb) is None or compare(a, b, (), sa, sb).verdict != "tension"
    sa = stated("doc-a", "5 people were wounded in the strike on the city",
                speakers=("regional officials",), around=around)  # fmt: skip
    check = compare(a, b, (), sa, sb)
    assert check is not None and check.verdict == "tension"


def test_areas_in_square_miles_are_checked_as_square_kilometres() -> None:
    from claimledger.analyze.numbers import in_checked_unit

    a = QuantityRecord("doc-a:q1", "doc-a", "about 140 square miles", 140, None, None, True,
                       "square miles", None, "2025-03-01", "2025-03-31", None)  # fmt: skip
    b = QuantityRecord("doc-b:q1", "doc-b", "211 square kilometres", 211, None, None, False,
                       "km2", "territory", "2025-03-01", "2025-03-31", None)  # fmt: skip
    converted = in_checked_unit(a)
    assert converted.unit == "km2" and converted.text == a.text
    assert converted.value is not None and abs(converted.value - 362.6) < 0.1
    sa = stated("doc-a", "Russian forces gained about 140 square miles in March",
                speakers=("ISW",))  # fmt: skip
    sb = stated("doc-b", "Russian troops occupied 211 square kilometres in March",
                speakers=("DeepState",))  # fmt: skip
    assert not comparable(a, b, sa, sb)  # not in one unit: never compared as written
    assert comparable(converted, in_checked_unit(b), sa, sb)
    check = compare(converted, in_checked_unit(b), (), sa, sb)
    assert check is not None and check.verdict == "tension"


def test_a_strict_bound_draws_its_line_at_its_number() -> None:
    """'More than 1,400 political prisoners' excludes 1,387 counted the same day; 'about 1,400'
    does not, and neither does 'more than 1,380'. The explanation prints the edge's slack."""
    where = frozenset({"belarus"})
    sa = stated("doc-a", "political prisoners held in the country", speakers=("Rights group",),
                places=where)  # fmt: skip
    sb = stated("doc-b", "political prisoners held in the country", speakers=("Exile media",),
                places=where)  # fmt: skip

    def held(text: str, value: float, doc: str, bound: str | None = None) -> QuantityRecord:
        return fig(text, value, "political prisoners", "2025-05-02", "2025-05-02", doc=doc,
                   bound=bound)  # fmt: skip

    exact = held("1,387", 1387, "doc-b")
    check = compare(held("more than 1,400", 1400, "doc-a", "at_least"), exact, (), sa, sb)
    assert check is not None and check.verdict == "tension"
    assert "0.5%" in check.explanation
    check = compare(held("about 1,400", 1400, "doc-a", "about"), exact, (), sa, sb)
    assert check is not None and check.verdict == "consistent"
    check = compare(held("more than 1,380", 1380, "doc-a", "at_least"), exact, (), sa, sb)
    assert check is not None and check.verdict == "consistent"
    check = compare(held("fewer than 1,350", 1350, "doc-a", "at_most"), exact, (), sa, sb)
    assert check is not None and check.verdict == "tension"
    check = compare(held("up to 1,350", 1350, "doc-a", "at_most"), exact, (), sa, sb)
    assert check is not None and check.verdict == "consistent"  # "up to" is an estimate


def test_two_lower_bounds_a_little_apart_still_agree() -> None:
    """'At least 10,058' and 'more than 10,000' civilians killed: both hold; the strict edge of
    either does not make them disagree."""
    sa = stated("doc-a", KILLED, speakers=("UN monitors",))
    sb = stated("doc-b", KILLED, speakers=("UN mission",))
    a = toll("At least 10,058", 10058, "doc-a", "at_least")
    b = toll("More than 10,000", 10000, "doc-b", "at_least")
    check = compare(a, b, (), sa, sb)
    assert check is not None and check.verdict == "consistent"


def test_equal_counts_in_two_places_confirm_nothing() -> None:
    """Two people injured in Kharkiv and two workers injured in Vinnytsia: the same number of
    one event each in two places is no consistent check; in one place it is."""
    a = fig("two", 2, "people injured", doc="doc-a")
    b = fig("two", 2, "people injured", doc="doc-b")
    text = "two people were injured when a drone hit the building"
    sa = stated("doc-a", text, speakers=("Regional governor",), around=frozenset({"kharkiv"}))
    sb = stated("doc-b", text, speakers=("Deputy head",), around=frozenset({"vinnytsia"}))
    assert compare(a, b, (), sa, sb) is None
    sb = stated("doc-b", text, speakers=("Deputy head",), around=frozenset({"kharkiv"}))
    check = compare(a, b, (), sa, sb)
    assert check is not None and check.verdict == "consistent"


def test_a_group_equal_to_a_whole_confirms_it_only_within_one_proposition() -> None:
    """'5 people wounded' and 'five children injured': the children are among the people, and
    the equal numbers confirm nothing unless the two claims state one proposition."""
    a = fig("5", 5, "people wounded", doc="doc-a")
    b = fig("five", 5, "children wounded", doc="doc-b")
    sa = stated("doc-a", "5 people were wounded in the strike", speakers=("Officials",))
    sb = stated("doc-b", "five children were wounded in the strike", speakers=("Governor",))
    assert compare(a, b, (), sa, sb) is None
    one = frozenset({"k1"})
    sa = stated("doc-a", "5 people were wounded in the strike", speakers=("Officials",),
                clusters=one)  # fmt: skip
    sb = stated("doc-b", "five children were wounded in the strike", speakers=("Governor",),
                clusters=one)  # fmt: skip
    check = compare(a, b, (), sa, sb)
    assert check is not None and check.verdict == "consistent"


def test_an_official_of_another_place_counts_that_place() -> None:
    """Belgorod's governor on two people injured overnight, in a report on a strike on
    Kharkiv, against Kharkiv's count: two places, no check."""
    a = fig("two", 2, "people injured", doc="doc-a")
    b = fig("three", 3, "people injured", doc="doc-b")
    text = "people were injured by shelling overnight"
    kharkiv = frozenset({"kharkiv"})
    sa = stated("doc-a", text, speakers=("Governor",), around=kharkiv,
                seats=frozenset({"belgorod"}))  # fmt: skip
    sb = stated("doc-b", text, speakers=("Head of the region",), around=kharkiv)
    assert compare(a, b, (), sa, sb) is None
    sa = stated("doc-a", text, speakers=("Governor",), around=kharkiv,
                seats=frozenset({"kharkiv"}))  # fmt: skip
    check = compare(a, b, (), sa, sb)
    assert check is not None and check.verdict == "tension"


def test_a_toll_given_for_an_earlier_day_is_updated_by_a_later_one() -> None:
    """'The toll stood at five on Thursday', reported on Friday, and 'seven killed' that
    Friday: the toll rose; the other way round the later toll is the lower. A count only of
    Thursday's event, reported on Friday, is Friday's."""
    where = frozenset({"kharkiv"})
    dated = "the death toll stood at five on Thursday evening, people killed in the strike"
    sa = stated("doc-a", dated, "2024-03-15", speakers=("Governor",), places=where)
    sb = stated("doc-b", KILLED, "2024-03-15", speakers=("Emergency service",), places=where)
    five = fig("five", 5, "people killed", "2024-03-14", "2024-03-14", doc="doc-a")
    check = compare(five, toll("Seven", 7, "doc-b"), (), sa, sb)
    assert check is not None and check.verdict == "consistent"
    assert "rose between the reports" in check.explanation
    nine = fig("nine", 9, "people killed", "2024-03-14", "2024-03-14", doc="doc-a")
    check = compare(nine, toll("Seven", 7, "doc-b"), (), sa, sb)
    assert check is not None and check.verdict == "tension"
    # "five people killed in Thursday's strike", reported on Friday: Friday's count of
    # Thursday's event, against another of Friday's
    event = stated("doc-a", "five people killed in Thursday's strike", "2024-03-15",
                   speakers=("Governor",), places=where)  # fmt: skip
    check = compare(five, toll("Seven", 7, "doc-b"), (), event, sb)
    assert check is not None and check.verdict == "tension"


def test_distances_are_compared_within_one_proposition_only() -> None:
    """'Hit about 17 miles southeast of the port' and 'about 28 km southeast of the port' in
    one cluster are one distance; two claims' distances otherwise measure who knows what."""
    from claimledger.analyze.numbers import in_checked_unit

    a = QuantityRecord("doc-a:q1", "doc-a", "about 17 miles", 17, None, None, True, "miles",
                       "ship", None, None, None)  # fmt: skip
    b = QuantityRecord("doc-b:q1", "doc-b", "about 28 km", 28, None, None, True, "km", None,
                       None, None, None)  # fmt: skip
    a, b = in_checked_unit(a), in_checked_unit(b)
    one = frozenset({"k1"})
    sa = stated("doc-a", "the ship was hit about 17 miles southeast of the port", clusters=one)
    sb = stated("doc-b", "the ship was hit about 28 km southeast of the port", clusters=one)
    assert comparable(a, b, sa, sb)
    check = compare(a, b, (), sa, sb)
    assert check is not None and check.verdict == "consistent"
    assert check.explanation.startswith("distance (")
    sb = stated("doc-b", "the ship was hit about 28 km southeast of the port")
    sa = stated("doc-a", "the ship was hit about 17 miles southeast of the port")
    assert not comparable(a, b, sa, sb)
