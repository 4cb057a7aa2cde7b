# Every gate in one command: `make check` (CI runs the same, see .ci/run).
PY ?= .venv/bin/python
CODE = src tests scripts bench

.PHONY: check lint test snapshots screenshot

check: lint test

lint:
	$(PY) -m ruff format --check $(CODE)
	$(PY) -m ruff check $(CODE)
	$(PY) -m mypy
	$(dir $(PY))lint-imports

test:
	$(PY) -m pytest

# After a deliberate change to the screens: update (in one process, so that syrupy sees every
# snapshot), then LOOK at every changed SVG.
snapshots:
	$(PY) -m pytest -n 0 tests/tui/test_snapshots.py --snapshot-update

screenshot:
	$(PY) scripts/screenshot.py
