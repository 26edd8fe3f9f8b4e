# FlameBlue (火焰蓝). `make demo` and `make test` work on a fresh machine with python3 (3.11+).
# The virtual environment is created on first use; dependencies are reinstalled only when pyproject.toml
# changes (stamp file .venv/.installed).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
PYTEST_ARGS ?=
# Two workers; --dist loadgroup keeps each xdist_group (the demo tests) on one worker.
PYTEST_PARALLEL ?= -n 2 --dist loadgroup

.PHONY: help install demo test lint format bench vendor clean-venv

help:
	@echo "make demo    install into $(VENV), migrate SQLite under var/, load the Bozhou demo data, serve http://127.0.0.1:8000"
	@echo "make test    run the whole test suite on 2 workers (SQLite unless DATABASE_URL is set; browser tests need"
	@echo "             /usr/bin/chromium); serial: make test PYTEST_PARALLEL="""
	@echo "make lint    ruff check + ruff format --check"
	@echo "make bench   every bench/*_bench.py at province scale (needs DATABASE_URL=postgres://...;"
	@echo "             sizes: make bench UNITS=1000000)"
	@echo "make vendor  refresh the vendored front-end assets (scripts/refresh-vendor.sh)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/flameblue demo

test: $(STAMP)
	$(BIN)/pytest $(PYTEST_PARALLEL) $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Every bench/*_bench.py in turn (pages, import, sweep, dashboards …), each on the generated database
# bench_<size> (made once by bench/generate.py and reused). Sizes: make bench UNITS=1000000 (10000, 100000,
# 1000000); other options with BENCH_ARGS="--units 1000000 --repeat 30".
UNITS ?= 100000
BENCH_ARGS ?= --units $(UNITS)
bench: $(STAMP)
	@test -n "$$DATABASE_URL" || { echo "make bench needs DATABASE_URL=postgres://…"; exit 2; }
	@failed=""; for script in bench/*_bench.py; do \
		echo "== $$script $(BENCH_ARGS)"; \
		$(BIN)/python $$script $(BENCH_ARGS) || failed="$$failed $$script"; \
	done; \
	if [ -n "$$failed" ]; then echo "failed:$$failed"; exit 1; fi

vendor:
	scripts/refresh-vendor.sh

clean-venv:
	rm -rf $(VENV)
