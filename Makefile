# Two entry points for a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

## Ingest the bundled sample corpus into the embedded store (./data) and serve it on 127.0.0.1:8000.
demo: $(STAMP)
	$(BIN)/xunshi ingest samples
	$(BIN)/xunshi serve --host 127.0.0.1 --port 8000

## Run the whole test suite (lint first).
test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) data .pytest_cache
