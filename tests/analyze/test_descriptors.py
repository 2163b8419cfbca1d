"""Descriptors of one person in two articles that cannot both be true (analyze/descriptors.py)."""

from __future__ import annotations

import pytest

from claimledger.analyze.descriptors import clash, conflicts, role_of, roles


@pytest.mark.parametrize(
    ("descriptor", "kind", "word", "detail"),
    [
        ("a field commander", "combatant", "commander", None),
        ("the water board employee", "civilian", "employee", None),
        ("Tigray regional governor", "office", "governor", None),
        ("the province's Minister of Finance", "office", "minister", "finance"),
        ("Agriculture Minister", "office", "minister", "agriculture"),
        ("the defense minister", "office", "minister", "defence"),
        ("the group's military spokeswoman", "spokesperson", "spokeswoman", "military"),
        ("a spokesperson", "spokesperson", "spokesperson", None),
    ],
)
def test_a_descriptor_states_one_role(
    descriptor: str, kind: str, word: str, detail: str | None
) -> None:
    role = role_of(descriptor)
    assert role is not None
    assert (role.kind, role.word, role.detail) == (kind, word, detail)


@pytest.mark.parametrize(
    "descriptor",
    [
        "former governor",  # what the person was
        "then-Mayor",
        "the presidential candidate",
        "Deputy Minister of Energy",  # a lesser office than "minister"
        "acting mayor",
        "governor and minister",  # two at once
        "a commander and spokesman",
        "an official",  # no role word
        "Dr.",
    ],
)
def test_no_role_is_read_where_the_descriptor_is_past_lesser_or_double(descriptor: str) -> None:
    assert role_of(descriptor) is None


def test_what_clashes() -> None:
    def both(a: str, b: str) -> bool:
        ra, rb = role_of(a), role_of(b)
        assert ra is not None and rb is not None
        return clash(ra, rb)

    assert both("a commander", "the school teacher")
    assert both("Darfur governor", "Minister of Health")
    assert both("Minister of Health", "the interior minister")
    assert both("the rebels' military spokesman", "the rebels' political spokesman")
    assert not both("the rebels' spokesman", "the rebels' political spokesman")
    assert not both("Health Minister", "the minister of health")
    assert not both("Interior Minister", "Minister of Internal Affairs")  # one portfolio
    assert not both("Minister of Defence Industries", "Defence Minister")  # not compared
    assert not both("a commander", "Darfur governor")  # an office may be held by a commander
    assert not both("a fighter", "a commander")


def test_an_article_that_says_both_is_not_compared() -> None:
    assert roles(["a shepherd", "a commander"]) == []
    assert conflicts(["a shepherd", "a commander"], ["a farmer"]) == []
    assert conflicts(["a shepherd"], ["a local commander"]) == [("a shepherd", "a local commander")]


def test_a_commander_and_a_spokesman_are_two_posts() -> None:
    from claimledger.analyze.descriptors import conflicts

    assert conflicts(["Navy commander"], ["a Navy spokesman"]) == [
        ("Navy commander", "a Navy spokesman")
    ]
    assert conflicts(["a fighter"], ["a spokesman"]) == []  # only a commander is a post
