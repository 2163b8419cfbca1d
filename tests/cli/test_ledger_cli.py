"""The ledger commands: ingest, db upgrade, clusters, claim, sources, checks, report, export."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimledger.cli import app
from claimledger.store.migrations import Migration
from claimledger.store.sqlite import SQLiteStore

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "tests" / "data" / "ledger" / "articles.jsonl"
ARTICLES = len(CORPUS.read_text(encoding="utf-8").splitlines())
READ_COMMANDS = [
    ["clusters"],
    ["sources"],
    ["checks"],
    ["report"],
    ["export", "--format", "ledger"],
    ["claim", "abc:c1"],
]


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, *args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def dump(db: Path) -> list[str]:
    with sqlite3.connect(db) as raw:
        lines = list(raw.iterdump())
    raw.close()
    return lines


def jsonl(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def corpus_lines(*ids: str) -> list[dict[str, Any]]:
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines()]
    return [r for r in records if r["id"] in ids] if ids else records


@pytest.fixture(scope="module", autouse=True)
def clean_environment(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No developer registry file, no $CLAIMLEDGER_DB from the shell."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CLAIMLEDGER_REGISTRY", str(tmp_path_factory.mktemp("cfg") / "registry.yaml"))
        mp.delenv("CLAIMLEDGER_DB", raising=False)
        yield


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A stray ./claimledger.db lands in the test's own folder."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="module")
def ledger_db(runner: CliRunner, nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus ingested once, for the read commands."""
    db = tmp_path_factory.mktemp("ledger") / "ledger.db"
    code, out, err = run(runner, "ingest", CORPUS, "--db", db)
    assert code == 0, err
    assert f"{ARTICLES} new" in out
    return db


# ---------------------------------------------------------------------- ingest


def test_ingest_counts_new_then_unchanged(runner: CliRunner, nlp: Language, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    code, out, _ = run(runner, "ingest", CORPUS, "--db", db)
    assert code == 0
    assert out.strip() == f"{db}: {ARTICLES} new, 0 new version(s), 0 unchanged"
    before = dump(db)
    code, out, _ = run(runner, "ingest", CORPUS, "--db", db)
    assert code == 0
    assert out.strip() == f"{db}: 0 new, 0 new version(s), {ARTICLES} unchanged"
    assert dump(db) == before

    (record,) = corpus_lines("bbc-awol")
    record["text"] = record["text"].replace("around 18,000", "around 19,000")
    code, out, _ = run(runner, "ingest", jsonl(tmp_path / "v2.jsonl", record), "--db", db)
    assert code == 0
    assert out.strip() == f"{db}: 0 new, 1 new version(s), 0 unchanged"
    store = SQLiteStore(db)
    assert [v.is_current for v in store.article_versions("bbc-awol")] == [False, True]
    store.close()
    _, out, _ = run(runner, "export", "--db", db)
    current = len(json.loads(out)["claims"])
    _, out, _ = run(runner, "report", "--db", db, "-f", "markdown")
    assert f"{ARTICLES} articles ({ARTICLES + 1} versions), {current} claims," in out


def test_records_without_ids_are_different_articles(
    runner: CliRunner, nlp: Language, tmp_path: Path
) -> None:
    records = corpus_lines("tass-voronezh", "afp-sloviansk", "tass-novoselivka")
    for r in records:
        del r["id"], r["url"]
    feed = jsonl(tmp_path / "feed.jsonl", *records)
    code, out, _ = run(runner, "ingest", feed, "--db", tmp_path / "ledger.db")
    assert code == 0
    assert ": 3 new, 0 new version(s), 0 unchanged" in out


def test_db_path_from_option_environment_or_default(
    runner: CliRunner, nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = jsonl(tmp_path / "one.jsonl", *corpus_lines("afp-sloviansk"))
    code, out, _ = run(runner, "ingest", one)
    assert code == 0
    assert out.startswith("claimledger.db: 1 new")
    assert (tmp_path / "claimledger.db").is_file()

    env_db = tmp_path / "from-env.db"
    monkeypatch.setenv("CLAIMLEDGER_DB", str(env_db))
    code, out, _ = run(runner, "ingest", one)
    assert code == 0
    assert out.startswith(f"{env_db}: 1 new")
    code, out, _ = run(runner, "sources", "--format", "json")
    assert code == 0
    assert [s["name"] for s in json.loads(out)] == ["Ukraine's National Police"]

    option_db = tmp_path / "from-option.db"
    code, out, _ = run(runner, "ingest", one, "--db", option_db)
    assert code == 0
    assert out.startswith(f"{option_db}: 1 new"), "--db wins over $CLAIMLEDGER_DB"
    assert option_db.is_file()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            '{"id": "ok", "text": "Officials said that the bridge had been repaired."}\n{oops\n',
            ":2",
        ),
        ('{"id": "notext", "title": "no text here"}\n', "text"),
        ("", "no records"),
    ],
)
def test_ingest_of_bad_input_leaves_the_ledger_unchanged(
    runner: CliRunner, nlp: Language, tmp_path: Path, content: str, expected: str
) -> None:
    db = tmp_path / "ledger.db"
    assert run(runner, "ingest", jsonl(tmp_path / "good.jsonl", *corpus_lines("pravda-awol")),
               "--db", db)[0] == 0  # fmt: skip
    before = dump(db)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content, encoding="utf-8")
    code, out, err = run(runner, "ingest", bad, "--db", db)
    assert code == 1
    assert err.startswith("Error: ")
    assert "bad.jsonl" in err
    assert expected in err
    assert out == ""
    assert dump(db) == before

    fresh = tmp_path / "fresh.db"
    assert run(runner, "ingest", bad, "--db", fresh)[0] == 1
    assert not fresh.exists(), "a failed first ingest must not leave an empty ledger behind"


