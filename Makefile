# recoupe — two commands on a fresh machine with Python 3.11 and make:
#   make demo    builds the dossier of the bundled sample corpus
#   make test    lint, types and the test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO   := demo-out
DATA   ?= ../shared/data

.PHONY: setup demo test test-fast test-slow lint eval eval-fast bench bench-compare lock clean help

help:
	@echo "make demo       build the sample dossier (creates .venv on first use)"
	@echo "make test       ruff, mypy and the test suite (not the slow tier)"
	@echo "make test-slow  the slower tier"
	@echo "make eval       quality figures on ../shared/data against pinned floors"
	@echo "make bench      throughput and memory benchmarks"
	@echo "make bench-compare BEFORE=rev   analysis cost per document against a revision"
	@echo "make lock       re-resolve requirements.lock from pyproject.toml"

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -c 'import sys; sys.exit("recoupe needs Python 3.11 or newer") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: setup
	rm -rf $(DEMO) && mkdir -p $(DEMO)
	$(BIN)/recoupe ingest examples/marseille/manifest.jsonl --db $(DEMO)/marseille.db
	$(BIN)/recoupe export --db $(DEMO)/marseille.db --format json -o $(DEMO)/dossier.json
	$(BIN)/recoupe status --db $(DEMO)/marseille.db
	$(BIN)/recoupe timeline --db $(DEMO)/marseille.db --svg $(DEMO)/timeline.svg > $(DEMO)/timeline.txt
	@echo
	@echo "The dossier is in $(DEMO)/:"
	@echo "  $(DEMO)/dossier.json   the export (format recoupe.dossier/1)"
	@echo "  $(DEMO)/timeline.svg   the timeline as a picture (timeline.txt as text)"
	@echo "  $(DEMO)/marseille.db   the SQLite dossier: try"
	@echo "    $(BIN)/recoupe search 'narcotrafic' --db $(DEMO)/marseille.db"
	@echo "    $(BIN)/recoupe entities list --db $(DEMO)/marseille.db"
	@echo "    $(BIN)/recoupe discrepancies --db $(DEMO)/marseille.db"

lint: setup
	$(BIN)/ruff check src tests eval bench
	$(BIN)/ruff format --check src tests eval bench
	$(BIN)/mypy

test: lint
	$(BIN)/python -m pytest -n 2 -q

test-fast: setup
	$(BIN)/python -m pytest -n 2 -q -x

test-slow: setup
	$(BIN)/python -m pytest -n 2 -q -m slow || test $$? -eq 5

eval: setup
	RECOUPE_EVAL_DATA=$(DATA) $(BIN)/python -m eval.run

eval-fast: setup
	RECOUPE_EVAL_DATA=$(DATA) $(BIN)/python -m eval.run --fast

bench: setup
	$(BIN)/python -m bench.ingest
	$(BIN)/python -m bench.entities

# analysis cost per document against an earlier revision: make bench-compare BEFORE=<rev>
BEFORE ?= HEAD~1
bench-compare: setup
	$(BIN)/python -m bench.compare --before $(BEFORE)

lock:
	test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--universal -o requirements.lock --quiet

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache .mypy_cache .ruff_cache .hypothesis
