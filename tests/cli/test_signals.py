"""Signals to the real CLI process: Ctrl-C / SIGTERM at start-up and mid-run, SIGKILL of the
parent or of a worker. Each test runs ``python -m claimledger.cli`` in a subprocess."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import claimledger

REPO = Path(__file__).resolve().parents[2]
SRC = Path(claimledger.__file__).resolve().parents[1]  # the claimledger under test
SYNTHETIC = REPO / "benchmarks" / "synthetic.py"
ARTICLES = 60  # about 3 s of work: long enough to interrupt part way
TIMEOUT = 60.0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    subprocess.run([sys.executable, SYNTHETIC, str(ARTICLES), out], check=True, env=env)
    return out


def start(*args: str | Path, cwd: Path) -> subprocess.Popen[str]:
    """The CLI in its own session (so that a signal to its group reaches its workers too)."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen(
        [sys.executable, "-m", "claimledger.cli", *map(str, args)],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def finish(proc: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=TIMEOUT)
    return proc.returncode, out, err


def wait_for(condition: Callable[[], bool], what: str, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def alive(pid: int) -> bool:
    """Running (a zombie waiting for a reaper is dead)."""
    try:
        os.kill(pid, 0)
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (ProcessLookupError, FileNotFoundError):
        return False
    except PermissionError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.fixture
def reap() -> Iterator[list[int]]:
    """Pids to SIGKILL at the end, so that a failing test leaves no process behind."""
    pids: list[int] = []
    yield pids
    for pid in pids:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


def start_with_workers(
    reap: list[int], *args: str | Path, cwd: Path
) -> tuple[subprocess.Popen[str], list[int]]:
    """Start a command with ``--workers 2`` and wait for its two worker processes; both the
    command and the workers are reaped after the test."""
    proc = start(*args, "--workers", "2", cwd=cwd)
    reap.append(proc.pid)
    wait_for(lambda: len(children(proc.pid)) >= 2 or proc.poll() is not None, "two workers")
    time.sleep(0.3)
    workers = children(proc.pid)
    reap.extend(workers)
    return proc, workers


def stored(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as raw:
            count: int = raw.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        raw.close()
    except sqlite3.OperationalError:  # the schema is not there yet
        return 0
    return count


def assert_clean_exit_130(code: int, err: str) -> None:
    assert code == 130, err
    assert "Traceback" not in err
    assert "KeyboardInterrupt" not in err


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_signal_while_starting(sig: signal.Signals, tmp_path: Path, corpus: Path) -> None:
    proc = start("ingest", corpus, "--db", tmp_path / "l.db", cwd=tmp_path)
    time.sleep(0.8)  # the CLI's own imports; spaCy's (inside the command) take ~1-3 s
    proc.send_signal(sig)
    code, _, err = finish(proc)
    assert_clean_exit_130(code, err)
    # before the command starts, while it imports spaCy, or (on a fast machine) just as the
    # first article is being parsed: a race by nature; each case says what was stored
    assert (
        "Interrupted: nothing was done." in err
        or "Interrupted: nothing was changed." in err
        or "Interrupted: 0 article(s) stored" in err
    ), err
    assert stored(tmp_path / "l.db") == 0


@pytest.mark.parametrize("delay", [1.0, 1.3, 1.6, 1.9])
def test_ctrl_c_while_the_command_imports_spacy_exits_130(
    delay: float, tmp_path: Path, corpus: Path
) -> None:
    """A KeyboardInterrupt raised inside spaCy's imports was caught and reported, and then
    CPython ended the process by SIGINT at exit (status -2, 2 runs of 10 at 1.3 s)."""
    for run in range(3):
        # a new ledger each time: into one that already holds every article, ingest extracts
        # nothing, imports no spaCy and may be done before the signal is sent
        proc = start("ingest", corpus, "--db", tmp_path / f"l{run}.db", cwd=tmp_path)
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        code, _, err = finish(proc)
        assert_clean_exit_130(code, err)
        assert "Interrupted:" in err


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_ingest_interrupted_part_way(
    sig: signal.Signals, tmp_path: Path, corpus: Path, reap: list[int]
) -> None:
    db = tmp_path / "l.db"
    proc = start("ingest", corpus, "--db", db, cwd=tmp_path)
    reap.append(proc.pid)
    wait_for(lambda: stored(db) >= 2 or proc.poll() is not None, "articles stored")
    proc.send_signal(sig)
    code, _, err = finish(proc)
    assert_clean_exit_130(code, err)
    count = stored(db)
    assert 2 <= count < ARTICLES
    assert f"Interrupted: {count} article(s) stored" in err
    assert "Run the same command again to resume" in err


def test_ctrl_c_to_the_group_with_workers(tmp_path: Path, corpus: Path, reap: list[int]) -> None:
    """A terminal's Ctrl-C reaches the workers too: they must not print tracebacks."""
    db = tmp_path / "l.db"
    proc = start("ingest", corpus, "--db", db, "--workers", "2", cwd=tmp_path)
    reap.append(proc.pid)
    wait_for(lambda: stored(db) >= 1 or proc.poll() is not None, "an article stored")
    workers = children(proc.pid)
    reap.extend(workers)
    os.killpg(proc.pid, signal.SIGINT)
    code, _, err = finish(proc)
    assert_clean_exit_130(code, err)
    assert f"Interrupted: {stored(db)} article(s) stored" in err
    wait_for(lambda: not any(alive(w) for w in workers), "the workers to end", timeout=5)


def test_extract_interrupted_says_what_it_wrote(
    tmp_path: Path, corpus: Path, reap: list[int]
) -> None:
    # stdout to a file, not a pipe: a line the test read ahead of the one it asked for would sit
    # in its pipe reader's buffer, which communicate() bypasses (CI once counted 1 of 2)
    stdout = tmp_path / "stdout.jsonl"
    with stdout.open("w") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "claimledger.cli", "extract", str(corpus), "--format",
             "contract"],
            cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(SRC)}, stdout=sink,
            stderr=subprocess.PIPE, text=True, start_new_session=True,
        )  # fmt: skip
        reap.append(proc.pid)
        wait_for(lambda: "\n" in stdout.read_text() or proc.poll() is not None, "an article out")
        proc.send_signal(signal.SIGINT)  # an article is out: interrupt part way
        _, err = proc.communicate(timeout=TIMEOUT)
    assert_clean_exit_130(proc.returncode, err)
    written = len(stdout.read_text().splitlines())
    assert 1 <= written < ARTICLES
    assert f"Interrupted: {written} article(s) extracted and written to stdout" in err


