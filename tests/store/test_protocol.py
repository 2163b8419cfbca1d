"""The Store protocol (store/base.py) and its SQLite implementation agree method by method, so
the analysis, the library and the exports can be typed against the protocol alone."""

from __future__ import annotations

import inspect
from pathlib import Path

from claimledger.store.base import Store
from claimledger.store.sqlite import SQLiteStore


def _methods(cls: type) -> dict[str, inspect.Signature]:
    return {
        name: inspect.signature(inspect.unwrap(member))
        for name, member in inspect.getmembers(cls, inspect.isfunction)
        if not name.startswith("_")
    }


def test_the_sqlite_store_has_every_method_of_the_protocol() -> None:
    wanted, found = _methods(Store), _methods(SQLiteStore)
    missing = sorted(set(wanted) - set(found))
    assert not missing, f"SQLiteStore lacks {missing}"
    for name, signature in wanted.items():
        assert list(signature.parameters) == list(found[name].parameters), name


def test_an_open_store_is_a_store(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "ledger.db")
    try:
        assert isinstance(store, Store)
    finally:
        store.close()


def test_the_protocol_covers_what_the_library_calls() -> None:
    """Every store method the library and the ledger call is in the protocol."""
    import re

    import claimledger.ledger
    import claimledger.library

    called = set()
    for module in (claimledger.library, claimledger.ledger):
        called |= set(re.findall(r"\bstore\.([a-z]\w*)\(", inspect.getsource(module)))
    assert called and called <= set(_methods(Store)), sorted(called - set(_methods(Store)))
