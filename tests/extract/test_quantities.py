"""Reported figures: one table per pattern, the negatives, and the shared dev article."""

from __future__ import annotations

import json
import math
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimledger.cli import app
from claimledger.export.contract import to_json
from claimledger.extract.quantities import MAX_VALUE, extract_quantities
from claimledger.models import Quantity
from claimledger.nlp.pipeline import load_nlp

PUBLISHED = "2025-11-20"
SHARED = Path(__file__).resolve().parents[3] / "shared"
DEV = SHARED / "corpus" / "dev"


@pytest.fixture(scope="session")
def pipeline() -> Language:
    return load_nlp()


def figures(nlp: Language, text: str, published: str | None = PUBLISHED) -> tuple[Quantity, ...]:
    return extract_quantities(nlp(text), published, "doc")


def only(nlp: Language, text: str) -> Quantity:
    found = figures(nlp, text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "written", "value", "what"),
    [
        ("The brigade lost 1,200 soldiers in the fighting.", "1,200", 1200, "soldiers lost"),
        ("Engineers repaired 37 bridges.", "37", 37, "bridges"),
        ("The court opened 4,500 criminal cases.", "4,500", 4500, "criminal cases"),
        ("The number of deserters reached 5,000.", "5,000", 5000, "deserters"),
        ("The death toll has risen to 42.", "42", 42, "death toll"),
        ("A total of 900 prisoners were exchanged.", "900", 900, "prisoners exchanged"),
    ],
)
def test_counts(pipeline: Language, text: str, written: str, value: float, what: str) -> None:
    q = only(pipeline, text)
    assert (q.text, q.value, q.low, q.high, q.what) == (written, value, None, None, what)
    assert (q.unit, q.bound, q.approximate, q.per) == (None, "exact", False, None)


@pytest.mark.parametrize(
    ("text", "written", "low", "high", "what"),
    [
        (
            "Officials said 15,000 to 18,000 people fled.",
            "15,000 to 18,000",
            15000,
            18000,
            "people fled",
        ),
        (
            "Between 300 and 400 drones were launched.",
            "Between 300 and 400",
            300,
            400,
            "drones launched",
        ),
        (
            "Some 2,000-3,000 troops are deployed.",
            "Some 2,000-3,000",
            2000,
            3000,
            "troops deployed",
        ),
        ("Two or three boats sank.", "Two or three", 2, 3, "boats sank"),
        ("The fund holds 5 to 10 million dollars.", "5 to 10 million dollars", 5e6, 1e7, None),
        ("The tariffs range from 5% to 25%.", "from 5% to 25%", 5, 25, None),
    ],
)
def test_ranges(
    pipeline: Language, text: str, written: str, low: float, high: float, what: str | None
) -> None:
    q = only(pipeline, text)
    assert (q.text, q.value, q.low, q.high, q.what) == (written, None, low, high, what)


def test_a_change_is_two_figures(pipeline: Language) -> None:
    found = figures(pipeline, "Losses rose from 100 to 200 in a week.")
    assert [q.value for q in found] == [100, 200]


@pytest.mark.parametrize(
    ("text", "written", "bound"),
    [
        ("About 500 civilians were evacuated.", "About 500", "about"),
        ("Approximately 2,000 homes were damaged.", "Approximately 2,000", "about"),
        ("Roughly 700 prisoners were freed.", "Roughly 700", "about"),
        ("Some 14,000 people died.", "Some 14,000", "about"),
        ("Around 60 shells landed.", "Around 60", "about"),
        ("Nearly 60 towns lost power.", "Nearly 60", "at_most"),
        ("Almost 90 aircraft took part.", "Almost 90", "at_most"),
        ("Up to 3,000 fighters remain.", "Up to 3,000", "at_most"),
        ("Fewer than 50 vehicles crossed.", "Fewer than 50", "at_most"),
        ("The army captured more than 40 villages.", "more than 40", "at_least"),
        ("Over 100 tanks were destroyed.", "Over 100", "at_least"),
        ("At least 12 people were killed.", "At least 12", "at_least"),
        ("The raid freed 300 or more hostages.", "300 or more", "at_least"),
    ],
)
def test_bounds(pipeline: Language, text: str, written: str, bound: str) -> None:
    q = only(pipeline, text)
    assert (q.text, q.bound, q.approximate) == (written, bound, True)


