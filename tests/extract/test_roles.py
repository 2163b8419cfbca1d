"""Who does what to whom in a claim's content (``extract/roles.py``)."""

from __future__ import annotations

import pytest

from conftest import Extract


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Police said the protesters threw bottles at the officers.",
         ("protester", ("bottle", "officer"))),
        ("The ministry said officers had beaten the protesters.", ("officer", ("protester",))),
        ("The ministry said protesters were beaten by officers.", ("officer", ("protester",))),
        ("The governor said the drones struck a depot near the river.", ("drone", ("depot",))),
        ("She said they attacked the convoy.", None),  # a pronoun agent: nobody to compare
        ("He said the talks would resume in May.", None),  # nobody acted on
    ],
)  # fmt: skip
def test_agent_and_those_acted_on(
    claims_of: Extract, text: str, want: tuple[str, tuple[str, ...]] | None
) -> None:
    (claim,) = claims_of(text)
    assert claim.roles[0] == want


def test_each_part_of_a_claim_has_its_own_roles() -> None:
    """A content of two propositions keeps one roles entry for the whole and one per part, and
    the ledger's claim of each part gets its part's."""
    from claimledger.models import Article, Extraction, SourceInfo
    from claimledger.pipeline import extract_articles
    from claimledger.propositions import split_claims

    text = ("The navy said its missiles struck the depot at the port, destroying four tanks "
            "of fuel.")  # fmt: skip
    source = SourceInfo(url=None, outlet="Test Wire", title="Port", published="2025-05-02",
                        id="wire_2025-05-02_port")  # fmt: skip
    (ex,) = extract_articles([Article(text, source)])
    assert isinstance(ex, Extraction), ex
    (claim,) = ex.claims
    assert len(claim.parts) == 2 and len(claim.roles) == 3
    # "at the port" reads as a target too: harmless, since roles are reversed only when each
    # claim's agent is among those the other acts on
    assert claim.roles[1] == ("missile", ("depot", "port"))
    parts = split_claims(ex).claims
    assert [p.roles for p in parts] == [claim.roles[1:2], claim.roles[2:3]]
