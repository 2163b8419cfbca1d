"""``pip install .`` with the stock pip of Python 3.11 (no upgrade) gives a working CLI.

The pip bundled with Python 3.11 (23.x) does not install the ``lxml[html_clean]`` extra that
trafilatura asks for, so pyproject.toml declares ``lxml_html_clean`` itself. This test makes
a fresh venv with ``python -m venv`` (its own pip, never upgraded), installs a copy of the
repository and runs ``claimledger extract`` on a one-sentence text file. About 2 minutes with
an empty pip cache (wheels are cached in ~/.cache/pip after that).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_pip_install_with_stock_pip_gives_a_working_cli(tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    shutil.copytree(
        REPO,
        copy,
        ignore=shutil.ignore_patterns(".git", ".venv", "out", "build", "*.egg-info", "__pycache__"),
    )
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = venv / "bin" / "pip"
    subprocess.run([str(pip), "install", "--quiet", str(copy)], check=True, timeout=1200)
    text = tmp_path / "one.txt"
    text.write_text(
        "Ukrainian air defence units shot down 42 drones overnight, "
        "the Ukrainian Air Force said on Friday.\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [str(venv / "bin" / "claimledger"), "extract", str(text), "--format", "jsonl"],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    claims = [json.loads(line) for line in done.stdout.splitlines()]
    assert claims, done.stderr
    assert "42 drones" in claims[0]["content"]["text"]