def test_ctrl_c_part_way_keeps_the_articles_stored(
    runner: CliRunner, nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimledger.ledger

    db = tmp_path / "ledger.db"
    two = jsonl(tmp_path / "two.jsonl", *corpus_lines("pravda-awol", "kyivind-awol"))
    real, calls = claimledger.ledger.assign_claims, []

    def interrupted(*args: Any) -> Any:
        calls.append(args)
        if len(calls) == 2:  # the second article is stored, its analysis half done
            raise KeyboardInterrupt
        return real(*args)

    monkeypatch.setattr(claimledger.ledger, "assign_claims", interrupted)
    code, _, err = run(runner, "ingest", two, "--db", db)
    assert code == 130
    assert "Interrupted: 1 article(s) stored" in err
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT source_id FROM articles").fetchall() == [("pravda-awol",)]
        for table in ("claims", "quantities", "mentions"):
            orphans = (
                f"SELECT COUNT(*) FROM {table} WHERE doc_id NOT IN (SELECT doc_id FROM articles)"
            )
            assert raw.execute(orphans).fetchone() == (0,), table
    raw.close()
    monkeypatch.undo()
    code, out, _ = run(runner, "ingest", two, "--db", db)
    assert code == 0
    assert out.strip() == f"{db}: 1 new, 0 new version(s), 1 unchanged"


@pytest.mark.slow  # two processes, each loading the model
def test_two_ingest_processes_at_once(nlp: Language, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    records = corpus_lines()
    halves = [
        jsonl(tmp_path / "a.jsonl", *records[0::2]),
        jsonl(tmp_path / "b.jsonl", *records[1::2]),
    ]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "claimledger.cli", "ingest", str(half), "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for half in halves
    ]
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in results]
    assert sorted(out.split(": ")[1].split(",")[0] for out, _ in results) == [
        f"{len(records[1::2])} new",
        f"{len(records[0::2])} new",
    ]
    with sqlite3.connect(db) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        ids = {r[0] for r in raw.execute("SELECT source_id FROM articles WHERE is_current = 1")}
    raw.close()
    assert ids == {r["id"] for r in records}


# ---------------------------------------------------------------------- db upgrade


