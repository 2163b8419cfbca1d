"""Which state an official source speaks for, and names that stand for a state."""

from __future__ import annotations

import pytest

from claimledger.registry.hooks import registry_hooks


@pytest.mark.parametrize(
    ("name", "metonym", "side"),
    [
        ("Kyiv", "UA", "UA"),
        ("the Kremlin", "RU", "RU"),
        ("Russian Defence Ministry", None, "RU"),
        ("General Staff of the Armed Forces of Ukraine", None, "UA"),
        ("Dmitry Peskov", None, "RU"),  # from his registry entry
        ("the regional prosecutor's office", None, None),
    ],
)
def test_metonyms_and_sides(name: str, metonym: str | None, side: str | None) -> None:
    hooks = registry_hooks()
    assert hooks.metonym(name) == metonym
    assert hooks.side(name) == side


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("FSB public relations centre", "Federal Security Service"),
        ("the press service of the General Staff of Ukraine",
         "General Staff of the Armed Forces of Ukraine"),
        ("Russian Defence Ministry press service", "Ministry of Defence of Russia"),
        ("press office", None),  # whose, it does not say
        ("the press service of the Atlantis Sailing Club", None),  # not a registered body
    ],
)  # fmt: skip
def test_a_press_office_speaks_for_its_body(name: str, body: str | None) -> None:
    assert registry_hooks().speaks_for(name) == body
