"""A small ledger of invented reports, built once per session, and API clients over it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from apidata import REPORTS, TOKEN
from fastapi.testclient import TestClient

from backends import BACKENDS, PgServer
from claimledger.library import open_ledger
from claimledger.models import Article, SourceInfo
from claimledger.server.app import ServerSettings, create_app


def _articles() -> list[Article]:
    return [
        Article(
            r["text"],
            SourceInfo(
                path="api-tests",
                id=r["id"],
                outlet=r["outlet"],
                title=r["title"],
                published=r["published"],
            ),
        )
        for r in REPORTS
    ]


@pytest.fixture(scope="session")
def built_ledger(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("api") / "ledger.db"
    with open_ledger(path, write=True) as led:
        events = list(led.ingest(_articles()))
    assert [e.status for e in events] == ["new"] * len(REPORTS)
    return path


@pytest.fixture
def ledger_copy(built_ledger: Path, tmp_path: Path) -> Path:
    """A copy of the ledger a test may write into."""
    target = tmp_path / "ledger.db"
    shutil.copy(built_ledger, target)
    return target


@pytest.fixture(scope="session")
def pg_built_ledger(pg_server: PgServer) -> str:
    """The same ledger in a PostgreSQL database."""
    url = pg_server.new_database()
    with open_ledger(url, write=True) as led:
        events = list(led.ingest(_articles()))
    assert [e.status for e in events] == ["new"] * len(REPORTS)
    return url


@pytest.fixture(params=BACKENDS)
def client(request: pytest.FixtureRequest) -> TestClient:
    """A reading client, over each backend's ledger (the same reports)."""
    ledger = request.getfixturevalue(
        "built_ledger" if request.param == "sqlite" else "pg_built_ledger"
    )
    return TestClient(create_app(ServerSettings(str(ledger), token=TOKEN)))


@pytest.fixture
def writer(ledger_copy: Path) -> TestClient:
    return TestClient(create_app(ServerSettings(str(ledger_copy), token=TOKEN)))
