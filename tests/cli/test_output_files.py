"""`-o FILE` of extract and export: clean errors, the target's kind and mode kept, no temp files."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import claimledger.cli as cli
from claimledger.cli import app
from claimledger.fileio import TMP_MARK, remove_leftovers

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples" / "articles.jsonl"
IS_ROOT = os.geteuid() == 0


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("ledger") / "l.db"
    result = CliRunner().invoke(app, ["ingest", str(SAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    return db


def run(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    if result.exception is not None:
        assert isinstance(result.exception, SystemExit), result.exception  # no traceback
    return result.exit_code, result.stdout, result.stderr


def commands(out: Path, ledger: Path) -> list[list[str | Path]]:
    """Both commands that take -o, writing to ``out``."""
    return [["extract", SAMPLES, "-o", out], ["export", "--db", ledger, "-o", out]]


def temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if TMP_MARK in p.name]


def test_parent_is_a_file(runner: CliRunner, tmp_path: Path, ledger: Path) -> None:
    (tmp_path / "file").write_text("x")
    out = tmp_path / "file" / "out.json"
    for args in commands(out, ledger):
        code, _, stderr = run(runner, *args)
        assert code == 1
        assert f"Error: {out}: " in stderr
        assert "is a file, not a folder" in stderr
    assert (tmp_path / "file").read_text() == "x"


def test_parent_of_parent_is_a_file(runner: CliRunner, tmp_path: Path, ledger: Path) -> None:
    (tmp_path / "file").write_text("x")
    out = tmp_path / "file" / "sub" / "out.json"
    code, _, stderr = run(runner, "export", "--db", ledger, "-o", out)
    assert code == 1
    assert f"Error: {out}: " in stderr


def test_target_is_a_directory(runner: CliRunner, tmp_path: Path, ledger: Path) -> None:
    out = tmp_path / "folder"
    out.mkdir()
    for args in commands(out, ledger):
        code, _, stderr = run(runner, *args)
        assert code == 1
        assert f"Error: {out}: is a directory" in stderr
    assert out.is_dir()
    assert not list(out.iterdir())


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[Path]:
    """A folder no file can be created in (chmod for a user, the immutable flag for root)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    if not IS_ROOT:
        folder.chmod(0o555)
        yield folder
        folder.chmod(0o755)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", folder], capture_output=True).returncode:
        pytest.skip("running as root and cannot make a folder immutable")
    try:
        yield folder
    finally:
        subprocess.run([chattr, "-i", folder], check=True)


def test_unwritable_folder(runner: CliRunner, unwritable: Path, ledger: Path) -> None:
    out = unwritable / "out.json"
    for args in commands(out, ledger):
        code, _, stderr = run(runner, *args)
        assert code == 1
        assert f"Error: {out}: cannot write in {unwritable}" in stderr
        assert "permission" in stderr


def test_read_only_file_is_not_replaced(runner: CliRunner, tmp_path: Path, ledger: Path) -> None:
    if IS_ROOT:
        pytest.skip("root may write any file")
    out = tmp_path / "out.json"
    out.write_text("keep")
    out.chmod(0o444)
    code, _, stderr = run(runner, "export", "--db", ledger, "-o", out)
    assert code == 1
    assert "read-only" in stderr
    assert out.read_text() == "keep"


def test_symlink_target_is_written_and_the_link_stays(
    runner: CliRunner, tmp_path: Path, ledger: Path
) -> None:
    real = tmp_path / "real" / "ledger.json"
    real.parent.mkdir()
    real.write_text("old")
    real.chmod(0o640)
    link = tmp_path / "link.json"
    link.symlink_to(real)
    code, _, _ = run(runner, "export", "--db", ledger, "-o", link)
    assert code == 0
    assert link.is_symlink()
    assert json.loads(real.read_text())["articles"]
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert temp_files(real.parent) == []
    assert temp_files(tmp_path) == []


def test_dangling_symlink_creates_its_target(
    runner: CliRunner, tmp_path: Path, ledger: Path
) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "made.json")
    assert run(runner, "export", "--db", ledger, "-o", link)[0] == 0
    assert link.is_symlink()
    assert json.loads((tmp_path / "made.json").read_text())["articles"]