@pytest.mark.parametrize(
    ("text", "written", "value", "what"),
    [
        ("Russian troops control 80% of the region.", "80%", 80, "region"),
        ("Turnout fell to 45 percent.", "45 percent", 45, "Turnout"),
        ("Prices rose by 12 per cent.", "12 per cent", 12, "Prices"),
    ],
)
def test_percentages(pipeline: Language, text: str, written: str, value: float, what: str) -> None:
    q = only(pipeline, text)
    assert (q.text, q.value, q.unit) == (written, value, "percent")
    assert q.what is not None and what in q.what


def test_percentage_of_a_possessive(pipeline: Language) -> None:
    q = only(pipeline, "Troops hold approximately 80% of the town's territory.")
    assert q.what == "town's territory"
    assert (q.bound, q.approximate) == ("about", True)


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "what"),
    [
        ("A dozen drones struck the port.", 12, None, None, "drones struck"),
        ("Three hundred soldiers surrendered.", 300, None, None, "soldiers surrendered"),
        ("The war has displaced 1.5 million refugees.", 1.5e6, None, None, "refugees"),
        ("Two thousand mines were cleared.", 2000, None, None, "mines cleared"),
        ("Crews laid three hundred and fifty mines.", 350, None, None, "mines"),
        ("Twenty-five medics were hurt.", 25, None, None, "medics hurt"),
        ("Tens of thousands of residents fled.", None, 20000, 100000, "residents"),
        ("Hundreds of thousands of people lost heat.", None, 2e5, 1e6, "people"),
        ("The army wants a quarter of a million recruits.", 250000, None, None, "recruits"),
        ("Half a million households lost water.", 500000, None, None, "households lost"),
        ("Three quarters of a million shells were fired.", 750000, None, None, "shells"),
    ],
)
def test_written_numbers(
    pipeline: Language,
    text: str,
    value: float | None,
    low: float | None,
    high: float | None,
    what: str,
) -> None:
    q = only(pipeline, text)
    assert (q.value, q.low, q.high, q.what) == (value, low, high, what)


def test_vague_numbers_are_approximate(pipeline: Language) -> None:
    q = only(pipeline, "Tens of thousands of residents fled.")
    assert (q.bound, q.approximate) == ("about", True)


@pytest.mark.parametrize(
    ("text", "written", "unit", "what"),
    [
        ("The column advanced 15 km.", "15 km", "km", None),
        ("The ship carried 40,000 tonnes of grain.", "40,000 tonnes", "tonnes", "grain"),
        ("They seized 100 square kilometres of land.", "100 square kilometres", "km2", "land"),
        ("Washington pledged $5 million in aid.", "$5 million", "dollars", None),
        ("Brussels sent €50 million.", "€50 million", "euros", None),
        ("The blast was 40 nautical miles out.", "40 nautical miles", "nautical miles", None),
    ],
)
def test_units(pipeline: Language, text: str, written: str, unit: str, what: str | None) -> None:
    q = only(pipeline, text)
    assert (q.text, q.unit, q.what) == (written, unit, what)


@pytest.mark.parametrize(
    ("text", "per"),
    [
        ("The city is hit by 500 shells per day.", "day"),
        ("About 300 soldiers desert a day.", "day"),
        ("Kyiv receives 50 tanks each month.", "month"),
        ("Every week 200 men are mobilised.", "week"),
        ("The army recruits 30,000 men monthly.", "month"),
        ("The plant produces 10 drones daily.", "day"),
        ("The region exports 2 million tonnes a year.", "year"),
        ("Russian jets dropped 60 glide bombs a day on the town and its outskirts.", "day"),
    ],
)
def test_rates(pipeline: Language, text: str, per: str) -> None:
    q = only(pipeline, text)
    assert (q.per, q.period) == (per, None)


def test_a_time_ago_is_not_a_rate(pipeline: Language) -> None:
    assert only(pipeline, "Kyiv lost 500 soldiers a year ago.").per is None


