"""The library API as a user imports it: open_ledger, the reads, Extractor, its errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

import claimledger
from claimledger.errors import BadArgumentError, NotFoundError, StoreError

TEXTS = [
    ("dnipro-1", "The mayor of Dnipro said that 30 buses had been sent to the station."),
    ("dnipro-2", "Dnipro's mayor said 30 buses had been sent to the railway station."),
    ("sumy-1", "The governor of Sumy reportedly said the power plant was damaged overnight."),
]


@pytest.fixture
def ledger(nlp: Language, tmp_path: Path) -> Path:
    path = tmp_path / "ledger.db"
    articles = [claimledger.Article(t, claimledger.SourceInfo(id=i)) for i, t in TEXTS]
    with claimledger.open_ledger(path, write=True) as led:
        events = list(led.ingest(articles))
    assert [(e.article, e.status) for e in events] == [(i, "new") for i, _ in TEXTS]
    return path


def test_reads_name_things_by_the_users_ids(ledger: Path) -> None:
    with claimledger.open_ledger(ledger) as led:
        assert [a.id for a in led.articles().items] == ["sumy-1", "dnipro-2", "dnipro-1"]
        first = led.claims(limit=1)
        assert first.items[0].id == "sumy-1:c1" and first.next_cursor
        rest = led.claims(cursor=first.next_cursor)
        assert [c.article for c in rest.items] == ["dnipro-2", "dnipro-1"]
        detail = led.claim("dnipro-1:c1")
        assert detail.claim.key.endswith(":c1") and detail.claim.key != "dnipro-1:c1"
        assert led.claims(hedged=True).items[0].article == "sumy-1"


def test_errors_say_what_to_do(ledger: Path, tmp_path: Path) -> None:
    with claimledger.open_ledger(ledger) as led:
        with pytest.raises(BadArgumentError, match="use one of"):
            led.claims(assessment="true")
        with pytest.raises(BadArgumentError, match="YYYY-MM-DD"):
            led.articles(date_from="03/01/2024")
        with pytest.raises(BadArgumentError, match="cursor"):
            led.claims(cursor="garbage")
        with pytest.raises(NotFoundError, match="no claim"):
            led.claim("dnipro-1:c7")
        with pytest.raises(NotFoundError, match="no article"):
            led.article("kyiv-9")
    with pytest.raises(StoreError):
        claimledger.open_ledger(tmp_path / "missing.db")


def test_a_read_only_ledger_is_not_changed(ledger: Path) -> None:
    before = ledger.read_bytes()
    with claimledger.open_ledger(ledger) as led:
        led.search("buses")
        led.clusters(min_size=1)
    assert ledger.read_bytes() == before


def test_extractor(nlp: Language) -> None:
    article = claimledger.Article(TEXTS[0][1], claimledger.SourceInfo(id="x"))
    extraction = claimledger.Extractor().extract(article)
    assert extraction.claims[0].speaker.name
    assert "30 buses" in extraction.claims[0].content.text


def test_articles_stored_already_are_not_extracted_again(
    ledger: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Resuming an interrupted ingest: the stored articles come back "unchanged" in their
    place without being parsed; only the new one is extracted."""
    import claimledger.pipeline

    extracted: list[str | None] = []
    original = claimledger.pipeline.extract_articles

    def recording(articles, **kwargs):  # type: ignore[no-untyped-def]
        articles = list(articles)
        extracted.extend(a.source.id for a in articles)
        return original(articles, **kwargs)

    monkeypatch.setattr(claimledger.pipeline, "extract_articles", recording)
    again = [claimledger.Article(t, claimledger.SourceInfo(id=i)) for i, t in TEXTS]
    again.insert(1, claimledger.Article("The mayor said the bridge had reopened.",
                                        claimledger.SourceInfo(id="bridge")))  # fmt: skip
    with claimledger.open_ledger(ledger, write=True) as led:
        events = [(e.article, e.status) for e in led.ingest(again)]
    assert events == [("dnipro-1", "unchanged"), ("bridge", "new"), ("dnipro-2", "unchanged"),
                      ("sumy-1", "unchanged")]  # fmt: skip
    assert extracted == ["bridge"]


def test_a_denial_is_linked_to_the_claim_it_denies(nlp: Language, tmp_path: Path) -> None:
    """Two propositions, two clusters: the claim's reads denied and names the denial; the
    denial's detail links back to the claim."""
    texts = [
        ("kherson-a", "2024-05-02", "Kyiv Post",
         "Ukraine's navy said on Thursday that its drones had sunk a patrol boat near Kherson."),
        ("kherson-b", "2024-05-03", "Wire One",
         "Russia's Defence Ministry denied that any patrol boat had been sunk near Kherson."),
    ]  # fmt: skip
    articles = [
        claimledger.Article(t, claimledger.SourceInfo(id=i, outlet=o, published=p))
        for i, p, o, t in texts
    ]
    with claimledger.open_ledger(tmp_path / "l.db", write=True) as led:
        list(led.ingest(articles))
        claim, denial = led.claim("kherson-a:c1"), led.claim("kherson-b:c1")
        assert claim.cluster and denial.cluster and claim.cluster.id != denial.cluster.id
        assert claim.cluster.assessment == "denied"
        assert [m.id for m in claim.linked] == ["kherson-b:c1"]
        assert [m.id for m in denial.linked] == ["kherson-a:c1"]
        assert [m.id for m in led.cluster(claim.cluster.id).linked] == ["kherson-b:c1"]


def test_a_proposition_of_a_claim_is_read_by_its_own_id(nlp: Language, tmp_path: Path) -> None:
    """A claim that says two things with figures is two propositions in the ledger: the first
    keeps the claim's number, the second adds ".2"; both are read by the user's ids."""
    text = (
        "The rebels said their fighters had killed 14 soldiers, burned 3 army trucks and "
        "held the crossing for two days."
    )
    path = tmp_path / "ledger.db"
    with claimledger.open_ledger(path, write=True) as led:
        list(led.ingest([claimledger.Article(text, claimledger.SourceInfo(id="crossing-1"))]))
    with claimledger.open_ledger(path) as led:
        ids = [c.id for c in led.claims().items]
        assert "crossing-1:c1" in ids and "crossing-1:c1.2" in ids
        assert "14 soldiers" in led.claim("crossing-1:c1").claim.content
        assert "3 army trucks" in led.claim("crossing-1:c1.2").claim.content
        with pytest.raises(NotFoundError, match="no claim"):
            led.claim("crossing-1:c1.9")
