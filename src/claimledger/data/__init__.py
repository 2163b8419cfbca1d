"""Versioned data files shipped with claimledger (lexicons, registries, gazetteer words)."""

from __future__ import annotations

from importlib import resources

from claimledger.errors import DataFileError


def data_lines(folder: str, name: str, label: str) -> list[str]:
    """The entries of a data file in ``folder``: its non-blank lines that are not # comments.
    ``label`` names the kind of file in the error ("lexicon", "gazetteer")."""
    try:
        text = resources.files("claimledger.data").joinpath(folder, name).read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        message = f"{label} {name} cannot be read ({exc}); reinstall claimledger"
        raise DataFileError(message) from exc
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
