"""Settings: the analysis thresholds come from one versioned file, a user's file over it, and
the ledger they are passed to; a bad settings file is refused naming the file and the key."""

from __future__ import annotations

from dataclasses import fields, replace
from pathlib import Path

import pytest
from spacy.language import Language

import claimledger
from claimledger.errors import DataFileError
from claimledger.settings import SECTIONS, load_settings, shipped_settings


def test_the_shipped_file_sets_every_threshold() -> None:
    shipped = shipped_settings()
    for name, cls in SECTIONS.items():
        section = getattr(shipped, name)
        assert isinstance(section, cls)
        assert all(getattr(section, f.name) >= 0 for f in fields(cls))
    assert shipped.clusters.threshold("same") < shipped.clusters.threshold("different")


def test_a_user_file_overrides_only_what_it_names(tmp_path: Path) -> None:
    user = tmp_path / "mine.toml"
    user.write_text("[clusters]\nother_source = 0.8\nmax_days = 7\n")
    mine = load_settings(user)
    shipped = shipped_settings()
    assert (mine.clusters.other_source, mine.clusters.max_days) == (0.8, 7)
    assert mine.clusters.same_source == shipped.clusters.same_source
    assert mine.grades == shipped.grades
    assert str(user) in mine.source


def test_the_environment_names_the_users_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "env.toml"
    user.write_text("[grades]\nmin_record = 9\n")
    monkeypatch.setenv("CLAIMLEDGER_SETTINGS", str(user))
    assert load_settings().grades.min_record == 9
    monkeypatch.delenv("CLAIMLEDGER_SETTINGS")
    assert load_settings() == shipped_settings()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[clusters]\nother_source = 'high'\n",
            r"\[clusters\] other_source = 'high': want a number",
        ),
        ("[clusters]\nmax_days = 2.5\n", r"max_days = 2.5: want a whole number"),
        ("[clusters]\nmax_days = true\n", r"max_days = True: want a whole number"),
        ("[clusters]\nplace_bonus = -1\n", r"0 or more"),
        ("[clusters]\nthreshold = 0.5\n", r"\[clusters\] threshold: no such setting; known: "),
        ("[clustering]\nsame_source = 0.5\n", r"unknown section\(s\) clustering"),
        ("clusters = 3\n", r"\[clusters\] must be a table"),
        ("version = 2\n", r"settings version 2"),
        ("[clusters\n", r"not valid TOML"),
    ],
    ids=["string", "float-count", "bool", "negative", "key", "section", "table", "version", "toml"],
)
def test_a_bad_settings_file_is_refused_naming_it(tmp_path: Path, text: str, message: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(text)
    with pytest.raises(DataFileError, match=message) as caught:
        load_settings(bad)
    assert str(bad) in str(caught.value)


def test_a_missing_settings_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match=r"cannot be read.*unset \$CLAIMLEDGER_SETTINGS"):
        load_settings(tmp_path / "absent.toml")


TEXTS = [
    ("a", "The mayor of Dnipro said that 30 buses had been sent to the railway station."),
    ("b", "Dnipro's mayor said 30 buses had been sent to the railway station on Monday."),
]


def _sizes(path: Path, settings: claimledger.Settings | None) -> list[int]:
    articles = [claimledger.Article(t, claimledger.SourceInfo(id=i)) for i, t in TEXTS]
    with claimledger.open_ledger(path, write=True, settings=settings) as led:
        list(led.ingest(articles))
        return sorted(c.size for c in led.clusters().items)  # the clusters of 2+ claims


def test_the_ledger_analyses_with_the_settings_it_is_opened_with(
    nlp: Language, tmp_path: Path
) -> None:
    assert _sizes(tmp_path / "shipped.db", None) == [2]
    shipped = shipped_settings()
    strict = replace(shipped, clusters=replace(shipped.clusters, same_source=5.0))
    assert _sizes(tmp_path / "strict.db", strict) == []  # one source must say it word for word


def test_the_figure_checks_use_the_ledgers_settings(nlp: Language, tmp_path: Path) -> None:
    texts = [
        ("a", "2025-03-03", "The governor said 40 people were killed in the shelling of Sumy."),
        ("b", "2025-03-04", "The governor said 55 people were killed in the shelling of Sumy."),
    ]
    shipped = shipped_settings()
    same_day = replace(shipped, figures=replace(shipped.figures, periodless_days=0))
    found = []
    for name, settings in (("shipped", None), ("same-day", same_day)):
        articles = [
            claimledger.Article(t, claimledger.SourceInfo(id=i, published=d)) for i, d, t in texts
        ]
        with claimledger.open_ledger(tmp_path / f"{name}.db", write=True, settings=settings) as led:
            list(led.ingest(articles))
            found.append(len(led.checks().items))
    assert found[0] >= 1  # two tallies a day apart, with no period stated, are compared
    assert found[1] == 0  # not when figures without a period must be of one day
