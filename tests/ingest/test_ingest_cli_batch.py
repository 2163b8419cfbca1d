"""`extract` and `ingest` on a batch mixing good articles with every odd input of issue 12.

In skip mode every good article comes out and each bad input is listed with its location
and reason (exit 0); in fail mode each bad input alone gives a clean ``Error: ...`` naming
it, exit status 1, no traceback and no output file.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner, Result

from claimledger.cli import app

SAID = "The mayor said that the bridge over the river had been destroyed by shelling."


def said(place: str) -> str:
    """A distinct article text, so that the ledger stores each good article as new."""
    return SAID.replace("the river", f"the river near {place}")


CYRILLIC = "Губернатор заявил, что обстрел прекратился.\n"


@dataclass(frozen=True)
class Batch:
    inputs: list[str]
    good_paths: list[str]  # source.path of each good article, in output order
    bad: list[tuple[str, str]]  # (location shown, reason) of each skipped input
    fifos: list[Path]


@pytest.fixture(autouse=True)
def no_user_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMLEDGER_REGISTRY", str(tmp_path / "no-registry.yaml"))
    monkeypatch.delenv("CLAIMLEDGER_DB", raising=False)


def _fifo(path: Path, fifos: list[Path]) -> Path:
    os.mkfifo(path)
    fifos.append(path)
    return path


@pytest.fixture
def batch(tmp_path: Path) -> Iterator[Batch]:
    root = tmp_path / "in"
    root.mkdir()
    fifos: list[Path] = []
    good = root / "good.txt"
    good.write_text(said("Izium"), encoding="utf-8")
    mixed = root / "mixed.jsonl"
    mixed.write_text(
        "\n".join(
            [
                json.dumps({"id": "j1", "text": said("Lyman")}),
                '{"id": "j2\\ud800", "title": "\\udfff", "text": "The governor said \\ud800 it '
                'was over."}',
                '{"id": 1' + "0" * 5000 + ', "text": "Said."}',
                '{"text": "Said.", "x": ' + "[" * 5000 + "]" * 5000 + "}",
                "null",
                "3",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    fifo = _fifo(root / "fifo.txt", fifos)
    late = root / "late.txt"
    late.write_bytes(SAID.encode() + b" more" * 3000 + b"\x00\x01\x02\x03")
    utf16 = root / "ru.txt"
    utf16.write_bytes(CYRILLIC.encode("utf-16-le"))
    odd_name = root / os.fsdecode(b"caf\xe9.txt")
    odd_name.write_text(said("Kupiansk"), encoding="utf-8")
    feed = root / "refs.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire&#xD800;</title><item>'
        "<title>Report&#1114112;</title><description>The army said&#xDFFF; the town was "
        "retaken.</description></item></channel></rss>",
        encoding="utf-8",
    )
    inbox = root / "inbox"
    inbox.mkdir()
    (inbox / "kept.md").write_text(said("Balakliia"), encoding="utf-8")
    (inbox / ".hidden.txt").write_text(SAID, encoding="utf-8")
    (inbox / "dangling.txt").symlink_to(inbox / "nowhere.txt")
    (inbox / "loop.txt").symlink_to(inbox / "loop.txt")
    (inbox / "up").symlink_to(inbox)
    _fifo(inbox / "pipe.txt", fifos)
    shown_odd = f"{root}{os.sep}caf\\xe9.txt"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(inbox / "sock.txt"))
        yield Batch(
            inputs=[str(p) for p in (good, mixed, fifo, late, utf16, odd_name, feed, inbox)],
            good_paths=[
                str(good),
                str(mixed),
                str(mixed),
                str(utf16),
                shown_odd,
                str(feed),
                str(inbox / "kept.md"),
            ],
            bad=[
                (f"{mixed}:3", "malformed record"),
                (f"{mixed}:4", "malformed record"),
                (f"{mixed}:5", "malformed record"),
                (f"{mixed}:6", "malformed record"),
                (str(fifo), "not a regular file"),
                (str(late), "binary"),
                (str(inbox / ".hidden.txt"), "hidden file"),
                (str(inbox / "dangling.txt"), "broken symbolic link"),
                (str(inbox / "loop.txt"), "symbolic link loop"),
                (str(inbox / "pipe.txt"), "not a regular file"),
                (str(inbox / "sock.txt"), "not a regular file"),
                (str(inbox / "up"), "symbolic link loop"),
            ],
            fifos=fifos,
        )


def invoke(args: list[str], fifos: list[Path]) -> Result:
    """Run the CLI; should it block on a FIFO, a watchdog opens the FIFOs for writing."""
    done = threading.Event()

    def release() -> None:
        if not done.wait(60):
            for fifo in fifos:
                with contextlib.suppress(OSError):
                    os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    watchdog = threading.Thread(target=release, daemon=True)
    watchdog.start()
    try:
        return CliRunner().invoke(app, args)
    finally:
        done.set()


def assert_skips_listed(stderr: str, batch: Batch) -> None:
    assert f"Skipped {len(batch.bad)} input(s):" in stderr
    listed = [line.strip() for line in stderr.splitlines() if line.startswith("  ")]
    assert [tuple(line.split(": ", 2)[:2]) for line in listed] == batch.bad
    assert "Traceback" not in stderr


def test_extract_skip_mode_keeps_every_good_article(
    batch: Batch, tmp_path: Path, nlp: Language
) -> None:
    out = tmp_path / "out.jsonl"
    result = invoke(["extract", *batch.inputs, "--on-error", "skip", "-o", str(out)], batch.fifos)
    assert result.exit_code == 0, result.stderr
    docs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [d["source"]["path"] for d in docs] == batch.good_paths
    j2 = next(d for d in docs if d["source"]["id"] == "j2\ufffd")
    assert j2["source"]["title"] == "\ufffd"
    assert_skips_listed(result.stderr, batch)


def test_ingest_skip_mode_stores_every_good_article(
    batch: Batch, tmp_path: Path, nlp: Language
) -> None:
    db = tmp_path / "ledger.db"
    result = invoke(["ingest", *batch.inputs, "--on-error", "skip", "--db", str(db)], batch.fifos)
    assert result.exit_code == 0, result.stderr
    assert f"{len(batch.good_paths)} new" in result.stdout
    with sqlite3.connect(db) as raw:
        dumped = "\n".join(raw.iterdump())
    raw.close()
    assert "caf\\xe9.txt" in dumped
    assert_skips_listed(result.stderr, batch)


def first_error_per_input(batch: Batch) -> dict[str, str]:
    """Each given input that fails in fail mode, with the location its error names."""
    first: dict[str, str] = {}
    for location, _reason in batch.bad:
        given = location.rsplit(":", 1)[0] if ".jsonl:" in location else location
        if Path(given).parent.name != "inbox":  # walked entries are passed over, never errors
            first.setdefault(given, location)
    return first


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_fail_mode_names_each_bad_input_cleanly(batch: Batch, tmp_path: Path, command: str) -> None:
    """Each bad input fails before any article is extracted, so no model is needed."""
    out, db = tmp_path / "out.jsonl", tmp_path / "fail.db"
    target = ["-o", str(out)] if command == "extract" else ["--db", str(db)]
    failing = first_error_per_input(batch)
    assert len(failing) == 3
    for given, location in failing.items():
        result = invoke([command, given, *target], batch.fifos)
        assert result.exit_code == 1, (location, result.stdout, result.stderr)
        assert isinstance(result.exception, SystemExit), result.exception
        assert result.stderr.startswith(f"Error: {location}: "), result.stderr
        assert "Traceback" not in result.stderr
        assert not out.exists()
        assert not db.exists()


def test_fail_mode_with_a_non_utf8_name(tmp_path: Path) -> None:
    bad = tmp_path / os.fsdecode(b"\xff\xfe.txt")
    bad.write_bytes(b"\x00binary")
    result = CliRunner().invoke(app, ["extract", str(bad), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {tmp_path}{os.sep}\\xff\\xfe.txt: the file is binary")
