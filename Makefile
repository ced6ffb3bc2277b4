# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
DEV_ENV := DEBUG=1 DEMO_MODE=1

.PHONY: run test test-pure lint install bench bench-db fuzz browser messages clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

## make run: install, migrate, load demo data once, serve on http://127.0.0.1:8000 (SQLite by default)
run: $(STAMP)
	$(DEV_ENV) $(BIN)/python manage.py migrate --noinput
	$(DEV_ENV) $(BIN)/python manage.py setup_demo
	$(DEV_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "Serving on http://127.0.0.1:8000  (Ctrl-C stops)"
	$(DEV_ENV) $(BIN)/python manage.py runserver 127.0.0.1:8000

## make test: every test (real-browser tests skip with a reason when Chromium is missing: make browser)
test: $(STAMP)
	$(BIN)/python -m pytest

## make test-pure: the tests of the pure cores (core/, ingest/), without starting Django (seconds)
PURE_TESTS := tests/test_fingerprints.py tests/test_dimensions.py tests/test_dates.py tests/test_places.py tests/test_text.py \
	tests/test_vocabulary.py tests/test_textfiles.py tests/test_caption_parser.py tests/test_parser_properties.py tests/test_caption_boundaries.py \
	tests/test_printing.py tests/test_record_layouts.py tests/test_place_phrases.py tests/test_event_dates.py tests/test_cut_off_words.py tests/test_pasted_surface.py tests/test_parser_gates.py
test-pure: $(STAMP)
	$(BIN)/python -m pytest -p no:django -W ignore::pytest.PytestConfigWarning $(PURE_TESTS)

## make lint: style (ruff), import contracts (import-linter, in pyproject.toml), migrations in step with the models
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	DEBUG=1 $(BIN)/python manage.py makemigrations --check --dry-run

## make fuzz: the parser on 100,000 generated and mutated blocks (no exception, fields valid, SPEC codes only)
fuzz: $(STAMP)
	$(BIN)/python scripts/fuzz_parser.py --count 100000

## make browser: install Debian's Chromium for the real-browser tests
browser:
	bash scripts/install-browser.sh

## make bench: the parser benchmark (the database ones need a bench database: see docs/BENCHMARKS.md)
bench: $(STAMP)
	$(BIN)/python bench/bench_parser.py

## make messages: refresh the German catalogue from the code (no line numbers, so branches merge), then compile it
messages: $(STAMP)
	DEBUG=1 $(BIN)/python manage.py makemessages -l de --no-location --ignore=.venv --ignore=staticfiles --ignore=var
	DEBUG=1 $(BIN)/python manage.py compilemessages -l de --ignore=.venv

## make bench-db: the archive at scale on PostgreSQL, side by side with datasette (COUNT=1000000 for a million)
COUNT ?= 100000
BENCH_DB ?= bench_archive
BENCH_PORT ?= 8104
BENCH_STAMP := $(VENV)/.bench-stamp
$(BENCH_STAMP): $(STAMP) requirements-bench.txt
	$(BIN)/python -m pip install --quiet -r requirements-bench.txt
	touch $(BENCH_STAMP)

bench-db: $(BENCH_STAMP)
	$(BIN)/python bench/bench_db.py --count $(COUNT) --db $(BENCH_DB) --port $(BENCH_PORT) $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache
