# Two commands matter: `make run` and `make test`. Both set everything up on a fresh machine.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEB_PACKAGES := fonts-dejavu-core fonts-liberation2 poppler-utils xvfb xauth \
	libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1 \
	libxkbcommon-x11-0 libxcb-cursor0 libegl1 libgl1 libfontconfig1 libdbus-1-3 \
	sqlite3

.PHONY: run test lint format setup debs bench attack dist translations clean

run: setup
	$(BIN)/de06desk

test: setup lint
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q $(if $(filter true 1 yes,$(CI)),-m "dist or not dist")

lint: setup
	$(BIN)/ruff check de06desk tests installer docs
	$(BIN)/ruff format --check de06desk tests installer docs
	$(BIN)/lint-imports
	$(BIN)/python -m tests.lint_writes
	$(BIN)/mypy

format: setup
	$(BIN)/ruff check --fix de06desk tests installer docs
	$(BIN)/ruff format de06desk tests installer docs

setup: debs $(STAMP) translations

# Debian packages the app and tests need (fonts, PDF tools, Xvfb, Qt's xcb libraries; the
# sqlite3 shell is the reference `make bench` measures sync against).
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

# The standing attack suite's long run (docs/SECURITY.md §7): CASES trials spread over every
# family of tests/attack/*.py; SEED repeats a run. Exits non-zero on any failure.
CASES ?= 100000
attack: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.attack.run --cases $(CASES) $(if $(SEED),--seed $(SEED))

# The installable program for this platform (installer/README.md): dist/de06desk/ (one folder).
dist: setup
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build installer/de06desk.spec

# Linux: dist/de06desk-<version>-linux-<arch>.tar.gz = the folder + .desktop entry, icon, install.sh.
APP_VERSION = $(shell sed -n 's/^__version__ = "\(.*\)"/\1/p' de06desk/__init__.py)
LINUX_PKG := de06desk-$(APP_VERSION)-linux-$(shell uname -m)
.PHONY: dist-linux
dist-linux: dist
	rm -rf build/$(LINUX_PKG) && mkdir -p build/$(LINUX_PKG)
	cp -a dist/de06desk installer/linux/install.sh installer/linux/de06desk.desktop \
		installer/linux/README.txt resources/icons/de06desk.png build/$(LINUX_PKG)/
	tar -C build --owner=0 --group=0 --numeric-owner -czf dist/$(LINUX_PKG).tar.gz $(LINUX_PKG)
	@echo "dist/$(LINUX_PKG).tar.gz: $$(du -h dist/$(LINUX_PKG).tar.gz | cut -f1)"

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .mypy_cache
