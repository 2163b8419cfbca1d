"""A seed-fixed sample of the fuzz harness (benchmarks/fuzz.py): odd inputs through extract and
ingest in skip mode, every input accounted for, no traceback, no hang, good articles unchanged.
The large run (10,000 inputs) is the script itself; see DEVELOPERS.md."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

FUZZ = Path(__file__).resolve().parents[1] / "benchmarks" / "fuzz.py"


def test_fuzz_sample(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("fuzz", FUZZ)
    assert spec is not None and spec.loader is not None
    fuzz = importlib.util.module_from_spec(spec)
    sys.modules["fuzz"] = fuzz  # its dataclasses look their module up by name
    spec.loader.exec_module(fuzz)
    status = fuzz.main(["--small", "--inputs", "240", "--batch", "120", "--seed", "7"])
    out = capsys.readouterr().out
    assert status == 0, out
    assert "unaccounted" in out