@pytest.mark.parametrize(
    ("text", "phrase", "start", "end"),
    [
        ("In October, 4,000 soldiers were wounded.", "In October", "2025-10-01", "2025-10-31"),
        ("Last month 700 shells hit the city.", "Last month", "2025-10-01", "2025-10-31"),
        ("This year the army lost 2,000 vehicles.", "This year", "2025-01-01", "2025-11-20"),
        (
            "Since the start of the year, 9,000 people have left.",
            "Since the start of the year",
            "2025-01-01",
            "2025-11-20",
        ),
        (
            "Since February 2022, 500 schools have been destroyed.",
            "Since February 2022",
            "2022-02-01",
            "2025-11-20",
        ),
        ("In 2024 the factory built 1,300 drones.", "In 2024", "2024-01-01", "2024-12-31"),
        (
            "Over the past week, 60 drones were shot down.",
            "Over the past week",
            "2025-11-14",
            "2025-11-20",
        ),
        (
            "Over the past three months, 1,500 soldiers surrendered.",
            "Over the past three months",
            "2025-08-21",
            "2025-11-20",
        ),
        (
            "Between March and May, 12,000 people were evacuated.",
            "Between March and May",
            "2025-03-01",
            "2025-05-31",
        ),
        ("More than 400 people were arrested last week.", "last week", "2025-11-10", "2025-11-16"),
    ],
)
def test_periods(pipeline: Language, text: str, phrase: str, start: str, end: str) -> None:
    q = only(pipeline, text)
    assert q.period is not None
    assert (q.period.text, q.period.start, q.period.end) == (phrase, start, end)


def test_each_figure_gets_its_own_period(pipeline: Language) -> None:
    text = (
        "Some 3,000 men enlisted in March, while 7,000 recruits were trained "
        "since the start of the year."
    )
    first, second = figures(pipeline, text)
    assert first.period is not None and first.period.start == "2025-03-01"
    assert second.period is not None and second.period.start == "2025-01-01"


def test_period_without_publication_date(pipeline: Language) -> None:
    (q,) = figures(pipeline, "In October, 4,000 soldiers were wounded.", published=None)
    assert q.period is not None
    assert (q.period.text, q.period.start, q.period.end) == ("In October", None, None)


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2022.",
        "The attack happened on February 24.",
        "The meeting began at 10:30.",
        "The strike hit at 5 pm on Tuesday.",
        "The 3rd Army Corps advanced.",
        "The 57th brigade withdrew.",
        "The 155th Marine Brigade withdrew.",
        "The report on page 12 lists the losses.",
        "Resolution 2231 was adopted.",
        "A 45-year-old man was detained.",
        "The 1990s saw fewer wars.",
        "The two sides exchanged fire.",
        "One of the soldiers said the unit had left.",
        "Nine out of ten residents left.",
        "The match ended 2-1.",
        "Eight of 10 residents stayed.",
        "A 52-count complaint was filed.",
        "Mine No. 4 closed.",
        "Troops captured a large number of prisoners.",
        "It was the third attack in the region.",
    ],
)
def test_not_figures(pipeline: Language, text: str) -> None:
    assert figures(pipeline, text) == ()


def test_ids_and_offsets(pipeline: Language) -> None:
    text = "About 500 civilians left. Later, 15 to 20 buses arrived with 80% of the food."
    doc = pipeline(text)
    found = extract_quantities(doc, PUBLISHED, "art")
    assert [q.id for q in found] == ["art:q1", "art:q2", "art:q3"]
    assert [q.text for q in found] == ["About 500", "15 to 20", "80%"]
    assert all(text[q.start : q.end] == q.text for q in found)


@pytest.mark.parametrize(
    "number",
    [
        "4" * 400,
        "9" * 5000,
        "5" + "0" * 400 + "bn",
        "9,999,999,999,999,999",
        "1,000,000,000,000,001",
    ],
)
def test_numbers_past_the_bound_are_not_figures(pipeline: Language, number: str) -> None:
    """A number too big for any count (past 1e15, or past a float: Infinity) is no figure, so
    no Infinity reaches the output."""
    assert figures(pipeline, f"Officials said {number} soldiers were killed.") == ()


def test_a_range_past_the_bound_is_not_a_figure(pipeline: Language) -> None:
    text = f"Between {'9' * 320} and {'9' * 330} people fled."
    assert figures(pipeline, text) == ()


def test_the_largest_figure_within_the_bound_is_kept(pipeline: Language) -> None:
    (found,) = figures(pipeline, "Officials said 1,000,000,000,000,000 drones were downed.")
    assert found.value == MAX_VALUE == 1e15


def test_every_figure_is_finite_json(pipeline: Language) -> None:
    """The contract of an article full of odd numbers is strict JSON (no NaN, no Infinity)."""
    text = " ".join(
        f"Officials said {n} soldiers were killed."
        for n in ("1" * 309, "2" * 308, "3e400", "12", "9" * 16, "0.000001")
    )
    found = figures(pipeline, text)
    assert [q.value for q in found] == [12, 0.000001]
    json.dumps([asdict(q) for q in found], allow_nan=False)


