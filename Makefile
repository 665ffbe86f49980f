# Stronger Miles — the commands the README names.
# Needs only Python 3.11+ and make: the first command creates .venv and installs the pinned packages.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
LITE_STAMP := $(VENV)/.lite-stamp
# axe-core, the accessibility engine the browser tests run on every page (npm, pinned and
# checked against tools/a11y/package-lock.json by `npm ci`).
A11Y_STAMP := tools/a11y/node_modules/.installed-stamp
PORT ?= 8000
export PATH := $(abspath $(BIN)):$(PATH)
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: help install lite-install a11y-install site lite serve test test-fast lab lint format bench outputs docs readme samples clean

help:
	@echo "make site     execute and render the lessons into _build/html (STUDENT=1: no solutions)"
	@echo "make lite     the site plus its browser edition in _build/html/lite (= make site LITE=1)"
	@echo "make serve    serve _build/html on http://127.0.0.1:$(PORT)/ (the browser edition needs it)"
	@echo "make test     the whole test suite (unit, property, notebooks, site, browser)"
	@echo "make lab      open JupyterLab on the course"
	@echo "make lint     ruff check and format check"
	@echo "make bench    benchmarks, written to _build/bench/results.json"
	@echo "make outputs  re-execute the lessons and store their outputs (after editing a lesson)"
	@echo "make docs     regenerate the README lesson table and docs/package-map.md (make readme: the same)"

install: $(STAMP)

$(STAMP): pyproject.toml requirements/constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing the pinned packages into $(VENV) (first run takes a few minutes)..."
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt -e ".[dev]"
	@touch $(STAMP)

# The browser edition's build tools (JupyterLite), only for `make lite`/`LITE=1` and the tests.
lite-install: $(LITE_STAMP)

$(LITE_STAMP): $(STAMP) requirements/lite.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements/constraints.txt -r requirements/lite.txt
	@touch $(LITE_STAMP)

a11y-install: $(A11Y_STAMP)

$(A11Y_STAMP): tools/a11y/package.json tools/a11y/package-lock.json
	npm ci --prefix tools/a11y --ignore-scripts --no-audit --no-fund
	@touch $(A11Y_STAMP)

site: $(STAMP) $(if $(LITE),$(LITE_STAMP))
	$(if $(LITE),$(BIN)/python -m helpers.publish.lite $(if $(STUDENT),--student))
	$(BIN)/python -m helpers.publish $(if $(STUDENT),--student) $(if $(LITE),--lite)

lite:
	$(MAKE) site LITE=1

serve:
	@test -f _build/html/index.html || { echo "Nothing to serve: run 'make lite' (or 'make site') first."; exit 1; }
	@echo "Serving _build/html on http://127.0.0.1:$(PORT)/ (this computer only; Ctrl-C stops it)"
	$(BIN)/python -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

# Docstring examples run too (--doctest-modules over src/helpers). nbval rounds long floats in
# outputs through notebooks/conftest.py (CONTRIBUTING.md, "Stored outputs and nbval").
# The browser edition's tools are installed too: its tests build and run it (CI must); and
# axe-core from npm for the accessibility audit.
test: $(STAMP) $(LITE_STAMP) $(A11Y_STAMP)
	$(BIN)/python -m pytest tests src/helpers notebooks --doctest-modules --nbval --nbval-current-env --nbval-sanitize-with tests/sanitize.cfg

test-fast: $(STAMP)
	$(BIN)/python -m pytest tests src/helpers --doctest-modules -m "not site and not browser and not slow"

# The course's JupyterLab defaults (.jupyter/lab/settings/overrides.json): no "official Jupyter
# news" popup and no update check, so a workshop in a gym without network starts quietly.
LAB_SETTINGS := $(CURDIR)/.jupyter/lab/settings

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=. --LabApp.app_settings_dir=$(LAB_SETTINGS) $(if $(filter 0,$(shell id -u)),--allow-root) notebooks/00-start-here.ipynb

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks tools notebooks
	$(BIN)/ruff format --check src tests benchmarks tools notebooks

format: $(STAMP)
	$(BIN)/ruff check --fix src tests benchmarks tools notebooks
	$(BIN)/ruff format src tests benchmarks tools notebooks

bench: $(STAMP)
	$(BIN)/python -m benchmarks

outputs: $(STAMP)
	$(BIN)/python -m helpers.publish --store-outputs $(NB)

docs: $(STAMP)
	$(BIN)/python -m helpers.publish --docs

readme: docs

samples: $(STAMP)
	$(BIN)/python tools/make_samples.py

clean:
	rm -rf _build
