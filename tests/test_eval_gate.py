"""Evaluation gate: the extraction figures may not fall below their pinned floors.

Floors sit a little under what the extractor reaches (see CHANGELOG.md for the figures), so a
regression fails CI. Both scorers are the shared ones in ../shared/eval, run as they are.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimledger.export.contract import to_contract
from claimledger.ingest import read_inputs
from claimledger.models import Extraction
from claimledger.pipeline import extract_articles

pytestmark = pytest.mark.slow

DEV_FLOORS = {
    "attribution.f1": 0.90,
    "claims.f1": 0.90,
    "chain.acc": 0.85,
    "hedged.acc": 0.90,
    "verification.acc": 0.85,
    "polarity.acc": 0.90,
}
POLNEAR_FLOORS = {"speech_content.f1": 0.75, "speech_full.f1": 0.70}


def _predict(inputs: list[str], out: Path) -> None:
    with out.open("w", encoding="utf-8") as handle:
        for outcome in extract_articles(list(read_inputs(inputs).articles), workers=2):
            assert isinstance(outcome, Extraction), outcome
            handle.write(json.dumps(to_contract(outcome), ensure_ascii=False) + "\n")


def _score(args: list[str], floors: dict[str, float]) -> subprocess.CompletedProcess[str]:
    mins = [arg for metric, floor in floors.items() for arg in ("--min", f"{metric}={floor}")]
    return subprocess.run(
        [sys.executable, *args, *mins], capture_output=True, text=True, check=False
    )


def test_dev_set_figures(shared: Path, tmp_path: Path) -> None:
    pred = tmp_path / "pred.jsonl"
    _predict([str(shared / "corpus" / "dev" / "articles.jsonl")], pred)
    result = _score(
        [
            str(shared / "eval" / "score.py"),
            "--gold", str(shared / "corpus" / "dev" / "gold.json"),
            "--pred", str(pred),
            "--schema", str(shared / "contract" / "claims.schema.json"),
        ],
        DEV_FLOORS,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr


def test_polnear_dev_figures(shared: Path, tmp_path: Path) -> None:
    data = shared / "corpus" / "polnear"
    if not (data / "dev").is_dir():
        pytest.skip(f"{data}/dev is absent")
    inputs, pred = tmp_path / "dev.jsonl", tmp_path / "pred.jsonl"
    scorer = str(shared / "eval" / "polnear.py")
    subprocess.run([sys.executable, scorer, "inputs", str(data), "dev", str(inputs)], check=True)
    _predict([str(inputs)], pred)
    result = _score([scorer, "score", str(data), "dev", str(pred)], POLNEAR_FLOORS)
    assert result.returncode == 0, result.stdout + result.stderr


SCENARIO = Path(__file__).resolve().parent / "data" / "scenario"


def ledger_floors(
    clusters: float, assessment: float, independence: float, origins: float, tensions: float = 1.0
) -> dict[str, float]:
    """Floors of ``score_ledger.py`` figures; never a false tension, every descriptor conflict."""
    return {
        "clusters.f1": clusters,
        "assessment.acc": assessment,
        "independence.acc": independence,
        "origins.acc": origins,
        "tensions.recall": tensions,
        "tensions.false": 0,
        "descriptor_conflicts.recall": 1.0,
    }


# assessment 0.80 -> 0.74: the mobilisation story was "denied" only because a different remark of
# the claimant's own article (flagged as disputed) had been merged into it; a claim now joins a
# cluster holding its own speaker's claim of its own article only to restate it (real reporting:
# one speaker's remarks on one topic are different propositions).
# tensions 1.0 -> 0.8 (2026-12-07, issue 10 on blind conflict-reporting probes, where 39 of 40
# tensions had been false): two lower bounds ("over 100 a night", "more than 300 in the week")
# are compared as numbers or not at all, since both hold for any count above the larger.
LEDGER_FLOORS = ledger_floors(0.62, 0.74, 0.80, 0.55, tensions=0.8)


def _ledger_export(inputs: list[str], tmp_path: Path) -> Path:
    from claimledger.export.ledger import export_ledger
    from claimledger.ledger import open_ledger
    from claimledger.store.sqlite import SQLiteStore

    store = SQLiteStore(tmp_path / "ledger.db")
    ledger = open_ledger(store)
    for outcome in extract_articles(list(read_inputs(inputs).articles), workers=2):
        assert isinstance(outcome, Extraction), outcome
        ledger.ingest(outcome)
    out = tmp_path / "ledger.json"
    out.write_text(json.dumps(export_ledger(store), ensure_ascii=False))
    store.close()
    return out


def _score_ledger(
    shared: Path, inputs: Path, gold: Path, tmp_path: Path, floors: dict[str, float]
) -> subprocess.CompletedProcess[str]:
    """Ingest ``inputs`` into a fresh ledger, export it and score it against ``gold``."""
    export = _ledger_export([str(inputs)], tmp_path)
    return _score(
        [
            str(shared / "eval" / "score_ledger.py"),
            "--gold", str(gold),
            "--pred", str(export),
            "--schema", str(shared / "contract" / "ledger.schema.json"),
        ],
        floors,
    )  # fmt: skip


# The second, fourth and fifth corpora were held out for one measurement (see their READMEs),
# then used for tuning. Their floors were lowered for issue 10 (see CHANGELOG.md): real reporting
# refuted the rules that merged different sources' differently worded claims into one cluster, so
# recall on the scenarios' paraphrase templates fell while their precision stayed at 1.000.
SCENARIO2 = SCENARIO.with_name("scenario2")
# assessment 0.80 -> 0.75 (2026-12-07, session 8): the ledger now holds one claim per
# proposition of a claim with figures (blind conflict sets 1-6: precision 0.387 -> 0.585 on
# set 6, 0.667 -> 0.775 on set 3); the extra claims shift the term weights, and a bus strike
# then reads as part of a prosecutor's weekly toll for the region (unknown-source threshold).
# assessment 0.75 -> 0.65 (2026-12-07, session 9): its Pivdennyi terminal cluster was
# "corroborated" by the Odesa regional administration and its own head counted as two lines;
# an authority of no known state is no longer a second line beside another authority (blind
# set 8: a front's spokesman and the General Staff were "corroborated"), and the terminal's
# operator, the gold's second origin, is never named on its own ("its operator")
LEDGER_FLOORS_2 = ledger_floors(0.75, 0.65, 0.88, 0.72)
SCENARIO4 = SCENARIO.with_name("scenario4")
# one of its nine tensions (205 against 250 prisoners swapped, no period) is no longer checked:
# a count of things with no period is compared only when the claims say much the same thing
# assessment 0.50 -> 0.45 and scenario5's clusters 0.62 -> 0.60 (2026-12-04): one source's
# paraphrases now need similarity 0.45 (0.35 before): on the 840 PolNeAR train articles 6 of 30
# judged clusters were one speaker's different remarks joined at 0.35-0.44
# tensions 0.85 -> 0.75 (2026-12-07): "at least 12 injured" and "at least 27 wounded" are two
# lower bounds, no contradiction; and the same administration's two figures are not checked
LEDGER_FLOORS_4 = ledger_floors(0.48, 0.45, 0.70, 0.50, tensions=0.75)
SCENARIO5 = SCENARIO.with_name("scenario5")
# two of scenario5's ten tensions are not found yet (a total with no period)
# its cluster floor is 0.62: claims of two different sources now need three content terms in
# common (real reporting merged "not trump the Second Amendment" with "all for the Second
# Amendment"), which splits two of its paraphrase pairs
# tensions 0.80 -> 0.70 (2026-12-07): "up to 30 armoured vehicles" is an upper bound, which
# "14 armoured vehicles" of the same ministry meets
# origins 0.58 -> 0.53 and clusters 0.645 -> 0.600 (2026-12-07, session 6): a claim joins no
# cluster holding a member whose figure for the same thing differs (blind conflict probe sets:
# a rising toll of 9 then 11 was one cluster through a third claim), which splits the
# scenario's relayed "up to 30" from the ministry's "14" and its two daily averages (126, 75)
# tensions 0.70 -> 0.60 (same session): "an average of 3,800 people a month have left" now
# counts people who left (what happened to a total happened to what it counts), and people
# who left are not people evacuated ("some 9,000 a month have been evacuated"): not compared
LEDGER_FLOORS_5 = ledger_floors(0.60, 0.62, 0.75, 0.53, tensions=0.60)


@pytest.mark.parametrize(
    ("corpus", "floors"),
    [
        (SCENARIO, LEDGER_FLOORS),
        (SCENARIO2, LEDGER_FLOORS_2),
        (SCENARIO4, LEDGER_FLOORS_4),
        (SCENARIO5, LEDGER_FLOORS_5),
    ],
    ids=["scenario", "scenario2", "scenario4", "scenario5"],
)
def test_scenario_ledger_figures(
    shared: Path, tmp_path: Path, corpus: Path, floors: dict[str, float]
) -> None:
    """Clusters, origins, assessments, tensions and descriptor conflicts on our own corpora."""
    articles, gold = corpus / "articles.jsonl", corpus / "gold.json"
    result = _score_ledger(shared, articles, gold, tmp_path, floors)
    assert result.returncode == 0, result.stdout + result.stderr


def test_dev_articles_in_one_ledger(shared: Path, tmp_path: Path) -> None:
    """The two dev articles together: the desertion figures are checked against each other,
    and the claims relayed through TASS resolve to their origins."""
    data = json.loads(
        _ledger_export([str(shared / "corpus" / "dev" / "articles.jsonl")], tmp_path).read_text()
    )
    tensions = [c for c in data["checks"] if c["verdict"] == "tension"]
    assert any(
        {"21,600"} <= set(c["figures"]) and "18,000" in " ".join(c["figures"]) for c in tensions
    )
    consistent = [c for c in data["checks"] if c["verdict"] == "consistent"]
    assert any("180,000" in c["figures"] for c in consistent)
    relayed = [c for c in data["claims"] if c["chain"][:1] == ["TASS"] and len(c["chain"]) > 1]
    assert len(relayed) >= 3
    assert all(c["origin"] == c["chain"][-1] != "TASS" for c in relayed)


# Real reporting (issue 10): the hand-annotated cross-article gold over 60 PolNeAR train articles.
# These are the figures the ledger reaches, pinned a little below (2026-12-08, session 11: clusters
# F1 0.650, assessment 0.770); some of the targets are above them (see CHANGELOG.md), so
# this guards against regression, it does not claim the targets.
POLNEAR_LEDGER_FLOORS = {
    "clusters.p": 0.90,
    "clusters.f1": 0.645,
    "assessment.acc": 0.765,
    "independence.acc": 0.87,
    "origins.acc": 0.81,
    "tensions.false": 0,
}


def test_polnear_ledger_figures(shared: Path, tmp_path: Path) -> None:
    data = shared / "corpus" / "polnear-ledger"
    if not (data / "gold.json").is_file():
        pytest.skip(f"{data}/gold.json is absent")
    result = _score_ledger(
        shared, data / "inputs.jsonl", data / "gold.json", tmp_path, POLNEAR_LEDGER_FLOORS
    )
    assert result.returncode == 0, result.stdout + result.stderr
