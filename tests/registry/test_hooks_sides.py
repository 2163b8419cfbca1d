"""Which state an official source speaks for, and names that stand for a state."""

from __future__ import annotations

from pathlib import Path

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
        ("Azerbaijani Defense Ministry", None, "AZ"),  # the states of other wars, too
        ("Moldova's Bureau for Reintegration", None, "MD"),
        ("Israel", "IL", "IL"),
        ("Benjamin Netanyahu", None, "IL"),
        ("Kigali", "RW", "RW"),  # the states of the wars in Africa and Asia, too
        ("Rwandan army", None, "RW"),
        ("DRC", "CD", "CD"),
        ("South Sudanese army", None, "SS"),  # not Sudan's
        ("Sudanese army", None, "SD"),
        ("Norway", "NO", "NO"),  # (not YAML's false)
        ("Yemeni Armed Forces", None, None),  # one demonym for both sides of a civil war
        ("Jordan", None, None),  # a given name as much as a state
    ],
)
def test_metonyms_and_sides(name: str, metonym: str | None, side: str | None) -> None:
    hooks = registry_hooks()
    assert hooks.metonym(name) == metonym
    assert hooks.side(name) == side


@pytest.mark.parametrize(
    ("name", "state"),
    [
        ("Ukrainian Air Force", "UA"),  # a registered armed force
        ("Dmitry Peskov", "RU"),  # a registered press secretary
        ("Oleh Kiper", "UA"),  # the head of a regional administration
        ("Christoph Wanner", None),  # a correspondent: his country's, not its state's voice
        ("Sviatlana Tsikhanouskaya", None),  # the opposition in exile
        ("Yevgeny Prigozhin", None),  # a private army's founder
        ("TASS", None),  # state media is an outlet, not an authority
        ("Kyiv", None),  # a capital is a metonym (``metonym``), not a registered authority
    ],
)
def test_which_state_a_registered_authority_speaks_for(name: str, state: str | None) -> None:
    assert registry_hooks().official(name) == state


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


def test_each_ledgers_lookups_ask_its_own_registry(user_file: Path) -> None:
    """A ledger opened after the user's registry changed answers from the new one: its lookups
    are its own, never a process-wide cache of an earlier registry's answers."""
    from claimledger.registry import load_registry
    from claimledger.registry.hooks import RegistryHooks

    before = RegistryHooks(load_registry())
    assert before.canonical("Zap Weekly") is None
    user_file.parent.mkdir(parents=True)
    user_file.write_text(
        "version: 1\noutlets:\n  - id: zap-weekly\n    name: Zaporizhzhia Weekly\n"
        "    aliases: [Zap Weekly]\n    country: UA\n    owner: its readers\n",
        encoding="utf-8",
    )
    after = RegistryHooks(load_registry())
    assert after.canonical("Zap Weekly") == "Zaporizhzhia Weekly"
    assert before.canonical("Zap Weekly") is None  # the first ledger keeps its own registry


def test_the_head_of_an_international_organisation_speaks_for_it() -> None:
    """The IAEA's director general and the IAEA are one line of reporting; a head of state is
    not folded into an office, and for grades the head keeps their own name."""
    hooks = registry_hooks()
    assert hooks.speaks_for("Rafael Grossi") == "International Atomic Energy Agency"
    assert hooks.speaks_for("Rafael Grossi", heads=False) is None
    assert hooks.speaks_for("Volodymyr Zelensky") is None


def test_the_place_a_registered_official_holds_office_for() -> None:
    hooks = registry_hooks()
    assert hooks.seats("Vyacheslav Gladkov") == {"belgorod"}
    assert "kharkiv" in hooks.seats("Oleh Syniehubov")
    assert hooks.seats("Rafael Grossi") == frozenset()
    assert hooks.seats("Nobody Registered") == frozenset()
