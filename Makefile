# Two entry points for a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

CYTOSCAPE := 3.34.4
ASSETS := api/static/vendor/cytoscape.min.js

NEO4J := tools/neo4j/target/classpath.txt

.PHONY: demo test lint clean assets browser neo4j

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(STAMP)

## The graph-drawing library of the web page, vendored from the npm registry (not committed).
assets: $(ASSETS)
$(ASSETS):
	rm -rf .npm-pack && mkdir -p .npm-pack api/static/vendor
	cd .npm-pack && npm pack --silent cytoscape@$(CYTOSCAPE) >/dev/null && tar -xzf cytoscape-$(CYTOSCAPE).tgz
	cp .npm-pack/package/dist/cytoscape.min.js $(ASSETS)
	cp .npm-pack/package/LICENSE api/static/vendor/cytoscape.LICENSE
	rm -rf .npm-pack

## Debian's Chromium for the browser tests (Playwright drives it; no browser download).
browser:
	(command -v chromium && fc-list :lang=zh | grep -q .) >/dev/null 2>&1 || apt-get install -y -q chromium fonts-wqy-zenhei >/dev/null 2>&1 || \
		(apt-get update -q >/dev/null && apt-get install -y -q chromium fonts-wqy-zenhei >/dev/null)

## A real Neo4j 5 for the tests: Neo4j's test harness, built with Maven (its jars come from Maven Central).
## Without Java or Maven nothing is built and the Neo4j tests skip, saying why.
neo4j: $(NEO4J)
$(NEO4J): tools/neo4j/pom.xml tools/neo4j/src/main/java/xunshi/Neo4jServer.java
	@if command -v mvn >/dev/null && command -v java >/dev/null; then \
		mvn -q -B -f tools/neo4j/pom.xml package; \
	else echo "no Java or Maven: the Neo4j tests will skip"; fi

## Ingest the bundled sample corpus into the embedded store (./data) and serve it on 127.0.0.1:8000.
demo: $(STAMP) $(ASSETS)
	$(BIN)/xunshi ingest samples
	$(BIN)/xunshi serve --host 127.0.0.1 --port 8000

## Run the whole test suite (lint first).
test: $(STAMP) $(ASSETS) browser neo4j
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest -q

clean:
	rm -rf $(VENV) data .pytest_cache api/static/vendor tools/neo4j/target
