"""Romanisation of Cyrillic place names and the look-up keys of Latin spellings."""

from __future__ import annotations

import pytest

from claimledger.link.translit import fold, loose, romanisations, ru_bgn, ru_gost, uk_national


@pytest.mark.parametrize(
    ("cyrillic", "latin"),
    [
        ("Вовчанськ", "Vovchansk"),
        ("Харків", "Kharkiv"),
        ("Київ", "Kyiv"),
        ("Згурівка", "Zghurivka"),  # зг is zgh, not zh
        ("Юрієве", "Yuriieve"),  # ю at the start, є inside
        ("Єнакієве", "Yenakiieve"),
        ("Їжаківка", "Yizhakivka"),
        ("Знам'янка", "Znamianka"),  # the apostrophe is dropped, я inside is ia
    ],
)
def test_ukrainian_national(cyrillic: str, latin: str) -> None:
    assert uk_national(cyrillic) == latin


@pytest.mark.parametrize(
    ("cyrillic", "bgn", "gost"),
    [
        ("Волчанск", "Volchansk", "Volchansk"),
        ("Харьков", "Khar'kov", "Kharkov"),
        ("Купянск", "Kupyansk", "Kupiansk"),
        ("Ёлкино", "Yëlkino", "Elkino"),
        ("Подъёмный", 'Pod"yëmnyy', "Podieemnyi"),
        ("Троицкое", "Troitskoye", "Troitskoe"),  # е after a vowel is ye in BGN
    ],
)
def test_russian_bgn_and_gost(cyrillic: str, bgn: str, gost: str) -> None:
    assert ru_bgn(cyrillic) == bgn
    assert ru_gost(cyrillic) == gost


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Вільча", {"Vilcha"}),  # і: Ukrainian only
        ("Подъёмный", {'Pod"yëmnyy', "Podieemnyi"}),  # ъ ё ы: Russian only
        ("Ђаковица", set()),  # Serbian ђ: neither alphabet
        ("Vovchansk", set()),  # not Cyrillic
    ],
)
def test_romanisations_follow_the_alphabet(name: str, expected: set[str]) -> None:
    assert romanisations(name) == expected


def test_romanisations_of_a_shared_alphabet_name_cover_both_languages() -> None:
    assert {"Kupyansk", "Kupiansk"} <= romanisations("Купянск")


@pytest.mark.parametrize(
    "spellings",
    [
        ["Vovchansk", "Vovchans'k", "Vovchans’k", "VOVCHANSK", "Vovchansʹk"],
        ["Ivano-Frankivsk", "Ivano Frankivsk"],
        ["U.S.", "US"],
    ],
)
def test_fold_meets_spellings(spellings: list[str]) -> None:
    assert len({fold(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    "spellings",
    [["Kupiansk", "Kupyansk", "Kupjansk"], ["Pokrovskyi", "Pokrovskiy", "Pokrovsky", "Pokrovskij"]],
)
def test_loose_meets_more_spellings(spellings: list[str]) -> None:
    assert len({loose(s) for s in spellings}) == 1
    assert len({fold(s) for s in spellings}) > 1
