# news-warehouse: everything starts from python3 (3.11) on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LANDING ?= samples/landing
WAREHOUSE ?= warehouse/news.duckdb
ARTICLES ?= 100000
DAGSTER_HOME := $(CURDIR)/.dagster_home

.PHONY: setup run status test lint ui bench clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode -e '.[dev]'
	touch $(STAMP)

$(DAGSTER_HOME)/dagster.yaml: dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $(DAGSTER_HOME)/dagster.yaml

run: setup
	$(BIN)/news-warehouse run --landing $(LANDING) --warehouse $(WAREHOUSE)

status: setup
	$(BIN)/news-warehouse status --warehouse $(WAREHOUSE)

test: setup
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check pipelines schemas tests bench samples
	$(BIN)/mypy pipelines schemas

ui: setup $(DAGSTER_HOME)/dagster.yaml
	DAGSTER_HOME=$(DAGSTER_HOME) NEWS_LANDING_DIR=$(abspath $(LANDING)) NEWS_WAREHOUSE=$(abspath $(WAREHOUSE)) \
		$(BIN)/dagster dev -h 127.0.0.1 -p 3000 -m pipelines.definitions

bench: setup
	$(BIN)/python bench/bench_pipeline.py --articles $(ARTICLES)

clean:
	rm -rf $(VENV) .dagster_home warehouse/*.duckdb warehouse/*.wal
