"""`claimledger extract`: formats, output file, workers, and every user-facing failure."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimledger import __version__
from claimledger.cli import app

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples" / "articles.jsonl"


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_contract_is_one_object_per_article(runner: CliRunner) -> None:
    code, out, _ = run(runner, "extract", str(SAMPLES), "--format", "contract")
    assert code == 0
    docs = [json.loads(line) for line in out.splitlines()]
    ids = [json.loads(line)["id"] for line in SAMPLES.read_text().splitlines()]
    assert [d["source"]["id"] for d in docs] == ids
    assert len(ids) >= 3
    assert all(d["claims"] for d in docs)
    first = docs[0]["claims"][0]
    assert first["speaker"]["name"] == "Ukrainian Air Force"
    assert "42 drones" in first["content"]["text"]


def test_contract_validates_against_the_shared_schema(runner: CliRunner, shared: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "contract" / "claims.schema.json").read_text())
    _, out, _ = run(runner, "extract", str(SAMPLES))
    validator = jsonschema.Draft202012Validator(schema)
    for line in out.splitlines():
        errors = list(validator.iter_errors(json.loads(line)))
        assert not errors, errors[0].message


def test_jsonl_is_one_record_per_claim(runner: CliRunner) -> None:
    _, contract, _ = run(runner, "extract", str(SAMPLES))
    code, out, _ = run(runner, "extract", str(SAMPLES), "-f", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == sum(len(json.loads(x)["claims"]) for x in contract.splitlines())
    assert {"doc_id", "source", "content", "speaker", "chain"} <= set(records[0])


def test_table_names_speakers(runner: CliRunner) -> None:
    code, out, _ = run(runner, "extract", str(SAMPLES), "-f", "table")
    assert code == 0
    assert "Filashkin" in out
    assert "claims" in out


def test_output_file_and_workers_agree(runner: CliRunner, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert run(runner, "extract", str(SAMPLES), "-o", str(one))[0] == 0
    assert run(runner, "extract", str(SAMPLES), "-o", str(two), "--workers", "2")[0] == 0
    assert one.read_text() == two.read_text()
    assert one.read_text().count("\n") == len(SAMPLES.read_text().splitlines())


def test_stdin_text(runner: CliRunner) -> None:
    text = "The mayor said that the bridge over the river had been destroyed by shelling.\n"
    code, out, _ = run(runner, "extract", "-", stdin=text)
    assert code == 0
    claim = json.loads(out)["claims"][0]
    assert claim["speaker"]["text"] == "The mayor"
    assert "bridge" in claim["content"]["text"]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.txt", None, "no such file"),
        ("scan.pdf", b"%PDF-1.7 binary", "not supported"),
        ("blob.txt", b"\x00\x01\x02binary", "binary"),
        ("latin.txt", "Gemeldet wurde: Gr\xfc\xdfe".encode("latin-1"), "UTF-8"),
        ("bad.jsonl", b'{"id": "a", "text": "fine text here."}\n{not json\n', ":2"),
        ("notext.jsonl", b'{"id": "a", "title": "no text"}\n', "text"),
        ("empty.txt", b"   \n", "empty"),
    ],
)
def test_bad_input_exits_1_naming_it(
    runner: CliRunner, tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    out_file = tmp_path / "out.jsonl"
    code, out, err = run(runner, "extract", str(path), "-o", str(out_file))
    assert code == 1
    assert err.startswith("Error: ")
    assert name in err
    assert expected in err
    assert not out_file.exists(), "a failed run must not leave a half-written output"
    assert out == ""


def test_skip_reports_every_skipped_input(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "ok", "text": "Officials said that the convoy had arrived."}\n{oops\n')
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, out, err = run(runner, "extract", str(bad), str(empty), "--on-error", "skip")
    assert code == 0
    assert len(out.splitlines()) == 1
    assert "Skipped 2 input(s)" in err
    assert f"{bad}:2" in err
    assert "empty.txt" in err


def test_nothing_usable_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code, _, err = run(runner, "extract", str(empty), "--on-error", "skip")
    assert code == 1
    assert "no usable article" in err


def test_extraction_failure_names_the_article(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimledger.pipeline as pipeline

    def boom(article: object, doc: object) -> None:
        raise RuntimeError("rule exploded")

    monkeypatch.setattr(pipeline, "extract_article", boom)
    code, _, err = run(runner, "extract", str(SAMPLES))
    assert code == 1
    assert "sample-pokrovsk-drones" in err
    assert "rule exploded" in err
    code, out, err = run(runner, "extract", str(SAMPLES), "--on-error", "skip")
    assert code == 0
    assert out == ""
    assert f"Skipped {len(SAMPLES.read_text().splitlines())} input(s)" in err


def test_version_and_help(runner: CliRunner) -> None:
    assert __version__ in run(runner, "--version")[1]
    code, out, _ = run(runner, "extract", "--help")
    assert code == 0
    assert "--format" in out
    assert "--workers" in out