def _dev_records() -> dict[str, dict[str, Any]]:
    if not (DEV / "articles.jsonl").is_file() or not (DEV / "gold.json").is_file():
        pytest.skip(f"shared dev corpus absent at {DEV} (it sits beside the repository)")
    lines = (DEV / "articles.jsonl").read_text("utf-8").splitlines()
    return {r["id"]: r for r in map(json.loads, filter(str.strip, lines))}


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 0.005 * abs(b)


def _matches(q: Quantity, gold: dict[str, Any]) -> bool:
    if gold["value"] is not None:
        return _close(q.value, gold["value"])
    return _close(q.low, gold["low"]) and _close(q.high, gold["high"])


def test_dev_article_figures(pipeline: Language) -> None:
    records = _dev_records()
    gold = json.loads((DEV / "gold.json").read_text("utf-8"))["documents"]["vilcha-desertion"]
    record = records["vilcha-desertion"]
    found = figures(pipeline, record["text"], record["published"])
    assert len(found) == len(gold["quantities"]) == 5
    for want in gold["quantities"]:
        q = next(q for q in found if _matches(q, want))
        assert q.what is not None and any(w.lower() in q.what.lower() for w in want["what"])
        assert (q.per, q.approximate) == (want["per"], want["approximate"])
        if want["period"]:
            assert q.period is not None
            assert (q.period.start, q.period.end) == (
                want["period"]["start"],
                want["period"]["end"],
            )


def test_dev_article_without_figures(pipeline: Language) -> None:
    record = _dev_records()["kharkiv-soce"]
    assert figures(pipeline, record["text"], record["published"]) == ()


def test_the_date_of_a_statement_is_not_the_figures_period(pipeline: Language) -> None:
    q = only(
        pipeline,
        "The brigade lost about 1,300 soldiers killed and wounded in March, "
        "its commander said on Friday.",
    )
    assert q.period is not None
    assert (q.period.start, q.period.end) == ("2025-03-01", "2025-03-31")
    assert "said" not in (q.what or "")


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("The navy launched 40 attack drones at the port.", "attack drones launched"),
        ("The brigade lost 300 soldiers killed and wounded.", "soldiers killed and wounded"),
        ("Police opened 70 cases over conscripts dodging the draft.", "conscripts dodging"),
        ("Prosecutors registered 500 cases of desertion.", "desertion"),
        ("Prosecutors registered 500 criminal cases.", "criminal cases"),
        ("Shelling killed 11 civilians in the region last week.", "civilians killed"),
        ("Air defences shot down 80 drones overnight.", "drones shot down"),
        ("Artillery shelled the district about 25 times a day.", "times shelled"),
        ("Troops attacked the bridgehead an average of 61 times a day.", "times attacked"),
        ("The port was hit 12 times overnight.", "times hit"),
    ],
)
def test_what_is_counted(pipeline: Language, text: str, what: str) -> None:
    assert only(pipeline, text).what == what


def test_a_multiplier_is_not_a_count_of_occurrences(pipeline: Language) -> None:
    found = only(pipeline, "Fuel prices rose three times faster than wages.")
    assert found.what is None or "rose" not in found.what


def test_the_json_writer_refuses_nan_and_infinity() -> None:
    assert to_json({"value": 1.5}) == '{"value": 1.5}'
    for bad in (math.inf, -math.inf, math.nan):
        with pytest.raises(ValueError, match="JSON compliant"):
            to_json({"value": bad})


def _strict(line: str) -> Any:
    def refuse(token: str) -> None:
        raise AssertionError(f"{token} in the output")

    return json.loads(line, parse_constant=refuse)


def test_extract_writes_strict_json_for_a_huge_number(tmp_path: Path) -> None:
    article = tmp_path / "huge.txt"
    article.write_text(f"The ministry said {'4' * 400} soldiers and 12 tanks were lost.\n")
    result = CliRunner().invoke(app, ["extract", str(article), "--format", "contract"])
    assert result.exit_code == 0, result.stderr
    (record,) = [_strict(line) for line in result.stdout.splitlines()]
    assert [q["value"] for q in record["quantities"]] == [12]


@pytest.mark.parametrize(
    ("text", "whats"),
    [
        (
            "Some 300 soldiers were killed and 500 were wounded in the battle.",
            ["soldiers killed", "soldiers wounded"],
        ),
        (
            "The shelling killed 12 civilians and wounded 30.",
            ["civilians killed", "civilians wounded"],
        ),
        (
            "Police detained 40 protesters and released 12.",
            ["protesters detained", "protesters released"],
        ),
        # the verb of the bare number says nothing of what happened: no counted thing
        ("The ministry said 20 soldiers died and that 3 were missing.", ["soldiers died", None]),
    ],
)
def test_a_bare_number_counts_the_noun_it_leaves_out(
    pipeline: Language, text: str, whats: list[str | None]
) -> None:
    assert [q.what for q in figures(pipeline, text)] == whats


