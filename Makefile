# Banshou — two commands matter: `make run` and `make test`.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run demo test lint bench translations system-deps clean

# On Debian/Ubuntu, install the Qt libraries and a CJK font if they are missing (asks for sudo).
system-deps:
	@if command -v dpkg-query >/dev/null 2>&1; then bash installer/debian-deps.sh; fi

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null || { echo "需要 Python 3.11 (python3.11)"; exit 1; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

run: system-deps $(STAMP)
	$(BIN)/banshou

demo: system-deps $(STAMP)
	$(BIN)/banshou demo

test: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest
	$(BIN)/ruff check app ui localdb tests

lint: $(STAMP)
	$(BIN)/ruff check app ui localdb tests

bench: system-deps $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/banshou bench

# lupdate → fill new strings from installer/translations_en.json → lrelease (tests fail while any is missing)
translations: $(STAMP)
	$(BIN)/python installer/fill_translations.py --all

clean:
	rm -rf $(VENV) build dist *.egg-info
