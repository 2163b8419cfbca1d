# claimledger: the two commands of the README's quick start, and a few for developers.
#   make demo   install everything, then extract the bundled sample articles, store them in a
#               ledger (out/demo.db) and print a report
#   make test   install what the tests need, then run the whole suite (CI runs this)

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test install install-test lint typecheck bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || (apt-get update && apt-get install -y python3-venv && $(PYTHON) -m venv $(VENV))
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	$(BIN)/python scripts/build_gazetteer.py
	touch $@

install: $(STAMP)

# The browser tests (tests/web) drive Debian's chromium through Playwright; `playwright install`
# downloads its own browser build, which cannot be fetched here, so chromium comes from apt.
# The PostgreSQL store tests start a throwaway cluster from Debian's postgresql package.
install-test: $(STAMP)
	$(BIN)/pip install --quiet -e ".[test]"
	test -x /usr/bin/chromium || (apt-get update && apt-get install -y chromium)
	test -x /usr/lib/postgresql/15/bin/initdb || (apt-get update && apt-get install -y postgresql)

demo: install
	$(BIN)/claimledger extract samples/articles.jsonl --format table
	$(BIN)/claimledger ingest samples/articles.jsonl --db out/demo.db
	$(BIN)/claimledger report --db out/demo.db

test: install-test
	$(BIN)/python -m pytest -q

lint: install-test
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

typecheck: install-test
	$(BIN)/mypy

bench: install
	$(BIN)/python benchmarks/extract_speed.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