def test_fifo_is_written_through(runner: CliRunner, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    code, _, stderr = run(runner, "extract", SAMPLES, "-o", fifo)
    reader.join(timeout=30)
    assert code == 0, stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    lines = received[0].decode().splitlines()
    assert len(lines) == len(SAMPLES.read_text().splitlines())


def _device(tmp_path: Path, name: str, minor: int) -> Path:
    """A private copy of /dev/null (minor 3) or /dev/full (minor 7): never the machine's own."""
    node = tmp_path / name
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, minor))
    except OSError as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return node


def test_device_is_written_through(runner: CliRunner, tmp_path: Path, ledger: Path) -> None:
    null = _device(tmp_path, "null", 3)
    for args in commands(null, ledger):
        code, _, stderr = run(runner, *args)
        assert code == 0, stderr
        assert stat.S_ISCHR(null.lstat().st_mode)
    assert temp_files(tmp_path) == []


def test_full_device_is_a_clean_error(runner: CliRunner, tmp_path: Path, ledger: Path) -> None:
    full = _device(tmp_path, "full", 7)
    code, _, stderr = run(runner, "export", "--db", ledger, "-o", full)
    assert code == 1
    assert f"Error: {full}: writing failed (no space left on the device)" in stderr
    assert stat.S_ISCHR(full.lstat().st_mode)


def test_full_disk_leaves_the_old_file(
    runner: CliRunner, tmp_path: Path, ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.json"
    out.write_text("old")

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("claimledger.fileio.os.fsync", no_space)
    code, _, stderr = run(runner, "export", "--db", ledger, "-o", out)
    assert code == 1
    assert "no space left" in stderr
    assert "the file was not changed" in stderr
    assert out.read_text() == "old"
    assert temp_files(tmp_path) == []


def test_existing_file_keeps_its_mode(runner: CliRunner, tmp_path: Path, ledger: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("old")
    out.chmod(0o604)
    for args in commands(out, ledger):
        assert run(runner, *args)[0] == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o604
    assert out.read_text() != "old"


def test_new_file_mode_follows_the_umask(runner: CliRunner, tmp_path: Path, ledger: Path) -> None:
    old = os.umask(0o027)
    try:
        for i, args in enumerate(commands(tmp_path / "x", ledger)):
            out = tmp_path / f"new{i}.json"
            args[-1] = out
            assert run(runner, *args)[0] == 0
            assert stat.S_IMODE(out.stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_interrupt_leaves_the_old_file_and_no_temp(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old")
    real = cli._write
    calls: list[int] = []

    def write_then_interrupt(*args: object) -> None:
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(cli, "_write", write_then_interrupt)
    code, _, stderr = run(runner, "extract", SAMPLES, "-o", out)
    assert code == 130
    assert "Interrupted: 2 article(s) extracted" in stderr
    assert f"{out} was not changed" in stderr
    assert "Traceback" not in stderr
    assert out.read_text() == "old"
    assert temp_files(tmp_path) == []


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_leftovers_of_dead_writers_are_removed(
    runner: CliRunner, tmp_path: Path, ledger: Path
) -> None:
    out = tmp_path / "out.json"
    dead = tmp_path / f".out.json{TMP_MARK}{_dead_pid()}-0123abcd"
    live = tmp_path / f".out.json{TMP_MARK}{os.getpid()}-0123abcd"
    other = tmp_path / f".other.json{TMP_MARK}{_dead_pid()}-0123abcd"
    for p in (dead, live, other):
        p.write_text("partial")
    assert run(runner, "export", "--db", ledger, "-o", out)[0] == 0
    assert not dead.exists()  # a SIGKILLed writer's leftover
    assert live.exists()  # a writer still at work
    assert other.exists()  # another target's
    assert sorted(temp_files(tmp_path)) == sorted([live.name, other.name])


def test_temp_name_of_a_long_file_name_fits(tmp_path: Path) -> None:
    target = tmp_path / ("n" * 250)
    remove_leftovers(target)  # must not raise
    code = CliRunner().invoke(app, ["extract", str(SAMPLES), "-o", str(target)]).exit_code
    assert code == 0
    assert target.read_text().count("\n") == len(SAMPLES.read_text().splitlines())
