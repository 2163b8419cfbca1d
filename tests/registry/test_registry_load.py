"""The registry files: the shipped data, the user's file over it, malformed files."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.errors import DataFileError
from claimledger.registry import KINDS, OutletEntry, load_registry, parse_file, user_registry_path
from claimledger.registry.load import SHIPPED


def test_shipped_registry_is_well_formed() -> None:
    registry = load_registry()
    assert {registry.origins[e.id] for e in registry.entries} == set(SHIPPED)
    for entry in registry.entries:
        assert entry.kind in KINDS
        assert entry.sources, f"{entry.id} names no source"
        assert entry.country is None or len(entry.country) == 2
    kinds = {e.kind for e in registry.entries}
    assert {"person", "outlet", "government", "military", "organization"} <= kinds
    assert registry.vocabulary.sides["Ukrainian"] == "UA"


@pytest.mark.parametrize(
    ("outlet", "state_media"),
    [("TASS", True), ("RT", True), ("Ukrinform", True), ("DW", True), ("Reuters", False)],
)
def test_outlets_say_whether_they_are_state_media(outlet: str, state_media: bool) -> None:
    entry = load_registry().find(outlet)
    assert isinstance(entry, OutletEntry)
    assert entry.state_media is state_media and entry.owner


def test_die_welt_belongs_to_axel_springer() -> None:
    entry = load_registry().find("die-welt")
    assert isinstance(entry, OutletEntry) and "Axel Springer" in (entry.owner or "")


def test_the_user_file_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CLAIMLEDGER_REGISTRY", str(tmp_path / "mine.yaml"))
    assert user_registry_path() == tmp_path / "mine.yaml"
    monkeypatch.delenv("CLAIMLEDGER_REGISTRY")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert user_registry_path() == tmp_path / "claimledger" / "registry.yaml"


USER = """\
version: 1
actors:
  - id: andrei-marochko
    name: Andrey Marochko
    kind: person
    country: RU
    role: a role of my own
outlets:
  - id: zaporizhzhia-weekly
    name: Zaporizhzhia Weekly
    aliases: [ZW]
    country: UA
    owner: its readers
"""


def test_user_entries_replace_and_extend_shipped_ones(user_file: Path) -> None:
    user_file.parent.mkdir(parents=True)
    user_file.write_text(USER, encoding="utf-8")
    registry = load_registry()
    replaced = registry.get("andrei-marochko")
    assert replaced is not None and replaced.name == "Andrey Marochko"
    assert replaced.role == "a role of my own" and replaced.aliases == ()
    added = registry.find("ZW")
    assert isinstance(added, OutletEntry) and added.kind == "outlet" and not added.state_media
    assert registry.origins["zaporizhzhia-weekly"] == str(user_file)
    assert len(registry.entries) == len(load_registry(user_file.with_name("none.yaml")).entries) + 1


def test_a_changed_user_file_is_read_again(user_file: Path) -> None:
    user_file.parent.mkdir(parents=True)
    user_file.write_text(USER, encoding="utf-8")
    assert load_registry().find("ZW") is not None
    user_file.write_text(USER.replace("[ZW]", "[ZWK, Zap Weekly]"), encoding="utf-8")
    assert load_registry().find("ZW") is None
    assert load_registry().find("Zap Weekly") is not None


ENTRY = "version: 1\nactors:\n  - id: some-one\n    name: Some One\n    kind: person\n"

# file text, what the message must say
MALFORMED: list[tuple[str, list[str]]] = [
    ("version: 1\nactors: [", ["not valid YAML"]),
    ("actors: []\n", ["the file", "'version: 1'"]),
    ("version: 2\nactors: []\n", ["'version: 1'"]),
    ("version: 1\npeople: []\n", ["unknown section 'people'"]),
    ("version: 1\nactors: {id: x}\n", ["'actors' must be a list"]),
    ("version: 1\nactors:\n  - name: No Id\n", ["actors entry 1", "'id'"]),
    ("version: 1\nactors:\n  - id: Bad_Id\n    name: X\n", ["actors entry 1", "'id'"]),
    (ENTRY + "    colour: red\n", ["(some-one)", "unknown field 'colour'"]),
    (ENTRY.replace("person", "robot"), ["(some-one)", "'kind' must be one of"]),
    (ENTRY + "    country: ua\n", ["(some-one)", "two-letter ISO code"]),
    (ENTRY + "    aliases: Someone\n", ["(some-one)", "'aliases' must be a list"]),
    (ENTRY + "    state_media: true\n", ["(some-one)", "'state_media' is for outlets only"]),
    (ENTRY.replace("    name: Some One\n", ""), ["(some-one)", "'name' is required"]),
    (ENTRY + ENTRY.split("actors:\n")[1], ["actors entry 2", "'some-one' is used twice"]),
    (
        "version: 1\noutlets:\n  - id: paper\n    name: Paper\n    state_media: maybe\n",
        ["outlets entry 1 (paper)", "'state_media' must be true or false"],
    ),
    ("version: 1\nvocabulary:\n  sides:\n    Ukraine: [Ukrainian]\n", ["vocabulary", "'Ukraine'"]),
    ("version: 1\nvocabulary:\n  metonyms:\n    ua: [Kyiv]\n", ["vocabulary", "metonyms", "'ua'"]),
    ("version: 1\nvocabulary:\n  capitals: [Kyiv]\n", ["vocabulary", "unknown list 'capitals'"]),
]


@pytest.mark.parametrize(("text", "expected"), MALFORMED)
def test_malformed_user_file(user_file: Path, text: str, expected: list[str]) -> None:
    user_file.parent.mkdir(parents=True)
    user_file.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_registry()
    message = str(info.value)
    assert str(user_file) in message
    for part in expected:
        assert part in message
    assert "fix" in message


def test_an_empty_user_file_adds_nothing(user_file: Path) -> None:
    user_file.parent.mkdir(parents=True)
    user_file.write_text("# nothing yet\n", encoding="utf-8")
    assert load_registry().entries == load_registry(user_file.with_name("x.yaml")).entries


def test_parse_file_keeps_the_vocabulary_of_the_file_that_has_one() -> None:
    data = parse_file("version: 1\nvocabulary:\n  sides:\n    UA: [Ukrainian]\n", "test")
    assert data.vocabulary is not None and data.vocabulary.sides == {"Ukrainian": "UA"}
