# Two commands are the contract:
#   make serve   set everything up (venv, pinned deps, index) and start the service
#   make test    set everything up and run the tests
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
# Few malloc arenas: the server's worker threads otherwise each grow their own (RSS creep).
export MALLOC_ARENA_MAX ?= 2

.PHONY: setup index serve test test-fast bench clean browser

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	# torch first, pinned: the CPU build on this kind of machine (an unpinned torch pulls CUDA).
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)

index: setup
	$(BIN)/qa index

serve: index
	$(BIN)/qa serve --host $(HOST) --port $(PORT)

# Debian's chromium for the browser tests (Playwright's own browser download fails here).
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
		else echo "chromium missing: browser tests will be skipped (apt-get install chromium as root)"; fi; \
	fi

test: setup browser
	$(BIN)/python -m pytest

test-fast: setup
	$(BIN)/python -m pytest -m "not browser and not slow"

bench: index
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/soak.py

clean:
	rm -rf $(VENV) index/v-* index/CURRENT index/.tmp-* .pytest_cache
