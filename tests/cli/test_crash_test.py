"""benchmarks/crash_test.py, in miniature: three SIGKILLs of ingest, each resumed and checked."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import claimledger

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "benchmarks" / "crash_test.py"
SRC = Path(claimledger.__file__).resolve().parents[1]


@pytest.mark.slow
def test_three_kills_leave_a_sound_ledger(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    run = subprocess.run(
        [sys.executable, SCRIPT, "--n", "3", "--articles", "6", "--seed", "1"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 SIGKILLs" in run.stdout
    assert "orphaned workers 0" in run.stdout
    assert "ok: integrity_check ok" in run.stdout
