# news-warehouse: everything starts from python3 (3.11) on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LANDING ?= samples/landing
WAREHOUSE ?= warehouse/news.duckdb
ARTICLES ?= 100000
# Dedup bench corpus: real SaudiNewsNet sentences + planted copies: 100k with datasketch beside
# it (~5 min) and the incremental measurement, then 1M without datasketch (~11 min, ~13 GB peak:
# the corpus is held as Python strings); see docs/stages/dedup.md.
DEDUP_ARTICLES ?= 100000 1000000
DEDUP_DATASKETCH_MAX ?= 100000
DEDUP_WAREHOUSE ?= 100000
DAGSTER_HOME := $(CURDIR)/.dagster_home
SHARED_DATA ?= ../shared/data

.PHONY: setup run status test lint ui bench clean model model-deps model-check fuzz

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv
	$(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode -e '.[dev]'
	touch $(STAMP)

$(DAGSTER_HOME)/dagster.yaml: dagster.yaml
	mkdir -p $(DAGSTER_HOME)
	cp dagster.yaml $(DAGSTER_HOME)/dagster.yaml

# Runs are recorded in the instance `make ui` shows.
run: setup $(DAGSTER_HOME)/dagster.yaml
	DAGSTER_HOME=$(DAGSTER_HOME) $(BIN)/news-warehouse run --landing $(LANDING) --warehouse $(WAREHOUSE)

status: setup
	$(BIN)/news-warehouse status --warehouse $(WAREHOUSE)

test: setup
	$(BIN)/lint-imports --no-logo
	$(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check pipelines schemas tests bench samples
	$(BIN)/mypy pipelines schemas
	$(BIN)/lint-imports --no-logo

# The hostile-input fuzz suite, long profile (tests run the bounded "ci" profile); figures in
# warehouse/fuzz-stats.json. FUZZ_E2E: examples run end to end through news-warehouse run.
FUZZ_E2E ?= 10
fuzz: setup
	HYPOTHESIS_PROFILE=long NEWS_FUZZ_E2E_EXAMPLES=$(FUZZ_E2E) NEWS_FUZZ_STATS=$(CURDIR)/warehouse/fuzz-stats.json \
		$(BIN)/pytest -q -p no:cacheprovider tests/hostile/test_fuzz.py
	cat warehouse/fuzz-stats.json

ui: setup $(DAGSTER_HOME)/dagster.yaml
	DAGSTER_HOME=$(DAGSTER_HOME) NEWS_LANDING_DIR=$(abspath $(LANDING)) NEWS_WAREHOUSE=$(abspath $(WAREHOUSE)) \
		$(BIN)/dagster dev -h 127.0.0.1 -p 3000 -m pipelines.definitions

bench: setup
	$(BIN)/python bench/bench_real_news.py $(SHARED_DATA)/saudinewsnet --incremental
	$(BIN)/python bench/bench_pipeline.py --articles $(ARTICLES)
	$(BIN)/python bench/bench_dedup.py --articles $(DEDUP_ARTICLES) --datasketch-max $(DEDUP_DATASKETCH_MAX) --warehouse-articles $(DEDUP_WAREHOUSE)
	$(BIN)/python bench/bench_html.py $(SHARED_DATA) --copies 10 --workers 2
	$(BIN)/python bench/bench_warc_read.py $(SHARED_DATA) --copies 10
	$(BIN)/python bench/bench_dates.py --articles 20000 --workers 2
	$(BIN)/python bench/bench_entities.py --articles 2000 --workers 2

# The build's inputs at the versions that rebuild the committed models byte for byte.
model-deps: setup
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps \
		-r pipelines/enrich/entities/build/requirements.txt

# Rebuild the entity tagger models, gazetteer and person/organisation crosswalk (deterministic;
# needs ../shared/data and the CC-BY-4.0 person-name list of arabnamer, ArWikiCats' (MIT) people,
# club and organisation names and wordfreq's (CC BY-SA 4.0 data) Arabic, English and French word
# frequencies, all read as data: their dependencies are not needed), and the project's own list
# of well-known organisations (pipelines/enrich/entities/build/data/organisations*.tsv). English
# trains on UNER EWT, wikigold, BTC and WNUT-17, French on Europeana Newspapers FR (latin_train).
# With the pins of model-deps, every file under models/ comes out identical (git status clean).
model: model-deps
	$(BIN)/python -m pipelines.enrich.entities.build.train --anercorp $(SHARED_DATA)/anercorp/train.txt \
		--uner $(SHARED_DATA)/uner_english_ewt/dev.iob2 --out pipelines/enrich/entities/models/
	$(BIN)/python -m pipelines.enrich.entities.build.latin_train --shared $(SHARED_DATA) \
		--out pipelines/enrich/entities/models/

# Rebuild the gazetteer, crosswalk and word lists into a scratch folder; compare with models/.
model-check: model-deps
	$(BIN)/python -m pipelines.enrich.entities.build.reproduce --shared $(SHARED_DATA)

clean:
	rm -rf $(VENV) .dagster_home warehouse/*.duckdb warehouse/*.wal