def test_extract_to_a_file_interrupted_leaves_no_file(
    tmp_path: Path, corpus: Path, reap: list[int]
) -> None:
    out = tmp_path / "out" / "claims.jsonl"
    proc = start("extract", corpus, "-o", out, cwd=tmp_path)
    reap.append(proc.pid)

    def temp_has_data() -> bool:
        return proc.poll() is not None or any(
            p.stat().st_size > 0 for p in out.parent.glob(".*") if out.parent.exists()
        )

    wait_for(temp_has_data, "the temp file to fill")
    proc.send_signal(signal.SIGTERM)
    code, _, err = finish(proc)
    assert_clean_exit_130(code, err)
    assert "none written" in err
    assert list(out.parent.iterdir()) == []  # no partial file, no temp file


def test_workers_die_with_a_killed_parent(tmp_path: Path, corpus: Path, reap: list[int]) -> None:
    db = tmp_path / "l.db"
    proc, workers = start_with_workers(reap, "ingest", corpus, "--db", db, cwd=tmp_path)
    assert len(workers) >= 2
    proc.kill()
    finish(proc)
    wait_for(lambda: not any(alive(w) for w in workers), "the orphaned workers to die", 5)


def test_a_dead_worker_is_a_clean_error(tmp_path: Path, corpus: Path, reap: list[int]) -> None:
    db = tmp_path / "l.db"
    proc, workers = start_with_workers(reap, "ingest", corpus, "--db", db, cwd=tmp_path)
    os.kill(workers[0], signal.SIGKILL)  # as the out-of-memory killer would
    code, _, err = finish(proc)
    assert code == 1, err
    assert "Traceback" not in err
    assert "Error: a worker process died (killed by SIGKILL" in err
    assert "(article " in err  # names the articles in flight
    assert f"Before it, {stored(db)} article(s) stored" in err
    wait_for(lambda: not any(alive(w) for w in workers), "the other worker to end", 5)


def test_a_dead_worker_leaves_no_output_file(tmp_path: Path, corpus: Path, reap: list[int]) -> None:
    out = tmp_path / "out" / "claims.jsonl"
    proc, workers = start_with_workers(reap, "extract", corpus, "-o", out, cwd=tmp_path)
    os.kill(workers[-1], signal.SIGKILL)
    code, _, err = finish(proc)
    assert code == 1, err
    assert "Traceback" not in err
    assert "Error: a worker process died (killed by SIGKILL;" in err
    assert f"{out} was not changed" in err
    assert list(out.parent.iterdir()) == []
