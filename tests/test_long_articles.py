"""Long articles: parsed in pieces with every offset into the whole text; too long, refused."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimledger.cli import app
from claimledger.errors import TooLongError
from claimledger.models import Article, Extraction, SourceInfo
from claimledger.nlp import pipeline as nlp_pipeline
from claimledger.nlp.pipeline import MAX_CHARS, parse, split_text
from claimledger.pipeline import extract_articles

PARAGRAPH = (
    "Regional governor Olena Savchuk said 120 residents were evacuated from Kupiansk on "
    "3 March. She added that the shelling had lasted six hours. According to the General "
    'Staff, 14 drones were shot down overnight. "The situation is difficult," she said.'
)
LAST = "Colonel Petro Moroz told reporters that 4,321 shells hit Kherson in May."


def long_text(chars: int) -> str:
    """Paragraphs of attributed sentences, then one last paragraph unlike the others."""
    paragraphs = [f"{PARAGRAPH} Report {n} was filed." for n in range(chars // len(PARAGRAPH))]
    return "\n\n".join([*paragraphs, LAST]) + "\n"


def extract(text: str) -> Extraction:
    article = Article(text, SourceInfo(id="long", published="2024-06-01"))
    (outcome,) = list(extract_articles([article]))
    assert isinstance(outcome, Extraction), outcome
    return outcome


def assert_offsets_slice(text: str, ex: Extraction) -> None:
    """Every span of the extraction is the text at its offsets in the whole article."""
    spans = [s for c in ex.claims for s in (c.content, c.cue, *c.hedges) if s is not None]
    assert spans
    assert all(text[s.start : s.end] == s.text for s in spans)
    speakers = [c.speaker for c in ex.claims if c.speaker.start is not None]
    assert speakers
    assert all(text[s.start : s.end] == s.text for s in speakers)  # type: ignore[misc]
    assert ex.quantities and all(text[q.start : q.end] == q.text for q in ex.quantities)
    places = [p for p in ex.places if p.start is not None]
    assert places and all(text[p.start : p.end] == p.text for p in places)  # type: ignore[misc]


@pytest.fixture
def small_model_limit(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> int:
    """spaCy's max_length lowered to 30,000 characters, pieces to 8,000: a 60k-character
    article is past the model's limit as a 1.2M-character one is past the real one."""
    monkeypatch.setattr(nlp, "max_length", 30_000)
    monkeypatch.setattr(nlp_pipeline, "PIECE_CHARS", 8_000)
    return 30_000


