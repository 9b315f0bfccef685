# Two commands matter: `make run` and `make test`. Both set everything up on a fresh machine.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEB_PACKAGES := fonts-dejavu-core fonts-liberation2 poppler-utils xvfb xauth \
	libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1 \
	libxkbcommon-x11-0 libxcb-cursor0 libegl1 libgl1 libfontconfig1 libdbus-1-3

.PHONY: run test lint format setup debs bench dist translations clean

run: setup
	$(BIN)/de06desk

test: setup lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

lint: setup
	$(BIN)/ruff check de06desk tests
	$(BIN)/ruff format --check de06desk tests
	$(BIN)/lint-imports

format: setup
	$(BIN)/ruff check --fix de06desk tests
	$(BIN)/ruff format de06desk tests

setup: debs $(STAMP) translations

# Debian packages the app and tests need (fonts, PDF tools, Xvfb, Qt's xcb libraries).
debs:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian packages: $$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
		else \
			echo "Missing Debian packages (run as root or: sudo apt-get install $$missing)"; exit 1; \
		fi; \
	fi

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,dev]'
	touch $(STAMP)

translations: $(STAMP)
	@for ts in resources/i18n/*.ts; do \
		[ -e "$$ts" ] || continue; \
		qm=$${ts%.ts}.qm; \
		if [ ! -e "$$qm" ] || [ "$$ts" -nt "$$qm" ]; then $(BIN)/pyside6-lrelease -silent "$$ts" -qm "$$qm"; fi; \
	done

bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.bench.run

dist: setup
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build installer/de06desk.spec

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
