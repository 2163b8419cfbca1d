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
