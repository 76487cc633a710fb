# kipu: `make demo` sets up .venv and runs the demo; `make test` sets up .venv with dev extras and runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: help demo test check lint eval clean licenses reliability

help:  ## list the targets
	@grep -E '^[a-z]+:.*##' Makefile | sed -E 's/:.*## /\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(STAMP)

demo: $(STAMP)  ## create .venv, install kipu, run the whole pipeline on the bundled demo corpus
	$(BIN)/kipu demo

test: $(DEV_STAMP)  ## create or refresh .venv with the dev extras and run the test suite
	$(BIN)/python -m pytest

lint: $(DEV_STAMP)  ## ruff
	$(BIN)/ruff check src tests benchmarks scripts

check: lint test  ## what CI runs

licenses: $(DEV_STAMP)  ## rewrite docs/LICENSES.md: the licence of every runtime dependency (pip-licenses)
	$(BIN)/python -m pip install --quiet -e '.[licenses]'
	$(BIN)/python scripts/licenses.py

reliability: $(DEV_STAMP)  ## the long reliability run (docs/RELIABILITY.md): >= 100,000 fuzz cases, 50 kill -9
	KIPU_RELIABILITY=long KIPU_RELIABILITY_REPORT=reliability-report.json $(BIN)/python -m pytest tests/reliability -p no:cacheprovider

clean:  ## remove the virtual environment and the demo store
	rm -rf $(VENV) kipu-data
