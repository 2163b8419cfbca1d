"""Writing entries to the user's registry file (``claimledger registry add``).

The file is read and checked, the entry put in place of any with its id, and the whole file
checked again and written atomically (a temporary file renamed over it), so a failure leaves
the old file as it was. The file is rewritten from its data: comments in it are not kept.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import fields
from pathlib import Path
from typing import Any

import yaml

from claimledger.errors import DataFileError
from claimledger.registry.entries import ActorEntry, OutletEntry
from claimledger.registry.load import VERSION, parse_file, user_registry_path

HEADER = """\
# claimledger user registry: people, organisations and outlets that extend or replace the
# shipped ones (an entry with a shipped entry's id replaces it). Same format as the shipped
# claimledger/data/registry/actors.v1.yaml, whose header describes every field.
# Written by `claimledger registry add`; comments in this file are not kept.
"""


def entry_to_dict(entry: ActorEntry) -> dict[str, Any]:
    """An entry as a file holds it: empty fields left out."""
    out: dict[str, Any] = {}
    for f in fields(entry):
        value = getattr(entry, f.name)
        if isinstance(value, tuple):
            value = list(value)
        if value not in (None, [], "") and not (f.name == "state_media" and value is False):
            out[f.name] = value
    return out


def add_entry(entry: ActorEntry, path: Path | None = None) -> tuple[Path, bool]:
    """Put ``entry`` in the user's file; (the file, whether an entry with its id was replaced)."""
    path = path or user_registry_path()
    data = _read(path)
    section = "outlets" if isinstance(entry, OutletEntry) else "actors"
    replaced = False
    for name in ("actors", "outlets"):
        items = data.get(name) or []
        kept = [e for e in items if not (isinstance(e, dict) and e.get("id") == entry.id)]
        replaced = replaced or len(kept) != len(items)
        data[name] = kept
    data[section].append(entry_to_dict(entry))
    data = {"version": VERSION, **{k: v for k, v in data.items() if k != "version" and v}}
    text = HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    parse_file(text, str(path))
    _write(path, text)
    return path, replaced


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"registry file {path} cannot be read ({exc}); fix it") from exc
    parse_file(text, str(path))
    return yaml.safe_load(text) or {}


def _write(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    except OSError as exc:
        raise DataFileError(f"cannot write the registry file {path} ({exc})") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        Path(tmp).replace(path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise DataFileError(f"cannot write the registry file {path} ({exc})") from exc
