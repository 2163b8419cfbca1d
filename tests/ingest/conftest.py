"""Fixtures for the ingest tests: the fixture folder, a file writer and a fake stdin."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

WriteFile = Callable[[str, bytes | str], Path]
SetStdin = Callable[[bytes], None]


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def write(tmp_path: Path) -> WriteFile:
    """Write a file under tmp_path (creating folders); str content is UTF-8 encoded."""

    def _write(name: str, content: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return _write


@pytest.fixture
def stdin(monkeypatch: pytest.MonkeyPatch) -> SetStdin:
    """Replace sys.stdin by a text wrapper over the given bytes, as a pipe would give."""

    def _set(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    return _set
