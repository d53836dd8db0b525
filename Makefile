# parley: the two commands a newcomer needs are `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= parley.duckdb

.PHONY: install demo test browser eval bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# Embeddings for hybrid search are optional: torch==2.13.0 resolves to the CPU build where one lies
	# on local disk (pip's find-links); without it, search falls back to BM25 and says so.
	# pyspark (the spark extra) is for `parley extract --engine spark` and its test (which also needs Java 17);
	# names-dataset (the lexicons extra) is for tools/build_first_names.py and the test that checks its output.
	$(BIN)/pip install --quiet torch==2.13.0 && $(BIN)/pip install --quiet -e '.[embed,test,spark,lexicons]' \
	  || $(BIN)/pip install --quiet -e '.[test,spark,lexicons]'
	touch $@

# Debian's Chromium drives the web page tests through Playwright (never a browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; }

demo: install
	$(BIN)/parley ingest examples/seeds --db $(DB)
	$(BIN)/parley timeline --db $(DB)

test: install browser
	$(BIN)/python -m pytest

eval: install
	$(BIN)/parley eval --gold ../shared/gold/seeds.json

bench: install
	$(BIN)/python bench/bench_extract.py
	$(BIN)/python bench/bench_search.py

clean:
	rm -rf $(VENV) $(DB) $(DB).wal $(DB).index .pytest_cache
