# raqib: `make demo` runs the extractor on the bundled sample articles; `make test` runs the tests.
# Each creates (or reuses) the virtual environment .venv on first use.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: demo test lint bench eval

$(STAMP): pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test,server]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

# The main job on the bundled samples: print what raqib extracts, store it, serve the page.
demo: $(STAMP)
	$(VENV)/bin/raqib extract --jsonl raqib/samples/articles.jsonl --format table
	$(VENV)/bin/raqib ingest raqib/samples/articles.jsonl --db demo.sqlite --workers 1
	@echo "Open http://127.0.0.1:8000/ (Ctrl-C stops the server)"
	$(VENV)/bin/raqib serve --db demo.sqlite --port 8000

lint: $(STAMP)
	$(VENV)/bin/ruff check raqib tests bench scripts

test: $(STAMP)
	$(VENV)/bin/ruff check raqib tests bench scripts
	$(VENV)/bin/pytest -q -p no:cacheprovider

eval: $(STAMP)
	$(PY) bench/eval_dev.py

bench: $(STAMP)
	$(PY) bench/bench_pipeline.py
