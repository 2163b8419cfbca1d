"""`ingest --executor ray`: the same ledger as the local executor, on a local Ray of 2 CPUs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ARTICLES = Path(__file__).parent / "data" / "ledger" / "articles.jsonl"

pytest.importorskip("ray", reason="Ray is not installed (pip install 'claimledger[ray]')")


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimledger.cli", *args],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip


def exported(db: Path, env: dict[str, str]) -> dict[str, Any]:
    out = db.with_suffix(".json")
    done = cli("export", "--format", "ledger", "--db", str(db), "-o", str(out), env=env)
    assert done.returncode == 0, done.stderr
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    for article in data["articles"]:
        article.pop("ingested_at", None)  # the time each was stored
    data.pop("generated_at", None)
    return data


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {
        **os.environ,
        "CLAIMLEDGER_REGISTRY": str(tmp_path / "registry.yaml"),
        "RAY_ADDRESS": "",  # never join a cluster the machine happens to run
    }


def test_ray_builds_the_same_ledger_as_the_local_pool(tmp_path: Path, env: dict[str, str]) -> None:
    local, remote = tmp_path / "local.db", tmp_path / "ray.db"
    done = cli("ingest", str(ARTICLES), "--db", str(local), env=env)
    assert done.returncode == 0, done.stderr
    done = cli("ingest", str(ARTICLES), "--db", str(remote), "--executor", "ray",
               "--workers", "2", env=env)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert exported(remote, env) == exported(local, env)
    # resumed: nothing is extracted again, nothing changes
    again = cli("ingest", str(ARTICLES), "--db", str(remote), "--executor", "ray", env=env)
    assert again.returncode == 0, again.stderr
    assert ": 0 new, 0 new version(s)" in again.stdout


def test_a_cluster_that_cannot_be_joined_is_an_error(tmp_path: Path, env: dict[str, str]) -> None:
    done = cli("ingest", str(ARTICLES), "--db", str(tmp_path / "l.db"), "--executor", "ray",
               "--address", "127.0.0.1:9", env=env)  # fmt: skip
    assert done.returncode == 1
    assert "cannot start or join a Ray cluster at 127.0.0.1:9" in done.stderr
    assert "Traceback" not in done.stderr


def test_an_address_needs_the_ray_executor(tmp_path: Path, env: dict[str, str]) -> None:
    done = cli("ingest", str(ARTICLES), "--db", str(tmp_path / "l.db"), "--address", "x:1",
               env=env)  # fmt: skip
    assert done.returncode == 1
    assert "--address is for --executor ray" in done.stderr