def test_db_upgrade(
    runner: CliRunner, tmp_path: Path, lose_last_migration: Callable[[Path], Migration]
) -> None:
    db = tmp_path / "ledger.db"
    SQLiteStore(db).close()
    code, out, _ = run(runner, "db", "upgrade", "--db", db)
    assert code == 0
    assert out.strip() == f"{db}: schema up to date"

    last = lose_last_migration(db)
    code, _, err = run(runner, "clusters", "--db", db)
    assert code == 1
    assert err.startswith("Error: ")
    assert "claimledger db upgrade" in err
    code, out, _ = run(runner, "db", "upgrade", "--db", db)
    assert code == 0
    assert out.strip() == f"{db}: applied {last.name}"
    assert run(runner, "clusters", "--db", db)[0] == 0


def test_db_upgrade_of_a_missing_ledger(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "missing.db"
    code, out, err = run(runner, "db", "upgrade", "--db", db)
    assert code == 1
    assert err.startswith("Error: ")
    assert "no such ledger" in err
    assert out == ""
    assert not db.exists()


def test_db_upgrade_of_a_file_that_is_not_a_ledger(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("not a database at all\n")
    code, _, err = run(runner, "db", "upgrade", "--db", db)
    assert code == 1
    assert err.startswith("Error: ")
    assert "not a claimledger database" in err


# ---------------------------------------------------------------------- read commands


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_read_commands_on_a_missing_ledger(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    db = tmp_path / "missing.db"
    code, out, err = run(runner, *command, "--db", db)
    assert code == 1
    assert err.startswith("Error: ")
    assert "no such ledger" in err
    assert "ingest articles to create it" in err
    assert out == ""
    assert not db.exists()


@pytest.mark.parametrize("command", READ_COMMANDS[:-1], ids=lambda c: c[0])
def test_read_commands_on_an_empty_ledger(
    runner: CliRunner, tmp_path: Path, command: list[str]
) -> None:
    db = tmp_path / "empty.db"
    SQLiteStore(db).close()
    code, _, err = run(runner, *command, "--db", db)
    assert code == 0, err


def test_clusters(runner: CliRunner, ledger_db: Path) -> None:
    code, out, _ = run(runner, "clusters", "--db", ledger_db)
    assert code == 0
    assert "circular" in out
    assert "corroborated" in out
    code, out, _ = run(runner, "clusters", "--db", ledger_db, "--format", "json")
    assert code == 0
    clusters = json.loads(out)
    assert clusters
    assert all(k["size"] >= 2 and len(k["claim_ids"]) == k["size"] for k in clusters)
    assert {"circular", "corroborated"} <= {k["assessment"] for k in clusters}
    # a claim reported once and denied elsewhere: the denial is linked, not a member
    args = ["--db", ledger_db, "-f", "json", "--assessment", "denied", "--min-size", "1"]
    code, out, _ = run(runner, "clusters", *args)
    denied = json.loads(out)
    assert denied and {k["assessment"] for k in denied} == {"denied"}
    code, out, _ = run(runner, "clusters", "--db", ledger_db, "-f", "json", "--min-size", "3")
    larger = json.loads(out)
    assert larger
    assert all(k["size"] >= 3 for k in larger)
    assert len(larger) < len(clusters)


def test_sources(runner: CliRunner, ledger_db: Path) -> None:
    code, out, _ = run(runner, "sources", "--db", ledger_db)
    assert code == 0
    assert "reliability" in out
    assert "National Police" in out
    assert "(cannot be judged)" in out  # a letter is shown with its meaning
    code, out, _ = run(runner, "sources", "--db", ledger_db, "-f", "json")
    grades = json.loads(out)
    assert grades
    assert all(g["reliability"] in "ABCDEF" and g["reasons"] for g in grades)


def test_checks(runner: CliRunner, ledger_db: Path) -> None:
    code, out, _ = run(runner, "checks", "--db", ledger_db)
    assert code == 0
    assert "tension" in out
    assert "21,600" in out
    code, out, _ = run(runner, "checks", "--db", ledger_db, "-f", "json")
    tensions = json.loads(out)["checks"]
    assert tensions
    assert {c["verdict"] for c in tensions} == {"tension"}
    code, out, _ = run(runner, "checks", "--db", ledger_db, "-f", "json", "--verdict", "all")
    every = json.loads(out)
    assert {c["verdict"] for c in every["checks"]} == {"tension", "consistent"}
    assert "descriptor_conflicts" in every
    code, out, err = run(runner, "checks", "--db", ledger_db, "--verdict", "maybe")
    assert code == 1
    assert err.startswith("Error: ")
    assert "--verdict" in err


def test_report_formats(runner: CliRunner, ledger_db: Path) -> None:
    code, out, _ = run(runner, "report", "--db", ledger_db, "--format", "markdown")
    assert code == 0
    assert out.startswith("# claimledger report\n")
    for heading in ("## Largest clusters", "## Numeric tensions", "## Sources"):
        assert heading in out
    assert f"{ARTICLES} articles ({ARTICLES} versions)" in out
    assert "21,600" in out
    code, out, _ = run(runner, "report", "--db", ledger_db, "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["counts"]["current_articles"] == ARTICLES
    assert report["tensions"]
    assert {"circular", "corroborated", "denied"} <= set(report["assessments"])
    code, out, _ = run(runner, "report", "--db", ledger_db)
    assert code == 0
    assert "claimledger report" in out
    assert "Numeric tensions" in out
    _, out, _ = run(runner, "report", "--db", ledger_db, "-f", "json", "--top", "1")
    assert len(json.loads(out)["clusters"]) == 1


def test_export_ledger(runner: CliRunner, ledger_db: Path, tmp_path: Path) -> None:
    code, out, _ = run(runner, "export", "--db", ledger_db, "--format", "ledger")
    assert code == 0
    data = json.loads(out)
    assert len(data["articles"]) == ARTICLES
    claim_ids = {c["id"] for c in data["claims"]}
    assert all(set(k["claim_ids"]) <= claim_ids for k in data["clusters"])
    assert all(c["credibility"] in range(1, 7) for c in data["claims"])
    target = tmp_path / "out" / "ledger.json"
    assert run(runner, "export", "--db", ledger_db, "-o", target)[0] == 0
    assert json.loads(target.read_text()) == data


def test_export_validates_against_the_shared_schema(
    runner: CliRunner, ledger_db: Path, shared: Path
) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    referencing = pytest.importorskip("referencing")
    contract = shared / "contract"
    schemas = {p.name: json.loads(p.read_text()) for p in contract.glob("*.schema.json")}
    resources = [
        (uri, referencing.Resource.from_contents(schema))
        for name, schema in schemas.items()
        for uri in {name, schema.get("$id", name)}
    ]
    registry = referencing.Registry().with_resources(resources)
    validator = jsonschema.Draft202012Validator(schemas["ledger.schema.json"], registry=registry)
    _, out, _ = run(runner, "export", "--db", ledger_db)
    data = json.loads(out)
    errors = list(validator.iter_errors(data))
    assert not errors, [e.message for e in errors[:5]]
    data["articles"][0]["source"] = {"url": 42}  # the $ref into claims.schema.json is followed
    assert list(validator.iter_errors(data))


def test_claim(runner: CliRunner, ledger_db: Path) -> None:
    _, out, _ = run(runner, "export", "--db", ledger_db)
    claim = next(c for c in json.loads(out)["claims"] if "Novoselivka" in c["content"])
    code, out, _ = run(runner, "claim", claim["id"], "--db", ledger_db)
    assert code == 0
    assert "tass-novoselivka:c1" in out  # shown by the id the user gave its article
    assert claim["id"] not in out  # the text hash is an internal key
    assert "Novoselivka" in out
    assert "denied" in out
    assert "(Ukrinform, 2025-10-25)" in out  # members with outlet and date
    code, out, _ = run(runner, "claim", "tass-novoselivka:c1", "--db", ledger_db, "-f", "json")
    detail = json.loads(out)
    assert detail["claim"]["key"] == claim["id"]
    assert detail["claim"]["id"] == "tass-novoselivka:c1"
    assert detail["cluster"]["assessment"] == "denied"
    assert detail["grade"]["credibility"] in range(1, 7)
    denial = next(m for m in detail["linked"] if m["outlet"] == "Ukrinform")
    assert denial["polarity"] == "deny"  # the denial is linked to the claim, not its member
    assert all(m["polarity"] == "affirm" for m in detail["members"])


def test_claim_not_found(runner: CliRunner, ledger_db: Path) -> None:
    code, out, err = run(runner, "claim", "0000000000000000:c9", "--db", ledger_db)
    assert code == 1
    assert err.startswith("Error: ")
    assert "no claim '0000000000000000:c9'" in err
    assert "claimledger claims" in err
    assert out == ""


def test_article_text_is_not_taken_for_markup(
    runner: CliRunner, nlp: Language, tmp_path: Path
) -> None:
    db = tmp_path / "ledger.db"
    text = (
        'Kharkiv governor Oleh Syniehubov said that "they [Russian forces] struck the market '
        'twice within an hour [/]".'
    )
    record = {"id": "brackets", "outlet": "Example Wire", "published": "2025-11-02", "text": text}
    assert run(runner, "ingest", jsonl(tmp_path / "b.jsonl", record), "--db", db)[0] == 0
    code, out, _ = run(runner, "clusters", "--db", db, "--min-size", "1")
    assert code == 0
    assert "[Russian forces]" in out
    _, out, _ = run(runner, "export", "--db", db)
    (claim,) = json.loads(out)["claims"]
    code, out, err = run(runner, "claim", claim["id"], "--db", db)
    assert code == 0, err
    assert "they [Russian forces] struck the market" in out


def test_every_ledger_command_has_help(runner: CliRunner) -> None:
    for command in (["ingest"], ["db", "upgrade"], *READ_COMMANDS):
        code, out, _ = run(runner, *command[:1] if command[0] != "db" else command, "--help")
        assert code == 0
        assert "--db" in out


# ---------------------------------------------------------------------- articles, claims, search


def test_articles(runner: CliRunner, ledger_db: Path) -> None:
    code, out, _ = run(runner, "articles", "--db", ledger_db, "-f", "json")
    assert code == 0
    ids = [a["id"] for a in json.loads(out)]
    assert len(ids) == ARTICLES and ids[0] == "bbc-awol"  # newest arrival first, user ids
    code, out, _ = run(runner, "articles", "--db", ledger_db, "--outlet", "TASS", "-f", "json")
    assert {a["id"] for a in json.loads(out)} == {"tass-voronezh", "tass-novoselivka"}
    code, out, _ = run(runner, "articles", "--db", ledger_db, "--from", "2025-11-05",
                       "--to", "2025-11-12", "-f", "json")  # fmt: skip
    assert [a["id"] for a in json.loads(out)] == ["reuters-awol", "kyivind-awol"]
    code, out, _ = run(runner, "articles", "--db", ledger_db, "--limit", "3")
    assert code == 0 and "3 article(s)" in out


def test_article(runner: CliRunner, ledger_db: Path) -> None:
    code, out, _ = run(runner, "article", "tass-novoselivka", "--db", ledger_db)
    assert code == 0
    assert "tass-novoselivka:c1" in out and "Novoselivka" in out
    code, out, _ = run(runner, "article", "tass-novoselivka", "--db", ledger_db, "-f", "json")
    detail = json.loads(out)
    assert "Novoselivka" in detail["text"] and detail["claims"]
    code, _, err = run(runner, "article", "no-such-article", "--db", ledger_db)
    assert code == 1
    assert err.startswith("Error: no article 'no-such-article'")


def test_claims_filters_and_limit(runner: CliRunner, ledger_db: Path) -> None:
    _, out, _ = run(runner, "claims", "--db", ledger_db, "-f", "json", "--limit", "500")
    every = json.loads(out)
    assert all((":c" in c["id"] and not c["id"].split(":")[0].isalnum()) or "-" in c["id"]
               for c in every)  # fmt: skip
    _, out, _ = run(runner, "claims", "--db", ledger_db, "-f", "json", "--limit", "2")
    assert [c["id"] for c in json.loads(out)] == [c["id"] for c in every[:2]]
    _code, out, _ = run(runner, "claims", "--db", ledger_db, "-f", "json", "--assessment",
                       "denied")  # fmt: skip
    denied = json.loads(out)
    assert denied and all(c["cluster"] for c in denied)
    _, out, _ = run(runner, "claims", "--db", ledger_db, "-f", "json", "--text", "drones")
    assert json.loads(out) and all("drones" in c["content"] for c in json.loads(out))
    _, out, _ = run(runner, "claims", "--db", ledger_db, "-f", "json", "--hedged")
    assert all(c["hedged"] for c in json.loads(out))


@pytest.mark.parametrize(
    "args",
    [
        ["clusters", "--assessment", "bogus"],
        ["claims", "--assessment", "bogus"],
        ["claims", "--from", "yesterday"],
        ["articles", "--to", "2025-13-01"],
        ["clusters", "--limit", "0"],
        ["sources", "--limit", "-1"],
        ["search", "  "],
    ],
)
def test_bad_option_values_are_errors(runner: CliRunner, ledger_db: Path, args: list[str]) -> None:
    code, out, err = run(runner, *args, "--db", ledger_db)
    assert code != 0
    assert out == ""
    assert "Error" in err or "Invalid value" in err


def test_search_and_places(runner: CliRunner, ledger_db: Path) -> None:
    code, out, _ = run(runner, "search", "Novoselivka village", "--db", ledger_db, "-f", "json")
    hits = json.loads(out)
    assert {h["article"] for h in hits} >= {"tass-novoselivka", "ukrinform-novoselivka"}
    code, out, _ = run(runner, "places", "--db", ledger_db, "-f", "json")
    assert code == 0
    assert all(p["claims"] >= 1 and p["articles"] >= 1 for p in json.loads(out))


def test_limits_are_honoured(runner: CliRunner, ledger_db: Path) -> None:
    _, out, _ = run(runner, "clusters", "--db", ledger_db, "-f", "json", "--min-size", "1",
                       "--limit", "2")  # fmt: skip
    assert len(json.loads(out)) == 2
    _code, out, _ = run(runner, "sources", "--db", ledger_db, "-f", "json", "--limit", "1")
    assert len(json.loads(out)) == 1
    _, out, _ = run(runner, "checks", "--db", ledger_db, "-f", "json", "--verdict", "all",
                       "--limit", "1")  # fmt: skip
    assert len(json.loads(out)["checks"]) == 1
    _, out, _ = run(runner, "report", "--db", ledger_db, "-f", "json", "--top", "1")
    report = json.loads(out)
    assert len(report["tensions"]) <= 1 and len(report["clusters"]) == 1
    assert report["tensions_total"] >= len(report["tensions"])


def test_names_are_shown_on_one_line(runner: CliRunner, nlp: Language, tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    text = "Mayor Ivan\nPetrenko said that the bridge at Izium had been repaired."
    record = {"id": "ragged", "outlet": "Example\nWire\t Daily", "text": text}
    assert run(runner, "ingest", jsonl(tmp_path / "r.jsonl", record), "--db", db)[0] == 0
    _, out, _ = run(runner, "claims", "--db", db, "-f", "json")
    (claim,) = json.loads(out)
    assert claim["outlet"] == "Example Wire Daily"
    assert "\n" not in (claim["speaker"] or "")


def test_ingest_refuses_a_bad_settings_file_before_touching_the_ledger(
    runner: CliRunner, tmp_path: Path
) -> None:
    bad = tmp_path / "mine.toml"
    bad.write_text("[clusters]\nother_source = 'high'\n")
    db = tmp_path / "ledger.db"
    code, _, err = run(runner, "ingest", CORPUS, "--db", db, "--settings", bad)
    assert code == 1
    assert f"{bad}: [clusters] other_source = 'high': want a number" in err
    assert not db.exists()