def test_an_article_past_the_model_limit_is_extracted(small_model_limit: int) -> None:
    text = long_text(2 * small_model_limit)
    ex = extract(text)
    assert_offsets_slice(text, ex)
    last = ex.claims[-1]
    assert last.content.text == "4,321 shells hit Kherson in May"
    assert last.content.start == text.index("4,321 shells")
    assert last.speaker.name == "Petro Moroz"
    assert ex.quantities[-1].start == text.index("4,321")
    assert len(ex.claims) >= 3 * (len(text) // len(PARAGRAPH))


def test_pieces_join_into_one_doc_of_the_whole_text(small_model_limit: int) -> None:
    text = long_text(2 * small_model_limit)
    (doc,) = list(parse([text]))
    assert doc.text == text
    assert doc.has_annotation("DEP") and doc.has_annotation("ENT_IOB")
    kherson = [e for e in doc.ents if e.text == "Kherson"]
    assert kherson and kherson[-1].start_char == text.rindex("Kherson")


def test_short_and_long_articles_keep_their_order(small_model_limit: int) -> None:
    texts = ["Officials said 5 drones fell.", long_text(20_000), "Moroz said 7 tanks burned."]
    docs = list(parse(texts, batch_size=2))
    assert [d.text for d in docs] == texts


def test_a_long_text_goes_through_the_model_one_piece_at_a_time(
    small_model_limit: int, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Memory: a batch holds one piece of a long text, never several, and no Doc keeps the
    model's token vectors (each a view pinning its whole batch's activations)."""
    sizes: list[int] = []
    real_pipe = nlp.pipe

    def pipe(texts: Any, batch_size: int = 8, **kw: Any) -> Iterator[Any]:
        sizes.append(batch_size)
        return real_pipe(texts, batch_size=batch_size, **kw)

    monkeypatch.setattr(nlp, "pipe", pipe)
    texts = ["Officials said 5 drones fell.", long_text(20_000)]
    docs = list(parse(texts, batch_size=8))
    assert sizes == [8, 1]
    assert all(d.tensor.size == 0 for d in docs)


@pytest.mark.parametrize(
    ("text", "size", "first"),
    [
        (
            "aaaa bbbb cccc. dddd\n\neeee ffff gggg hhhh",
            30,
            "aaaa bbbb cccc. dddd\n\n",
        ),  # blank line
        ("aaaa bbbb\ncccc dddd. eeee ffff gggg", 30, "aaaa bbbb\ncccc dddd. "),  # a sentence end
        ("aaaa bbbb cccc dddd eeee ffff gggg hh", 30, "aaaa bbbb cccc dddd eeee ffff "),  # space
        ("x" * 70, 30, "x" * 30),  # no whitespace at all: a hard cut
    ],
)
def test_split_text_prefers_paragraphs_then_sentences_then_spaces(
    text: str, size: int, first: str
) -> None:
    pieces = split_text(text, size)
    assert "".join(pieces) == text
    assert all(0 < len(p) <= size for p in pieces)
    assert pieces[0] == first


def test_split_text_keeps_a_short_text_whole() -> None:
    assert split_text("Officials said 5 drones fell.", 100) == ["Officials said 5 drones fell."]


def test_an_article_over_max_chars_is_refused_and_costs_no_other() -> None:
    huge = Article("word " * (MAX_CHARS // 5) + "end", SourceInfo(id="huge", path="huge.txt"))
    fine = Article("Officials said 5 drones fell.", SourceInfo(id="fine"))
    first, second = list(extract_articles([huge, fine]))
    assert isinstance(first, TooLongError)
    assert first.length == MAX_CHARS + 3
    assert f"too long: {MAX_CHARS + 3:,} characters > {MAX_CHARS:,}" in str(first)
    assert "huge.txt (article huge)" in str(first)
    assert isinstance(second, Extraction) and second.claims


def test_a_refusal_crosses_worker_processes_intact() -> None:
    err = pickle.loads(pickle.dumps(TooLongError("a.txt (article a)", 6_000_000, MAX_CHARS)))
    assert isinstance(err, TooLongError)
    assert (err.location, err.length, err.limit) == ("a.txt (article a)", 6_000_000, MAX_CHARS)


@pytest.fixture
def huge_file(tmp_path: Path) -> Path:
    path = tmp_path / "huge.txt"
    path.write_text("Officials said troops advanced. " * (MAX_CHARS // 32 + 1))
    return path


def test_cli_refuses_a_too_long_article(huge_file: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(huge_file)])
    assert result.exit_code == 1
    assert re.search(r"Error: .*huge\.txt.*too long: [\d,]+ characters > 5,000,000", result.stderr)
    assert result.stdout == ""


def test_cli_skips_a_too_long_article_and_extracts_the_others(
    huge_file: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("The governor said 12 drones were shot down.\n")
    result = CliRunner().invoke(app, ["extract", str(huge_file), str(other), "--on-error", "skip"])
    assert result.exit_code == 0, result.stderr
    assert "Skipped 1 input(s)" in result.stderr
    assert re.search(r"huge\.txt.*too long: [\d,]+ characters > 5,000,000", result.stderr)
    assert len(result.stdout.splitlines()) == 1
    assert '"12 drones were shot down"' in result.stdout


@pytest.mark.slow
def test_an_article_past_the_real_model_limit(nlp: Language) -> None:
    """The real thing: over spaCy's 1,000,000 characters (error E088 before)."""
    text = long_text(nlp.max_length + 20_000)
    assert len(text) > nlp.max_length
    ex = extract(text)
    assert_offsets_slice(text, ex)
    assert ex.claims[-1].content.start == text.index("4,321 shells")


def test_ingest_hashes_and_signs_the_text_before_the_write_transaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The write lock is held only for work that reads or writes the ledger: the text's hash
    (once, not per claim) and its copy signature are computed before it is taken."""
    import claimledger.ledger as ledger_module
    import claimledger.models as models
    from claimledger.ledger import open_ledger
    from claimledger.store.sqlite import SQLiteStore

    store = SQLiteStore(tmp_path / "l.db", create=True)
    inside: list[str] = []
    in_tx = [False]
    real_tx, real_hash, real_sig = store.transaction, models.content_hash, ledger_module.signature

    @contextmanager
    def tx() -> Iterator[None]:
        in_tx[0] = True
        try:
            with real_tx():
                yield
        finally:
            in_tx[0] = False

    def spy(name: str, fn: Callable[[str], Any]) -> Callable[[str], Any]:
        def call(text: str) -> Any:
            if in_tx[0]:
                inside.append(name)
            return fn(text)

        return call

    monkeypatch.setattr(store, "transaction", tx)
    monkeypatch.setattr(models, "content_hash", spy("hash", real_hash))
    monkeypatch.setattr(ledger_module, "signature", spy("signature", real_sig))
    extraction = extract(long_text(3_000))
    outcome = open_ledger(store).ingest(extraction)
    assert outcome.status == "new" and outcome.claims == len(extraction.claims) > 3
    assert inside == []
    assert store.article(extraction.article.doc_id) is not None
    store.close()
