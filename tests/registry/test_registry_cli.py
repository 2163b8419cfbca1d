"""`claimledger registry add|list|show`, run through its Typer app."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from claimledger.registry import load_registry
from claimledger.registry_cli import registry_app


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(registry_app, list(args))
    return result.exit_code, result.stdout, result.stderr


PERSON = [
    "add", "--name", "Petro Sydorenko", "--alias", "Petr Sidorenko", "--alias", "P. Sydorenko",
    "--kind", "person", "--country", "ua", "--affiliation", "Armed Forces of Ukraine",
    "--role", "press officer",
]  # fmt: skip


def test_add_writes_the_user_file(runner: CliRunner, user_file: Path) -> None:
    code, out, err = run(runner, *PERSON)
    assert code == 0, err
    assert "Added petro-sydorenko" in out and str(user_file) in out
    data = yaml.safe_load(user_file.read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert data["actors"] == [
        {
            "id": "petro-sydorenko",
            "name": "Petro Sydorenko",
            "kind": "person",
            "aliases": ["Petr Sidorenko", "P. Sydorenko"],
            "affiliation": "Armed Forces of Ukraine",
            "country": "UA",
            "role": "press officer",
        }
    ]
    assert load_registry().find("Petr Sidorenko") is not None
    assert not list(user_file.parent.glob(".registry.yaml.*")), "no temporary file left"


def test_add_an_outlet_and_replace_it(runner: CliRunner, user_file: Path) -> None:
    args = ["add", "--id", "kharkiv-daily", "--name", "Kharkiv Daily", "--kind", "outlet"]
    assert run(runner, *args, "--owner", "a trust", "--no-state-media")[0] == 0
    code, out, _ = run(runner, *args, "--owner", "the city council", "--state-media")
    assert code == 0 and "Replaced kharkiv-daily" in out
    data = yaml.safe_load(user_file.read_text(encoding="utf-8"))
    assert data["outlets"] == [
        {
            "id": "kharkiv-daily",
            "name": "Kharkiv Daily",
            "kind": "outlet",
            "owner": "the city council",
            "state_media": True,
        }
    ]


def test_a_user_entry_overrides_a_shipped_one(runner: CliRunner, user_file: Path) -> None:
    code, _, err = run(runner, "add", "--id", "tass", "--name", "TASS", "--kind", "outlet",
                       "--country", "RU", "--owner", "someone else", "--state-media")  # fmt: skip
    assert code == 0, err
    code, out, _ = run(runner, "show", "tass")
    assert code == 0 and "someone else" in out and str(user_file) in out


def test_list_filters_by_kind(runner: CliRunner) -> None:
    run(runner, *PERSON)
    code, out, _ = run(runner, "list", "--kind", "person")
    assert code == 0
    assert "petro-sydorenko" in out and "maria-zakharova" in out
    assert "tass" not in out.split()
    code, out, _ = run(runner, "list", "--kind", "outlet")
    assert code == 0 and "tass" in out and "maria-zakharova" not in out


def test_show_by_id_alias_or_misspelling(runner: CliRunner) -> None:
    for name in ("christoph-wanner", "Christoph Wanner", "Christof Vanner"):
        code, out, _ = run(runner, "show", name)
        assert code == 0, name
        assert "Die Welt" in out and "shipped" in out


# arguments, what the error must say
FAILURES: list[tuple[list[str], str]] = [
    (["show", "Nobody Known"], "no registry entry has the id or name 'Nobody Known'"),
    (["list", "--kind", "robot"], "unknown kind 'robot'"),
    (["add", "--name", "X Y", "--country", "Ukraine"], "two-letter ISO code"),
    (["add", "--name", "X Y", "--kind", "robot"], "'kind' must be one of"),
    (["add", "--name", "X Y", "--state-media"], "'state_media' is for outlets only"),
    (["add", "--name", "!!!"], "give one with --id"),
]


@pytest.mark.parametrize(("args", "message"), FAILURES)
def test_failures(runner: CliRunner, user_file: Path, args: list[str], message: str) -> None:
    code, _, err = run(runner, *args)
    assert code == 1
    assert err.startswith("Error: ") and message in err
    assert not user_file.exists(), "a rejected entry writes nothing"


def test_a_malformed_user_file_is_an_error(runner: CliRunner, user_file: Path) -> None:
    user_file.parent.mkdir(parents=True)
    user_file.write_text("version: 1\nactors:\n  - id: x\n    kind: person\n", encoding="utf-8")
    for args in (["list"], ["show", "TASS"], PERSON):
        code, _, err = run(runner, *args)
        assert code == 1 and "Error: " in err and str(user_file) in err and "'name'" in err


def test_every_command_has_help(runner: CliRunner) -> None:
    for command in ("add", "list", "show"):
        code, out, _ = run(runner, command, "--help")
        assert code == 0 and "Usage" in out