def test_a_list_of_figures_shares_its_verb_and_period(pipeline: Language) -> None:
    found = figures(
        pipeline,
        "Over the past week, Russian forces launched about 700 guided bombs, 400 drones and 20"
        " missiles.",
    )
    assert [q.what for q in found] == [
        "guided bombs launched",
        "drones launched",
        "missiles launched",
    ]
    assert all(q.period is not None for q in found)
    both = figures(pipeline, "Police detained 40 protesters and 3 journalists on Sunday.")
    assert [q.what for q in both] == ["protesters detained", "journalists detained"]
    assert all(q.period is not None for q in both)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # a toll or total set to a figure counts what the toll counts
        ("The ministry put the death toll at 53.", {"53": "death toll"}),
        ("The strikes brought the total number of civilians killed since May to 1,320.",
         {"1,320": "civilians killed"}),
        # a part of a whole counts the whole's things
        ("Air defences shot down 47 of the drones.", {"47": "drones shot down"}),
        ("Of the missiles, 35 were destroyed by air defences.", {"35": "missiles destroyed"}),
        # the dead and the wounded, with the noun left out
        ("The shelling left 45 dead and 100 wounded.", {"45": "dead", "100": "wounded"}),
        ("The number of dead has risen to 17, the mayor said.", {"17": "dead"}),
        # what happened to a total happened to what it counts
        ("A total of 8 people were killed in the raids.", {"8": "people killed"}),
        ("The number of injured climbed to 64.", {"64": "injured"}),
        # the same thing as the figure before: a part over another period, a change
        ("The brigade has lost 5,200 soldiers since March, including 140 in the past day.",
         {"5,200": "soldiers lost", "140": "soldiers lost"}),
        ("About 17,000 soldiers are deployed, up from 5,000 in January.",
         {"About 17,000": "soldiers deployed", "5,000": "soldiers deployed"}),
        # a tally under the event heading it; with no event it counts nothing comparable
        ("Launched overnight - drones: 35, cruise missiles: 4.",
         {"35": "drones launched", "4": "cruise missiles launched"}),
        ("Losses of the week: tanks: 12.", {"12": None}),
    ],
)  # fmt: skip
def test_what_a_figure_counts_when_the_noun_is_elsewhere(
    pipeline: Language, text: str, counted: dict[str, str]
) -> None:
    """These figures counted nothing (what: None), so no check could ever compare them."""
    assert {q.text: q.what for q in figures(pipeline, text)} == counted


@pytest.mark.parametrize(
    ("text", "written", "what"),
    [
        ("More than 900 civilians, including 60 children, have been killed in the region.",
         "60", "children killed"),
        ("At least 30 people, among them 8 children, were wounded by the shelling.",
         "8", "children wounded"),
        ("The barrage killed 25 people, including 4 rescuers.", "4", "rescuers killed"),
        ("Eleven people were injured in the blast, including three firefighters, police said.",
         "three", "firefighters injured"),
        ("The convoy carried aid, including 300 generators, to the region.", "300", "generators"),
    ],
)  # fmt: skip
def test_a_group_named_as_part_of_another_shares_what_befell_it(
    pipeline: Language, text: str, written: str, what: str
) -> None:
    found = {q.text: q for q in figures(pipeline, text)}
    assert found[written].what == what, {t: q.what for t, q in found.items()}


def test_a_count_the_tagger_ran_into_a_place_name_is_still_a_count(pipeline: Language) -> None:
    """spaCy tags "near Robotyne 23 times" as one place; the number counts the attacks."""
    text = "Russian troops attacked positions near Robotyne 23 times over the past day, he said."
    doc = pipeline(text)
    if not any(t.text == "23" and t.ent_type_ in ("GPE", "LOC", "FAC") for t in doc):
        pytest.skip("this model version does not run the count into the place name")
    q = only(pipeline, text)
    assert (q.value, q.what) == (23, "times attacked")


def test_a_number_of_a_name_stays_part_of_the_name(pipeline: Language) -> None:
    assert figures(pipeline, "The convoy used Route 66 and then Highway 12 overnight.") == ()
