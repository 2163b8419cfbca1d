"""``claimledger registry``: list, show and add the people, organisations and outlets it knows.

Parses arguments, calls ``claimledger.registry`` and formats the result. Errors are
``Error: ...`` on stderr and exit status 1.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimledger.errors import ClaimledgerError
from claimledger.registry import (
    KINDS,
    ActorEntry,
    OutletEntry,
    Registry,
    add_entry,
    load_registry,
    normalise,
    user_registry_path,
)
from claimledger.registry.load import ID, SHIPPED, parse_entry

registry_app = typer.Typer(
    help=(
        "The people, organisations and outlets claimledger knows. Your own entries go to "
        "$CLAIMLEDGER_REGISTRY (default ~/.config/claimledger/registry.yaml) and replace "
        "shipped entries with the same id."
    ),
    no_args_is_help=True,
    add_completion=False,
)
out = Console(width=160, soft_wrap=True, markup=False, highlight=False)
err = Console(stderr=True)
T = TypeVar("T")


def _fail(message: str) -> typer.Exit:
    err.print(Text.assemble(("Error:", "bold red"), " ", message), soft_wrap=True)
    return typer.Exit(1)


def _guard(fn: Callable[[], T]) -> T:
    """Run ``fn``; a ClaimledgerError becomes ``Error: ...`` and exit status 1."""
    try:
        return fn()
    except ClaimledgerError as exc:
        raise _fail(str(exc)) from exc


def _origin(registry: Registry, entry: ActorEntry) -> str:
    origin = registry.origins.get(entry.id, "")
    return "shipped" if origin in SHIPPED else origin


@registry_app.command("list")
def list_entries(
    kind: str | None = typer.Option(
        None, "--kind", "-k", help=f"Only this kind: {', '.join(KINDS)}."
    ),
) -> None:
    """List the registry's entries (shipped and yours) as a table."""
    if kind is not None and kind not in KINDS:
        raise _fail(f"unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    registry = _guard(load_registry)
    table = Table("id", "name", "kind", "country", "affiliation / owner", "state media", "from")
    for e in registry.entries:
        if kind is not None and e.kind != kind:
            continue
        owner, state = e.affiliation or "", ""
        if isinstance(e, OutletEntry):
            owner, state = e.owner or "", "yes" if e.state_media else "no"
        table.add_row(e.id, e.name, e.kind, e.country or "", owner, state, _origin(registry, e))
    out.print(table)


@registry_app.command()
def show(name_or_id: str = typer.Argument(..., help="An entry's id or any of its names.")) -> None:
    """Show one entry: every field, and the file it comes from."""
    registry = _guard(load_registry)
    entry = registry.find(name_or_id)
    if entry is None:
        raise _fail(f"no registry entry has the id or name {name_or_id!r}; see `registry list`")
    rows: list[tuple[str, str]] = [("id", entry.id), ("name", entry.name), ("kind", entry.kind)]
    rows += [("aliases", ", ".join(entry.aliases))]
    for key in ("country", "affiliation", "role", "owner", "state_media", "notes"):
        value = getattr(entry, key, None)
        if value is not None:
            rows.append((key.replace("_", " "), _text(value)))
    rows += [("descriptors", ", ".join(entry.descriptors)), ("sources", "; ".join(entry.sources))]
    rows.append(("from", _origin(registry, entry)))
    for key, value in rows:
        if value:
            out.print(Text.assemble((f"{key:12}", "bold"), " ", value))


@registry_app.command()
def add(
    name: str = typer.Option(..., "--name", help="Canonical name, as it should be reported."),
    entry_id: str | None = typer.Option(
        None, "--id", help="Stable id (lower-case words and hyphens); default: from the name."
    ),
    alias: list[str] = typer.Option([], "--alias", help="Another way it is written (repeat)."),
    kind: str = typer.Option("person", "--kind", help=f"One of {', '.join(KINDS)}."),
    country: str | None = typer.Option(
        None, "--country", help="ISO code of the state it works for or sides with (UA, RU)."
    ),
    affiliation: str | None = typer.Option(None, "--affiliation", help="Organisation it is in."),
    role: str | None = typer.Option(None, "--role", help="Office or occupation."),
    descriptor: list[str] = typer.Option(
        [], "--descriptor", help="A word that fits it ('military expert'; repeat)."
    ),
    owner: str | None = typer.Option(None, "--owner", help="Outlets: who owns it."),
    state_media: bool | None = typer.Option(
        None, "--state-media/--no-state-media", help="Outlets: owned or funded by a state."
    ),
    notes: str | None = typer.Option(None, "--notes", help="Free text."),
    source: list[str] = typer.Option([], "--source", help="Where the facts come from (repeat)."),
) -> None:
    """Add an entry to your registry file (or replace yours with the same id).

    The file is checked and written whole; comments in it are not kept.
    """
    fields = {
        "id": entry_id or _slug(name),
        "name": name,
        "kind": kind,
        "aliases": list(alias),
        "country": country.upper() if country else None,
        "affiliation": affiliation,
        "role": role,
        "descriptors": list(descriptor),
        "notes": notes,
        "sources": list(source),
        "owner": owner,
        "state_media": state_media,
    }
    path, replaced = _guard(lambda: _add({k: v for k, v in fields.items() if v not in (None, [])}))
    verb = "Replaced" if replaced else "Added"
    out.print(f"{verb} {fields['id']} ({name}) in {path}", highlight=False)


def _add(fields: dict[str, object]) -> tuple[Path, bool]:
    path = user_registry_path()
    section = "outlets" if fields.get("kind") == "outlet" else "actors"
    entry = parse_entry(fields, "the new entry", section, hint="change the options given")
    return add_entry(entry, path)


def _slug(name: str) -> str:
    slug = normalise(name).replace(" ", "-")
    if not ID.fullmatch(slug):
        raise _fail(f"cannot make an id from {name!r}; give one with --id")
    return slug


def _text(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
