"""Registry fixtures: a user registry file that is never the developer's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def user_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``$CLAIMLEDGER_REGISTRY`` points at a file in a fresh temporary folder (not created)."""
    path = tmp_path / "config" / "registry.yaml"
    monkeypatch.setenv("CLAIMLEDGER_REGISTRY", str(path))
    yield path
